"""Isso, the peer for comments: installed into its own venv, one gunicorn worker, its guard (rate limits) off."""

import json
import os
import subprocess
import sys
import urllib.request

import procs

ISSO_CONF = """
[general]
dbpath = {dir}/comments.db
host = http://127.0.0.1:{port}/
[moderation]
enabled = false
[guard]
enabled = false
require-author = false
require-email = false
[server]
listen = http://127.0.0.1:{port}/
[markup]
options = strikethrough, superscript, autolink
"""


def ensure_venv(venv, log):
    """A venv of Isso's own (its dependencies do not mix with Django's)."""
    gunicorn = os.path.join(venv, "bin", "gunicorn")
    if not os.path.exists(gunicorn):
        procs.run_checked([sys.executable, "-m", "venv", venv], log=log)
        procs.run_checked(
            [os.path.join(venv, "bin", "pip"), "install", "-q", "isso", "gunicorn"], log=log
        )
    return gunicorn


def start(processes, venv, work_dir, port, log):
    gunicorn = ensure_venv(venv, log)
    base = os.path.join(work_dir, "isso")
    os.makedirs(base, exist_ok=True)
    db = os.path.join(base, "comments.db")
    if os.path.exists(db):
        os.remove(db)
    conf = os.path.join(base, "isso.cfg")
    with open(conf, "w") as f:
        f.write(ISSO_CONF.format(dir=base, port=port))
    argv = [gunicorn, "-w", "1", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "isso.run"]
    proc = processes.start("isso", argv, env={"ISSO_SETTINGS": conf}, cwd=base)
    procs.wait_http(f"http://127.0.0.1:{port}/?uri=/none/", proc=proc, ok=(200, 404))
    return proc, db


def post(port, uri, text):
    data = json.dumps({"text": text, "title": "Bench article"}).encode()
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/new?uri={uri}",
        data=data,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status


def count_rows(db, uri):
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
            "print(c.execute('select count(*) from comments join threads on threads.id=comments.tid "
            "where threads.uri=?',(sys.argv[2],)).fetchone()[0])",
            db,
            uri,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout)
