"""Writes: importing Korean equivalents, and a reader saving or removing a word. One transaction each."""

from django.db import transaction

from .app_settings import app_settings
from .krdict import read_export
from .models import KoreanEquivalent, SavedWord, term_key


class VocabularyFull(Exception):
    pass


def korean_equivalents_import(*, path, batch_size=1000):
    """Load a Basic Korean Dictionary export; re-importing the same file changes nothing. Returns counts."""
    seen = created = 0
    batch = []
    with transaction.atomic():
        for item in read_export(path):
            seen += 1
            batch.append(
                KoreanEquivalent(
                    english=term_key(item.english)[:120],
                    korean=item.korean[:120],
                    korean_definition=item.korean_definition,
                    english_definition=item.english_definition,
                    vocabulary_level=item.vocabulary_level[:10],
                    source_entry=item.entry_id[:32],
                    sense_number=item.sense_number,
                )
            )
            if len(batch) >= batch_size:
                created += _save_batch(batch)
                batch = []
        created += _save_batch(batch)
    return {"read": seen, "created": created}


def _save_batch(batch):
    # One row per key: PostgreSQL refuses to update the same row twice in one statement.
    batch = list({(e.source_entry, e.sense_number, e.english): e for e in batch}.values())
    if not batch:
        return 0
    fields = ["korean", "korean_definition", "english_definition", "vocabulary_level"]
    before = KoreanEquivalent.objects.count()
    KoreanEquivalent.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["source_entry", "sense_number", "english"],
        update_fields=fields,
    )
    # bulk_create skips signals: tell the lookup cache once per batch.
    from .glossary import glossary_changed

    glossary_changed()
    transaction.on_commit(glossary_changed)  # lookups between now and the commit read the old rows
    return KoreanEquivalent.objects.count() - before


def saved_word_add(*, reader, lemma, seen_as="", gloss=""):
    """Save a word to a reader's list; saving it again keeps the first save. Returns (word, created)."""
    with transaction.atomic():
        existing = SavedWord.objects.filter(reader=reader, lemma=lemma).first()
        if existing:
            return existing, False
        if SavedWord.objects.filter(reader=reader).count() >= app_settings.MAX_SAVED_WORDS:
            raise VocabularyFull(lemma)
        word, created = SavedWord.objects.get_or_create(
            reader=reader, lemma=lemma, defaults={"seen_as": seen_as[:120], "gloss": gloss[:300]}
        )
        return word, created


def saved_word_remove(*, reader, lemma):
    deleted, _ = SavedWord.objects.filter(reader=reader, lemma=lemma).delete()
    return bool(deleted)
