"""What an old page says about its story beyond the text: dates (Korea time), bylines, the dateline,
keywords, and the identity that decides when two files are one story."""

import datetime
import hashlib
import re
import zoneinfo
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

AGENCIES = {
    "YONHAP": "Yonhap",
    "NEWS1": "News1",
    "NEWSIS": "Newsis",
    "AFP": "AFP",
    "AP": "AP",
    "REUTERS": "Reuters",
    "XINHUA": "Xinhua",
    "KYODO": "Kyodo",
    "EPA": "EPA",
    "NEWSWIRE": "Newswire",
}
DATE_TEXT = re.compile(
    r"(?P<y>(?:19|20)\d\d)[-./]\s?(?P<m>\d{1,2})[-./]\s?(?P<d>\d{1,2})\.?"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d\d)(?::(?P<S>\d\d))?)?(?P<tz>Z|[+-]\d\d:?\d\d)?"
)
DATE_LINE = re.compile(
    r"^(?P<label>published|posted|input|date|updated|modified|last updated)\s*:?\s*(?P<rest>.{8,40})$",
    re.IGNORECASE,
)
BYLINE_LINE = re.compile(r"^by\s+(?P<names>[^.!?]{2,120})$", re.IGNORECASE)
KEYWORDS_LINE = re.compile(r"^(?:keywords|tags)\s*:\s*(?P<words>.{1,400})$", re.IGNORECASE)
# "GIMHAE —", "SEOUL, March 5 (Yonhap) --": an upper-case place, optional date/agency, then a dash.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,38}[A-Z.])(?:,[^—–\n]{0,40}?)?\s*(?:—|–|--)\s*(?P<rest>\S.*)$",
    re.DOTALL,
)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*", re.IGNORECASE)


def korea_time():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def parse_date(text):
    """An aware datetime from ISO or '2014.03.05 14:20'-style text; a time without a zone is Korea time."""
    match = DATE_TEXT.search(text or "")
    if not match:
        return None
    try:
        moment = datetime.datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
        )
    except ValueError:
        return None
    zone = match["tz"]
    if not zone:
        return moment.replace(tzinfo=korea_time())
    if zone == "Z":
        return moment.replace(tzinfo=datetime.UTC)
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment.replace(tzinfo=datetime.timezone(sign * offset))


def styled_name(name):
    """'KIM MIN-JI' -> 'Kim Min-ji' (the newsroom's style); a name already in mixed case is kept."""
    name = " ".join(name.split())
    if name.upper() in AGENCIES:
        return AGENCIES[name.upper()]
    if name != name.upper() and name != name.lower():
        return name
    return " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))


def split_names(text):
    names = []
    for part in NAME_SPLIT.split(text or ""):
        part = re.sub(
            r"^(?:by|reporter|staff writer)\s+", "", part.strip(" .()[]"), flags=re.IGNORECASE
        ).strip()
        if part and len(part) <= 80 and not any(ch.isdigit() for ch in part.replace("NEWS1", "")):
            names.append(part)
    return names


def is_agency(name):
    return name.upper() in AGENCIES


def take_meta_lines(paragraphs):
    """Date, byline and keyword lines pulled out of the body (within its first and last few paragraphs)."""
    found = {"published": None, "updated": None, "bylines": [], "tags": []}
    body = []
    last = len(paragraphs)
    for n, paragraph in enumerate(paragraphs):
        near_edge = n < 6 or n >= last - 8
        if near_edge and len(paragraph) <= 140 and _took(paragraph, found):
            continue
        body.append(paragraph)
    return body, found


def _took(paragraph, found):
    if match := DATE_LINE.match(paragraph):
        moment = parse_date(match["rest"])
        if moment is None:
            return False
        key = (
            "updated"
            if match["label"].lower() in ("updated", "modified", "last updated")
            else "published"
        )
        found[key] = found[key] or moment
        return True
    if match := BYLINE_LINE.match(paragraph):
        found["bylines"] += split_names(match["names"])
        return True
    if match := KEYWORDS_LINE.match(paragraph):
        found["tags"] += [w.strip() for w in re.split(r"[,;]", match["words"]) if w.strip()]
        return True
    return False


def take_dateline(paragraphs):
    """('GIMHAE', paragraphs with the first one starting after the dash) or ('', paragraphs)."""
    if not paragraphs:
        return "", paragraphs
    match = DATELINE.match(paragraphs[0])
    if not match:
        return "", paragraphs
    return match["place"].strip(), [match["rest"], *paragraphs[1:]]


def normal_url(url):
    """The old address without its fragment, scheme and host lower-cased: one story, one key."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )[:500]


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def date_key(published, section_path, headline):
    day = published.astimezone(korea_time()).date().isoformat()
    return "d:" + _digest(
        f"{day}|{'/'.join(s.casefold() for s in section_path)}|{' '.join(headline.split()).casefold()}"
    )


def content_key(paragraphs):
    return "c:" + _digest("\n".join(" ".join(p.split()).casefold() for p in paragraphs))
