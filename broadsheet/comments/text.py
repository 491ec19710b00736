"""The 250-character rule, defined once.

``normalize(text)`` returns the text as stored, or raises ``CommentError``:

1. Lone surrogates (JSON ``"\\ud800"`` decodes to one) are refused: they are not text.
2. ``\\r\\n`` and ``\\r`` become ``\\n`` (browsers post form text with CRLF); U+2028/U+2029 become ``\\n``.
3. Control characters are refused, except newline and tab.
4. Bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM) are refused: they can make a
   comment read differently from what it says.
5. Invisible zero-width characters (U+200B, U+200C, U+2060, U+FEFF, U+180E) are refused, and so is U+200D
   (zero-width joiner) except between two pictographs, where it builds one emoji (a family, a profession).
6. NFC, then surrounding whitespace is stripped and runs of more than two blank lines collapse.
7. Empty or whitespace-only text is refused.

Besides the 250 characters, a text may not exceed ``COMMENTS_MAX_CODE_POINTS`` code points or
``COMMENTS_MAX_BYTES`` UTF-8 bytes (scaled for longer limits): one cluster can carry endless combining marks.

``count_characters(text)`` is the number of extended grapheme clusters (``regex`` ``\\X``) after NFC: what a
reader calls a character. The browser counts the same way with
``[...new Intl.Segmenter(undefined, {granularity: "grapheme"}).segment(s.normalize("NFC"))].length``.
"""

import unicodedata

import regex
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .app_settings import app_settings
from .errors import CommentError

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
ZERO_WIDTH = frozenset("\u200b\u200c\u2060\ufeff\u180e")
ZWJ = "\u200d"
EMOJI_ZWJ = regex.compile(
    r"(?<=\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]*)\u200d(?=\p{Extended_Pictographic})"
)
GRAPHEME = regex.compile(r"\X")
BLANK_LINES = regex.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _refuse_invisible(text):
    for char in text:
        if "\ud800" <= char <= "\udfff":
            raise CommentError(
                "invalid_characters", _("The text contains a broken character (a lone surrogate).")
            )
        if char in "\n\t":
            continue
        if unicodedata.category(char) == "Cc":
            raise CommentError("invalid_characters", _("The text contains control characters."))
        if char in BIDI_CONTROLS:
            raise CommentError(
                "invalid_characters",
                _("The text contains characters that change the reading direction."),
            )
        if char in ZERO_WIDTH:
            raise CommentError(
                "invalid_characters", _("The text contains invisible zero-width characters.")
            )
    if ZWJ in EMOJI_ZWJ.sub("", text):
        raise CommentError(
            "invalid_characters", _("The text contains invisible zero-width characters.")
        )


def clean(text):
    """Everything in normalize() except the length check (for notes, appeals)."""
    if not isinstance(text, str):
        raise CommentError("invalid", _("Text is required."))
    # Nothing here encodes the text, so a lone surrogate reaches _refuse_invisible and is refused there.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    _refuse_invisible(text)
    text = unicodedata.normalize("NFC", text).strip()
    return BLANK_LINES.sub("\n\n", text)


def count_characters(text):
    return len(GRAPHEME.findall(unicodedata.normalize("NFC", text)))


def _refuse_oversized(text, limit):
    """Before any per-character work: a few code points a character at most, however they cluster."""
    scale = limit / app_settings.MAX_LENGTH
    too_many = len(text) > app_settings.MAX_CODE_POINTS * scale
    if too_many or len(text.encode("utf-8", "surrogatepass")) > app_settings.MAX_BYTES * scale:
        raise CommentError("too_long", _("The text is too long."))


def normalize(text, *, max_length=None):
    limit = max_length or app_settings.MAX_LENGTH
    if isinstance(text, str):
        _refuse_oversized(text, limit)
    text = clean(text)
    if not text:
        raise CommentError("empty", _("Write something before posting."))
    count = count_characters(text)
    if count > limit:
        raise CommentError(
            "too_long",
            ngettext(
                "Comments are limited to %(limit)d character; this one has %(count)d.",
                "Comments are limited to %(limit)d characters; this one has %(count)d.",
                limit,
            )
            % {"limit": limit, "count": count},
        )
    return text
