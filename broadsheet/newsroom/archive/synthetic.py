"""A synthetic legacy archive for tests and the bench: N original stories (templates and word lists
written for Broadsheet) as text dumps and saved HTML pages, with the traps real archives hold."""

import datetime
import io
import json
import random
from html import escape
from pathlib import Path

SECTIONS = [
    ["National", "Politics"],
    ["National", "Society"],
    ["Business"],
    ["Business", "Markets"],
    ["Culture"],
    ["Sports"],
    ["World"],
    ["Opinion"],
]
PLACES = [
    "SEOUL",
    "BUSAN",
    "GIMHAE",
    "INCHEON",
    "DAEGU",
    "GWANGJU",
    "DAEJEON",
    "ULSAN",
    "SUWON",
    "JEONJU",
    "CHANGWON",
]
REPORTERS = [
    "KIM MIN-JI",
    "LEE JUN-HO",
    "PARK SO-YEON",
    "CHOI HYUN-WOO",
    "JUNG DA-EUN",
    "KANG TAE-YANG",
    "YOON SEO-HEE",
    "HAN JI-SUNG",
    "OH EUN-BI",
    "SHIN DONG-WOOK",
]
AGENCIES = ["YONHAP", "NEWS1", "NEWSIS"]
SUBJECTS = [
    "The city council",
    "A group of fishermen",
    "The regional hospital",
    "A local bakery",
    "The ferry operator",
    "Village elders",
    "The national orchestra",
    "A start-up in the port district",
    "The farmers' union",
    "Night-shift bus drivers",
    "The provincial library",
    "A volunteer fire brigade",
    "The football club",
]
ACTIONS = [
    "unveiled a plan to",
    "voted to",
    "asked the ministry to",
    "will soon",
    "promised to",
    "decided not to",
    "raised money to",
    "joined forces to",
]
OBJECTS = [
    "repair the old harbour wall",
    "open a night market by the river",
    "plant ten thousand pine trees",
    "extend the tram line to the campus",
    "restore a wooden temple gate",
    "build a covered skating rink",
    "double the number of late buses",
    "turn an empty factory into studios",
    "clean the estuary mudflats",
    "train forty new lifeguards",
    "cut the waiting time at the clinic",
    "light the mountain trail",
]
DETAILS = [
    "Officials said the work would start in {month} and cost about {money} billion won.",
    "{count} residents attended the meeting, and most of them supported the idea.",
    "The proposal still needs approval from the provincial assembly, which meets in {month}.",
    "Critics said the money would be better spent on {object}.",
    "A spokesperson described the first phase as modest but necessary.",
    "Similar projects in {place2} took about {count2} months to finish.",
    "Local shop owners expect more visitors once the work is done.",
    "The budget includes {money} billion won from the central government.",
]
TOPICS = [
    "harbour",
    "transport",
    "environment",
    "culture",
    "education",
    "health",
    "budget",
    "tourism",
    "sport",
]
RECURRING = [
    (["National", "Society"], "Weather forecast for the week ahead"),
    (["Opinion"], "[EDITORIAL] A fair budget for the regions"),
    (["Opinion"], "Letters to the editor"),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]
START = datetime.datetime(2004, 1, 1, 6, 0)
OLD_SITE = "http://www.old-daily.example/news/articleView.html?idxno={n}"
FURNITURE = [
    "Log in to Twitter or Facebook account to connect\nwith the Broadsheet",
    "help-image Social comment?",
    "To write comments, please log in to one of the accounts.",
    "Standards Board Policy (0/250자)",
]


