"""Whole numbers from a request (query strings, headers, keys): ASCII digits only, and few of them.

``str.isdigit()`` says yes to "²" and "٣", which ``int()`` then refuses or reads as another number, and
``int()`` refuses 5,000 digits outright: both were 500s. Eighteen digits still fit a 64-bit key.
"""

import re

DIGITS = re.compile(r"[0-9]{1,18}")


def whole_number(raw):
    """int(raw) for a plain ASCII number of at most 18 digits, else None."""
    return int(raw) if isinstance(raw, str) and DIGITS.fullmatch(raw) else None
