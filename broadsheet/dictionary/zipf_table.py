"""wordfreq's English Zipf values from a compact file every worker maps, instead of wordfreq's dict.

wordfreq answers zipf_frequency() from a dict of its 321,000 English words that it builds on first use:
48 MB in every worker, a fifth of the dictionary's memory budget. The same data fits in 4 MB: the words
sorted in one block, their offsets, and each word's frequency band (wordfreq keeps frequencies in
centibels, so a band number is exact). The file is written once per wordfreq version, in a separate
process so no worker ever holds the dict, and read through mmap (the pages are shared between workers).

zipf(text) follows wordfreq's zipf_frequency(text, "en") step by step: its own tokenizer, digits
smashed and weighted as it does, several tokens combined as 1/f = 1/f1 + 1/f2 + ..., rounded as it
rounds. tests/test_levels.py compares the two on words, phrases, hyphens and numbers.
"""

import math
import mmap
import os
import struct
import subprocess
import sys
import threading
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

MAGIC = b"BSZIPF1\n"
HEADER = struct.Struct("<8sII")  # magic, number of words, bytes of the word block
_lock = threading.Lock()
_table = {}


def default_path():
    from django.conf import settings

    return Path(settings.DATA_DIR) / f"wordfreq-en-{wordfreq_version()}.bin"


@lru_cache(maxsize=1)
def wordfreq_version():
    """Read once: importlib.metadata parses the package's METADATA file on every call (slow; figures in
    bench/results.md), and zipf() is on the lookup path."""
    from importlib.metadata import version

    return version("wordfreq")


def build(path):
    """Write the table for wordfreq's best English list to path (atomically)."""
    from wordfreq import get_frequency_list

    bands = {}
    for band, words in enumerate(get_frequency_list("en", "best")):
        for word in words:
            bands[word.encode("utf-8")] = band
    words = sorted(bands)
    offsets, position = array("I"), 0
    for word in words:
        offsets.append(position)
        position += len(word)
    offsets.append(position)
    numbers = array("H", (bands[w] for w in words))
    tmp = f"{path}.{os.getpid()}.tmp"
    os.makedirs(os.path.dirname(tmp) or ".", exist_ok=True)
    with open(tmp, "wb") as f:
        f.write(HEADER.pack(MAGIC, len(words), position))
        f.write(offsets.tobytes())
        f.write(numbers.tobytes())
        f.write(b"".join(words))
    os.replace(tmp, path)


class ZipfTable:
    def __init__(self, path):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, self.size, _block_size = HEADER.unpack_from(self._map, 0)
        if magic != MAGIC:
            raise ValueError(f"{path} is not a Zipf table")
        view = memoryview(self._map)
        start = HEADER.size
        self._offsets = view[start : start + 4 * (self.size + 1)].cast("I")
        start += 4 * (self.size + 1)
        self._bands = view[start : start + 2 * self.size].cast("H")
        start += 2 * self.size
        self._base = (
            start  # the word block: sliced from the map itself, which gives comparable bytes
        )

    def _word(self, index):
        return self._map[self._base + self._offsets[index] : self._base + self._offsets[index + 1]]

    def band(self, token):
        """wordfreq's centibel band of a token, or None when it is not in the list."""
        key = token.encode("utf-8")
        low = bisect_left(range(self.size), key, key=self._word)
        if low < self.size and self._word(low) == key:
            return self._bands[low]
        return None


def table():
    path = default_path()
    found = _table.get(path)
    if found is None:
        with _lock:
            found = _table.get(path)
            if found is None:
                if not path.exists():
                    # A process of its own, so this one never holds wordfreq's dict.
                    subprocess.run(
                        [sys.executable, "-m", "broadsheet.dictionary.zipf_table", str(path)],
                        check=True,
                    )
                found = _table[path] = ZipfTable(path)
    return found


def zipf(text):
    """wordfreq.zipf_frequency(text, "en"), from the table."""
    from wordfreq import cB_to_freq, freq_to_zipf
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    minimum = 1e-9  # wordfreq's floor for zipf_frequency(minimum=0): Zipf 0.0
    tokens = lossy_tokenize(text, "en")
    if not tokens:
        return 0.0
    words = table()
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = words.band(smashed)
        if band is None:
            return 0.0
        freq = cB_to_freq(-band)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = max(1.0 / one_over_result, minimum)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(freq_to_zipf(freq), 2)


if __name__ == "__main__":
    build(sys.argv[1])
