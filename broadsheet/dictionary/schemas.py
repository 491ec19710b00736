"""The dictionary API's shapes, as /api/openapi.json describes them."""

from ninja import Field, Schema


class Sense(Schema):
    pos: str = Field(description="noun, verb, adjective or adverb")
    definition: str
    examples: list[str]
    synonyms: list[str]


class Reading(Schema):
    lemma: str
    pos: str


class Entry(Schema):
    word: str = Field(description="the selection, cleaned: quotes and possessive 's removed")
    lemma: str = Field(
        description="the headword: withdrawing → withdraw, went → go, re-dispatched → dispatch"
    )
    pos: str = Field(description="part of speech of the likeliest reading")
    senses: list[Sense]
    level: str | None = Field(description="learner level A1..C2 from word frequency and CEFR lists")
    zipf: float = Field(description="wordfreq Zipf frequency of the lemma (7 = 'the', 3 = rare)")
    gloss: str = Field(
        description="Korean gloss from the newsroom glossary or the Basic Korean Dictionary"
    )
    note: str = Field(description="the newsroom glossary's explanation, when it has one")
    in_glossary: bool
    grammar: bool = Field(
        description="a grammar word (modal, pronoun, article…): a short learner entry"
    )
    also: list[Reading] = Field(
        description="other readings of the word: interesting is also a form of interest"
    )
    spellings: list[str] = Field(
        description="the article's spelling first, then the other one: colour, color"
    )


class Missing(Schema):
    detail: str
    word: str
    lemma: str
    level: str | None
    zipf: float


class Error(Schema):
    detail: str


# No control characters (PostgreSQL refuses a NUL in text, which was a 500): a 422 JSON instead.
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


class SavedWordIn(Schema):
    lemma: str = Field(max_length=120, pattern=PRINTABLE)
    seen_as: str = Field("", max_length=120, pattern=PRINTABLE)
    gloss: str = Field("", max_length=300, pattern=PRINTABLE)


class SavedWordOut(Schema):
    lemma: str
    seen_as: str
    gloss: str
    saved_at: str


class Me(Schema):
    authenticated: bool
    is_staff: bool
    glossary_add_url: str | None = Field(
        description="staff only: the admin form that adds a glossary term"
    )
    saved_words: list[SavedWordOut]


class WordLevel(Schema):
    lemma: str
    level: str
    found: bool


class ArticleLevels(Schema):
    page_id: int
    words: dict[str, WordLevel] = Field(
        description="each distinct word form in the article → its level"
    )
