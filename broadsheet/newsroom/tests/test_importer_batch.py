"""The archive writer's batches: one transaction per batch, the per-page work done in bulk, and what that
must still leave right: the page tree, one revision and one 'created' entry per article, the reference
index as Wagtail builds it, the page cache purged per batch, the words box, and a refused story that
leaves nothing of itself while the rest of its batch is kept."""

import io
import random

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry, ReferenceIndex, Revision

from broadsheet.pagecache.tests.fixtures import asgi, fresh_cache  # noqa: F401 (fixtures)

from ..archive.runner import archive_import
from ..archive.synthetic import OLD_SITE, archive_write, html_page, story, text_dump
from ..archive.writer import ArchiveWriter, Parsed
from ..importer import parse_legacy_page
from ..models import ArticleByline, ArticlePage, ImportedFile, SectionPage

pytestmark = pytest.mark.django_db


def a_story(n, **changes):
    return {**story(n, random.Random(n)), **changes}


def fixtree():
    out = io.StringIO()
    call_command("fixtree", stdout=out, stderr=out)
    return out.getvalue()


def references():
    return sorted(
        ReferenceIndex.objects.values_list(
            "content_type",
            "base_content_type",
            "object_id",
            "to_content_type",
            "to_object_id",
            "model_path",
            "content_path",
            "content_path_hash",
        )
    )


def test_batches_leave_what_wagtail_would(home, tmp_path):
    archive_write(
        40, tmp_path / "archive"
    )  # text dumps, HTML pages, both formats of some stories, photos
    summary = archive_import([tmp_path / "archive"], batch_size=16)
    assert summary.counts["created"] == 40 and summary.counts["updated"] > 0
    assert "No problems found" in fixtree()
    for article in ArticlePage.objects.all():
        revisions = Revision.objects.filter(
            base_content_type__model="page", object_id=str(article.pk)
        )
        # one revision per batch that wrote the article (a story's two formats in one batch: one revision)
        assert 1 <= revisions.count() <= article.imported_files.count()
        assert (
            article.live_revision_id
            == article.latest_revision_id
            == revisions.order_by("-pk")[0].pk
        )
        content = article.latest_revision.content
        assert content["title"] == article.title and not article.has_unpublished_changes
        assert [(b["pk"], b["author"]) for b in content["bylines"]] == list(
            ArticleByline.objects.filter(page=article)
            .order_by("sort_order")
            .values_list("pk", "author")
        )
        assert sorted(t["tag"] for t in content["tagged_items"]) == sorted(
            article.tags.values_list("pk", flat=True)
        )
        assert PageLogEntry.objects.filter(page=article, action="wagtail.create").count() == 1
    before = references()
    call_command("rebuild_references_index", stdout=io.StringIO())
    assert (
        references() == before
    )  # the rows written in bulk are the ones Wagtail's own rebuild writes


def test_queries_per_story_do_not_grow_with_the_batch(home, tmp_path):
    """Per story only the page's own two rows are written; the rest is a fixed number of statements per
    batch. Counted, not timed: the same on a busy machine."""

    def import_counting(first, count):
        folder = tmp_path / f"from-{first}"
        folder.mkdir()
        for n in range(first, first + count):
            (folder / f"story-{n}.txt").write_text(
                text_dump(a_story(n, section=["Culture"])), encoding="utf-8"
            )
        with CaptureQueriesContext(connection) as queries:
            assert archive_import([folder]).counts["created"] == count
        return len(queries)

    import_counting(0, 2)  # the section and the authors exist from here on
    few, many = import_counting(100, 5), import_counting(200, 25)
    assert (many - few) / 20 <= 3, (few, many)


