"""Initial-consonant spellings readers use to dodge the list (ㅅㅂ, ㅂㅅ, ㅈㄹ), and 씨바."""

from django.db import migrations

WORDS = [
    ("ㅅㅂ", "ko", "block"),
    ("ㅂㅅ", "ko", "block"),
    ("ㅈㄹ", "ko", "block"),
    ("씨바", "ko", "block"),
]


def forward(apps, schema_editor):
    BannedWord = apps.get_model("comments", "BannedWord")
    for word, language, kind in WORDS:
        BannedWord.objects.get_or_create(word=word, language=language, kind=kind)


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_listing_indexes")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
