"""Every Korean catalogue in the project is complete, and the site's own chrome (broadsheet/locale) is in Korean."""

from pathlib import Path

import pytest

from broadsheet.comments.tests.test_locale import _entries

PACKAGE = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(PACKAGE.glob("**/locale/ko/LC_MESSAGES/django.po"))


def test_the_site_catalogue_is_found_with_the_apps():
    assert PACKAGE / "locale/ko/LC_MESSAGES/django.po" in CATALOGUES and len(CATALOGUES) >= 5


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_is_translated(po):
    text = po.read_text(encoding="utf-8")
    assert [msgid for msgid, msgstr in _entries(text) if msgid and not msgstr] == []
    assert "#, fuzzy\nmsgid" not in text and po.with_suffix(".mo").exists()


@pytest.mark.django_db
def test_the_footer_speaks_korean(client):
    from broadsheet.newsroom.services import homepage_install

    homepage_install()
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "모든 시각은 한국 표준시(KST)입니다." in html and "본문으로 건너뛰기" in html