def test_a_refused_story_leaves_nothing_and_its_batch_is_kept(home, tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    folder.mkdir()
    stories = [a_story(n, section=["Culture"]) for n in (1, 2, 4)]
    bad = a_story(3, section=["Weather desk"], headline="A story the database refuses")
    for s in [*stories, bad]:
        (folder / f"story-{s['n']}.txt").write_text(text_dump(s), encoding="utf-8")
    save_row = ArchiveWriter.save_row

    def refuse(page):
        if page.title == bad["headline"]:
            raise IntegrityError("refused by the database")
        return save_row(page)

    monkeypatch.setattr(ArchiveWriter, "save_row", staticmethod(refuse))
    summary = archive_import([folder])
    assert summary.counts["created"] == 3 and summary.counts["failed"] == 1
    assert summary.failures == [(str(folder / "story-3.txt"), "refused by the database")]
    assert set(ArticlePage.objects.values_list("title", flat=True)) == {
        s["headline"] for s in stories
    }
    assert not SectionPage.objects.filter(
        title="Weather desk"
    ).exists()  # made on the way, rolled back
    assert (
        ImportedFile.objects.count() == 3
        and Revision.objects.filter(content_type__model="articlepage").count() == 3
    )
    assert "No problems found" in fixtree()
    monkeypatch.setattr(ArchiveWriter, "save_row", staticmethod(save_row))
    assert archive_import([folder]).counts["created"] == 1  # the next run imports it


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_batch_retires_the_pages_and_listings_it_changed(home, tmp_path, asgi, committing):
    """Imported pages skip Wagtail's publish signals: each batch purges what publishing them would have."""
    culture = a_story(5, section=["Culture"], tags=["kites"], bylines=["KIM MIN-JI"])
    other = a_story(6, section=["Business"], tags=["budget"], bylines=["LEE JUN-HO"])
    for s in (culture, other):
        (tmp_path / f"story-{s['n']}.txt").write_text(text_dump(s), encoding="utf-8")
    with committing():
        archive_import([tmp_path])
    article, unrelated = (ArticlePage.objects.get(title=s["headline"]) for s in (culture, other))
    urls = {
        "article": article.url,
        "front": "/culture/",
        "home": "/",
        "topic": "/tags/kites/",
        "author": "/authors/kim-min-ji/",
        "unrelated": unrelated.url,
        "unrelated front": "/business/",
    }
    for name, url in urls.items():
        asgi(url)
        assert asgi(url).x_cache == "HIT", name
    changed = text_dump(
        {**culture, "paragraphs": [*culture["paragraphs"], "The kites flew again on Monday."]}
    ).encode()
    writer = ArchiveWriter()
    with committing():
        outcome = writer.write_batch([Parsed("changed.txt", "f" * 64, parse_legacy_page(changed))])
    assert outcome == [("changed.txt", "updated", article.url)]
    missed = {name for name, url in urls.items() if asgi(url).x_cache == "MISS"}
    assert missed == {"article", "front", "home", "topic", "author"}
    assert "The kites flew again on Monday." in asgi(article.url).body.decode()


def test_an_imported_article_shows_its_words_box_on_first_read(home, tmp_path, client):
    """The dictionary's publish handler (warming the words box) does not run for imported pages: the
    box is worked out on the article's first read and kept per revision, so no reader misses it."""
    from broadsheet.dictionary.glossary import glossary_changed

    glossary_changed()  # boxes cached by earlier tests' pages (ids are reused after rollbacks) are not read
    (tmp_path / "story.txt").write_text(text_dump(a_story(7)), encoding="utf-8")
    archive_import([tmp_path])  # publish signals held back (quiet.py), as in every import
    html = client.get(ArticlePage.objects.get().url).content.decode()
    assert "Words in this article" in html and "dictionary-words-lemma" in html


def test_two_stories_with_one_headline_on_one_day_are_two_articles(home, tmp_path):
    """Found at 10,000 generated stories: different old URLs, the same day, section and headline."""
    first = a_story(8, section=["Culture"], headline="Letters to the editor")
    second = {
        **first,
        "n": 9,
        "paragraphs": [
            "A different letter about the river, story 9 says.",
            *first["paragraphs"][1:],
        ],
    }
    for s in (first, second):
        (tmp_path / f"story-{s['n']}.html").write_text(html_page(s), encoding="utf-8")
    assert archive_import([tmp_path]).counts == {"created": 2}
    assert set(ArticlePage.objects.values_list("legacy_url", flat=True)) == {
        OLD_SITE.format(n=8),
        OLD_SITE.format(n=9),
    }
    assert archive_import([tmp_path]).counts == {"unchanged": 2}
    changed = html_page({**second, "paragraphs": [*second["paragraphs"], "A postscript."]})
    (tmp_path / "story-9.html").write_text(changed, encoding="utf-8")
    assert archive_import([tmp_path]).counts == {"updated": 1, "unchanged": 1}
    assert ArticlePage.objects.count() == 2


def test_copies_of_a_damaged_file_are_each_reported_on_every_run(home, tmp_path):
    """Found at 100,000 generated stories: a re-run's window held only the damaged files left, and the
    byte-identical copies of one were reported 'unchanged' (left out of --report) instead of failed."""
    damaged = b"<!doctype html><html><head><title>Cut off</title></head><bo"
    for n in range(3):
        (tmp_path / f"damaged-{n}.html").write_bytes(damaged)
    good = html_page(a_story(4))
    for name in ("story-4.html", "copy-of-story-4.html"):
        (tmp_path / name).write_text(good, encoding="utf-8")
    for run in ("first", "again"):
        summary = archive_import([tmp_path])
        failed = sorted(label.rsplit("/", 1)[-1] for label, _ in summary.failures)
        assert failed == ["damaged-0.html", "damaged-1.html", "damaged-2.html"], run
        assert len({reason for _, reason in summary.failures}) == 1, run
        expected = {"created": 1, "unchanged": 1} if run == "first" else {"unchanged": 2}
        assert {k: v for k, v in summary.counts.items() if k != "failed"} == expected, run
    assert ArticlePage.objects.count() == 1
