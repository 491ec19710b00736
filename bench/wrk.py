"""Run wrk on the client core and read its report: requests/s, p50, p99, errors."""

import os
import re
import subprocess
from dataclasses import dataclass

from procs import CLIENT_CPU

DURATION = os.environ.get("BENCH_DURATION", "10s")
WARMUP = os.environ.get("BENCH_WARMUP", "3s")
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "16,64").split(",")]
THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
TIMEOUT = os.environ.get(
    "BENCH_WRK_TIMEOUT", "30s"
)  # slow peers still count in the latency figures


@dataclass
class Result:
    connections: int
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx replies + socket errors (connect, read, write, timeout)
    non2xx: int = 0
    raw: str = ""

    @property
    def ok_requests(self):
        return self.requests - self.errors


def _ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse(output, connections):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = _ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    non2xx = errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return Result(connections, rps, p50, p99, requests, errors, non2xx, output)


def run(url, *, connections, **kwargs):
    return finish(start(url, connections=connections, **kwargs), connections)


def start(
    url, *, connections, duration=DURATION, script=None, script_args=(), timeout=TIMEOUT, headers=()
):
    """wrk started in the background (two may run at once); `finish()` waits and reads its report."""
    argv = [
        "taskset",
        "-c",
        CLIENT_CPU,
        "wrk",
        f"-t{min(THREADS, connections)}",
        f"-c{connections}",
        f"-d{duration}",
        f"--timeout={timeout}",
        "--latency",
    ]
    for header in headers:
        argv += ["-H", header]
    if script:
        argv += ["-s", script]
    argv.append(url)
    if script_args:
        argv += ["--", *script_args]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)


def finish(proc, connections):
    output = proc.communicate()[0]
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, output)
    return parse(output, connections)


def warm_up(url, **kwargs):
    if WARMUP and WARMUP not in ("0", "0s"):
        run(url, connections=16, duration=WARMUP, **kwargs)


def series(url, **kwargs):
    """Warm up, then one measured run per connection count."""
    warm_up(url, **kwargs)
    return [run(url, connections=c, **kwargs) for c in CONNECTIONS]


def ratio(a, b, fmt="{:.2f}×"):
    """a/b as text, or "n/a" when the peer completed nothing in the run."""
    return fmt.format(a / b) if b else "n/a (peer completed no request)"
