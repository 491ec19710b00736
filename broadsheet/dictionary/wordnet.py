"""WordNet 3.0 from Debian's wordnet-base files, read with NLTK's reader. NLTK's downloader is never used.

Debian ships the database without the `lexnames` table NLTK's reader insists on, so the table lives here and
the reader is handed it in place of a file; `map_wn` is switched off because it would look for NLTK's own
download to map between WordNet versions, which we do not need; and the lemma index is searched in the
sorted files on demand (wordnet_index.py) rather than loaded whole, which saves ~80 MB per worker.
"""

import io
import threading
import warnings
from pathlib import Path

from .app_settings import app_settings

# WordNet's 45 lexicographer files, in the order of their numbers (wndb(5WN) "lexnames").
LEXICOGRAPHER_FILES = (
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
)
_SYNTACTIC_CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}


def lexnames_text():
    """The `lexnames` file as wndb(5WN) describes it: number, file name, syntactic category."""
    return "".join(
        f"{number:02d}\t{name}\t{_SYNTACTIC_CATEGORY[name.split('.')[0]]}\n"
        for number, name in enumerate(LEXICOGRAPHER_FILES)
    )


def _reader_class():
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class DebianWordNetReader(WordNetCorpusReader):
        def open(self, file):
            from .wordnet_index import DataFile

            if file == "lexnames":
                return io.StringIO(lexnames_text())
            if file.startswith("data."):
                return DataFile(Path(self.root.path) / file)
            return super().open(file)

        def lemma_count(self, lemma):
            # NLTK binary-searches cntlist.rev through its slow stream reader on every call: the
            # sorted file (0.9 MB) is held as bytes and searched the same way. Same answer, same 0 if absent.
            from .wordnet_index import IndexFile

            if lemma._lang != "eng":
                return 0
            if self._key_count_file is None:
                self._key_count_file = IndexFile(Path(self.root.path) / "cntlist.rev")
            line = self._key_count_file.line(lemma._key.encode("utf-8"))
            return int(line.rsplit(b" ", 1)[-1]) if line else 0

        def map_wn(self, version="wordnet"):
            return None

        def _load_lemma_pos_offset_map(self):
            from .wordnet_index import SortedIndex

            self._lemma_pos_offset_map = SortedIndex(
                self.root.path, self._FILEMAP, self.satellite_offsets
            )

    return DebianWordNetReader


_reader = None
_load_lock = threading.Lock()
# NLTK's reader seeks and reads shared file handles: one reader at a time per process.
read_lock = threading.Lock()


def get_wordnet():
    """The process's one WordNet reader, loaded on first use (the slowest step of a worker's start)."""
    global _reader
    if _reader is None:
        with _load_lock:
            if _reader is None:
                _reader = _load(app_settings.WORDNET_DIR)
    return _reader


def _load(directory):
    import nltk.data

    # NLTK only opens files under its data path; name Debian's folder there instead of copying it.
    if directory not in nltk.data.path:
        nltk.data.path.append(directory)
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore"
        )  # "multilingual functions are not available": we use English only
        return _reader_class()(directory, None)
