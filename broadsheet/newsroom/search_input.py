"""What a reader asked the search for, checked once for the page and the API: a bad value is a clear
SearchInputError (shown with status 400), never a 500."""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_QUERY = 200  # characters; no headline search needs more, and long ones cost the database
MAX_PAGE = 10_000
SORTS = ("relevance", "newest")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PAGE = re.compile(r"[0-9]{1,6}")  # ASCII digits only: str.isdigit() accepts '²'


class SearchInputError(ValueError):
    pass


@dataclass
class SearchInput:
    q: str = ""
    page: int = 1
    sort: str = "relevance"
    section: object = None  # a SectionPage
    author: object = None  # an Author
    tag: object = None  # a taggit Tag
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    errors: list = field(default_factory=list)

    @property
    def filtered(self):
        return any((self.section, self.author, self.tag, self.date_from, self.date_to))


def clean_query(raw):
    text = " ".join((raw or "").split())
    if len(text) > MAX_QUERY:
        raise SearchInputError(
            _("Search terms can be at most %(n)s characters long.") % {"n": MAX_QUERY}
        )
    # Lone surrogates arrive as U+FFFD (invalid UTF-8 in the URL) or as themselves (JSON escapes).
    if any(unicodedata.category(c) in ("Cc", "Cs") or c == "\ufffd" for c in text):
        raise SearchInputError(_("Search terms may not contain control characters or broken text."))
    return text


def clean_page(raw):
    if raw in (None, ""):
        return 1
    if not PAGE.fullmatch(raw) or not 1 <= int(raw) <= MAX_PAGE:
        raise SearchInputError(
            _("The page must be a whole number from 1 to %(n)s.") % {"n": f"{MAX_PAGE:,}"}
        )
    return int(raw)


def clean_sort(raw):
    if raw in (None, ""):
        return "relevance"
    if raw not in SORTS:
        raise SearchInputError(_("Sort by relevance or newest."))
    return raw


def clean_date(raw, name):
    if raw in (None, ""):
        return None
    try:
        if not DATE.fullmatch(raw):
            raise ValueError
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise SearchInputError(
            _("%(name)s: %(value)s is not a date; write it as YYYY-MM-DD.")
            % {"name": name, "value": raw[:20]}
        ) from None


def clean_section(raw):
    from .models import SectionPage

    if raw in (None, ""):
        return None
    section = (
        SectionPage.objects.published().filter(pk=raw).first() if PAGE.fullmatch(raw) else None
    )
    if section is None:
        raise SearchInputError(_("There is no such section."))
    return section


def _by_slug(queryset, raw, message):
    if raw in (None, ""):
        return None
    found = queryset.filter(slug=raw[:100]).first()
    if found is None:
        raise SearchInputError(message)
    return found


def clean_author(raw):
    from .models import Author

    return _by_slug(Author.objects.all(), raw, _("There is no such author."))


def clean_tag(raw):
    from taggit.models import Tag

    return _by_slug(Tag.objects.all(), raw, _("There is no such topic."))


def search_input(params):
    """A SearchInput from a QueryDict or dict; every problem is listed in .errors (each clear on its own)."""
    found = SearchInput()
    steps = [
        ("q", clean_query, ()),
        ("page", clean_page, ()),
        ("sort", clean_sort, ()),
        ("date_from", clean_date, ("from",)),
        ("date_to", clean_date, ("to",)),
        ("section", clean_section, ()),
        ("author", clean_author, ()),
        ("tag", clean_tag, ()),
    ]
    names = {"date_from": "from", "date_to": "to"}
    for attr, clean, extra in steps:
        raw = params.get(names.get(attr, attr))
        try:
            setattr(found, attr, clean(raw, *extra))
        except SearchInputError as error:
            found.errors.append(str(error))
    if found.date_from and found.date_to and found.date_from > found.date_to:
        found.errors.append(_("The start date is after the end date."))
    return found
