"""The peer for the archive part: Wagtail's plain per-article path on the first files of the archive —
parse, then section + add_child + save_revision().publish() in its own transaction, with every signal
handler connected (what import_article did per file before issue 10, minus process start-up).
Run under Django: archive_peer.py FILE... ; prints the number of articles written."""

import sys

import django

django.setup()

from django.db import transaction  # noqa: E402

from broadsheet.newsroom.importer import UnrecognisedPage, parse_legacy_page  # noqa: E402
from broadsheet.newsroom.models import ArticlePage  # noqa: E402
from broadsheet.newsroom.services import article_fill, homepage_install, section_ensure, unique_slug  # noqa: E402


def one(path, home):
    legacy = parse_legacy_page(open(path, "rb").read())
    with transaction.atomic():
        section = section_ensure(home=home, path=legacy.section_path)
        article = ArticlePage(slug=unique_slug(section, legacy.headline))
        article_fill(article, legacy)
        section.add_child(instance=article)
        article.save_revision().publish()


if __name__ == "__main__":
    home = homepage_install()
    written = 0
    for path in sys.argv[1:]:
        try:
            one(path, home)
            written += 1
        except (UnrecognisedPage, ValueError):
            pass
    print(written)
