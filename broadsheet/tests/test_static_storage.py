"""Static URLs are worked out once per name, and are the same as whitenoise's manifest storage gives."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from broadsheet.static_storage import StaticFilesStorage


@pytest.fixture
def collected(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.0123abcd.css").write_text("body{}")
    manifest = {"paths": {"css/site.css": "css/site.0123abcd.css"}, "version": "1.1", "hash": "x"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return {"location": str(tmp_path), "base_url": "/static/"}


def test_same_urls_as_the_manifest_storage(collected):
    ours, stock = StaticFilesStorage(**collected), CompressedManifestStaticFilesStorage(**collected)
    assert ours.url("css/site.css") == stock.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert ours.url("css/site.css") == stock.url("css/site.css")


def test_a_name_is_worked_out_once(collected, monkeypatch):
    storage = StaticFilesStorage(**collected)
    asked = []
    stock_url = CompressedManifestStaticFilesStorage.url
    monkeypatch.setattr(
        CompressedManifestStaticFilesStorage,
        "url",
        lambda self, name, force=False: asked.append(name) or stock_url(self, name, force),
    )
    for _ in range(3):
        assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert asked == ["css/site.css"]


def test_a_name_missing_from_the_manifest_still_fails_every_time(collected):
    storage = StaticFilesStorage(**collected)
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/nowhere.css")


def test_debug_asks_the_storage_each_time(collected, settings, monkeypatch):
    settings.DEBUG = True
    storage = StaticFilesStorage(**collected)
    storage.url("css/site.css")
    assert storage._urls == {}
