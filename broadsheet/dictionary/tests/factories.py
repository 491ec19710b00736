"""The dictionary tests' rows and articles, in one place. Articles are the tests' own: plain Wagtail pages
(or plain objects) whose text reaches the dictionary through its adapter, as a site's articles do."""

from dataclasses import dataclass, field

from wagtail.models import Page

from broadsheet.dictionary.adapter import DictionaryAdapter
from broadsheet.dictionary.models import GlossaryTerm

# (term, part of speech, Korean gloss, explanation): written for these tests.
GLOSSARY = [
    ("Kaesong", "proper noun", "개성", "A city in North Korea close to the border with the South."),
    (
        "Blue House",
        "proper noun",
        "청와대",
        "The building that used to house the South Korean president's office.",
    ),
    (
        "Unification Ministry",
        "proper noun",
        "통일부",
        "The South Korean ministry that deals with the North.",
    ),
    (
        "liaison office",
        "noun",
        "연락사무소",
        "An office where two sides keep staff so they can talk daily.",
    ),
    (
        "denuclearization",
        "noun",
        "비핵화",
        "Giving up nuclear weapons and the means of making them.",
    ),
]

STORY = (
    "Border office staff come back after a brief walkout",
    [
        "Officials from the North returned to the liaison office in Kaesong on Monday, days after withdrawing.",
        "The Unification Ministry called the move a sign of goodwill amid a protracted deadlock over denuclearization.",
        "A ministry spokesperson said the two sides would keep the channel open.",
    ],
)


def glossary_terms(rows=GLOSSARY):
    for term, part_of_speech, korean_gloss, explanation in rows:
        GlossaryTerm.objects.create(
            term=term,
            part_of_speech=part_of_speech,
            korean_gloss=korean_gloss,
            explanation=explanation,
        )
    return GlossaryTerm.objects.count()


@dataclass
class Article:
    """An article as the dictionary sees one: an id, a revision and text (TextAdapter reads it)."""

    pk: int
    title: str
    paragraphs: list = field(default_factory=list)
    live_revision_id: int = 1

    def revise(self, *paragraphs):
        self.paragraphs = list(paragraphs)
        self.live_revision_id += 1


class TextAdapter(DictionaryAdapter):
    """DICTIONARY_ADAPTER for these tests: an Article's title and paragraphs; real pages as the base does."""

    def article_text_parts(self, page):
        if isinstance(page, Article):
            return [page.title, *page.paragraphs]
        return super().article_text_parts(page)


ADAPTER = f"{TextAdapter.__module__}.TextAdapter"


def live_page(title):
    """A live, public Wagtail page under the root: the base adapter reads its title as its text."""
    page = Page(title=title, slug=f"page-{Page.objects.count()}")
    Page.get_first_root_node().add_child(instance=page)
    page.save_revision().publish()
    return page
