"""A real Broadsheet for browser journeys: its own database, uvicorn processes, and the loopback OIDC provider.

The test process never shares memory with the site: it builds the database by running this module's
``build_site`` in a subprocess (the real page tree, the real migrations), starts uvicorn on loopback, and
talks to it over HTTP, as a reader's browser does. SQLite file by default; with DATABASE_URL a PostgreSQL
database of its own; with REDIS_URL the site's workers share Redis (cache and live pub/sub).
"""

import atexit
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
OIDC_CLIENT = ("broadsheet-e2e", "loopback-client-secret")
OIDC_READER = {
    "username": "jiwoo",
    "password": "loopback-pw",
    "name": "Jiwoo Han",
    "email": "jiwoo@example.org",
}
MODERATOR = {"username": "desk-moderator", "password": "moderator-pw"}
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"


@pytest.fixture
def artifacts():
    """The folder for screenshots a journey leaves behind (one file name per test)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[:4]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except Exception:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def _database_url(tmp):
    """A database for this run only: a SQLite file, or a PostgreSQL database next to DATABASE_URL's."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        return f"sqlite:///{tmp / 'site.sqlite3'}"
    parts = urlsplit(base)
    # One database per site: a journey may build a second site while the session's first one still runs.
    name = f"{parts.path.lstrip('/') or 'broadsheet'}_e2e_{os.getpid()}_{tmp.name}"[:63]
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


def _db_name(url):
    return urlsplit(url).path.lstrip("/")


def _copy_database(source, target):
    """target := source (a migrated template): a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL."""
    if not target.startswith("postgres"):
        import sqlite3

        with (
            sqlite3.connect(source[len("sqlite:///") :]) as src,
            sqlite3.connect(target[len("sqlite:///") :]) as dst,
        ):
            src.backup(dst)
        return
    with _admin(target) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_db_name(target)}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{_db_name(target)}" TEMPLATE "{_db_name(source)}"')


def _drop_database(url):
    if not url.startswith("postgres"):
        return
    with _admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{_db_name(url)}" WITH (FORCE)')


# Wagtail's hundreds of migrations run once per test process, into a template every site copies.
_migrated = {}


def _migrated_template(env, tmp):
    if "url" not in _migrated:
        url = _database_url(tmp.parent / f"migrated-{os.getpid()}")
        if url.startswith("postgres"):
            with _admin(url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{_db_name(url)}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{_db_name(url)}"')
            atexit.register(_drop_database, url)
        else:
            (tmp.parent / f"migrated-{os.getpid()}").mkdir(exist_ok=True)
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env={**env, "DATABASE_URL": url},
            check=True,
            capture_output=True,
            timeout=300,
        )
        _migrated["url"] = url
    return _migrated["url"]


class Site:
    """The site's environment and its uvicorn processes."""

    def __init__(self, tmp, oidc_port):
        self.tmp = tmp
        self.database_url = _database_url(tmp)
        self.oidc_url = f"http://127.0.0.1:{oidc_port}/o"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "broadsheet.settings.dev",
            "BROADSHEET_DATA_DIR": str(tmp),
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "e2e-not-secret",
            "CACHE_KEY_PREFIX": f"bs-e2e-{os.getpid()}",
            "OIDC_LOOPBACK_SERVER_URL": self.oidc_url,
            "OIDC_LOOPBACK_CLIENT_ID": OIDC_CLIENT[0],
            "OIDC_LOOPBACK_SECRET": OIDC_CLIENT[1],
            "OIDC_LOOPBACK_LABEL": "Loopback ID",
            "COMMENTS_TRUSTED_AFTER": "0",
            # Every reader in these journeys comes from 127.0.0.1: the per-address limit would be the test's.
            "COMMENTS_RATE_LIMIT_IP": "1000/60",
            "COMMENTS_RATE_LIMIT_USER": "100/60",
            "PAGECACHE_SECONDS": "300",
            "LOG_LEVEL": "WARNING",
        }
        self.processes = []
        self.info = {}

    def manage(self, *args):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    def migrate(self):
        """The database as `migrate` leaves it, copied from this process's migrated template."""
        _copy_database(_migrated_template(self.env, self.tmp), self.database_url)

    def build(self):
        self.migrate()
        out = subprocess.run(
            [PYTHON, "-c", "from tests.e2e.conftest import build_site; build_site()"],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.info = json.loads(out.stdout.strip().splitlines()[-1])

    def serve(self, port=None):
        port = port or free_port()
        log = open(self.tmp / f"uvicorn-{port}.log", "w")
        process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "uvicorn",
                "broadsheet.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/api/comments/session", process=process)
        return url

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        _drop_database(self.database_url)


