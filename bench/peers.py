"""The peers, measured in the same run: nginx serving the article as a static file (the ceiling), and a
stock `wagtail start` project with one page of similar size, without and with Django's cache middleware."""

import html
import os
import re
import textwrap

import procs
from broadsheet_app import PY, ROOT, UVICORN

WAGTAIL = os.path.join(ROOT, ".venv", "bin", "wagtail")

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    types {{ text/html html; }}
    client_body_temp_path {dir}/tmp;
    proxy_temp_path {dir}/tmp;
    fastcgi_temp_path {dir}/tmp;
    uwsgi_temp_path {dir}/tmp;
    scgi_temp_path {dir}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/www;
    }}
}}
"""


def start_nginx(processes, work_dir, port, article_html):
    base = os.path.join(work_dir, "nginx")
    os.makedirs(os.path.join(base, "www"), exist_ok=True)
    os.makedirs(os.path.join(base, "tmp"), exist_ok=True)
    with open(os.path.join(base, "www", "article.html"), "wb") as f:
        f.write(article_html)
    conf = os.path.join(base, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(dir=base, port=port))
    proc = processes.start(
        "nginx", ["nginx", "-c", conf, "-p", base, "-e", os.path.join(base, "nginx-error.log")]
    )
    url = f"http://127.0.0.1:{port}/article.html"
    procs.wait_http(url, proc=proc)
    return proc, url


# --- the stock Wagtail project ----------------------------------------------------------------------

PEER_MODELS = """
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    body = RichTextField(blank=True)
"""

PEER_TEMPLATE = """{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block body_class %}template-homepage{% endblock %}
{% block content %}
<article>
  <h1>{{ page.title }}</h1>
  {{ page.body|richtext }}
</article>
{% endblock content %}
"""

PEER_SETTINGS = """
import os

from .base import *  # noqa

DEBUG = False
SECRET_KEY = "peer-bench-only"
ALLOWED_HOSTS = ["*"]
if os.environ.get("PEER_CACHE") == "1":
    # Django's whole-site cache, as its docs describe it.
    MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware", *MIDDLEWARE,
                  "django.middleware.cache.FetchFromCacheMiddleware"]
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CACHE_MIDDLEWARE_SECONDS = 600
"""

PEER_ASGI = """
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings.bench")
application = get_asgi_application()
"""

PEER_PUBLISH = """
import sys
from home.models import HomePage
page = HomePage.objects.first()
page.title = sys.argv[1]
page.body = open(sys.argv[2]).read()
page.save_revision().publish()
"""


def _write(path, text):
    with open(path, "w") as f:
        f.write(textwrap.dedent(text).lstrip())


def article_text(article_html):
    """The article's headline and paragraphs, as the peer's rich text."""
    text = article_html.decode("utf-8", "replace")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", text, re.S)
    plain = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in paragraphs]
    headline = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else "Article"
    return headline, [p for p in plain if p]


def create_peer(work_dir, log):
    base = os.path.join(work_dir, "wagtail-peer")
    if not os.path.exists(os.path.join(base, "manage.py")):
        os.makedirs(base, exist_ok=True)
        procs.run_checked([WAGTAIL, "start", "peer", base], log=log)
        _write(os.path.join(base, "home", "models.py"), PEER_MODELS)
        _write(os.path.join(base, "home", "templates", "home", "home_page.html"), PEER_TEMPLATE)
        _write(os.path.join(base, "peer", "settings", "bench.py"), PEER_SETTINGS)
        _write(os.path.join(base, "peer", "asgi.py"), PEER_ASGI)
        _write(os.path.join(base, "publish_page.py"), PEER_PUBLISH)
    e = peer_env()
    for step in (
        ["makemigrations", "home"],
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        procs.run_checked([PY, "manage.py", *step], env=e, cwd=base, log=log)
    return base


def publish_peer_page(base, headline, paragraphs, target_size, log):
    """Fill the peer page with the article's paragraphs, repeated until the page is about as large."""
    body, size, i = [], 0, 0
    while size < target_size and paragraphs:
        p = html.escape(paragraphs[i % len(paragraphs)])
        body.append(f"<p>{p}</p>")
        size += len(p.encode()) + 7
        i += 1
    path = os.path.join(base, "body.html")
    with open(path, "w") as f:
        f.write("\n".join(body))
    procs.run_checked(
        [
            PY,
            "manage.py",
            "shell",
            "-c",
            PEER_PUBLISH.replace("sys.argv[1]", repr(headline)).replace("sys.argv[2]", repr(path)),
        ],
        env=peer_env(),
        cwd=base,
        log=log,
    )


def peer_env(cache=False):
    return {
        "DJANGO_SETTINGS_MODULE": "peer.settings.bench",
        "PEER_CACHE": "1" if cache else "0",
        "PYTHONPATH": "",
    }


def start_peer(processes, base, port, *, cache):
    argv = [
        UVICORN,
        "peer.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    proc = processes.start(
        "wagtail-peer-cache" if cache else "wagtail-peer", argv, env=peer_env(cache), cwd=base
    )
    url = f"http://127.0.0.1:{port}/"
    procs.wait_http(url, proc=proc)
    return proc, url
