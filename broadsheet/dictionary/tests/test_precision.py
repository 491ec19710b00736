"""Issue 17: the headword a learner sees is the word they are reading, never a different word reached by
stripping a suffix; both readings when both are real; one entry for both spellings; grammar words."""

import pytest
from django.test import Client

from broadsheet.dictionary.lemmas import context_pos
from broadsheet.dictionary.lookup import build_entry, lookup
from broadsheet.dictionary.readings import possible

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "form, headword, wrong",
    [
        ("bees", "bee", "be"),
        ("sites", "site", "sit"),
        ("planes", "plane", "plan"),
        ("raped", "rape", "rap"),
        ("comics", "comic", "comic strip"),
        ("hoping", "hope", "hop"),
        ("singing", "sing", "singe"),
    ],
)
def test_never_an_unrelated_word_by_stripping_a_suffix(form, headword, wrong):
    entry = build_entry(form)
    assert entry["lemma"] == headword
    assert entry["lemma"] != wrong


@pytest.mark.parametrize(
    "form, wrong",
    [
        ("oliver", "olive"),  # commoner than olive: a name, no comparative
        ("hms", "hm"),  # HMS; a unit's symbol takes no -s (hectometre)
        ("cms", "cm"),
        ("mls", "ml"),
        ("cds", "cd"),  # lower case: candela's symbol, not CDs
    ],
)
def test_an_unknown_form_never_reaches_a_look_alike_by_stripping_a_suffix(form, wrong):
    entry = build_entry(form)
    assert entry["lemma"] != wrong and not entry["senses"]


@pytest.mark.parametrize(
    "form, headword",
    [
        ("cheaper", "cheap"),
        ("broader", "broad"),
        ("earlier", "early"),
        ("largest", "large"),
        ("CDs", "CD"),
        ("TVs", "TV"),
        ("djs", "dj"),
        ("lbs", "lb"),
        ("hrs", "hr"),
        ("mins", "min"),
        ("veggies", "veggie"),
        ("kilometres", "kilometre"),
    ],
)
def test_real_inflections_still_reach_their_base(form, headword):
    entry = build_entry(form)
    assert entry["lemma"] == headword and entry["senses"]


def test_a_headword_of_its_own_still_names_a_comparative_it_is_commoner_than():
    assert {"lemma": "late", "pos": "adjective"} in build_entry("later")["also"]


@pytest.mark.parametrize(
    "form, headword",
    [
        ("profits", "profit"),
        ("viewers", "viewer"),
        ("colours", "colour"),
        ("archives", "archive"),
        ("troops", "troop"),
    ],
)
def test_plurals_go_to_the_word_a_learner_needs(form, headword):
    entry = build_entry(form)
    assert entry["lemma"] == headword and entry["senses"]
    # WordNet's own plural headword (troops: soldiers) is still named, so it can be opened and saved.
    assert {"lemma": form, "pos": "noun"} in entry["also"]


@pytest.mark.parametrize("form", ["species", "data", "news"])
def test_a_plural_that_is_the_commoner_word_keeps_its_entry(form):
    assert build_entry(form)["lemma"] == form


@pytest.mark.parametrize(
    "form, pos, base",
    [
        ("interesting", "adjective", "interest"),
        ("limited", "adjective", "limit"),
        ("training", "noun", "train"),
    ],
)
def test_a_headword_of_its_own_also_names_its_base(form, pos, base):
    entry = build_entry(form)
    assert (entry["lemma"], entry["pos"]) == (form, pos)
    assert entry["also"][0] == {"lemma": base, "pos": "verb"}


def test_the_base_named_is_itself_an_entry_that_can_be_saved():
    base = build_entry(build_entry("interesting")["also"][0]["lemma"])
    assert base["lemma"] == "interest" and base["senses"]


@pytest.mark.parametrize(
    "form, headword", [("went", "go"), ("saw", "see"), ("children", "child"), ("left", "leave")]
)
def test_exception_lists_first(form, headword):
    assert build_entry(form)["lemma"] == headword


@pytest.mark.parametrize(
    "form, before, headword, pos",
    [
        ("planes", "the", "plane", "noun"),
        ("planes", "two", "plane", "noun"),
        ("sites", "she", "site", "verb"),
        ("saw", "a", "saw", "noun"),
        ("saw", "they", "see", "verb"),
        ("plans", "the", "plan", "noun"),
    ],
)
def test_the_word_before_decides_between_readings(form, before, headword, pos):
    entry = lookup(form, before=before)
    assert (entry["lemma"], entry["pos"]) == (headword, pos)


def test_context_words():
    assert context_pos("The") == "n" and context_pos("12") == "n" and context_pos("they") == "v"
    assert (
        context_pos("") is None
        and context_pos("quickly") is None
        and context_pos("x" * 10_000) is None
    )


