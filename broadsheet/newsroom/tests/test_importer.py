"""The importer: pure parsing of legacy dumps and saved HTML, and the import_article command end to end."""

import io

import pytest
from django.core.management import CommandError, call_command

from ..importer import UnrecognisedPage, parse_legacy_page, parse_text_dump
from ..models import ArticlePage, SectionPage

FURNITURE = (
    "print dictionary print",
    "Log in to",
    "Social comment?",
    "lock icon",
    "To write comments",
    "Standards Board Policy",
)

# An original sample in the legacy dump's shape (not taken from any real article).
SAMPLE_DUMP = """Harbour city opens floating library

Home > Culture > Books

print dictionary print

Harbour city opens floating library


Visitors board the converted ferry that now houses a public library in Busan on Saturday. [NEWSWIRE]

A decommissioned ferry moored in Busan reopened on Saturday as a floating public library.

The city said the boat holds about 12,000 books and a reading room on its upper deck.

Log in to Twitter or Facebook account to connect
with the Broadsheet
help-image Social comment?
lock icon

To write comments, please log in to one of the accounts.

Standards Board Policy (0/250자)
"""

SAMPLE_HTML = """<!doctype html><html><head><title>Old site | Rail link to open early</title></head><body>
<header><nav aria-label="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/business">Business</a></li></ol></nav></header>
<article><h1>Rail link to open early</h1>
<figure><img src="x.jpg" alt=""><figcaption>A test train leaves the new station in Incheon on Friday. [NEWSWIRE]</figcaption></figure>
<p>The airport rail extension will open two months ahead of schedule, the operator said on Friday.</p>
<p>Trial runs since August have met every safety target, according to the operator's chief engineer.</p>
<p>Fares will stay at the current level until the end of next year, the transport ministry added.</p>
</article>
<section class="comments"><p>To write comments, please log in to one of the accounts.</p></section>
</body></html>"""


def test_parse_text_dump_keeps_story_drops_furniture():
    legacy = parse_text_dump(SAMPLE_DUMP)
    assert legacy.headline == "Harbour city opens floating library"
    assert legacy.section_path == ["Culture", "Books"]
    assert legacy.caption.startswith("Visitors board the converted ferry")
    assert legacy.credit == "NEWSWIRE"
    assert legacy.paragraphs == [
        "A decommissioned ferry moored in Busan reopened on Saturday as a floating public library.",
        "The city said the boat holds about 12,000 books and a reading room on its upper deck.",
    ]


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"Headline \x81\x20\x8d\x20\x90\x9d broken", "cannot decode"),
        (b"Just a note\n\nwith no breadcrumb at all\n", "breadcrumb"),
        (b"Headline\n\nHome > National\n\nprint dictionary print\n", "no article paragraphs"),
        (b"<html><body><p>  </p></body></html>", "no article text"),
    ],
)
def test_unrecognisable_pages_say_why(raw, reason):
    with pytest.raises(UnrecognisedPage, match=reason):
        parse_legacy_page(raw)


def test_parse_html_page_with_trafilatura():
    legacy = parse_legacy_page(SAMPLE_HTML.encode())
    assert legacy.headline == "Rail link to open early"
    assert legacy.section_path == ["Business"]
    assert legacy.credit == "NEWSWIRE"
    assert legacy.caption.startswith("A test train leaves the new station")
    assert legacy.paragraphs[0].startswith("The airport rail extension will open")
    assert not any("please log in" in p for p in legacy.paragraphs)


@pytest.mark.seed
@pytest.mark.django_db
def test_import_seed_article_and_reimport_updates(home, seed_article):
    first_line = seed_article.read_text(encoding="utf-8").splitlines()[0].strip()
    out = io.StringIO()
    call_command("import_article", str(seed_article), stdout=out)
    article = ArticlePage.objects.get()
    assert article.url == f"/national/politics/{article.slug}/"
    assert article.headline == first_line and article.live and article.first_published_at
    assert article.lead_credit == "NEWS1" and not article.lead_caption.endswith("]")
    body = [block.value.source for block in article.body]
    assert len(body) > 10
    assert not any(f.lower() in p.lower() for p in body for f in FURNITURE)
    assert first_line not in "".join(body)
    assert "created" in out.getvalue()

    call_command("import_article", str(seed_article), stdout=io.StringIO())
    assert ArticlePage.objects.count() == 1
    assert SectionPage.objects.filter(title="Politics").count() == 1


@pytest.mark.seed
@pytest.mark.django_db
def test_seed_article_page_shows_caption_ending_with_credit(client, home, seed_article):
    call_command("import_article", str(seed_article), stdout=io.StringIO())
    html = client.get(ArticlePage.objects.get().url).content.decode()
    assert '<span class="credit">[NEWS1]</span></figcaption>' in html


@pytest.mark.django_db
def test_import_command_garbage_and_html(home, tmp_path):
    good = tmp_path / "rail.html"
    good.write_text(SAMPLE_HTML, encoding="utf-8")
    dump = tmp_path / "library.txt"
    dump.write_text(SAMPLE_DUMP, encoding="utf-8")
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01\x02 not an article")
    missing = tmp_path / "missing.txt"
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 of 4"):
        call_command(
            "import_article",
            str(garbage),
            str(good),
            str(missing),
            str(dump),
            stdout=io.StringIO(),
            stderr=err,
        )
    lines = sorted(err.getvalue().strip().splitlines())
    assert len(lines) == 2
    assert lines[0].startswith(f"{garbage}: not imported: binary")
    assert lines[1].startswith(f"{missing}: not imported:")
    assert set(ArticlePage.objects.values_list("title", flat=True)) == {
        "Rail link to open early",
        "Harbour city opens floating library",
    }
    assert ArticlePage.objects.get(title="Rail link to open early").url.startswith("/business/")


@pytest.mark.django_db
def test_a_failing_file_leaves_nothing_half_written(home, tmp_path, monkeypatch):
    from django.core.exceptions import ValidationError

    from ..archive.writer import ArchiveWriter

    dump = tmp_path / "library.txt"
    dump.write_text(SAMPLE_DUMP, encoding="utf-8")
    create = ArchiveWriter.create

    def create_then_fail(self, *args):
        create(
            self, *args
        )  # the section, the page and its revision are written, then something fails
        raise ValidationError("publishing failed")

    monkeypatch.setattr(ArchiveWriter, "create", create_then_fail)
    with pytest.raises(CommandError):
        call_command("import_article", str(dump), stdout=io.StringIO(), stderr=io.StringIO())
    assert not SectionPage.objects.filter(
        title="Culture"
    ).exists()  # the section made on the way was rolled back
    assert not ArticlePage.objects.exists()
