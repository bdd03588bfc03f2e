"""Which extractor made a statement: saved statements are reused only by the same one.

The version is the package version plus a short hash of everything that decides
the output (the rule modules, the lexicon and the gazetteer), so editing one
lexicon row is a new extractor and cached statements are not reused by mistake.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).parent
#: Files whose content decides what the extractor emits (globs under the package).
EXTRACTION_FILES = ("actors.py", "stances.py", "statements.py", "gazetteer.py", "identity.py", "rules/**/*.py",
                    "resolve/**/*.py", "lexicon/**/*.csv", "data/**/*.csv")


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """``<package version>+<12 hex digits>``, stable while the extraction files are unchanged."""
    h = hashlib.sha1()
    paths = sorted({p for g in EXTRACTION_FILES for p in PACKAGE.glob(g) if p.is_file()})
    for p in paths:
        h.update(p.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
