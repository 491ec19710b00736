"""Learner levels: Zipf bands, CEFR as a second signal."""

import pytest

from broadsheet.dictionary.levels import LEVELS, ZIPF_BANDS, word_level, zipf_level


@pytest.mark.parametrize(
    "zipf, level",
    [
        (7.7, "A1"),
        (5.5, "A1"),
        (5.0, "A2"),
        (4.5, "B1"),
        (4.0, "B2"),
        (3.3, "C1"),
        (2.0, "C2"),
        (0.5, "C2"),
    ],
)
def test_zipf_bands(zipf, level):
    assert zipf_level(zipf) == level


def test_bands_are_ordered_and_cover_every_level():
    thresholds = [threshold for threshold, _ in ZIPF_BANDS]
    assert thresholds == sorted(thresholds, reverse=True)
    assert [level for _, level in ZIPF_BANDS] == list(LEVELS)


@pytest.mark.parametrize(
    "word, level",
    [
        ("the", "A1"),
        ("house", "A1"),
        ("official", "A2"),
        ("withdraw", "B2"),
        ("liaison", "C1"),
        ("deadlock", "C2"),
    ],
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


@pytest.mark.parametrize(
    "text",
    [
        "the",
        "house",
        "withdraw",
        "liaison",
        "denuclearization",
        "higher-up",
        "tit for tat",
        "big deal",
        "don't",
        "officials'",
        "2026",
        "covid-19",
        "Kaesong",
        "xqzvwk",
        "",
        "naïve",
        "café",
        "a b c d",
    ],
)
def test_the_compact_table_gives_wordfreqs_own_zipf(text, settings, tmp_path):
    from wordfreq import zipf_frequency

    from broadsheet.dictionary.zipf_table import zipf

    assert zipf(text) == zipf_frequency(text, "en")


def test_the_table_is_built_once_by_another_process(settings, tmp_path):
    from broadsheet.dictionary import zipf_table

    settings.DATA_DIR = tmp_path
    zipf_table._table.clear()
    assert zipf_table.zipf("house") > 5
    built = list(tmp_path.glob("wordfreq-en-*.bin"))
    assert len(built) == 1 and built[0].stat().st_size < 8 * 1024 * 1024
    zipf_table._table.clear()


def test_zipf_reads_the_package_version_once_not_per_lookup(monkeypatch):
    import importlib.metadata

    from broadsheet.dictionary import zipf_table

    zipf_table.zipf("house")
    calls = []
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: calls.append(name) or real(name)
    )
    for word in ("house", "withdraw", "liaison"):
        zipf_table.zipf(word)
    assert calls == []
