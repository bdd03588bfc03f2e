"""A built wheel carries its data: installed outside the checkout, it loads the gazetteer and
the lexicon and extracts the bundled article (an editable install hides a missing file)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("wheel", reason="building a wheel without build isolation needs the 'wheel' package")


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, f"{cmd} failed:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}"
    return out


def test_wheel_installs_and_extracts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ACTORGRAPH_GAZETTEER", "ACTORGRAPH_LEXICON")}
    src = tmp_path / "src"  # a copy, so the build leaves nothing in the checkout
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "actorgraph", src / "actorgraph", ignore=shutil.ignore_patterns("__pycache__"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", str(tmp_path / "dist"), str(src)], tmp_path, env)
    wheel = next((tmp_path / "dist").glob("actorgraph-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], tmp_path, env)
    py, exe = venv / "bin" / "python", venv / "bin" / "actorgraph"
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], tmp_path, env)
    probe = ("import actorgraph.gazetteer as g, actorgraph.lexicon as L; print(g.__file__); "
             "print(len(g.load_gazetteer())); print(len(L.words('role_heads')), len(L.words('speech_verbs')))")
    where = _run([str(py), "-c", probe], tmp_path, env).stdout.split()
    assert Path(where[0]).is_relative_to(venv), f"actorgraph imported from {where[0]}, not the venv"
    assert int(where[1]) > 200  # every country at least
    assert int(where[2]) > 50 and int(where[3]) > 5  # the lexicon's word files came along
    out = _run([str(exe), "extract", str(ROOT / "data" / "articles")], tmp_path, env).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert rows and all(r["source"] and r["target"] for r in rows)
    assert {"Russia", "Bashar al-Assad"} <= {n for r in rows for n in (r["source"], r["target"])}
