"""A generated archive for the discovery bench: BENCH_ARTICLES (100,000) published articles under the
demo's sections and a few more, with authors, tags and publication dates spread over 20 years, written
straight into the bench's PostgreSQL database with COPY, then indexed for search.

Run under Django with the bench settings (bench/part_discovery.py does): `python bench/archive_data.py`.
The text is made here from word lists and sentence templates (seeded, so every run writes the same
archive). The page tree stays treebeard-correct: each article's path is its section's path plus the next
step, depth is the section's plus one, and each section's numchild is raised by what it got
(`manage.py fixtree` finds nothing to fix). Tags, bylines and the dates make the same data serve the
topic, author, archive-day and sitemap pages later. Prints JSON: counts, seconds, the words to search.
"""

import datetime
import json
import os
import random
import sys
import time
import uuid

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from broadsheet.newsroom.models import (  # noqa: E402
    ArticleByline,
    ArticlePage,
    ArticleTag,
    Author,
    HomePage,
    SectionPage,
)

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
YEARS = 20
RARE_WORD = "quincunx"  # in about one article in 5,000
PHRASE = "harbour tunnel"  # a two-word phrase in about one article in 50
EXTRA_SECTIONS = {"Sport": ["Football", "Baseball"], "World": ["Asia", "Europe"], "Science": []}
# The national desk writes most: its front (with its subsections) passes 2,000 pages of 12 at 100,000.
BUSY_SECTION, BUSY_WEIGHT = "National", 4

PLACES = [
    "Seoul",
    "Busan",
    "Incheon",
    "Daegu",
    "Gwangju",
    "Daejeon",
    "Ulsan",
    "Jeju",
    "Suwon",
    "Changwon",
    "Gangneung",
    "Jeonju",
    "Pohang",
    "Sejong",
    "Chuncheon",
    "Mokpo",
    "Andong",
    "Gimhae",
    "Yeosu",
    "Paju",
]
SUBJECTS = [
    "city council",
    "ministry",
    "union",
    "court",
    "hospital",
    "university",
    "port authority",
    "police",
    "central bank",
    "shipyard",
    "school board",
    "fire service",
    "weather agency",
    "rail operator",
    "farmers' group",
    "parliament committee",
    "museum",
    "orchestra",
    "league",
    "research team",
]
VERBS = [
    "approves",
    "rejects",
    "delays",
    "announces",
    "reviews",
    "expands",
    "cuts",
    "defends",
    "questions",
    "launches",
    "suspends",
    "renews",
    "withdraws",
    "doubles",
    "opens",
]
OBJECTS = [
    "budget",
    "night bus routes",
    "housing plan",
    "flood barriers",
    "wage deal",
    "trial",
    "exhibition",
    "vaccine programme",
    "bridge repairs",
    "export target",
    "school meals",
    "harbour tunnel",
    "tax rebate",
    "recycling rules",
    "stadium lease",
    "ferry timetable",
    "heating subsidy",
    "park extension",
]
SENTENCES = [
    "Officials in {place} said the {subject} would publish details of the {object} next week.",
    "The {subject} {verb} the {object} after months of debate, according to people familiar with the talks.",
    "Residents of {place} have been divided over the {object} since it was first proposed.",
    "A spokesperson for the {subject} declined to say how much the {object} would cost.",
    "Critics argued that the {object} favoured larger districts over smaller towns such as {place}.",
    "The decision follows a similar move by the {subject} in {place} two years ago.",
    "Analysts expect the {object} to be discussed again when the {subject} meets in the spring.",
    "Several groups said they would appeal, and the {subject} said it was ready to listen.",
]


def words(rng):
    return {
        "place": rng.choice(PLACES),
        "subject": rng.choice(SUBJECTS),
        "verb": rng.choice(VERBS),
        "object": rng.choice(OBJECTS),
    }


def article_text(rng, n):
    w = words(rng)
    headline = f"{w['place']} {w['subject']} {w['verb']} {w['object']}"
    standfirst = rng.choice(SENTENCES).format(**w)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        paragraphs.append(
            " ".join(
                rng.choice(SENTENCES).format(**words(rng) | {"object": w["object"]})
                for _ in range(3)
            )
        )
    if n % 5000 == 17:
        paragraphs.append(
            f"The stones were laid out in a {RARE_WORD}, one at each corner and one in the middle."
        )
    if n % 50 == 3 and PHRASE not in headline:
        paragraphs.append(f"Work on the {PHRASE} is due to start next year.")
    body = [
        {
            "type": "paragraph",
            "value": f"<p>{p}</p>",
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
        }
        for p in paragraphs
    ]
    return headline, standfirst, body


def sections(home):
    """The demo's sections plus a few more, so the archive spreads over a realistic tree."""
    for title, children in EXTRA_SECTIONS.items():
        parent = SectionPage.objects.child_of(home).filter(title=title).first()
        if parent is None:
            parent = home.add_child(instance=SectionPage(title=title, slug=title.lower()))
        for child in children:
            if not SectionPage.objects.child_of(parent).filter(title=child).exists():
                parent.add_child(instance=SectionPage(title=child, slug=child.lower()))
    return list(SectionPage.objects.descendant_of(home).order_by("path"))


