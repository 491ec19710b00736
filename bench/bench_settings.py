"""The production settings, plus what the bench changes (each noted in the results):

- comment rate limits raised (via env in run.py) and new commenters not held, so wrk's thousands of
  posts from one bench reader are all accepted, as Isso runs with its rate limits off;
- COMMENTS_PAGE_SIZE=200, so one JSON request lists an article's 200 comments, as Isso's does.
- ROOT_URLCONF adds the posting ceiling, a signed-in POST that writes nothing (bench/bench_urls.py).
"""

import os

from broadsheet.settings.production import *

COMMENTS_PAGE_SIZE = 200
# The bench collects static files into its own folder: the working tree's is others' to use.
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
# The site's URLs plus the bench-only posting ceiling (bench/bench_urls.py).
ROOT_URLCONF = "bench_urls"
# The stock search view's template (bench/templates), as `wagtail start` writes it.
TEMPLATES[0]["DIRS"] = [
    *TEMPLATES[0]["DIRS"],
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates"),
]
