"""The 250-character rule and what counts as text."""

import pytest

from broadsheet.comments.errors import CommentError
from broadsheet.comments.rendering import body_html, has_links
from broadsheet.comments.text import count_characters, normalize

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"


@pytest.mark.parametrize(
    "text,count",
    [
        ("abc", 3),
        ("한국어", 3),
        ("\u1112\u1161\u11ab", 1),  # conjoining jamo compose to 한 under NFC
        ("e\u0301", 1),
        (FAMILY, 1),
        ("\U0001f1f0\U0001f1f7", 1),  # the Korean flag
        ("\U0001f44d\U0001f3fd", 1),
        ("1\ufe0f\u20e3", 1),
    ],
)
def test_count_characters_counts_what_a_reader_sees(text, count):
    assert count_characters(text) == count


def test_250_hangul_syllables_pass_and_251_are_refused(settings):
    settings.COMMENTS_MAX_LENGTH = 250
    assert normalize("가" * 250) == "가" * 250
    with pytest.raises(CommentError) as refused:
        normalize("가" * 251)
    assert (
        refused.value.code == "too_long"
        and "250" in refused.value.message
        and "251" in refused.value.message
    )


def test_250_emoji_families_pass():
    assert count_characters(normalize(FAMILY * 250)) == 250


def test_limit_message_follows_the_reader_language():
    from django.utils import translation

    with translation.override("ko"), pytest.raises(CommentError) as refused:
        normalize("a" * 300)
    assert "250" in refused.value.message and "자" in refused.value.message


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t ", "\u3000"])
def test_empty_is_refused(text):
    with pytest.raises(CommentError) as refused:
        normalize(text)
    assert refused.value.code == "empty"


@pytest.mark.parametrize(
    "text",
    [
        "bell\x07",
        "nul\x00",
        "esc\x1b[31m",
        "del\x7f",
        "c1\x85",
        "lone \ud800 surrogate",
        "low \udfff",
        "rlo \u202e evil",
        "lri \u2066x\u2069",
        "rlm \u200f",
        "zw\u200bsp",
        "word\u2060joiner",
        "bom\ufeff",
        "zwnj\u200c",
        "a\u200db",
    ],
)
def test_invisible_and_control_characters_are_refused(text):
    with pytest.raises(CommentError) as refused:
        normalize(text)
    assert refused.value.code == "invalid_characters"


def test_newlines_tabs_and_emoji_joiners_are_kept():
    assert normalize("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"
    assert normalize(" " + FAMILY + " ") == FAMILY
    assert (
        normalize("\U0001f9d1\U0001f3fb\u200d\U0001f4bb") == "\U0001f9d1\U0001f3fb\u200d\U0001f4bb"
    )


def test_nfc_and_blank_line_runs():
    assert normalize("cafe\u0301") == "caf\u00e9"
    assert normalize("a\n\n\n\n\nb") == "a\n\nb"


def test_html_is_escaped_and_links_are_marked_as_user_content():
    html = body_html('<script>alert("x")</script>\nsee https://example.org/a?b=1&c=2')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<br>" in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert 'rel="nofollow ugc noopener"' in html
    assert has_links("see www.example.com") and not has_links("no links here")


def test_a_quote_in_text_cannot_break_out_of_an_attribute():
    html = body_html('https://example.org/"onmouseover="x')
    assert 'onmouseover="x' not in html


def test_one_cluster_with_endless_combining_marks_is_refused():
    zalgo = "a" + "\u0301" * 20_000
    assert count_characters(zalgo) == 1  # one character to the 250 rule...
    with pytest.raises(CommentError) as refused:
        normalize(zalgo)
    assert refused.value.code == "too_long"  # ...but far past the code-point cap


def test_the_caps_leave_room_for_250_of_the_longest_real_characters():
    normalize(FAMILY * 250)  # 7 code points, 25 bytes each
    normalize("\U0001f1f0\U0001f1f7" * 250)
    with pytest.raises(CommentError):
        normalize("\U0001f468" + "\u0300" * 3000)  # a cluster of one emoji and 3,000 marks
