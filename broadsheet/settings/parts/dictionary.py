"""Settings for dictionary (owned by that area; base.py imports it last)."""
