"""WordNet readings and learner levels worked out ahead of time, in a read-only SQLite file every worker opens.

A first lookup of a word otherwise parses every synset its readings touch (about nine, through NLTK's
parser) and ranks them. Both answers are pure functions of WordNet's files, wordfreq's and cefrpy's tables and
this app's code, so `manage.py dictionary_table` writes them once for the commonest written forms, and a
lookup reads one row. The file's name carries a fingerprint of all those inputs: after any of them changes
the old file is simply not found, and lookups compute live (as they do for any form the table lacks) until
the command is run again.
"""

import hashlib
import json
import sqlite3
import threading
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .app_settings import app_settings

MISSING = object()
# What a reading depends on: these modules' code, WordNet's files, wordfreq's and cefrpy's data.
SOURCES = (
    "senses",
    "readings",
    "spelling",
    "wordnet",
    "wordnet_index",
    "levels",
    "zipf_table",
    "lemmas",
    "entry_table",
)
PACKAGES = ("nltk", "wordfreq", "cefrpy")

RECHECK_SECONDS = 30
_lock = threading.Lock()
_open = {}
_absent = object()
_absent_since = {}


@lru_cache(maxsize=1)
def fingerprint():
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in SOURCES:
        digest.update((here / f"{name}.py").read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}={version(package)};".encode())
    wordnet = Path(app_settings.WORDNET_DIR)
    for path in sorted(wordnet.iterdir()):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def path():
    from django.conf import settings

    return _path(str(settings.DATA_DIR))


@lru_cache(maxsize=4)
def _path(folder):
    return Path(folder) / f"dictionary-entries-{fingerprint()}.sqlite3"


def _connection():
    """The process's read-only connection to the current table, or None when there is none (yet: a missing
    file is looked for again every RECHECK_SECONDS, so workers pick up a table written after they started)."""
    where = path()
    found = _open.get(where)
    if (
        found is None
        or found is _absent
        and time.monotonic() - _absent_since.get(where, 0) > RECHECK_SECONDS
    ):
        with _lock:
            if where.exists():
                _open[where] = sqlite3.connect(
                    f"file:{where}?mode=ro&immutable=1", uri=True, check_same_thread=False
                )
            else:
                _open[where], _absent_since[where] = _absent, time.monotonic()
    found = _open[where]
    return None if found is _absent else found


def _read(table, key):
    connection = _connection()
    if connection is None:
        return MISSING
    with _lock:  # one connection per process, shared by the worker's threads
        row = connection.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
    return MISSING if row is None else json.loads(row[0])


def entry(form):
    """WordNet's entry for a form as senses.read_entry(form) gives it (None: no entry), or MISSING."""
    return _read("entries", form)


def level(word):
    """levels.read_level(word), or MISSING."""
    return _read("levels", word)


def forget():
    """Close the connections (tests, and a process that has just written a new table)."""
    with _lock:
        for connection in _open.values():
            if connection is not _absent:
                connection.close()
        _open.clear()
        _absent_since.clear()


def common_words(count):
    """The `count` commonest written English words (wordfreq) a reader could look up."""
    from wordfreq import top_n_list

    from .lemmas import is_word

    return [
        w for w in top_n_list("en", count) if is_word(w) and len(w) <= app_settings.MAX_WORD_LENGTH
    ]


def build(words, target=None):
    """Write the table for these words (each form lookups try for them, and the levels of their headwords);
    atomically, so workers see the old file or the whole new one. Returns (path, forms, levels)."""
    from .lemmas import surface_forms
    from .levels import read_level
    from .senses import read_entry
    from .spelling import american_forms

    target = Path(target or path())
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    entries, levels = {}, {}

    def add(form):
        if form not in entries:
            entries[form] = found = read_entry(form)
            for headword in [form, *(found and [found["lemma"], *found["spellings"]] or [])]:
                if headword.lower() not in levels:
                    levels[headword.lower()] = read_level(headword.lower())
        return entries[form]

    for word in words:
        # The forms lookup.wordnet_reading tries, in its order: the American spelling's after none is found.
        forms = surface_forms(word)
        found = [add(form) for form in forms]  # every form, as the table is read form by form
        if forms and not any(found):
            for american in american_forms(forms[-1]):
                add(american)
    with sqlite3.connect(tmp) as db:
        for table, rows in (("entries", entries), ("levels", levels)):
            db.execute(
                f"CREATE TABLE {table} (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
            )
            db.executemany(
                f"INSERT INTO {table} VALUES (?, ?)",
                (
                    (k, json.dumps(v, ensure_ascii=False, separators=(",", ":")))
                    for k, v in rows.items()
                ),
            )
    db.close()
    tmp.replace(target)
    forget()
    return target, len(entries), len(levels)
