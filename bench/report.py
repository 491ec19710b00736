"""One Markdown section per run in bench/results.md: date, command, machine, tables, ratios."""

import datetime
import os
import platform
import subprocess
import sys

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results.md")
HEADER = (
    "# Broadsheet bench results\n\n"
    "Newest run first. Produced by `make bench` (bench/run.py); see bench/README.md.\n"
)


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        wrk = (
            subprocess.run(["wrk", "--version"], capture_output=True, text=True)
            .stdout.split("[")[0]
            .strip()
        )
    except FileNotFoundError:  # a part that needs no load generator (archive) still gets its report
        wrk = "wrk not installed"
    return f"nproc {os.cpu_count()}, {cpu}, Linux {platform.release()}, Python {platform.python_version()}, {wrk}"


def _table(rows):
    out = [
        "| What | conns | req/s | p50 ms | p99 ms | requests | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, results in rows:
        for r in results:
            out.append(
                f"| {name} | {r.connections} | {r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | "
                f"{r.requests:,} | {r.errors:,} |"
            )
    return out


def section(part):
    lines = [f"### {part['title']}", ""]
    if part.get("not_measured"):
        return lines + [f"Not measured: {part['not_measured']}", ""]
    if part.get("rows"):
        lines += _table(part["rows"]) + [""]
    for extra in part.get("tables", []):
        lines += extra + [""]
    for ratio in part.get("ratios", []):
        lines.append(f"- **{ratio}**")
    for note in part.get("notes", []):
        lines.append(f"- {note}")
    return lines + [""]


def write(parts, settings_note):
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## Run of {now}",
        "",
        f"- Command: `{' '.join(['bench/run.py', *sys.argv[1:]])}` ({settings_note})",
        f"- Machine: {machine()}",
        "",
    ]
    for part in parts:
        lines += section(part)
    text = "\n".join(lines) + "\n"
    previous = ""
    if os.path.exists(RESULTS):
        with open(RESULTS) as f:
            previous = f.read()
        previous = previous[len(HEADER) :] if previous.startswith(HEADER) else previous
    with open(RESULTS, "w") as f:
        f.write(HEADER + "\n" + text + ("\n" + previous.lstrip("\n") if previous.strip() else ""))
    return text
