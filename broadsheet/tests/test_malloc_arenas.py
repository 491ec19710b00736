"""A worker bounds glibc's malloc arenas at its start (broadsheet/handler.py): threads that allocate at
once share them instead of each keeping freed memory in an arena of its own."""

import ctypes.util
import os
import subprocess
import sys

import pytest

CHILD = r"""
import ctypes, ctypes.util, os, sys, tempfile, threading
from broadsheet.handler import bound_malloc_arenas
print(bound_malloc_arenas(int(sys.argv[1])))
def churn():
    for _ in range(200):
        junk = [bytearray(64) for _ in range(2000)]
        del junk
threads = [threading.Thread(target=churn) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.fopen.restype = ctypes.c_void_p
path = tempfile.mktemp()
stream = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(stream))
libc.fclose(ctypes.c_void_p(stream))
print(open(path).read().count("<heap nr="))
os.unlink(path)
"""

glibc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or ctypes.util.find_library("c") != "libc.so.6",
    reason="glibc only",
)


def _arenas(limit, **env):
    child_env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(limit)],
        env={**child_env, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out[0] == "True", int(out[1])


@glibc
def test_threads_allocating_at_once_share_the_bounded_arenas():
    bounded, arenas = _arenas(2)
    assert bounded and arenas <= 2
    unbounded, arenas_unbounded = _arenas(0)
    assert not unbounded and arenas_unbounded > 2  # what the bound saves: one arena per busy thread


@glibc
def test_an_operators_malloc_arena_max_wins():
    bounded, arenas = _arenas(2, MALLOC_ARENA_MAX="3")
    assert not bounded and arenas <= 3
