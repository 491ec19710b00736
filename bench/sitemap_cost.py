"""The discovery bench's sitemap figures: the time and memory to build the sitemap index and the fullest
sitemap file (at most 50,000 URLs), in one process under the bench settings, through the views themselves.

Run under Django with the bench settings (bench/part_discovery.py does): `python bench/sitemap_cost.py`.
Wall and CPU seconds of one request after a warm-up one; memory is tracemalloc's peak of a third request
(Python allocations: the rows, the parts and the body) and the process's peak RSS. Prints JSON."""

import json
import resource
import sys
import time
import tracemalloc

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db.models import Count, F  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from broadsheet.newsroom import sitemaps  # noqa: E402
from broadsheet.newsroom.querysets import published_pages  # noqa: E402


def cost(view, *args):
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    view(request, *args)  # warm: the site, the root, the connection
    wall, cpu = time.perf_counter(), time.process_time()
    response = view(request, *args)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    tracemalloc.start()
    view(request, *args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "peak_traced_mb": round(peak / 2**20, 1),
        "body_mb": round(len(response.content) / 2**20, 2),
        "urls": response.content.count(b"<loc>"),
    }


def main():
    size = settings.NEWSROOM_SITEMAP_FILE_URLS
    blocks = (
        published_pages()
        .annotate(block=F("id") / size)
        .order_by()
        .values("block")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    fullest = blocks[0]["block"]
    print(
        json.dumps(
            {
                "index": cost(sitemaps.sitemap_index),
                "file": {"number": fullest, **cost(sitemaps.sitemap_pages, fullest)},
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        ),
        file=sys.stdout,
    )


if __name__ == "__main__":
    main()
