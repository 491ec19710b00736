"""Dictionary precision (issue 17), as a part of `make bench PARTS=precision`: runs
bench/dictionary_precision.py (no server; it writes bench/dictionary_precision.md) and the in-process
timing in bench/dictionary_speed.py, and puts their figures in results.md."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _run(script):
    done = subprocess.run(
        [sys.executable, os.path.join(HERE, script)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()


def run(ctx):
    table = [line for line in _run("dictionary_precision.py") if line.startswith("|")]
    speed = _run("dictionary_speed.py")[-1:]
    return {
        "title": "Dictionary precision (issue 17)",
        "tables": [table],
        "notes": [
            "In-process WordNet reading + level, no HTTP: " + " ".join(speed),
            "Every disagreement: bench/dictionary_precision.md.",
        ],
    }
