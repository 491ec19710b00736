"""WordNet's lemma index, read on demand from the sorted index.* files instead of held as one big dict.

NLTK's reader loads all 147,000 lemmas into nested dicts (~80 MB in every worker process). The index files
are sorted, as WordNet's own C library relies on, so a binary search over the file bytes (~6 MB, plus an
array of line starts) answers the same questions: lemma → {pos: [synset offsets]}.
"""

import re
from array import array
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

ADJ, ADJ_SAT = "a", "s"


class IndexFile:
    def __init__(self, path):
        self.data = Path(path).read_bytes()
        # Licence lines at the top start with a space; every other line is "lemma pos n ...".
        starts = [0] + [m.end() for m in re.finditer(rb"\n", self.data)]
        self.starts = array(
            "I", (s for s in starts if s < len(self.data) and self.data[s : s + 1] != b" ")
        )

    def token(self, i):
        start = self.starts[i]
        return self.data[start : self.data.index(b" ", start)]

    def line(self, key):
        """The line (bytes, no newline) whose first token is this key, or None."""
        lo = bisect_left(range(len(self.starts)), key, key=self.token)
        if lo == len(self.starts) or self.token(lo) != key:
            return None
        start = self.starts[lo]
        return self.data[start : self.data.index(b"\n", start)]

    def offsets(self, lemma):
        """Synset offsets of a lemma in this part of speech, or None."""
        line = self.line(lemma.encode("utf-8"))
        if line is None:
            return None
        fields = line.split()
        count = int(fields[2])
        return [int(f) for f in fields[-count:]]

    def lemmas(self):
        return (self.token(i).decode("utf-8") for i in range(len(self.starts)))


class SortedIndex(Mapping):
    """lemma → {pos: [offsets]}, the shape NLTK's reader expects of `_lemma_pos_offset_map`."""

    def __init__(self, root, filemap, satellite_offsets):
        self.files = {
            pos: IndexFile(Path(root) / f"index.{suffix}") for pos, suffix in filemap.items()
        }
        self.satellite_offsets = satellite_offsets
        self.lookup = lru_cache(maxsize=5_000)(self._lookup)

    def _lookup(self, lemma):
        found = {}
        for pos, index in self.files.items():
            offsets = index.offsets(lemma)
            if offsets:
                found[pos] = offsets
                if pos == ADJ:
                    found[ADJ_SAT] = [o for o in offsets if o in self.satellite_offsets]
        return found

    def __getitem__(self, lemma):
        return self.lookup(lemma)  # like NLTK's defaultdict: an unknown lemma maps to {}

    def __contains__(self, lemma):
        return bool(self.lookup(lemma))

    def __iter__(self):
        return iter(sorted({lemma for index in self.files.values() for lemma in index.lemmas()}))

    def __len__(self):
        return sum(1 for _ in self)


class DataFile:
    """A data.* file as NLTK's reader uses it (seek to a synset's byte offset, read its line), minus NLTK's
    slow pure-Python unicode stream reader: here it is the C buffered one (figures: bench/results.md)."""

    def __init__(self, path):
        self.file = open(path, "rb")

    def seek(self, offset):
        self.file.seek(offset)

    def tell(self):
        return self.file.tell()

    def readline(self):
        return self.file.readline().decode("utf-8")

    def __iter__(self):
        return (line.decode("utf-8") for line in self.file)

    def close(self):
        self.file.close()
