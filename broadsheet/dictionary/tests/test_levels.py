"""Learner levels: Zipf bands, CEFR as a second signal."""

import pytest

from broadsheet.dictionary.levels import LEVELS, ZIPF_BANDS, word_level, zipf_level


@pytest.mark.parametrize(
    "zipf, level", [(7.7, "A1"), (5.5, "A1"), (5.0, "A2"), (4.5, "B1"), (4.0, "B2"), (3.3, "C1"), (2.0, "C2"), (0.5, "C2")]
)
def test_zipf_bands(zipf, level):
    assert zipf_level(zipf) == level


def test_bands_are_ordered_and_cover_every_level():
    thresholds = [threshold for threshold, _ in ZIPF_BANDS]
    assert thresholds == sorted(thresholds, reverse=True)
    assert [level for _, level in ZIPF_BANDS] == list(LEVELS)


@pytest.mark.parametrize(
    "word, level", [("the", "A1"), ("house", "A1"), ("official", "A2"), ("withdraw", "B2"), ("liaison", "C1"), ("deadlock", "C2")]
)
def test_levels_of_news_words(word, level):
    assert word_level(word)["level"] == level


def test_rarer_words_never_get_an_easier_level():
    order = ["go", "summit", "withdraw", "mediator", "abruptness"]
    numbers = [LEVELS.index(word_level(w)["level"]) for w in order]
    assert numbers == sorted(numbers)


def test_a_string_nobody_writes_has_no_level():
    assert word_level("xqzvwk") == {"level": None, "zipf": 0.0}


def test_a_rare_word_without_a_definition_still_has_a_level():
    assert word_level("denuclearization")["level"] in ("C1", "C2")
