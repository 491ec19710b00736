"""Every string a reader or moderator sees in comments has a Korean translation, compiled."""

from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "ko" / "LC_MESSAGES"


def _entries(text):
    """(msgid, msgstr) pairs from a .po file, continuation lines joined."""
    entries, key, current = [], None, {}
    for line in text.splitlines():
        if line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[0] ")):
            key = line.split(" ", 1)[0]
            current[key] = line.split(" ", 1)[1].strip()[1:-1]
            if key.startswith("msgstr"):
                entries.append((current.get("msgid", ""), current[key]))
                current = {}
        elif line.startswith('"') and key:
            if key.startswith("msgstr") and entries:
                entries[-1] = (entries[-1][0], entries[-1][1] + line[1:-1])
            else:
                current[key] = current.get(key, "") + line[1:-1]
    return entries


def test_every_message_is_translated_and_compiled():
    po = LOCALE / "django.po"
    untranslated = [
        msgid for msgid, msgstr in _entries(po.read_text(encoding="utf-8")) if msgid and not msgstr
    ]
    assert untranslated == []
    assert "#, fuzzy\nmsgid" not in po.read_text(encoding="utf-8")
    assert (LOCALE / "django.mo").stat().st_mtime >= po.stat().st_mtime - 1


def test_korean_page(client, db):
    from broadsheet.comments.models import Thread

    Thread.objects.create(key="ko-thread", title="기사")
    html = client.get("/comments/ko-thread/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert (
        "댓글을 쓰려면 아래 계정 중 하나로 로그인하세요." in html
        and "아직 댓글이 없습니다." in html
    )
