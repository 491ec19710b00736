"""From what a reader selects to the headword: irregular forms, plurals, prefixes, case, possessives."""

import pytest

from broadsheet.dictionary.lemmas import normalise, surface_forms
from broadsheet.dictionary.lookup import NotAWord, build_entry, check_word

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "selected, lemma",
    [
        ("withdrawing", "withdraw"),  # -ing
        ("officials", "official"),  # plural
        ("went", "go"),  # irregular past, from WordNet's exception list
        ("saw", "see"),  # commoner reading wins over the tool
        ("children", "child"),  # irregular plural
        ("re-dispatched", "dispatch"),  # hyphenated prefix dropped
        ("Re-dispatched", "dispatch"),
        ("co-operated", "cooperate"),  # prefix joined
        ("pre-emptively", "pre-emptive"),  # adverb → the adjective WordNet has
        ("Withdrawing", "withdraw"),  # capitalised at the start of a sentence
        ("Officials", "official"),
        ("ministry's", "ministry"),  # possessive
        ("ministry’s", "ministry"),  # curly apostrophe
        ("officials'", "official"),  # plural possessive
        ("“higher-ups”", "higher-up"),  # quotes, hyphenated WordNet entry, plural
        ("tit for tat", "tit for tat"),  # multi-word expressions WordNet stores with underscores
        ("big  deal", "big deal"),
        ("deadlock,", "deadlock"),
    ],
)
def test_lemma(selected, lemma):
    assert build_entry(check_word(selected))["lemma"] == lemma


@pytest.mark.parametrize("word", ["us", "he", "it", "Us"])
def test_pronouns_are_not_read_as_wordnet_look_alikes(word):
    entry = build_entry(word)
    assert entry["grammar"] and entry["pos"] == "pronoun" and entry["level"] == "A1"
    assert [s["pos"] for s in entry["senses"]] == [
        "pronoun"
    ]  # no "United States", no "information technology"


def test_lower_case_names_stay_names_only_when_written_so():
    assert build_entry("Korea")["lemma"] == "Korea"
    assert build_entry("Koreas")["lemma"] == "Korea"


def test_surface_forms_try_the_written_form_first():
    assert surface_forms("Re-dispatched")[:2] == ["Re-dispatched", "re-dispatched"]
    assert "dispatched" in surface_forms("Re-dispatched")


def test_normalise_keeps_abbreviations_and_drops_sentence_full_stops():
    assert normalise("U.S.") == "U.S."
    assert normalise("office.") == "office"
    assert normalise("  Kaesong’s ") == "Kaesong"


@pytest.mark.parametrize(
    "bad", ["a" * 10_000, "with\x00drawing", "<b>bold</b>", "a\x07b", "", "   ", "---", "x=1"]
)
def test_not_a_word(bad):
    with pytest.raises(NotAWord):
        check_word(bad)
