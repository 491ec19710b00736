"""Public API replies (the dictionary's entries) are answered at the door only when their view said public."""

import pytest


@pytest.fixture
def dictionary_ready(db):
    from django.conf import settings

    if "broadsheet.dictionary" not in settings.INSTALLED_APPS:
        pytest.skip("no dictionary app")


def test_a_dictionary_entry_is_stored_with_its_own_lifetime(dictionary_ready, asgi):
    first = asgi("/api/dictionary/house")
    if first.status != 200:
        pytest.skip(f"the dictionary answered {first.status} (WordNet data missing?)")
    assert first.x_cache == "MISS" and "public" in first.headers["cache-control"]
    second = asgi("/api/dictionary/house")
    assert second.x_cache == "HIT" and second.body == first.body
    assert second.headers["content-type"].startswith("application/json")


def test_a_word_without_an_entry_is_stored_as_its_404(dictionary_ready, asgi):
    first = asgi("/api/dictionary/the")
    if first.status != 404:
        pytest.skip(f"the dictionary answered {first.status} for 'the'")
    assert asgi("/api/dictionary/the").x_cache == "HIT"


def test_a_readers_own_words_are_never_stored(dictionary_ready, asgi):
    for _ in range(2):
        reply = asgi("/api/dictionary/me")
        assert reply.x_cache != "HIT"


def test_other_apis_are_never_looked_up(tree, asgi):
    for path in ("/api/comments/policy", "/api/openapi.json"):
        asgi(path)
        assert "x-cache" not in asgi(path).headers


def test_a_glossary_change_retires_the_stored_answers(dictionary_ready, asgi, django_capture_on_commit_callbacks):
    from broadsheet.dictionary.models import GlossaryTerm

    asgi("/api/dictionary/house")
    if asgi("/api/dictionary/house").x_cache != "HIT":
        pytest.skip("the dictionary's answer is not public here")
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(term="Blue House", part_of_speech="noun", explanation="The former office.")
    assert asgi("/api/dictionary/house").x_cache == "MISS"
