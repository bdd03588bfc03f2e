"""The app's malloc settings (actorgraph.memory): session threads share one arena."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import ctypes, sys, tempfile, threading
from actorgraph import memory

if sys.argv[1] == "one":
    assert memory.one_malloc_arena()
keep = []

def work():
    keep.append([bytearray(60_000) for _ in range(20)])  # malloc'd in this thread

threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
libc = ctypes.CDLL("libc.so.6")
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile(suffix=".xml") as out:
    fp = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(fp))
    libc.fclose(ctypes.c_void_p(fp))
    print(open(out.name).read().count("<heap nr="))
print(memory.give_back())
"""


def arenas(mode: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MALLOC_ARENA_MAX", None)
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    count, trimmed = out.stdout.split()
    assert trimmed in ("True", "False")  # give_back runs after the threads and says whether pages went back
    return int(count)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc only")
def test_threads_share_one_arena_once_asked():
    assert arenas("default") > 1  # each thread took an arena of its own
    assert arenas("one") == 1
