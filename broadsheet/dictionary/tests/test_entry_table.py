"""The table of readings written ahead (entry_table.py): same answers as working them out, read in one row."""

import time

import pytest
from django.core.management import call_command

from broadsheet.dictionary import entry_table, levels, lookup, senses

WORDS = [
    "sites",
    "went",
    "organisations",
    "colour",
    "the",
    "withdrawing",
    "Re-dispatched",
    "jeans",
    "xqzvwk",
]


def forget_everything():
    for cached in (senses.wordnet_entry, levels.word_level, lookup._entry, entry_table._path):
        cached.cache_clear()
    entry_table.forget()


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    forget_everything()
    yield tmp_path
    forget_everything()


def entries_without_table():
    forget_everything()
    return [lookup.lookup(word) for word in WORDS]


def test_a_lookup_answers_the_same_from_the_table(db, data_dir):
    live = entries_without_table()
    assert not entry_table.path().exists()
    target, forms, headwords = entry_table.build(WORDS)
    assert target == entry_table.path() and forms >= len(WORDS) and headwords >= len(WORDS)
    forget_everything()
    assert [lookup.lookup(word) for word in WORDS] == live
    # Every row is what WordNet's files give, absent words (None) included.
    for form in ("sites", "the", "xqzvwk", "organisations", "Re-dispatched", "redispatched"):
        assert entry_table.entry(form) == senses.read_entry(form), form
    assert entry_table.entry("the") is None
    assert entry_table.level("withdraw") == levels.read_level("withdraw")


def test_a_form_the_table_lacks_is_worked_out(db, data_dir):
    entry_table.build(["house"])
    forget_everything()
    assert entry_table.entry("sites") is entry_table.MISSING
    assert senses.wordnet_entry("sites") == senses.read_entry("sites")
    assert senses.wordnet_entry("sites")["lemma"] == "site"
    # A reading asked for in a context ("the sites") is never the table's: that holds prefer=None only.
    assert senses.wordnet_entry("plans", "v")["pos"] == "verb"


def test_a_table_for_other_code_or_data_is_not_read(db, data_dir, monkeypatch):
    entry_table.build(["sites"])
    forget_everything()
    monkeypatch.setattr(entry_table, "fingerprint", lambda: "0123456789abcdef")
    assert not entry_table.path().exists()
    assert entry_table.entry("sites") is entry_table.MISSING


def test_fingerprint_covers_the_code_the_readings_come_from():
    assert {"senses", "readings", "spelling", "levels", "zipf_table", "wordnet_index"} <= set(
        entry_table.SOURCES
    )


def test_command_writes_once(db, data_dir, capsys):
    call_command("dictionary_table", "--words", "200")
    assert "forms" in capsys.readouterr().out
    written = entry_table.path().stat().st_mtime_ns
    call_command("dictionary_table", "--words", "200")
    assert "is current" in capsys.readouterr().out
    assert entry_table.path().stat().st_mtime_ns == written
    assert entry_table.entry("people") == senses.read_entry("people")


def test_a_table_written_after_the_worker_started_is_picked_up(db, data_dir, monkeypatch):
    assert entry_table.entry("sites") is entry_table.MISSING  # no table yet: remembered as absent
    entry_table.build(["sites"])
    entry_table._open.clear()  # as in another process that wrote it: this one's connection is not reset
    entry_table._open[entry_table.path()] = entry_table._absent
    entry_table._absent_since[entry_table.path()] = time.monotonic()
    assert entry_table.entry("sites") is entry_table.MISSING  # not looked for again at once
    monkeypatch.setattr(entry_table, "RECHECK_SECONDS", -1)
    assert entry_table.entry("sites") == senses.read_entry("sites")
