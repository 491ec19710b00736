"""Settings for newsroom (owned by that area; base.py imports it last)."""
