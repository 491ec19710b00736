"""The archive import end to end: folders, zip, tar.gz, traps, identity, re-runs, redirects, dates."""

import io
import json
import os
import re
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from ..archive.sources import MAX_FILE_BYTES
from ..archive.synthetic import archive_write, html_page, story, text_dump
from ..importer import UnrecognisedPage, parse_legacy_page
from ..models import ArticlePage, Author, HomePage, ImportedFile

ROOT = Path(__file__).resolve().parents[3]


def run_import(*paths, jobs=1, report=None):
    out, err = io.StringIO(), io.StringIO()
    args = [str(p) for p in paths] + [f"--jobs={jobs}"] + ([f"--report={report}"] if report else [])
    try:
        call_command("import_article", *args, stdout=out, stderr=err)
        failed = None
    except CommandError as exc:
        failed = str(exc)
    return out.getvalue(), err.getvalue(), failed


def a_story(n=3):
    import random

    return story(n, random.Random(n))


# Parser traps ------------------------------------------------------------------------------------


def test_xml_declaration_page_parses():
    s = a_story()
    legacy = parse_legacy_page(html_page(s, xml=True).encode())
    assert legacy.headline == s["headline"] and legacy.old_url.endswith(f"idxno={s['n']}")


def test_euc_kr_page_keeps_hangul():
    s = {**a_story(11), "korean": True}
    legacy = parse_legacy_page(html_page(s, charset="euc-kr").encode("cp949"))
    assert "김해시청" in " ".join(legacy.paragraphs)
    assert legacy.dateline == s["place"]


def test_undeclared_cp949_text_is_detected():
    text = text_dump({**a_story(), "korean": True}).replace("—", "--")
    legacy = parse_legacy_page(text.encode("cp949"))
    assert "김해시청" in " ".join(legacy.paragraphs)


def test_dates_bylines_dateline_tags_from_a_text_dump():
    s = a_story()
    legacy = parse_legacy_page(text_dump(s).encode())
    assert legacy.published_at.isoformat().startswith(s["published"].strftime("%Y-%m-%dT%H:%M"))
    assert legacy.published_at.utcoffset().total_seconds() == 9 * 3600  # Korea time
    assert (
        legacy.bylines == s["bylines"]
        and legacy.tags == s["tags"]
        and legacy.dateline == s["place"]
    )
    assert not legacy.paragraphs[0].startswith(
        s["place"]
    )  # the dateline is not repeated in the text


def test_text_dump_and_html_of_one_story_share_an_identity_and_recurring_headlines_do_not():
    s = a_story()
    assert (
        parse_legacy_page(text_dump(s).encode()).legacy_key
        == parse_legacy_page(html_page(s).encode()).legacy_key
    )
    later = {**s, "published": s["published"].replace(year=s["published"].year + 1)}
    assert (
        parse_legacy_page(text_dump(later).encode()).legacy_key
        != parse_legacy_page(text_dump(s).encode()).legacy_key
    )


def test_nav_breadcrumb_without_label():
    html = (
        "<html><body><nav><a href='/'>Home</a> &gt; <a href='/x'>Culture</a></nav><article><h1>Kites over the river"
        "</h1><p>Hundreds of kites flew over the river on Sunday afternoon in the city.</p></article></body></html>"
    )
    assert parse_legacy_page(html.encode()).section_path == ["Culture"]


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"<html><body><nav><a>Home</a></nav></body></html>", "no (article|headline)"),
        (b"<!doctype html><html><head><title>Cut", "no article"),
    ],
)
def test_html_without_an_article(raw, reason):
    with pytest.raises(UnrecognisedPage, match=reason):
        parse_legacy_page(raw)


# The command over folders and archives --------------------------------------------------------------