def authors(rng):
    given = [
        "Min-ji",
        "Joon",
        "Seo-yeon",
        "Hyun-woo",
        "Ji-ho",
        "Eun-bi",
        "Dong-hyun",
        "Soo-ah",
        "Tae-yang",
        "Ha-eun",
    ]
    family = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"]
    made = []
    for i in range(60):
        name = f"{family[i % 10]} {given[(i * 3 + i // 10) % 10]}"
        author = Author.objects.filter(slug=f"bench-{i}").first() or Author.objects.create(
            name=name, slug=f"bench-{i}", role="Staff reporter"
        )
        made.append(author)
    return made


def tags():
    names = {o.title() for o in OBJECTS} | set(PLACES) | {s.title() for s in SUBJECTS}
    return [
        Tag.objects.get_or_create(slug=slugify(n), defaults={"name": n})[0] for n in sorted(names)
    ]


def next_id(model):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {model._meta.db_table}")
        return cursor.fetchone()[0]


def copy_rows(model, fields, rows):
    """COPY rows (values already in database form) into the model's own table."""
    table = model._meta.db_table
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def db_values(obj, fields):
    return [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]


def fix_sequence(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        )


def generate(rng, home, section_list, author_list, tag_list):
    page_fields = Page._meta.local_concrete_fields
    article_fields = ArticlePage._meta.local_concrete_fields
    content_type = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    now = timezone.now()
    first_id = next_id(Page)
    counts = {s.pk: s.numchild for s in section_list}
    span = YEARS * 365 * 24 * 3600
    dates = sorted(now - datetime.timedelta(seconds=rng.randrange(span)) for _ in range(ARTICLES))
    busy = next(
        (s for s in section_list if s.title == BUSY_SECTION and s.depth == home.depth + 1), None
    )
    weights = [BUSY_WEIGHT if busy and s.path.startswith(busy.path) else 1 for s in section_list]
    pages, articles, bylines, tagged = [], [], [], []
    for n, published in enumerate(dates):
        section = rng.choices(section_list, weights)[0]
        counts[section.pk] += 1
        headline, standfirst, body = article_text(rng, n)
        page_id = first_id + n
        slug = f"{published:%Y%m%d}-{page_id}"
        article = ArticlePage(
            id=page_id,
            path=Page._get_path(section.path, section.depth + 1, counts[section.pk]),
            depth=section.depth + 1,
            numchild=0,
            translation_key=uuid.UUID(int=rng.getrandbits(128)),
            locale_id=locale.pk,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            title=headline,
            draft_title=headline,
            slug=slug,
            content_type_id=content_type.pk,
            url_path=f"{section.url_path}{slug}/",
            seo_title="",
            search_description="",
            show_in_menus=False,
            expired=False,
            locked=False,
            kicker=section.title,
            headline=headline,
            standfirst=standfirst,
            dateline=rng.choice(PLACES).upper(),
            body=body,
            comments_mode="open",
            lead_caption="",
            lead_credit="",
        )
        article.page_ptr_id = page_id
        pages.append(db_values(article, page_fields))
        articles.append(db_values(article, article_fields))
        for order, author in enumerate(rng.sample(author_list, rng.choice((1, 1, 1, 2)))):
            bylines.append((order, page_id, author.pk))
        for tag in rng.sample(tag_list, 3):
            tagged.append((tag.pk, page_id))
    return pages, articles, bylines, tagged, counts


def generated():
    return ArticlePage.objects.filter(slug__regex=r"^[0-9]{8}-")


# An article's paragraphs and pull quotes as text, tags stripped (the same blocks migration 0008 indexes).
BODY_TEXT = (
    "(SELECT coalesce(regexp_replace(string_agg(coalesce(b->>'value', b->'value'->>'quote'), ' '), "
    "'<[^>]+>', ' ', 'g'), '') FROM jsonb_array_elements(a.body::jsonb) b "
    "WHERE b->>'type' IN ('paragraph', 'pull_quote'))"
)


