"""Whatever a reader pastes, normalize() either returns clean text within the limit or refuses with a CommentError."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.comments.errors import CommentError
from broadsheet.comments.rendering import body_html
from broadsheet.comments.text import BIDI_CONTROLS, ZERO_WIDTH, count_characters, normalize

# Every code point, lone surrogates included (JSON "\ud800" arrives as one).
anything = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=300)


@settings(max_examples=400, deadline=None)
@given(anything)
def test_normalize_refuses_cleanly_or_returns_clean_text(text):
    try:
        clean = normalize(text)
    except CommentError as refused:
        assert refused.code in {"invalid_characters", "empty", "too_long"}
        return
    assert clean == clean.strip() and clean
    assert unicodedata.is_normalized("NFC", clean)
    assert 0 < count_characters(clean) <= 250
    assert not any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t" for c in clean)
    assert not (set(clean) & (BIDI_CONTROLS | ZERO_WIDTH))
    clean.encode("utf-8")  # storable and sendable
    html = str(body_html(clean))
    assert "<script" not in html.lower() and "<" not in html.replace("<br>", "").replace(
        "<a ", ""
    ).replace("</a>", "")


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(categories=["Lo", "Ll", "Lu", "Nd", "Zs", "So"]),
        min_size=1,
        max_size=250,
    )
)
def test_printable_text_within_the_limit_is_accepted(text):
    if not text.strip():
        return
    assert count_characters(normalize(text)) <= 250
