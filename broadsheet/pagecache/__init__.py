"""Broadsheet's page cache: whole anonymous pages served at the ASGI door, purged by dependency tags.

See README "Page cache" and asgi.py for the design in one place.
"""
