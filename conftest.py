"""Fixtures shared by every test: the seed article, and real Chromium for browser journeys."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SEED_DIR = ROOT.parent / "shared" / "seed"
SEED_ARTICLE = SEED_DIR / "000_728ee854d540b679.txt"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"


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
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
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
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