def build_site():
    """Runs inside the site's environment (a subprocess): the page tree, the policy, people. Prints JSON."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from broadsheet.comments.models import PolicyClause, StandardsPolicyPage
    from broadsheet.newsroom.models import ArticlePage
    from broadsheet.newsroom.services import homepage_install, section_ensure
    from broadsheet.newsroom.tests.factories import paragraphs

    home = homepage_install()
    section = section_ensure(home=home, path=["National"])
    article = ArticlePage(
        title="Night buses return to four city routes",
        slug="night-buses-return",
        headline="Night buses return to four city routes",
        standfirst="Shift workers get a ride home after midnight again.",
        body=paragraphs(
            "The city restored four late-night bus routes on Monday.", "Riders welcomed the change."
        ),
    )
    section.add_child(instance=article)
    author = _byline(article)
    article.tags.add("Transport")
    article.save_revision().publish()
    article.refresh_from_db()
    _correction(article)
    policy = StandardsPolicyPage(title="Standards Board Policy", slug="standards-board-policy")
    home.add_child(instance=policy)
    for number, title, text in [
        (1, "Respect", "Argue with ideas, not people. No insults or personal attacks."),
        (2, "Hate", "No content that demeans people for who they are."),
        (3, "Spam", "No advertising, links for profit or repeated posts."),
    ]:
        PolicyClause.objects.create(
            page=policy, number=number, title=title, text=text, sort_order=number
        )
    policy.save_revision().publish()
    moderator = get_user_model().objects.create_user(
        MODERATOR["username"], password=MODERATOR["password"], first_name="Desk Moderator"
    )
    group = Group.objects.filter(name="Comment moderators").first()
    if group:
        moderator.groups.add(group)
    busy = ArticlePage(
        title="Riverside parks add shade for the summer",
        slug="riverside-parks-shade",
        headline="Riverside parks add shade for the summer",
        body=paragraphs(
            "The city planted trees and built shelters along the river.",
            "Cyclists asked for more water fountains.",
        ),
    )
    section.add_child(instance=busy)
    busy.save_revision().publish()
    busy = ArticlePage.objects.get(pk=busy.pk)
    _busy_thread(busy.comments_thread_key)
    article = ArticlePage.objects.get(pk=article.pk)
    closed = _article_with_mode(section, "Harbour bridge repairs finish early", "closed")
    held = _article_with_mode(section, "School lunch budget goes to a vote", "premoderated")
    print(
        json.dumps(
            {
                "article_url": article.url,
                "thread_key": article.comments_thread_key,
                "busy_url": busy.url,
                "busy_key": busy.comments_thread_key,
                "closed_url": closed.url,
                "premoderated_url": held.url,
                "author_url": f"/authors/{author.slug}/",
                "section_url": section.url,
                "policy_url": policy.url,
                "tag_url": "/tags/transport/",
                "archive_url": _archive_day(article),
            }
        )
    )


def _correction(article):
    """One correction on the record, so /corrections/ and the article's box have something to show."""
    from broadsheet.newsroom.services import correction_add

    correction_add(article=article, text="An earlier version gave the wrong number of routes.")


def _archive_day(article):
    from django.utils import timezone

    day = timezone.localtime(article.first_published_at)
    return f"/archive/{day:%Y/%m/%d}/"


def _byline(article):
    from broadsheet.newsroom.models import ArticleByline, Author

    author = Author.objects.create(name="Hana Seo", slug="hana-seo", role="Transport reporter")
    ArticleByline.objects.create(page=article, author=author)
    return author


def _article_with_mode(section, title, mode):
    """An article with one comment from while it was open, then its comments set to mode by a new revision."""
    from django.contrib.auth import get_user_model

    from broadsheet.comments.services import comment_create
    from broadsheet.newsroom.models import ArticlePage
    from broadsheet.newsroom.tests.factories import paragraphs

    page = ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        headline=title,
        body=paragraphs("A short story for the comments to sit under."),
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    writer = get_user_model().objects.create_user(f"early-{page.pk}", first_name="Early Reader")
    comment_create(
        thread_key=page.comments_thread_key,
        author=writer,
        body=f"Posted while {title.lower()} was open.",
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.comments_mode = mode
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def _busy_thread(key):
    """22 comments (more than one page) through the real service, one of them with five replies."""
    from django.contrib.auth import get_user_model

    from broadsheet.comments.services import comment_create

    people = [
        get_user_model().objects.create_user(f"seed-{n}", first_name=f"Seed Reader {n}")
        for n in range(5)
    ]
    first = None
    for n in range(22):
        comment = comment_create(
            thread_key=key,
            author=people[n % 5],
            body=f"Seed comment number {n + 1} about the parks.",
        )
        first = first or comment
    for n in range(5):
        comment_create(
            thread_key=key,
            author=people[(n + 1) % 5],
            body=f"Seed reply {n + 1}",
            parent_id=first.pk,
        )


def stored_count(page, key):
    """The thread's count as the server has it now (the page's own copy may come from the page cache)."""
    return page.evaluate(
        "async (key) => (await (await fetch(`/api/comments/counts?keys=${key}`)).json()).counts[key]",
        key,
    )


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """django-oauth-toolkit on loopback in its own process: a real OpenID Connect provider (PKCE required)."""
    port = free_port()
    site_port = free_port()
    data = tmp_path_factory.mktemp("oidc")
    reader = ":".join(
        [
            OIDC_READER["username"],
            OIDC_READER["password"],
            OIDC_READER["name"],
            OIDC_READER["email"],
        ]
    )
    log = open(data / "provider.log", "w")
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "tests.oidc_provider.serve",
            "--port",
            str(port),
            "--data",
            str(data),
            "--client-id",
            OIDC_CLIENT[0],
            "--client-secret",
            OIDC_CLIENT[1],
            "--redirect-uri",
            f"http://127.0.0.1:{site_port}/accounts/oidc/loopback/login/callback/",
            "--reader",
            reader,
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/o/.well-known/openid-configuration", process=process)
        yield {"port": port, "site_port": site_port, "url": f"http://127.0.0.1:{port}/o"}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, oidc_provider):
    """One built site and one uvicorn on the port the OIDC provider's redirect URI names."""
    site = Site(tmp_path_factory.mktemp("site"), oidc_provider["port"])
    try:
        site.build()
        site.url = site.serve(oidc_provider["site_port"])
        yield site
    finally:
        site.stop()
