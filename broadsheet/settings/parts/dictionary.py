"""Settings for the reader dictionary (owned by that area; base.py imports it last). Defaults live in
broadsheet/dictionary/app_settings.py; set any DICTIONARY_* name here or in the environment to override."""

import os

# Debian's wordnet-base puts the WordNet 3.0 database files here (index.*, data.*, *.exc).
DICTIONARY_WORDNET_DIR = os.environ.get("DICTIONARY_WORDNET_DIR", "/usr/share/wordnet")
# Words above this learner level go into the "Words in this article" box. Editors can change it per site
# in Settings → Dictionary; this is the default for a site that has never saved that setting.
DICTIONARY_HARD_WORD_LEVEL = os.environ.get("DICTIONARY_HARD_WORD_LEVEL", "B2")
