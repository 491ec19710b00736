"""Listing cards: each article's card rendered once per language, site and newsroom generation, then reused.

Topic, author, archive and section pages show a dozen cards. Building them meant a query that joins each
article with its lead photo and renditions, then a template per card: most of such a page's cost. A card
changes only when something the newsroom's generation follows changes (a publish, an author, a photo:
freshness.py), so a listing now reads the ids of its page, takes the cards it has shown since the last
change from memory, and fetches and renders only the others. The comment count is the one live part: it
is left out of the remembered HTML and filled in on every render (card_list.html).
"""

from dataclasses import dataclass

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .freshness import generation, remember_cards, remembered_cards
from .fronts import article_cards, site_pk

TEMPLATE = "newsroom/elements/article_card.html"
# Where the comment count goes. Text from the database cannot hold a NUL (PostgreSQL refuses it), and
# everything else in a card is escaped, so the mark can only be the one the template put there.
COUNT_SLOT = "\x00"


@dataclass(frozen=True, slots=True)
class Card:
    """A card as card_list.html renders it: head, the live comment count, tail."""

    display_headline: str
    comments_thread_key: str
    head: SafeString
    tail: SafeString


def cards_for(request, ids):
    """The cards of the published articles with these ids, in the ids' order (an id whose article is no
    longer published is left out). Queries: none when every card is remembered, else one for the others
    (with their photos' renditions)."""
    ids = list(ids)
    keys = {pk: _key(request, pk) for pk in ids}
    found = {} if settings.DEBUG else remembered_cards(keys.values())
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        built = {keys[pk]: card for pk, card in _render(request, missing).items()}
        if not settings.DEBUG:  # template edits show at once, as with {% remembered %}
            remember_cards(built)
        found.update(built)
    return [found[keys[pk]] for pk in ids if keys[pk] in found]


def _key(request, pk):
    # {% pageurl %} is relative on the card's own site; the date is in the current time zone.
    zone = timezone.get_current_timezone_name()
    return ("card", pk, get_language(), site_pk(request), zone, generation())


def _render(request, ids):
    template = get_template(TEMPLATE).template
    cards = {}
    for pk, article in article_cards().in_bulk(ids).items():
        context = Context({"article": article, "request": request, "count_slot": COUNT_SLOT})
        head, tail = template.render(context).split(COUNT_SLOT)
        cards[pk] = Card(
            display_headline=article.display_headline,
            comments_thread_key=article.comments_thread_key,
            head=mark_safe(head),  # the template's own escaped output, cut in two
            tail=mark_safe(tail),
        )
    return cards
