"""/api/dictionary over real HTTP handling: lookups, bad input, caching headers, saved words with CSRF."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from broadsheet.dictionary.models import GlossaryTerm, SavedWord

from .factories import live_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return get_user_model().objects.create_user("minji", "minji@example.com", "a long pass phrase")


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "desk", "desk@example.com", "a long pass phrase", is_staff=True
    )


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/api/dictionary/me")  # the page script's first call: it sets the CSRF cookie
    return client, client.cookies["csrftoken"].value


def test_lookup_returns_lemma_senses_level():
    response = Client().get("/api/dictionary/withdrawing")
    assert response.status_code == 200
    body = response.json()
    assert body["lemma"] == "withdraw" and body["pos"] == "verb" and body["level"] == "B2"
    sense = body["senses"][0]
    assert sense["definition"] and sense["examples"] and sense["synonyms"]


def test_lookup_is_cacheable_with_etag():
    client = Client()
    response = client.get("/api/dictionary/officials")
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    again = client.get("/api/dictionary/officials", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_multiword_and_glossary_terms(glossary):
    assert Client().get("/api/dictionary/tit for tat").json()["lemma"] == "tit for tat"
    body = Client().get("/api/dictionary/Blue House").json()
    assert body["gloss"] == "청와대" and body["in_glossary"] and "president" in body["note"]
    assert Client().get("/api/dictionary/Kaesong’s").json()["gloss"] == "개성"


def test_unknown_word_is_404_json_with_its_level():
    response = Client().get("/api/dictionary/denuclearization")
    assert response.status_code == 404
    body = response.json()
    assert body["detail"] == "No definition yet." and body["level"] in ("C1", "C2")
    assert "max-age=300" in response["Cache-Control"]


def test_glossary_edit_shows_at_once():
    client = Client()
    assert client.get("/api/dictionary/denuclearization").status_code == 404
    GlossaryTerm.objects.create(
        term="denuclearization", part_of_speech="noun", korean_gloss="비핵화"
    )
    assert client.get("/api/dictionary/denuclearization").json()["gloss"] == "비핵화"


@pytest.mark.parametrize(
    "bad", ["a" * 10_000, "with%00drawing", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%07b", "%20"]
)
def test_bad_input_is_400_json(bad):
    response = Client().get("/api/dictionary/" + bad)
    assert response.status_code in (400, 404)  # an all-space path does not reach the view
    if response.status_code == 400:
        assert response.json()["detail"]


def test_markup_and_control_characters_are_400():
    assert Client().get("/api/dictionary/%3Cb%3Ebold%3C%2Fb%3E").status_code == 400
    assert Client().get("/api/dictionary/a%00b").status_code == 400
    assert Client().get("/api/dictionary/" + "a" * 10_000).status_code == 400


def test_me_for_an_anonymous_reader_is_private():
    response = Client().get("/api/dictionary/me")
    assert response.json() == {
        "authenticated": False,
        "is_staff": False,
        "glossary_add_url": None,
        "saved_words": [],
    }
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_me_tells_staff_where_to_add_a_term(editor, reader):
    client, _ = signed_in(editor)
    body = client.get("/api/dictionary/me").json()
    assert (
        body["is_staff"]
        and body["glossary_add_url"] == "/admin/snippets/dictionary/glossaryterm/add/"
    )
    client, _ = signed_in(reader)
    assert client.get("/api/dictionary/me").json()["glossary_add_url"] is None


def test_glossary_add_form_is_prefilled(editor):
    editor.is_superuser = True
    editor.save()
    client = Client()
    client.force_login(editor)
    response = client.get("/admin/snippets/dictionary/glossaryterm/add/?term=denuclearization")
    assert response.status_code == 200
    assert b'value="denuclearization"' in response.content
    GlossaryTerm.objects.create(
        term="Blue House", part_of_speech="proper noun", korean_gloss="청와대"
    )
    listing = client.get("/admin/snippets/dictionary/glossaryterm/")
    assert listing.status_code == 200 and "청와대" in listing.content.decode()


def test_saving_needs_sign_in_and_csrf(reader):
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post(
        "/api/dictionary/me/words", {"lemma": "withdraw"}, content_type="application/json"
    ).status_code in (401, 403)
    client, token = signed_in(reader)
    no_token = client.post(
        "/api/dictionary/me/words", {"lemma": "withdraw"}, content_type="application/json"
    )
    assert no_token.status_code == 403
    assert not SavedWord.objects.exists()


def test_save_list_remove(reader):
    client, token = signed_in(reader)
    payload = {"lemma": "withdraw", "seen_as": "withdrawing", "gloss": "pull back or move away"}
    first = client.post(
        "/api/dictionary/me/words", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert first.status_code == 201
    again = client.post(
        "/api/dictionary/me/words", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert again.status_code == 200 and SavedWord.objects.count() == 1
    assert [w["lemma"] for w in client.get("/api/dictionary/me").json()["saved_words"]] == [
        "withdraw"
    ]
    assert (
        client.delete("/api/dictionary/me/words/withdraw", HTTP_X_CSRFTOKEN=token).status_code
        == 204
    )
    assert (
        client.delete("/api/dictionary/me/words/withdraw", HTTP_X_CSRFTOKEN=token).status_code
        == 404
    )


def test_save_refuses_bad_payload_whole(reader):
    client, token = signed_in(reader)
    response = client.post(
        "/api/dictionary/me/words",
        {"lemma": "x" * 500},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code in (400, 422)
    assert not SavedWord.objects.exists()


def test_vocabulary_page_and_anki_csv(reader):
    SavedWord.objects.create(
        reader=reader, lemma="withdraw", gloss="철수하다 — pull back; move away"
    )
    SavedWord.objects.create(reader=reader, lemma="liaison", gloss="a channel for communication")
    client = Client()
    client.force_login(reader)
    page = client.get("/dictionary/vocabulary/")
    assert page.status_code == 200 and b"withdraw" in page.content
    response = client.get("/dictionary/vocabulary.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert ["withdraw", "철수하다 — pull back; move away"] in rows and len(rows) == 2
    assert "#separator:Semicolon" in text


def test_openapi_describes_the_dictionary():
    paths = Client().get("/api/openapi.json").json()["paths"]
    assert {"/api/dictionary/{word}", "/api/dictionary/me", "/api/dictionary/me/words"} <= set(
        paths
    )


def test_article_levels(db):
    article = live_page("Officials went back to the office days after withdrawing")
    response = Client().get(f"/api/dictionary/articles/{article.pk}/levels")
    assert response.status_code == 200
    words = response.json()["words"]
    assert words["withdrawing"]["lemma"] == "withdraw" and words["withdrawing"]["level"] == "B2"
    assert Client().get("/api/dictionary/articles/999999/levels").status_code == 404


@pytest.mark.parametrize("field", ["lemma", "seen_as", "gloss"])
def test_a_nul_in_a_saved_word_is_a_json_4xx(reader, field):
    client, token = signed_in(reader)
    payload = {
        "lemma": "withdraw",
        "seen_as": "withdrawing",
        "gloss": "pull back",
        field: "with\x00draw",
    }
    response = client.post(
        "/api/dictionary/me/words", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code in (400, 422) and response["Content-Type"].startswith(
        "application/json"
    )
    assert not SavedWord.objects.exists()
    gone = client.delete("/api/dictionary/me/words/with%00draw", HTTP_X_CSRFTOKEN=token)
    assert gone.status_code == 404 and gone["Content-Type"].startswith("application/json")
