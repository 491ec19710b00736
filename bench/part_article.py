"""The anonymous article page: Broadsheet's page cache hit and miss, the nginx ceiling, stock Wagtail."""

import os

import peers
import wrk
from context import PORTS, NotMeasured, fetch


def _pick_article(base, articles):
    """The demo article with the largest page: the most realistic of the set (~50 KB)."""
    sized = []
    for article in articles:
        status, headers, body = fetch(base + article["url"])
        if status == 200:
            sized.append((len(body), article, body))
    if not sized:
        raise NotMeasured("no article page answered 200")
    size, article, body = max(sized, key=lambda s: s[0])
    return article, body


def run(ctx):
    site = ctx.site
    port = PORTS["broadsheet"]
    base = f"http://127.0.0.1:{port}"
    rows, notes = [], []

    proc = ctx.start_broadsheet(PAGECACHE_ENABLED="1")
    article, html = _pick_article(base, site["articles"])
    url = base + article["url"]
    ctx.bench_article = article
    fetch(url)
    x_cache = {k.lower(): v for k, v in fetch(url)[1].items()}.get("x-cache")
    if x_cache != "HIT":
        notes.append(f"the page cache did not answer HIT after two requests (X-Cache: {x_cache})")
    rows.append(("Broadsheet, page cache hit", wrk.series(url)))
    ctx.stop(proc)

    proc = ctx.start_broadsheet(PAGECACHE_ENABLED="0")
    rows.append(("Broadsheet, no page cache (full render)", wrk.series(url)))
    ctx.stop(proc)

    nginx, nginx_url = peers.start_nginx(ctx.processes, ctx.work_dir, PORTS["nginx"], html)
    rows.append(("nginx, the same HTML as a static file (ceiling)", wrk.series(nginx_url)))
    ctx.stop(nginx)

    peer_size = _stock_wagtail(ctx, html, rows)
    notes.append(
        f"article {article['url']}: {len(html):,} bytes of HTML; stock Wagtail page: {peer_size:,} bytes"
    )
    return {
        "title": "Article page (anonymous reader)",
        "rows": rows,
        "notes": notes,
        "ratios": _ratios(rows),
    }


def _stock_wagtail(ctx, html, rows):
    log = os.path.join(ctx.work_dir, "logs", "peer.log")
    base = peers.create_peer(ctx.work_dir, log)
    headline, paragraphs = peers.article_text(html)
    body_size = len(html) - 2000
    for _ in range(
        3
    ):  # grow or shrink the body until the rendered page is within 10% of the article
        peers.publish_peer_page(base, headline, paragraphs, body_size, log)
        proc, url = peers.start_peer(ctx.processes, base, PORTS["peer"], cache=False)
        size = len(fetch(url)[2])
        if abs(size - len(html)) < len(html) * 0.1:
            break
        ctx.stop(proc)
        body_size += len(html) - size
        proc = None
    if proc is None:
        proc, url = peers.start_peer(ctx.processes, base, PORTS["peer"], cache=False)
    rows.append(("stock Wagtail page, no cache", wrk.series(url)))
    ctx.stop(proc)
    proc, url = peers.start_peer(ctx.processes, base, PORTS["peer"], cache=True)
    rows.append(("stock Wagtail page + Django cache middleware (locmem)", wrk.series(url)))
    ctx.stop(proc)
    return size


def _ratios(rows):
    by_name = dict(rows)
    hit = by_name["Broadsheet, page cache hit"]
    miss = by_name["Broadsheet, no page cache (full render)"]
    ceiling = by_name["nginx, the same HTML as a static file (ceiling)"]
    peer = by_name["stock Wagtail page, no cache"]
    peer_cache = by_name["stock Wagtail page + Django cache middleware (locmem)"]
    lines = []
    for i, r in enumerate(hit):
        c = r.connections
        lines.append(
            f"{c} connections: hit = {wrk.ratio(r.rps, peer_cache[i].rps)} stock Wagtail + cache middleware "
            f"(target ≥ 2×), {wrk.ratio(r.rps, ceiling[i].rps, '{:.1%}')} of nginx; "
            f"miss = {wrk.ratio(miss[i].rps, peer[i].rps)} stock Wagtail without cache (target ≥ 1.25×)"
        )
    return lines
