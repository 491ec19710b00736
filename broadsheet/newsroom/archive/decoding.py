"""Bytes of a legacy page to text: the declared charset first (BOM, XML declaration, <meta>), then strict
UTF-8, then detection among the encodings Korean newsrooms used (CP949/EUC-KR, Windows-1252). A file
none of them reads cleanly is refused, never guessed into mojibake."""

import codecs
import re

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
XML_DECLARATION = re.compile(
    rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.IGNORECASE
)
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# EUC-KR pages routinely hold CP949's extra syllables; CP949 is its superset, so it reads both.
WIDER = {"euc_kr": "cp949", "ks_c_5601_1987": "cp949", "iso8859_1": "cp1252", "ascii": "cp1252"}
DETECTABLE = ["utf_8", "cp949", "cp1252"]


class Undecodable(ValueError):
    pass


def declared_encoding(raw):
    head = raw[:4096]
    for pattern in (XML_DECLARATION, META_CHARSET):
        match = pattern.search(head)
        if match:
            try:
                name = codecs.lookup(match[1].decode("ascii")).name.replace("-", "_")
            except LookupError:
                continue
            return WIDER.get(name, name)
    return None


def decode_page(raw: bytes) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding)
    declared = declared_encoding(raw)
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _detected(raw)


def _strict(raw, encoding):
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Undecodable(f"not valid {encoding} text ({exc.reason} at byte {exc.start})") from exc


def _detected(raw):
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=DETECTABLE).best()
    if best is None or best.chaos > 0.2:
        raise Undecodable("cannot decode the text: not UTF-8, CP949/EUC-KR or Windows-1252")
    return str(best)