@pytest.fixture
def freshly_migrated(transactional_db):
    """What `migrate` leaves (wagtailcore's initial data): the root collection, a root page, Wagtail's welcome
    page and a default Site. A transactional test may start from a flushed database, so the rows are put
    back when missing (restoring them with serialized_rollback clashes with content types an earlier
    flush recreated)."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Site

    # An earlier transactional test's flush recreated the content types under new ids: the cached ones
    # (which test ran before this one depends on how xdist shares the tests out) are stale.
    ContentType.objects.clear_cache()
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    if not Site.objects.exists():
        welcome = root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale)
        )
        Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    archive_write(
        120, folder
    )  # 120 stories, 1 damaged file, EUC-KR, XML declarations, photos, recurring
    return folder


@pytest.mark.django_db(transaction=True)
def test_empty_site_folder_import_then_rerun_unchanged(freshly_migrated, archive, tmp_path):
    assert not HomePage.objects.exists()  # freshly migrated: Wagtail's welcome page only
    report = tmp_path / "failed.csv"
    out, err, failed = run_import(archive, jobs=2, report=report)
    assert failed and "1 of" in failed, err[-1500:]
    assert ArticlePage.objects.count() == 120
    assert len(report.read_text().strip().splitlines()) == 2  # header + the damaged file
    assert "failed 1" in out and "created 120" in out
    weather = ArticlePage.objects.filter(title="Weather forecast for the week ahead")
    assert (
        weather.count() > 1
        and len({a.first_published_at.date() for a in weather}) == weather.count()
    )
    assert "No problems found" in fixtree()
    # Wagtail's welcome page is gone and the default site's root is the new home page
    from wagtail.models import Site

    assert not Page.objects.exact_type(Page).filter(depth=2).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    out, err, failed = run_import(archive, jobs=2)
    assert (
        "created 0, updated 0" in out and out.count(": unchanged") == ImportedFile.objects.count()
    )
    # Unchanged files are recognised by their digest before any parsing (how much faster that is, the bench
    # measures: `make bench PARTS=archive`; CI times nothing).
    assert ArticlePage.objects.count() == 120


@pytest.mark.django_db(transaction=True)
def test_search_index_written_beside_the_import_and_caught_up_after_a_stop(
    freshly_migrated, archive
):
    from modelsearch.conf import get_app_config

    from ..archive.indexing import index_beside, unindexed

    if not index_beside():
        pytest.skip(
            "this search backend is indexed inside each batch (PostgreSQL's is indexed beside)"
        )
    run_import(archive, jobs=2)
    assert ArticlePage.objects.count() == 120 and unindexed() == []
    some = sorted(ArticlePage.objects.values_list("pk", flat=True)[:7])
    # What a run stopped between a batch's commit and its indexing leaves: articles with no index rows.
    get_app_config().get_model("IndexEntry").objects.filter(
        object_id__in=[str(pk) for pk in some]
    ).delete()
    assert sorted(unindexed()) == some
    out, _, _ = run_import(archive, jobs=2)
    assert "created 0, updated 0" in out and "search index: 7 article(s)" in out
    assert unindexed() == []
    article = ArticlePage.objects.get(pk=some[0])
    assert article in ArticlePage.objects.search(article.headline)


def fixtree():
    out = io.StringIO()
    call_command("fixtree", stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_zip_and_tar_archives(kind, home, tmp_path):
    s = a_story()
    bundle = tmp_path / f"old.{kind}"
    members = {
        "a/story.html": html_page(s, photo="story_files/photo.jpg").encode(),
        "a/story_files/photo.jpg": b"",
        "../../etc/passwd": b"root:x:0:0",
        "b/dump.txt": text_dump(a_story(5)).encode(),
    }
    from ..archive.synthetic import photo_bytes

    members["a/story_files/photo.jpg"] = photo_bytes(1)
    if kind == "zip":
        with zipfile.ZipFile(bundle, "w") as z:
            for name, data in members.items():
                z.writestr(name, data)
    else:
        with tarfile.open(bundle, "w:gz") as t:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    out, err, failed = run_import(bundle)
    assert "unsafe member name" in err and "1 of 3" in failed
    assert ArticlePage.objects.count() == 2
    article = ArticlePage.objects.get(legacy_url__endswith=f"idxno={s['n']}")
    assert article.lead_image and article.lead_image.credit == s["credit"]


@pytest.mark.django_db
def test_zip_bomb_and_oversized_file(home, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.html", b"<html>" + b" " * (MAX_FILE_BYTES + 10))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    out, err, failed = run_import(bomb, big)
    assert (
        "too large" in err and err.count("not imported") == 2 and not ArticlePage.objects.exists()
    )


@pytest.mark.django_db
def test_symlink_loop(home, tmp_path):
    folder = tmp_path / "loop"
    folder.mkdir()
    (folder / "again").symlink_to(folder)
    (folder / "story.txt").write_text(text_dump(a_story()), encoding="utf-8")
    out, err, failed = run_import(folder)
    assert "symlink loop" in err and ArticlePage.objects.count() == 1


@pytest.mark.django_db
def test_changed_file_is_a_new_revision_of_the_same_page(home, tmp_path, client):
    s = a_story()
    page = tmp_path / "story.html"
    page.write_text(html_page(s), encoding="utf-8")
    run_import(page)
    article = ArticlePage.objects.get()
    url, revisions = article.url, article.revisions.count()
    page.write_text(
        html_page({**s, "paragraphs": [*s["paragraphs"], "A correction was added later."]}),
        encoding="utf-8",
    )
    out, _, failed = run_import(page)
    assert "updated" in out and not failed
    article = ArticlePage.objects.get()
    assert article.url == url and article.revisions.count() == revisions + 1
    assert "A correction was added later." in client.get(url).content.decode()
    # the old address answers 301 to the article
    old = Redirect.objects.get(redirect_page=article).old_path
    response = client.get(old)
    assert response.status_code == 301 and response["Location"].endswith(url)


@pytest.mark.django_db
def test_dates_bylines_on_the_page_and_in_json_ld(home, tmp_path, client):
    s = {**a_story(), "bylines": ["KIM MIN-JI", "YONHAP"]}
    (tmp_path / "story.txt").write_text(text_dump(s), encoding="utf-8")
    run_import(tmp_path / "story.txt")
    article = ArticlePage.objects.get()
    html = client.get(article.url).content.decode()
    stamp = s["published"].strftime("%Y-%m-%dT%H:%M:00+09:00")
    assert f'datetime="{stamp}"' in html
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    news = next(b for b in blocks if b.get("@type") == "NewsArticle")
    assert news["datePublished"] == stamp
    assert [a["name"] for a in news["author"]] == ["Kim Min-ji", "Yonhap"]
    assert Author.objects.get(name="Yonhap").kind == "agency"
    assert article.dateline == s["place"] and set(article.tags.names()) == set(s["tags"])


@pytest.mark.django_db
def test_search_finds_imported_articles(home, tmp_path):
    s = a_story()
    (tmp_path / "story.txt").write_text(text_dump(s), encoding="utf-8")
    run_import(tmp_path / "story.txt")
    assert list(ArticlePage.objects.search(s["headline"].split()[1])) == [ArticlePage.objects.get()]


@pytest.mark.django_db(transaction=True)
def test_killed_mid_run_then_resumed(freshly_migrated, tmp_path):
    folder = tmp_path / "archive"
    archive_write(120, folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    if db["NAME"].startswith("file:") or ":memory:" in str(db["NAME"]):
        pytest.skip("an in-memory test database cannot be shared with a subprocess")
    cmd = [
        sys.executable,
        str(ROOT / "manage.py"),
        "import_article",
        str(folder),
        "--jobs=1",
        "--batch-size=10",
        "-v0",
    ]
    log = tmp_path / "import.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(cmd, env=env, stdout=sink, stderr=sink, start_new_session=True)
    deadline = time.monotonic() + 300
    while ArticlePage.objects.count() < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert proc.poll() is None, log.read_text()[-2000:]  # still running: killed mid-run, not after
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = ArticlePage.objects.count()
    assert 0 < partial < 120
    run_import(folder)
    assert ArticlePage.objects.count() == 120
    assert ArticlePage.objects.values("legacy_key").distinct().count() == 120
    assert "No problems found" in fixtree()


@pytest.mark.django_db(transaction=True)
def test_parallel_import_under_production_settings_with_a_connection_pool(
    freshly_migrated, tmp_path
):
    """Production settings pool PostgreSQL connections. Closing a pooled connection only hands it back
    to the pool, so processes forked after that (the parse workers, the indexer) used to inherit the
    pool's open sockets and share a session with the importer: a 100,000-article run died on a SELECT
    that got an INSERT's answer."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("connection pools are PostgreSQL's")
    folder = tmp_path / "archive"
    archive_write(400, folder)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "broadsheet.settings.production",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SECRET_KEY": "pool-test-" + "k3y" * 20,
        "ALLOWED_HOSTS": "localhost",
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("REDIS_URL", None)
    cmd = [sys.executable, str(ROOT / "manage.py"), "import_article", str(folder), "--jobs=2"]
    cmd += ["--batch-size=40", "-v0"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: the archive's damaged files
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    from ..archive.indexing import unindexed

    stories = ArticlePage.objects.count()
    assert stories > 300 and f"created {stories}" in done.stdout + done.stderr
    assert unindexed() == []
