"""Settings for pagecache (owned by that area; base.py imports it last)."""
