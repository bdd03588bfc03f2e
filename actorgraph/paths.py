"""Which paths the app may read, and file names made safe to print.

The app's path box runs on the server: without a fence, whoever reaches the page could
read any file the server can. ``ACTORGRAPH_DATA_ROOT`` (an ``os.pathsep`` list) names
the folders it may read; by default the bundled ``data/`` and the current folder. A path
outside them is refused with one line that says nothing about the path itself (not
whether it exists, not what it holds).

File names are data too: a name with a newline or a terminal escape sequence would
forge extra lines or recolour the terminal in an error message, so ``printable``
escapes every control and invisible format character.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"
ROOTS_ENV = "ACTORGRAPH_DATA_ROOT"

#: The one line shown for any path outside the roots: it never names or describes the path.
OUTSIDE_ROOTS = (
    "that path is outside the folders this app may read; "
    f"the server's operator can widen them with {ROOTS_ENV}"
)


class PathRefused(PermissionError):
    """A path outside the data roots; its message reveals nothing about the path."""

    def __init__(self) -> None:
        super().__init__(OUTSIDE_ROOTS)

    def __str__(self) -> str:
        return OUTSIDE_ROOTS


def data_roots() -> list[Path]:
    """The folders the app may read, resolved (symlinks followed)."""
    given = [p for p in os.environ.get(ROOTS_ENV, "").split(os.pathsep) if p.strip()]
    roots = given or [str(BUNDLED_DATA), os.getcwd()]
    return [Path(os.path.realpath(os.path.expanduser(p))) for p in roots]


def under_roots(path: str | os.PathLike, roots: list[Path] | None = None) -> bool:
    """True when ``path``, with every symlink and ``..`` resolved, lies in a data root."""
    try:
        real = Path(os.path.realpath(os.path.expanduser(os.fspath(path))))
    except (OSError, ValueError):  # NUL in the name, loops
        return False
    return any(real == root or real.is_relative_to(root) for root in (roots or data_roots()))


def check_readable_path(path: str) -> str:
    """``path`` unchanged when it is under a data root, else PathRefused."""
    if not path or "\x00" in path or not under_roots(path):
        raise PathRefused()
    return path


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: object) -> str:
    """``text`` with control and invisible characters written as escapes (``\\n``, ``\\x1b``)."""
    def esc(m: re.Match) -> str:
        ch = m.group()
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
        return named.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")

    return _UNSAFE.sub(esc, str(text))
