#!/usr/bin/env python3
"""Prepends the fault suite's figures (tests/faults, written to FAULTS_RESULTS) to bench/results.md as a
"faults" section: requests served, answers by code, comments acknowledged / stored / duplicated.

  .venv/bin/python bench/faults_report.py [label]     (label: e.g. "contended: 7 other engineers' jobs")
"""

import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from report import HEADER, RESULTS, machine

SOURCE = os.environ.get("FAULTS_RESULTS", "/tmp/bs-faults-results.json")
TITLES = {
    "redis_stopped": "Redis stopped while readers read and post",
    "postgres_restarted": "PostgreSQL restarted mid-run",
    "worker_killed": "A worker killed with kill -9 during a burst of posts, lost answers replayed",
    "page_cache_filled": "The page cache filled past its byte bound",
}


def _answers(answers):
    if answers and all(isinstance(v, dict) for v in answers.values()):
        return "; ".join(
            f"{kind}: " + ", ".join(f"{code} × {n:,}" for code, n in sorted(codes.items()))
            for kind, codes in sorted(answers.items())
        )
    return ", ".join(f"{code} × {n:,}" for code, n in sorted(answers.items()))


def section(figures, label):
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## faults: run of {now}" + (f" ({label})" if label else ""),
        "",
        "- Command: `DATABASE_URL=… REDIS_URL=… .venv/bin/python -m pytest -m faults tests/faults`, then "
        "`bench/faults_report.py`: two uvicorn workers (production settings) over the suite's own PostgreSQL "
        "cluster and Redis server",
        f"- Machine: {machine()}",
        "",
        "| Fault | Requests by kind and answer | Acknowledged | Stored | Duplicated | Other figures |",
        "|---|---|---:|---:|---:|---|",
    ]
    for name, title in TITLES.items():
        f = dict(figures.get(name, {}))
        if not f:
            lines.append(f"| {title} | not run | | | | |")
            continue
        answers = _answers(f.pop("answers", {}))
        counts = [f.pop(k, "") for k in ("acknowledged", "stored", "duplicated")]
        other = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(f.items()))
        lines.append(f"| {title} | {answers} | {counts[0]} | {counts[1]} | {counts[2]} | {other} |")
    return "\n".join(lines) + "\n"


def main(argv):
    with open(SOURCE) as f:
        text = section(json.load(f), " ".join(argv))
    previous = open(RESULTS).read() if os.path.exists(RESULTS) else ""
    previous = previous[len(HEADER) :] if previous.startswith(HEADER) else previous
    with open(RESULTS, "w") as f:
        f.write(HEADER + "\n" + text + ("\n" + previous.lstrip("\n") if previous.strip() else ""))
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
