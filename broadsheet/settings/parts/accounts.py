"""Settings for accounts (owned by that area; base.py imports it last)."""
