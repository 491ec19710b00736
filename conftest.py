"""What every app's tests may need: services-only suites skipped unless chosen, the seed article, Debian's
Chromium, a test's database connection kept across requests, and one request to an ASGI app as uvicorn
sends it (tests/asgi_client.py). An app's own fixtures live in its tests/conftest.py (those other apps
reuse, in its tests/fixtures.py), its rows in its tests/factories.py; browser journeys' in
tests/e2e/conftest.py."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEED_DIR = ROOT.parent / "shared" / "seed"
SEED_ARTICLE = SEED_DIR / "000_728ee854d540b679.txt"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


# Suites that start and stop services of their own: never part of a plain run (make test), only when
# selected by marker, as .ci/run does with PostgreSQL + Redis up.
SERVICE_MARKERS = ("prod", "faults")


def pytest_collection_modifyitems(config, items):
    chosen = config.getoption("markexpr") or ""
    for item in items:
        for marker in SERVICE_MARKERS:
            if marker in item.keywords and marker not in chosen:
                item.add_marker(
                    pytest.mark.skip(reason=f"needs services: run with -m {marker} (.ci/run does)")
                )


@pytest.fixture
def seed_article():
    """Path of the seed article dump; the test is skipped cleanly when ../shared/seed is absent."""
    if not SEED_ARTICLE.exists():
        pytest.skip("../shared/seed is absent")
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; Playwright never downloads a browser of its own."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    os.environ.setdefault(
        "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
    )  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def keep_test_connection():
    """Django's handlers close "old" DB connections around each request, which would end the test's
    transaction; the test client disconnects these too."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def call_asgi(keep_test_connection):
    """call_asgi(app, path, method=, query=, headers=) -> AsgiReply: one request, as uvicorn would send it."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from asgiref.sync import async_to_sync
    from django.db import connections

    from tests.asgi_client import asgi_request

    def call(app, path, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return async_to_sync(asgi_request)(app, path, **kwargs)
        # A browser test earlier on this xdist worker left Playwright's loop running in this thread: the
        # request is made from a thread of its own, on this thread's database connections (as Django's
        # live server shares them), so it still sees the test's transaction.
        shared = {alias: connections[alias] for alias in connections}

        def in_thread():
            for alias, connection in shared.items():
                connections[alias] = connection
            return async_to_sync(asgi_request)(app, path, **kwargs)

        for connection in shared.values():
            connection.inc_thread_sharing()
        try:
            with ThreadPoolExecutor(1) as pool:
                return pool.submit(in_thread).result()
        finally:
            for connection in shared.values():
                connection.dec_thread_sharing()

    return call
