"""Settings for comments (owned by that area; base.py imports it last)."""
