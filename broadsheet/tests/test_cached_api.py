"""The site's public API replies in the page cache (settings/parts/pagecache.py) and the rules that retire
them (broadsheet/purges.py): the dictionary's entries, anonymous comment lists."""

import pytest

# The page cache's own fixtures.
from broadsheet.pagecache.tests.fixtures import asgi, fresh_cache, tree  # noqa: F401
from broadsheet.pagecache.tests.test_key_space import _count


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


def test_a_known_word_without_an_entry_is_stored_until_the_glossary_gets_it(
    dictionary_ready, asgi, django_capture_on_commit_callbacks
):
    # A word real text uses is one of a finite list, so its 404 may be kept like an entry (a reader's
    # dictionary asks for the same common words again and again); a glossary term retires it at once.
    from broadsheet.dictionary.models import GlossaryTerm

    first = asgi("/api/dictionary/denuclearization")
    assert first.status == 404 and first.x_cache == "MISS"
    assert first.headers["cache-control"] == "public, max-age=300"
    second = asgi("/api/dictionary/denuclearization")
    assert second.status == 404 and second.x_cache == "HIT" and second.body == first.body
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(
            term="denuclearization", part_of_speech="noun", korean_gloss="비핵화"
        )
    after = asgi("/api/dictionary/denuclearization")
    assert after.status == 200 and after.x_cache == "MISS"


def test_unknown_dictionary_words_are_not_stored(dictionary_ready, asgi):
    # One 404 per made-up word would let a client grow the cache without bound (issue 11, finding 7).
    stored = _count()
    for n in range(5):
        word = f"/api/dictionary/zzqx{'q' * n}"
        assert asgi(word).status == 404
        assert asgi(word).x_cache != "HIT"
    assert _count() == stored


def test_a_readers_own_words_are_never_stored(dictionary_ready, asgi):
    for _ in range(2):
        reply = asgi("/api/dictionary/me")
        assert reply.x_cache != "HIT"


def test_other_apis_are_never_looked_up(tree, asgi):
    for path in ("/api/comments/policy", "/api/openapi.json"):
        asgi(path)
        assert "x-cache" not in asgi(path).headers


def test_a_glossary_change_retires_the_stored_answers(
    dictionary_ready, asgi, django_capture_on_commit_callbacks
):
    from broadsheet.dictionary.models import GlossaryTerm

    asgi("/api/dictionary/house")
    if asgi("/api/dictionary/house").x_cache != "HIT":
        pytest.skip("the dictionary's answer is not public here")
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.create(
            term="Blue House", part_of_speech="noun", explanation="The former office."
        )
    assert asgi("/api/dictionary/house").x_cache == "MISS"


@pytest.fixture
def talk(db, settings, django_capture_on_commit_callbacks):
    """A comment thread with one comment, and a function that posts another (its events run at once)."""
    settings.COMMENTS_TRUSTED_AFTER = 0  # published at once, not held for a moderator
    from django.contrib.auth import get_user_model

    from broadsheet.comments import services
    from broadsheet.comments.models import Thread

    thread = Thread.objects.create(key="pc-talk", title="Talk")
    reader = get_user_model().objects.create_user("pc-reader", password="x" * 12)

    def post(body):
        with django_capture_on_commit_callbacks(execute=True):
            return services.comment_create(thread_key=thread.key, author=reader, body=body)

    post("The first word on it.")
    return post


LIST = "/api/comments/threads/pc-talk/comments"


def test_an_anonymous_comment_list_is_stored_and_tagged_with_its_thread(talk, asgi):
    first = asgi(LIST)
    assert first.status == 200 and first.x_cache == "MISS"
    assert (
        "public" in first.headers["cache-control"]
        and "comments-pc-talk" in first.headers["surrogate-key"].split()
    )
    second = asgi(LIST)
    assert second.x_cache == "HIT" and second.body == first.body


def test_a_new_comment_retires_its_threads_stored_lists(talk, asgi):
    asgi(LIST)
    assert asgi(LIST).x_cache == "HIT"
    talk("A second opinion arrives.")
    fresh = asgi(LIST)
    assert fresh.x_cache == "MISS" and "A second opinion arrives." in fresh.body.decode()


def test_a_signed_in_reader_never_gets_the_stored_list(talk, asgi):
    asgi(LIST)
    assert asgi(LIST).x_cache == "HIT"
    mine = asgi(LIST, headers=[(b"cookie", b"sessionid=abc123; csrftoken=x")])
    assert "x-cache" not in mine.headers


def test_a_list_page_past_the_first_is_not_stored(talk, asgi):
    for _ in range(2):
        assert "x-cache" not in asgi(LIST, query=b"cursor=abc").headers
    asgi(LIST, query=b"sort=oldest")
    assert asgi(LIST, query=b"sort=oldest").x_cache == "HIT"
