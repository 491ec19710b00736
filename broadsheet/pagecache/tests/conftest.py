"""The page cache's tests use the fixtures of fixtures.py (other apps' tests import them from there)."""

from .fixtures import asgi, fresh_cache, tree, warm  # noqa: F401  (fixtures)
