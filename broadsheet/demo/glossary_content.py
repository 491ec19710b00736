"""Demo glossary: names and news terms a reader of Korea news meets, with Korean glosses written for the demo."""

from broadsheet.dictionary.models import GlossaryTerm

TERMS = [
    (
        "Kaesong",
        "proper noun",
        "개성",
        "A North Korean city just north of the border, once home to a joint industrial park with the South.",
    ),
    (
        "Blue House",
        "proper noun",
        "청와대",
        "The former office and residence of South Korea's president in Seoul; news copy often uses it for the "
        "president's office.",
    ),
    (
        "Unification Ministry",
        "proper noun",
        "통일부",
        "The South Korean government ministry in charge of relations with North Korea.",
    ),
    (
        "liaison office",
        "noun",
        "연락사무소",
        "An office where two sides keep people so they can talk every day; the inter-Korean one opened in 2018.",
    ),
    (
        "denuclearization",
        "noun",
        "비핵화",
        "Removing nuclear weapons and the means to make them from a country or region.",
    ),
    (
        "Uriminzokkiri",
        "proper noun",
        "우리민족끼리",
        "A North Korean state propaganda website; its name means 'by our nation itself'.",
    ),
    (
        "Pyongyang",
        "proper noun",
        "평양",
        "The capital of North Korea; news copy often uses it for the North Korean government.",
    ),
    ("inter-Korean", "adjective", "남북의", "Between South Korea and North Korea."),
    (
        "DMZ",
        "abbreviation",
        "비무장지대",
        "The Demilitarized Zone: the strip of land about four kilometres wide dividing the two Koreas.",
    ),
    (
        "National Assembly",
        "proper noun",
        "국회",
        "South Korea's parliament, with 300 members elected for four years.",
    ),
    (
        "chaebol",
        "noun",
        "재벌",
        "One of the large family-run business groups that dominate the South Korean economy.",
    ),
    (
        "sanctions",
        "noun",
        "제재",
        "Measures such as trade bans that countries take to pressure another government.",
    ),
]


def load(*, home):
    """Create or refresh the demo terms; editors' own edits to other terms are left alone."""
    for term, part_of_speech, korean_gloss, explanation in TERMS:
        existing = GlossaryTerm.objects.filter(key=term.lower()).first() or GlossaryTerm(term=term)
        existing.part_of_speech = part_of_speech
        existing.korean_gloss = korean_gloss
        existing.explanation = explanation
        existing.save()
    return GlossaryTerm.objects.count()
