"""CSV cells a spreadsheet will not run as formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or CR may be taken as a formula
by Excel, LibreOffice or Google Sheets (``=HYPERLINK(...)`` in a quote from an untrusted
page). ``defuse`` puts an apostrophe in front of such text cells, the usual marker for
"this is text"; numbers are left alone. Apostrophes already in front of such a cell get
one more, so ``undefuse`` (used when ``export --from`` reads a defused file) gives every
cell back exactly.
"""
from __future__ import annotations

import re
from typing import Any

_RISKY = re.compile(r"'*[=+\-@\t\r]")


def defuse(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet could run."""
    if isinstance(value, str) and _RISKY.match(value):
        return "'" + value
    return value


def undefuse(value: str) -> str:
    """The exact text of a cell written by ``defuse``."""
    return value[1:] if value.startswith("'") and _RISKY.match(value, 1) else value