def story(n, rng):
    """The n-th story: a dict every format is written from."""
    moment = START + datetime.timedelta(minutes=97 * n + rng.randrange(60))
    if n % 25 == 7:
        section, headline = RECURRING[(n // 25) % len(RECURRING)]
    else:
        section = rng.choice(SECTIONS)
        headline = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
        headline = f"{headline[0].upper()}{headline[1:]} (No. {n})" if n % 9 == 0 else headline
    fill = {
        "month": rng.choice(MONTHS),
        "money": rng.randrange(2, 90),
        "count": rng.randrange(30, 900),
        "count2": rng.randrange(4, 30),
        "place2": rng.choice(PLACES).title(),
        "object": rng.choice(OBJECTS),
    }
    opening = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}, story {n} of this archive says."
    paragraphs = [opening] + [d.format(**fill) for d in rng.sample(DETAILS, 4)]
    bylines = rng.sample(REPORTERS, rng.choice([1, 1, 2])) + (
        [rng.choice(AGENCIES)] if n % 4 == 0 else []
    )
    return {
        "n": n,
        "published": moment,
        "section": section,
        "headline": headline,
        "place": rng.choice(PLACES),
        "paragraphs": paragraphs,
        "bylines": bylines,
        "tags": rng.sample(TOPICS, 2),
        "caption": f"Residents gather beside the site of the plan in {rng.choice(PLACES).title()} on a weekday.",
        "credit": rng.choice(["NEWS1", "YONHAP", "NEWSIS", "STAFF"]),
        "korean": n % 50 == 11,
    }


def text_dump(s):
    hangul = " (김해시청 관계자)" if s["korean"] else ""
    blocks = [
        s["headline"],
        "Home > " + " > ".join(s["section"]),
        "print dictionary print",
        s["headline"],
        f"{s['caption']} [{s['credit']}]",
        f"Published : {s['published']:%Y.%m.%d %H:%M}",
        "By " + ", ".join(s["bylines"]),
        f"{s['place']} — {s['paragraphs'][0]}{hangul}",
        *s["paragraphs"][1:],
        "Keywords: " + ", ".join(s["tags"]),
        *FURNITURE,
    ]
    return "\n\n".join(blocks) + "\n"


def html_page(s, *, photo=None, xml=False, charset="utf-8"):
    published = s["published"].strftime("%Y-%m-%dT%H:%M:00+09:00")
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s["headline"],
        "datePublished": published,
        "articleSection": s["section"][-1],
        "keywords": s["tags"],
        "author": [{"@type": "Person", "name": name} for name in s["bylines"]],
        "mainEntityOfPage": OLD_SITE.format(n=s["n"]),
    }
    crumbs = "".join(f' &gt; <a href="/{escape(x.lower())}">{escape(x)}</a>' for x in s["section"])
    hangul = " (김해시청 관계자)" if s["korean"] else ""
    dash = (
        "--" if charset == "euc-kr" else "—"
    )  # EUC-KR has no em dash; old Korean CMSs typed two hyphens
    body = [f"{s['place']} {dash} {s['paragraphs'][0]}{hangul}", *s["paragraphs"][1:]]
    figure = ""
    if photo:
        figure = (
            f'<figure><img src="{escape(photo)}" alt=""><figcaption>{escape(s["caption"])} '
            f"[{escape(s['credit'])}]</figcaption></figure>"
        )
    head = f'<?xml version="1.0" encoding="{charset}"?>\n' if xml else "<!doctype html>\n"
    return (
        f'{head}<html><head><meta charset="{charset}"><title>{escape(s["headline"])} | Old Daily</title>'
        f'<link rel="canonical" href="{escape(OLD_SITE.format(n=s["n"]))}">'
        f'<meta property="og:url" content="{escape(OLD_SITE.format(n=s["n"]))}">'
        f'<meta property="article:published_time" content="{published}">'
        f'<meta name="keywords" content="{escape(", ".join(s["tags"]))}">'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head><body>'
        f'<header><nav><a href="/">Home</a>{crumbs}</nav></header>'
        f"<article><h1>{escape(s['headline'])}</h1>{figure}"
        + "".join(f"<p>{escape(p)}</p>" for p in body)
        + f'</article><section class="comments"><p>{escape(FURNITURE[2])}</p></section></body></html>\n'
    )


def photo_bytes(n):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), ((n * 37) % 256, (n * 91) % 256, 120)).save(buffer, "JPEG")
    return buffer.getvalue()


DAMAGED = {
    "empty.txt": b"",
    "binary.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "truncated.html": b"<!doctype html><html><head><title>Cut off mid-way</title></head><bo",
    "undecodable.txt": b"Headline \x81\x20\x8d\x20\x90\x9d\n\nHome > National\n\nBody \x81\x20 text\n",
    "furniture-only.txt": "\n\n".join(["Log in to", *FURNITURE]).encode(),
    "no-article.html": b"<!doctype html><html><body><nav><a href='/'>Home</a></nav><p> </p></body></html>",
}


def archive_write(count, out, *, seed=10):
    """Write `count` stories into the folder `out`; returns how many files of each kind were written."""
    rng = random.Random(seed)
    out = Path(out)
    written = {"stories": 0, "text": 0, "html": 0, "photos": 0, "damaged": 0}
    for n in range(count):
        s = story(n, rng)
        folder = out / f"{s['published']:%Y}" / f"{s['published']:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = n % 3  # 0: text dump only, 1: HTML only, 2: both (one article: the same story twice)
        if kind in (0, 2):
            (folder / f"story-{n}.txt").write_text(text_dump(s), encoding="utf-8")
            written["text"] += 1
        if kind in (1, 2):
            photo = None
            if n % 10 in (1, 2):
                photo = f"story-{n}_files/photo.jpg"
                (folder / f"story-{n}_files").mkdir(exist_ok=True)
                (folder / photo).write_bytes(photo_bytes(n % 8))
                written["photos"] += 1
            charset = "euc-kr" if s["korean"] else "utf-8"
            page = html_page(s, photo=photo, xml=n % 40 == 4, charset=charset)
            (folder / f"story-{n}.html").write_bytes(
                page.encode("cp949" if s["korean"] else "utf-8")
            )
            written["html"] += 1
        written["stories"] += 1
        if n % 100 == 50:
            name, raw = list(DAMAGED.items())[(n // 100) % len(DAMAGED)]
            (folder / f"damaged-{n}-{name}").write_bytes(raw)
            written["damaged"] += 1
    return written
