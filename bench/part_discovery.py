"""Discovery at archive scale over BENCH_ARTICLES generated articles (bench/archive_data.py), page cache off:
search (common word, rare word, phrase, filtered), a topic page, an author page, an archive day, a
section front's first and deep pages, and the time and memory of the sitemap index and the fullest
sitemap file (bench/sitemap_cost.py); the peer in the same run is Wagtail's stock search view
(bench/bench_urls.py: Page.objects.live().search(q) in a plain view, as `wagtail start` writes it) on the
same database."""

import json
import os

import broadsheet_app
import procs
import wrk
from context import PORTS, NotMeasured, fetch

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
DEEP_PAGE = 2000
PAGE_SIZE = 12  # NEWSROOM_SECTION_PAGE_SIZE
COMMON = "council"


def seed(ctx):
    """The generated archive (once per database), then treebeard's own check of the tree."""
    e = broadsheet_app.env(ctx.data_dir, BENCH_ARTICLES=str(ARTICLES))
    # Indexing 100,000 articles through Wagtail's indexer takes a long while on a busy machine.
    out = procs.run_checked(
        [broadsheet_app.PY, os.path.join(BENCH_DIR, "archive_data.py")],
        env=e,
        log=ctx.log,
        timeout=6 * 3600,
    )
    archive = json.loads(out)
    archive["fixtree"] = "skipped (BENCH_FIXTREE=0)"
    if os.environ.get("BENCH_FIXTREE", "1") != "0":  # it visits every page: minutes at 100,000
        fixtree = procs.run_checked(
            [broadsheet_app.PY, os.path.join(broadsheet_app.ROOT, "manage.py"), "fixtree"],
            env=e,
            log=ctx.log,
        )
        archive["fixtree"] = " ".join(fixtree.split())[-160:]
    return archive


def run(ctx):
    ctx.site  # noqa: B018  (the demo database)
    archive = seed(ctx)
    base = f"http://127.0.0.1:{PORTS['broadsheet']}"
    section = archive["biggest_section"]
    last_page = -(-section["articles"] // PAGE_SIZE)
    deep = min(DEEP_PAGE, last_page)
    urls = [
        (f"search, common word ({COMMON})", f"/search/?q={COMMON}"),
        (f"search, rare word ({archive['rare_word']})", f"/search/?q={archive['rare_word']}"),
        (
            f'search, phrase ("{archive["phrase"]}")',
            "/search/?q=%22" + archive["phrase"].replace(" ", "+") + "%22",
        ),
        (
            f"search, filtered ({COMMON}, section {section['url']}, 2015–2020, newest)",
            f"/search/?q={COMMON}&section={section['id']}&from=2015-01-01&to=2020-12-31&sort=newest",
        ),
        (f"topic page /tags/{archive['tag']}/", f"/tags/{archive['tag']}/"),
        (f"author page /authors/{archive['author']}/", f"/authors/{archive['author']}/"),
        (f"archive day /archive/{archive['day']}/", f"/archive/{archive['day']}/"),
        (f"section front {section['url']}, page 1", section["url"]),
        (f"section front {section['url']}, page {deep:,}", f"{section['url']}?page={deep}"),
        (f"stock Wagtail search view ({COMMON})", f"/bench/stock-search/?query={COMMON}"),
    ]
    proc = ctx.start_broadsheet(PAGECACHE_ENABLED="0")
    rows = []
    try:
        for name, path in urls:
            status, _, body = fetch(base + path)
            if status != 200:
                raise NotMeasured(f"{path} answered {status}: {body[:160]!r}")
            rows.append((name, [wrk.run(base + path, connections=16, duration=wrk.DURATION)]))
    finally:
        ctx.stop(proc)
    by_name = {name: results[0] for name, results in rows}
    stock = by_name[urls[-1][0]]
    common = by_name[urls[0][0]]
    first, deepest = by_name[urls[7][0]], by_name[urls[8][0]]
    listings = [r for n, r in by_name.items() if not n.startswith(("search", "stock"))]
    sitemap = json.loads(
        procs.run_checked(
            [broadsheet_app.PY, os.path.join(BENCH_DIR, "sitemap_cost.py")],
            env=broadsheet_app.env(ctx.data_dir),
            log=ctx.log,
        )
    )
    index, one = sitemap["index"], sitemap["file"]
    return {
        "title": f"Discovery: search, listings and sitemaps over {archive['articles']:,} generated articles",
        "rows": rows,
        "ratios": [
            f"common-word search = {wrk.ratio(common.rps, stock.rps)} the stock view's requests/s (target ≥ 5×)",
            "search p99 at 16 connections: "
            + ", ".join(f"{r.p99_ms:.0f} ms" for n, r in by_name.items() if n.startswith("search"))
            + " (target ≤ 100 ms each)",
            f"section front page {deep:,} / page 1 requests/s = {wrk.ratio(deepest.rps, first.rps, '{:.0%}')} "
            "(target 80–120%)",
            "listing p99 at 16 connections (topic, author, archive day, front page 1, deep page): "
            + ", ".join(f"{r.p99_ms:.0f} ms" for r in listings)
            + " (target ≤ 100 ms each)",
            f"sitemap file {one['number']} ({one['urls']:,} URLs, {one['body_mb']} MB): {one['wall_s']} s wall, "
            f"{one['cpu_s']} s CPU, {one['peak_traced_mb']} MB traced peak (target ≤ 2 s and ≤ 200 MB; "
            f"process peak RSS {sitemap['max_rss_mb']} MB)",
            f"sitemap index ({index['urls']} files): {index['wall_s']} s wall, {index['cpu_s']} s CPU, "
            f"{index['peak_traced_mb']} MB traced peak",
        ],
        "notes": [
            f"archive: {archive['articles']:,} articles, {archive['bylines']:,} bylines, {archive['tags']:,} tag links "
            f"written in {archive['write_seconds']} s (COPY; the search column filled by its trigger), tree "
            f"checked in {archive.get('check_seconds', '?')} s, Wagtail's index (for the stock view and the admin) "
            f"filled in {archive.get('index_seconds', '?')} s, {archive['total_seconds']} s in "
            f"all with VACUUM ANALYZE; "
            f"treebeard's find_problems after the write: {archive['tree_problems']}; `manage.py fixtree`: "
            f"{archive['fixtree']}",
            f"section {section['url']} holds {section['articles']:,} articles ({last_page:,} pages of {PAGE_SIZE}); "
            f"page {DEEP_PAGE:,} needs {DEEP_PAGE * PAGE_SIZE:,}, so a smaller archive measures its last page",
            "page cache off (PAGECACHE_ENABLED=0): every request is a real search or a real render",
        ],
    }
