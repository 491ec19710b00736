#!/usr/bin/env python3
"""In-process timing of the dictionary's WordNet reading (the part issue 17 changed): 10,000 frequent words
cold (empty caches), then the last 1,500 again (warm), per-lookup p99, and the process's RSS. No server,
no database: the HTTP figures are bench/run.py's dictionary part. Run: `.venv/bin/python bench/dictionary_speed.py`.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.test")
WORDS = int(os.environ.get("BENCH_WORDS", "10000"))
WARM = 1500


def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS:"))


def timed(words, read):
    took = []
    for word in words:
        started = time.perf_counter()
        read(word)
        took.append(time.perf_counter() - started)
    took.sort()
    return len(words) / sum(took), 1000 * took[int(len(took) * 0.99)]


def main():
    import django

    django.setup()
    from wordfreq import top_n_list

    from broadsheet.dictionary.levels import word_level
    from broadsheet.dictionary.lookup import wordnet_reading
    from broadsheet.dictionary.wordnet import get_wordnet

    def read(word):
        _, found = wordnet_reading(word)
        return word_level((found["lemma"] if found else word).lower())

    words = [w for w in top_n_list("en", 15000) if w.isascii() and w.isalpha()][:WORDS]
    get_wordnet()
    read("house")  # the reader and the level tables load once per worker, before the first request
    cold = timed(words, read)
    warm = timed(
        words[-WARM:], read
    )  # looked up moments ago: inside the per-process caches (2,000 entries)
    print(
        f"cold: {cold[0]:,.0f} lookups/s, p99 {cold[1]:.2f} ms; warm: {warm[0]:,.0f} lookups/s, "
        f"p99 {warm[1]:.3f} ms; RSS {rss_mb():.0f} MB after {len(words):,} words"
    )


if __name__ == "__main__":
    main()
