"""Learner levels A1..C2: mostly from how common a word is (wordfreq's Zipf scale), checked against CEFR.

Zipf is log10 of a word's frequency per billion words: "the" is 7.7, "house" 5.7, "withdraw" 4.1,
"liaison" 3.6, "denuclearization" 2.2. The bands below were set by reading news copy; cefrpy's CEFR
level (from learner word lists) is the second signal and counts for a third of the result.
"""

from functools import lru_cache

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
# (lowest Zipf, level): a word at or above the threshold gets that level.
ZIPF_BANDS = ((5.5, "A1"), (4.8, "A2"), (4.3, "B1"), (3.7, "B2"), (3.1, "C1"), (0.0, "C2"))


def level_number(level):
    return LEVELS.index(level) + 1


def zipf_level(zipf):
    return next(level for threshold, level in ZIPF_BANDS if zipf >= threshold)


@lru_cache(maxsize=1)
def _cefr_analyzer():
    from cefrpy import CEFRAnalyzer

    return CEFRAnalyzer()


def cefr_number(word):
    """cefrpy's average level as 1.0 (A1) .. 6.0 (C2), or None when the word is not in its lists."""
    analyzer = _cefr_analyzer()
    if " " in word or not analyzer.is_word_in_database(word):
        return None
    return analyzer.get_average_word_level_float(word)


@lru_cache(maxsize=20_000)
def word_level(word):
    """{"level": "B2", "zipf": 4.05} for a lemma; level is None for a string nobody writes. Read from the
    table written ahead (entry_table.py) when it has the word."""
    from . import entry_table

    kept = entry_table.level(word)
    return read_level(word) if kept is entry_table.MISSING else kept


def read_level(word):
    """word_level worked out from wordfreq's and cefrpy's tables."""
    from . import zipf_table  # wordfreq's values, without its 48 MB dict

    zipf = zipf_table.zipf(word)
    cefr = cefr_number(word.lower())
    if zipf == 0 and cefr is None:
        return {"level": None, "zipf": 0.0}
    number = level_number(zipf_level(zipf))
    if cefr is not None and zipf > 0:
        number = round((2 * number + cefr) / 3)
    elif cefr is not None:
        number = round(cefr)
    return {"level": LEVELS[max(1, min(6, number)) - 1], "zipf": zipf}
