"""Only the stand-alone run (its own settings) collects these tests; the main run skips the folder."""

import os

STANDALONE = os.environ.get("DJANGO_SETTINGS_MODULE") == "tests.standalone_comments.settings"

if not STANDALONE:
    collect_ignore_glob = ["test_*.py"]