def test_spelling_rules_out_impossible_inflections():
    assert not possible("bees", "v", "es", "")  # be → is, never "bees"
    assert not possible("sites", "v", "es", "")  # sit → sits
    assert possible("boxes", "v", "es", "")
    assert not possible("raped", "v", "ed", "")  # rap → rapped
    assert possible("visited", "v", "ed", "")


@pytest.mark.parametrize(
    "british, american",
    [
        ("colours", "colors"),
        ("colour", "color"),
        ("programme", "program"),
        ("organised", "organized"),
        ("centre", "center"),
    ],
)
def test_british_and_american_spellings_reach_one_entry_in_the_articles_spelling(british, american):
    uk, us = build_entry(british), build_entry(american)
    assert uk["senses"] == us["senses"] and uk["level"] == us["level"]
    assert uk["lemma"] != us["lemma"]
    assert uk["spellings"] == [uk["lemma"], us["lemma"]] and us["spellings"] == [
        us["lemma"],
        uk["lemma"],
    ]
    assert british.startswith(uk["lemma"][:4]) and american.startswith(us["lemma"][:4])


def test_a_british_spelling_wordnet_lacks_still_finds_the_entry():
    entry = build_entry("organisations")
    assert entry["lemma"] == "organisation" and entry["senses"]


def test_unrelated_look_alike_spellings_are_not_joined():
    assert build_entry("tour")["spellings"] == []  # not "tor", a rocky hill
    assert build_entry("hour")["spellings"] == []


@pytest.mark.parametrize(
    "form, pos, base",
    [
        ("would", "modal verb", "will"),
        ("could", "modal verb", "can"),
        ("should", "modal verb", "shall"),
        ("might", "modal verb", "may"),
        ("others", "pronoun", "other"),
    ],
)
def test_grammar_words_get_a_short_learner_entry(form, pos, base):
    entry = build_entry(form)
    assert entry["found"] and entry["grammar"] and entry["pos"] == pos
    assert entry["senses"][0]["pos"] == pos and entry["senses"][0]["definition"]
    assert entry["also"] == [{"lemma": base, "pos": pos}]


def test_a_grammar_word_with_real_senses_keeps_them_and_may_the_month_is_not_a_modal():
    assert {s["pos"] for s in build_entry("can")["senses"]} >= {"modal verb", "noun"}
    month = build_entry("May")
    assert not month["grammar"] and "month" in month["senses"][0]["definition"]


def test_api_shape_and_context():
    body = Client().get("/api/dictionary/interesting").json()
    assert (
        body["lemma"] == "interesting"
        and body["also"][0]["lemma"] == "interest"
        and body["grammar"] is False
    )
    assert Client().get("/api/dictionary/would").json()["grammar"] is True
    assert Client().get("/api/dictionary/colours").json()["spellings"] == ["colour", "color"]
    noun = Client().get("/api/dictionary/saw", {"before": "the"}).json()
    verb = Client().get("/api/dictionary/saw").json()
    assert (noun["lemma"], verb["lemma"]) == ("saw", "see")
    assert (
        Client().get("/api/dictionary/saw", {"before": "<b>\x00"}).status_code == 200
    )  # junk context: ignored


def test_highlighting_and_the_words_box_use_the_popups_headword_and_its_level():
    from broadsheet.dictionary.article_words import word_levels

    levels = word_levels("The bees left two sites, and the colours of the planes faded.")
    for form in ("bees", "sites", "colours", "planes"):
        entry = lookup(form)
        assert (
            levels[form]["lemma"] == entry["lemma"] and levels[form]["level"] == entry["level"]
        ), form
    assert (levels["bees"]["lemma"], levels["sites"]["lemma"], levels["planes"]["lemma"]) == (
        "bee",
        "site",
        "plane",
    )


@pytest.mark.parametrize(
    "form, use",
    [
        ("don't", "Short for do not."),
        ("can’t", "Short for cannot."),
        ("I'm", "Short for I am."),
        ("they're", "Short for they are."),
        ("won't", "Short for will not."),
    ],
)
def test_short_forms_are_grammar_words(form, use):
    entry = build_entry(form)
    assert (
        entry["grammar"]
        and entry["pos"] == "contraction"
        and entry["senses"][0]["definition"] == use
    )


@pytest.mark.parametrize(
    "form", ["when", "during", "something", "himself", "it's", "nor", "onto", "yours", "oh"]
)
def test_common_function_words_are_found(form):
    entry = build_entry(form)
    assert entry["found"] and entry["grammar"]


def test_an_interjection_is_not_stripped_into_a_look_alike():
    entry = build_entry("alas")
    assert entry["found"] and entry["grammar"] and entry["pos"] == "interjection"
    assert entry["lemma"] == "alas"  # not "ala", a wing