def index_articles():
    """Wagtail's own index (the admin's search, and the stock search view the bench compares with) for the
    generated articles not indexed yet, in one INSERT … SELECT: the rows Wagtail's indexer would write
    (title at the title field's weight, autocomplete on the title, body = headline + standfirst + body
    text), built by PostgreSQL instead of one Python object per article (~335 s for 10,000 on a busy
    machine). Reader search reads its own column (migration 0008), which the COPY's trigger already filled."""
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.conf import get_app_config
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    entry = get_app_config().get_model("IndexEntry")._meta.db_table
    title_weight = get_weight(
        next(
            f.boost
            for f in Page.search_fields
            if isinstance(f, index.SearchField) and f.field_name == "title"
        )
    )
    body_weight = get_weight(None)
    config, autocomplete = backend.config, "simple"
    sql = f"""
        INSERT INTO {entry} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
        SELECT %(ct)s, p.id::text,
               setweight(to_tsvector(%(config)s::regconfig, p.title), %(tw)s),
               setweight(to_tsvector(%(ac)s::regconfig, p.title), 'D'),
               setweight(to_tsvector(%(config)s::regconfig, a.headline), %(bw)s)
                 || setweight(to_tsvector(%(config)s::regconfig, a.standfirst), %(bw)s)
                 || setweight(to_tsvector(%(config)s::regconfig, {BODY_TEXT}), %(bw)s),
               1.0, p.title, concat_ws(' ', a.headline, a.standfirst, {BODY_TEXT})
        FROM wagtailcore_page p JOIN newsroom_articlepage a ON a.page_ptr_id = p.id
        WHERE p.slug ~ '^[0-9]{{8}}-'
        ON CONFLICT (content_type_id, object_id) DO NOTHING"""
    params = {
        "ct": ContentType.objects.get_for_model(ArticlePage).pk,
        "config": config,
        "ac": autocomplete,
        "tw": title_weight,
        "bw": body_weight,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    backend.get_index_for_model(ArticlePage)._refresh_title_norms()


def write(rng, section_list):
    """The archive in one transaction; returns how many articles, bylines and tag links it wrote."""
    author_list, tag_list = authors(rng), tags()
    home = HomePage.objects.get()
    pages, articles, bylines, tagged, counts = generate(
        rng, home, section_list, author_list, tag_list
    )
    with transaction.atomic():
        copy_rows(Page, Page._meta.local_concrete_fields, pages)
        copy_rows(ArticlePage, ArticlePage._meta.local_concrete_fields, articles)
        byline_fields = [f for f in ArticleByline._meta.local_concrete_fields if f.attname != "id"]
        copy_rows(ArticleByline, byline_fields, bylines)
        tag_fields = [f for f in ArticleTag._meta.local_concrete_fields if f.attname != "id"]
        copy_rows(ArticleTag, tag_fields, tagged)
        for section in section_list:
            Page.objects.filter(pk=section.pk).update(numchild=counts[section.pk])
        fix_sequence(Page)
    return len(pages), len(bylines), len(tagged)


def tree_problems():
    """The five checks of treebeard's find_problems (what `manage.py fixtree` starts with), one query each
    instead of two queries per page (minutes at 100,000): bad characters, path lengths, orphans, depths,
    numchild. Pages counted per problem."""
    step, table = Page.steplen, Page._meta.db_table
    checks = {
        "bad_alphabet": f"SELECT count(*) FROM {table} WHERE path !~ '^[{Page.alphabet}]*$'",
        "bad_path_length": f"SELECT count(*) FROM {table} WHERE length(path) % {step} <> 0",
        "orphans": f"SELECT count(*) FROM {table} c WHERE c.depth > 1 AND NOT EXISTS "
        f"(SELECT 1 FROM {table} p WHERE p.path = left(c.path, -{step}))",
        "bad_depth": f"SELECT count(*) FROM {table} WHERE depth <> length(path) / {step}",
        "bad_numchild": f"SELECT count(*) FROM {table} p LEFT JOIN (SELECT left(path, -{step}) "
        "AS parent, count(*) AS n "
        f"FROM {table} WHERE depth > 1 GROUP BY 1) c ON c.parent = p.path "
        "WHERE p.numchild <> coalesce(c.n, 0)",
    }
    with connection.cursor() as cursor:
        found = {}
        for name, sql in checks.items():
            cursor.execute(sql)
            found[name] = cursor.fetchone()[0]
    return found


def main():
    rng = random.Random(12)
    started = time.monotonic()
    home = HomePage.objects.get()
    section_list = sections(home)
    if (
        generated().count() >= ARTICLES
    ):  # written by an earlier run (BENCH_REUSE_DB=1): only index what is missing
        counts = (generated().count(), ArticleByline.objects.count(), ArticleTag.objects.count())
    else:
        counts = write(rng, section_list)
    written = time.monotonic() - started
    problems = tree_problems()
    checked = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    index_articles()
    indexed = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the visibility map lets fronts walk their index alone
    fronts = [s for s in section_list if s.depth == home.depth + 1]
    sizes = {s.pk: ArticlePage.objects.descendant_of(s).count() for s in fronts}
    biggest = max(fronts, key=lambda s: sizes[s.pk])
    # A day of the archive with stories on it (the middle article's, in the newsroom's time zone).
    middle = (
        generated()
        .order_by("first_published_at")
        .values_list("first_published_at", flat=True)[ARTICLES // 2]
    )
    json.dump(
        {
            "tree_problems": problems,
            "articles": counts[0],
            "bylines": counts[1],
            "tags": counts[2],
            "write_seconds": round(written, 1),
            "check_seconds": round(checked - started - written, 1),
            "index_seconds": round(indexed - checked, 1),
            "total_seconds": round(time.monotonic() - started, 1),
            "rare_word": RARE_WORD,
            "phrase": PHRASE,
            "author": Author.objects.get(slug="bench-0").slug,
            "tag": slugify(PLACES[0]),
            "day": f"{timezone.localtime(middle):%Y/%m/%d}",
            "biggest_section": {
                "id": biggest.pk,
                "url": biggest.url_path[len(home.url_path) - 1 :],
                "articles": sizes[biggest.pk],
            },
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
