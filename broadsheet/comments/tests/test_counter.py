"""The browser's counter and the server's count agree on every string (comments/static/comments/counter.js
against comments/text.py), checked with generated Hangul, jamo, combining marks, emoji sequences, flags,
skin tones, ASCII and CJK in real Chromium.
"""

import functools
import http.server
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadsheet.comments.text import count_characters

STATIC = Path(__file__).resolve().parents[1] / "static"
pytestmark = pytest.mark.e2e

# --- what readers type -------------------------------------------------------------------------------
ZWJ, VS16 = "\u200d", "\ufe0f"
PEOPLE = ["\U0001f468", "\U0001f469", "\U0001f467", "\U0001f466", "\U0001f9d1"]
TOOLS = ["\U0001f4bb", "\U0001f52c", "\U0001f680", "\U0001f373", "\u2695\ufe0f", "\u2764\ufe0f"]
SKIN = [chr(c) for c in range(0x1F3FB, 0x1F400)]

hangul_syllable = st.integers(0xAC00, 0xD7A3).map(chr)
leading, vowel, trailing = (
    st.integers(a, b).map(chr) for a, b in [(0x1100, 0x1112), (0x1161, 0x1175), (0x11A8, 0x11C2)]
)
jamo_syllable = st.tuples(leading, vowel, st.one_of(st.just(""), trailing)).map(
    "".join
)  # NFC composes these
loose_jamo = st.one_of(leading, vowel, trailing, st.integers(0x3131, 0x318E).map(chr))
combining = st.tuples(
    st.sampled_from("aeiouAEIOUnzc한字"),
    st.lists(st.integers(0x0300, 0x036F).map(chr), min_size=1, max_size=3),
).map(lambda t: t[0] + "".join(t[1]))
person = st.sampled_from(PEOPLE)
toned = st.tuples(
    st.sampled_from(PEOPLE + ["\U0001f44d", "\U0001f44b", "\u270c"]), st.sampled_from(SKIN)
).map("".join)
zwj_sequence = st.lists(
    st.one_of(person, toned, st.sampled_from(TOOLS)), min_size=2, max_size=4
).map(ZWJ.join)
flag = st.tuples(*[st.integers(0x1F1E6, 0x1F1FF).map(chr)] * 2).map("".join)
lone_regional = st.integers(0x1F1E6, 0x1F1FF).map(chr)
keycap = st.sampled_from("0123456789#*").map(lambda c: c + VS16 + "\u20e3")
ascii_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=8)
cjk = st.integers(0x4E00, 0x9FFF).map(chr)
whitespace = st.sampled_from([" ", "\n", "\t", "\r\n"])
conjunct = st.tuples(st.sampled_from("कषतनरम"), st.sampled_from("षतनरय")).map(
    lambda t: t[0] + "\u094d" + t[1]
)
# The rest of Unicode, as far as this Python's unicodedata has assigned it (3.11: Unicode 14). Characters
# newer than the reader's browser are checked separately below: there the two may differ, safely.
anything = st.text(st.characters(exclude_categories=["Cs", "Cn"]), min_size=1, max_size=4)
newest = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=4)

atom = st.one_of(
    hangul_syllable,
    jamo_syllable,
    loose_jamo,
    combining,
    person,
    toned,
    zwj_sequence,
    flag,
    lone_regional,
    keycap,
    ascii_text,
    cjk,
    whitespace,
    conjunct,
    anything,
)
comment_text = st.lists(atom, min_size=0, max_size=40).map("".join)


# --- a page that loads the real module over HTTP ------------------------------------------------------
@pytest.fixture(scope="module")
def static_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(STATIC))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def counter_page(browser, static_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{static_server}/comments/counter.js")  # same origin, so the module can be imported
    page.evaluate("async () => { window.counter = await import('/comments/counter.js'); }")
    yield page
    context.close()


def browser_counts(page, texts):
    return page.evaluate("texts => texts.map(t => window.counter.countGraphemes(t))", texts)


def browser_truncations(page, cases):
    return page.evaluate(
        "cases => cases.map(([t, n]) => window.counter.truncateGraphemes(t, n))", cases
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(comment_text, min_size=25, max_size=25))
def test_browser_and_server_count_the_same(counter_page, texts):
    disagreements = [
        (text, [f"U+{ord(c):04X}" for c in text], browser, count_characters(text))
        for text, browser in zip(texts, browser_counts(counter_page, texts), strict=False)
        if browser != count_characters(text)
    ]
    assert not disagreements


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    texts=st.lists(
        st.lists(st.one_of(atom, newest), max_size=20).map("".join), min_size=50, max_size=50
    )
)
def test_characters_newer_than_the_browser_only_ever_count_more_there(counter_page, texts):
    """A combining mark from a Unicode version newer than the browser's ICU (U+1AED, Unicode 17) is a
    character of its own to the browser but joins its base on the server. The box may then stop a
    reader a little early, never let through what the server refuses."""
    for text, browser in zip(texts, browser_counts(counter_page, texts), strict=False):
        assert browser >= count_characters(text), text


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cases=st.lists(st.tuples(comment_text, st.integers(0, 30)), min_size=25, max_size=25))
def test_truncation_never_splits_a_character(counter_page, cases):
    for (text, limit), cut in zip(cases, browser_truncations(counter_page, cases), strict=False):
        nfc = unicodedata.normalize("NFC", text)
        assert count_characters(cut) == min(count_characters(text), limit)
        assert cut == text or nfc.startswith(cut)


KNOWN = {
    "": 0,
    "한국어": 3,
    "\u1100\u1161\u11a8": 1,  # 각 typed as conjoining jamo
    "e\u0301": 1,
    "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466": 1,  # family
    "\U0001f44d\U0001f3fd": 1,
    "\U0001f1f0\U0001f1f7\U0001f1fa\U0001f1f8": 2,  # KR US flags
    "1\ufe0f\u20e3": 1,
    "a\r\nb": 3,  # CRLF is one cluster
    "\u0915\u094d\u0937": 1,  # क्ष, a Devanagari conjunct (Unicode 15.1)
}


def test_known_cases(counter_page):
    texts = list(KNOWN)
    assert (
        browser_counts(counter_page, texts)
        == [count_characters(t) for t in texts]
        == list(KNOWN.values())
    )


def test_250_and_251_at_the_limit(counter_page):
    exactly = "가" * 249 + "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    over = exactly + "\U0001f1f0\U0001f1f7"
    assert (
        browser_counts(counter_page, [exactly, over])
        == [250, 251]
        == [count_characters(exactly), count_characters(over)]
    )
    assert browser_truncations(counter_page, [[over, 250]]) == [exactly]
