"""Stances over time: statements per period, and what changed between two periods.

The app's charts and the ``actorgraph timeline`` command both call these
functions, so the CSV a user prints is exactly what the chart draws.

* A *period* is a day (``D``, label ``2015-08-08``), a week (``W``, label: the
  Monday it starts on, ``2015-08-03``), a month (``M``, ``2015-08``) or a year
  (``Y``, ``2015``). Labels sort in time order as plain strings.
* ``auto_freq`` picks the finest of these that gives at most ``MAX_PERIODS``
  periods over the dates given.
* Undated statements have no period: they are left out of every count here
  (``undated`` says how many).
* Counts are statements (rows of the frame), never distinct edges.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

FREQS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
#: Auto granularity aims for at most this many periods.
MAX_PERIODS = 60
_PANDAS_FREQ = {"D": "D", "W": "W-SUN", "M": "M", "Y": "Y"}
ACTOR_COUNTS = ("supports_given", "opposes_given", "supports_received", "opposes_received")
CORPUS_COUNTS = ("supports", "opposes")


def parse_dates(dates: pd.Series) -> pd.Series:
    """ISO dates (or prefixes ``YYYY``/``YYYY-MM``) as datetimes; anything else NaT.

    Parsed once per distinct value (a corpus has far fewer dates than statements)."""
    codes, uniques = pd.factorize(dates)
    parsed = _parse_unique(pd.Series(uniques, dtype=object))
    when = pd.Series(np.append(parsed.to_numpy(), np.datetime64("NaT"))[codes], index=dates.index)
    return when.astype("datetime64[ns]")


def _parse_unique(dates: pd.Series) -> pd.Series:
    text = dates.astype(object).where(dates.notna(), None).astype("string").str.slice(0, 10)
    full = text.str.pad(10, side="right", fillchar="x")
    full = full.str.replace(r"^(\d{4})x{6}$", r"\1-01-01", regex=True).str.replace(r"^(\d{4}-\d{2})x{3}$", r"\1-01", regex=True)
    return pd.to_datetime(full, format="%Y-%m-%d", errors="coerce")


def auto_freq(dates: pd.Series, max_periods: int = MAX_PERIODS) -> str:
    """The finest of day, week, month, year giving at most ``max_periods`` periods."""
    when = parse_dates(dates).dropna()
    if when.empty:
        return "M"
    lo, hi = when.min(), when.max()
    for freq in ("D", "W", "M"):
        if len(pd.period_range(lo, hi, freq=_PANDAS_FREQ[freq])) <= max_periods:
            return freq
    return "Y"


def check_freq(freq: str | None, dates: pd.Series) -> str:
    """``freq`` validated ("auto" or None picks one); a ValueError names the choices."""
    if freq in (None, "", "auto"):
        return auto_freq(dates)
    f = str(freq).upper()[:1]
    if f not in FREQS:
        raise ValueError(f"unknown period {freq!r}: use D, W, M, Y or auto")
    return f


def period_label(when: pd.Series, freq: str) -> pd.Series:
    """Datetimes as period labels (see the module docstring); NaT gives None. Once per distinct value."""
    codes, uniques = pd.factorize(when)
    labels = _label_unique(pd.Series(uniques).astype("datetime64[ns]"), freq).to_numpy(dtype=object)
    return pd.Series(np.append(labels, None)[codes], index=when.index, dtype=object)


def _label_unique(when: pd.Series, freq: str) -> pd.Series:
    periods = when.dt.to_period(_PANDAS_FREQ[freq])
    if freq == "W":
        labels = periods.dt.start_time.dt.strftime("%Y-%m-%d")
    else:
        labels = periods.astype("string")
    return labels.astype(object).where(when.notna(), None)


def all_periods(dates: pd.Series, freq: str) -> list[str]:
    """Every period label from the first date to the last, empty ones included."""
    when = parse_dates(dates).dropna()
    if when.empty:
        return []
    rng = pd.period_range(when.min(), when.max(), freq=_PANDAS_FREQ[freq])
    if freq == "W":
        return [p.start_time.strftime("%Y-%m-%d") for p in rng]
    return [str(p) for p in rng]


def _counted(rows: pd.DataFrame, keys: list[str], columns: Sequence[str], periods: list[str]) -> pd.DataFrame:
    """Count ``rows`` by period and ``keys`` (the last key names the column), zero-filled."""
    if rows.empty:
        table = pd.DataFrame(0, index=pd.Index(periods, name="period"), columns=list(columns))
    else:
        table = rows.groupby(keys).size().unstack(keys[-1], fill_value=0)
        table = table.reindex(columns=list(columns), fill_value=0)
        table = table.reindex(pd.Index(periods, name="period"), fill_value=0)
    return table.astype("int64")


_COUNTED = ["source", "target", "stance", "date"]


def period_counts(
    df: pd.DataFrame, *, actor: str | None = None, counterpart: str | None = None, freq: str | None = None
) -> pd.DataFrame:
    """Statements per period: with ``actor``, supports/opposes given and received by it (optionally
    only with ``counterpart``); without, supports/opposes in the whole frame. Columns: ``period``,
    the counts, ``statements``. Every period between the first and last date of the rows is listed."""
    rows = df[_COUNTED]  # only the columns counted: a million rows are taken column by column
    if actor is not None:
        mine = (rows["source"] == actor) | (rows["target"] == actor)
        if counterpart is not None:
            mine &= (rows["source"] == counterpart) | (rows["target"] == counterpart)
        rows = rows[mine]
    freq = check_freq(freq, rows["date"])
    labels = period_label(parse_dates(rows["date"]), freq)
    dated = rows[labels.notna()].assign(period=labels[labels.notna()])
    periods = all_periods(dated["date"], freq)
    if actor is None:
        table = _counted(dated, ["period", "stance"], CORPUS_COUNTS, periods)
    else:
        given = dated[dated["source"] == actor].assign(kind=lambda r: r["stance"] + "_given")
        received = dated[dated["target"] == actor].assign(kind=lambda r: r["stance"] + "_received")
        table = _counted(pd.concat([given, received]), ["period", "kind"], ACTOR_COUNTS, periods)
    table.columns.name = None
    out = table.reset_index()
    out["statements"] = out[list(CORPUS_COUNTS if actor is None else ACTOR_COUNTS)].sum(axis=1)
    if actor is not None and counterpart is None:
        # a self-loop is one statement counted both given and received
        selfs = dated[(dated["source"] == actor) & (dated["target"] == actor)].groupby("period").size()
        out["statements"] -= out["period"].map(selfs).fillna(0).astype("int64")
    out.attrs.update(freq=freq, undated=int(labels.isna().sum()))
    return out


def long_counts(table: pd.DataFrame) -> pd.DataFrame:
    """A ``period_counts`` table as (period, series, count) rows, for a stacked chart."""
    value_cols = [c for c in table.columns if c not in ("period", "statements")]
    out = table.melt(id_vars="period", value_vars=value_cols, var_name="series", value_name="count")
    out["series"] = out["series"].str.replace("_", " ", regex=False)
    return out


def edge_statements(df: pd.DataFrame, source: str, target: str, stance: str | None = None, freq: str | None = None) -> pd.DataFrame:
    """The dated statements behind one edge, oldest first, with their period: the points of an
    edge's chart (quote, title and date shown on hover)."""
    rows = df[(df["source"] == source) & (df["target"] == target)]
    if stance:
        rows = rows[rows["stance"] == stance]
    freq = check_freq(freq, rows["date"])
    when = parse_dates(rows["date"])
    out = rows.assign(when=when, period=period_label(when, freq))[["when", "period", "date", "stance", "relation", "quote", "title"]]
    out = out[out["when"].notna()].sort_values("when", kind="stable").reset_index(drop=True)
    out.attrs.update(freq=freq, undated=int(when.isna().sum()))
    return out


# --------------------------------------------------------------------------- what changed


@dataclass(frozen=True)
class Window:
    """An inclusive range of ISO date prefixes ("2015", "2015-08", "2015-08-08"); None is open."""

    date_from: str | None = None
    date_to: str | None = None

    def mask(self, df: pd.DataFrame) -> np.ndarray:
        """Dated rows inside the window (the same rule as ``Filters.date_from``/``date_to``)."""
        from .filters import _date_mask

        return _date_mask(df["date"], self.date_from, self.date_to)

    def label(self) -> str:
        return f"{self.date_from or '…'} to {self.date_to or '…'}"


CHANGES = ("appeared", "disappeared", "changed sign", "unchanged")


def _pair_net(df: pd.DataFrame) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=["supports", "opposes"], index=pd.MultiIndex.from_tuples([], names=["source", "target"]))
    return df.groupby(["source", "target", "stance"]).size().unstack("stance", fill_value=0).reindex(
        columns=["supports", "opposes"], fill_value=0
    )


def what_changed(df: pd.DataFrame, before: Window, after: Window) -> pd.DataFrame:
    """Directed pairs (source -> target) compared between two periods.

    Each pair's sign in a period is the sign of (supports - opposes) there
    (0: mixed). ``change`` is *appeared* (no statement before), *disappeared*
    (none after), *changed sign* (both signs non-zero and different), else
    *unchanged*. Columns: source, target, change, supports/opposes before and
    after, sign_before, sign_after; sorted by change, then most statements.
    """
    df = df[_COUNTED]
    a, b = _pair_net(df[before.mask(df)]), _pair_net(df[after.mask(df)])
    both = a.add_suffix("_before").join(b.add_suffix("_after"), how="outer").fillna(0).astype("int64")
    both = both.reset_index()
    both.columns.name = None
    sb = (both["supports_before"] - both["opposes_before"]).clip(-1, 1)
    sa = (both["supports_after"] - both["opposes_after"]).clip(-1, 1)
    n_before = both["supports_before"] + both["opposes_before"]
    n_after = both["supports_after"] + both["opposes_after"]
    change = pd.Series("unchanged", index=both.index, dtype=object)
    change[(sb != sa) & (sb != 0) & (sa != 0)] = "changed sign"
    change[n_before == 0] = "appeared"
    change[n_after == 0] = "disappeared"
    both = both.assign(change=change, sign_before=sb, sign_after=sa, total=n_before + n_after)
    both["order"] = both["change"].map({c: i for i, c in enumerate(CHANGES)})
    both = both.sort_values(["order", "total", "source", "target"], ascending=[True, False, True, True], kind="stable")
    cols = ["source", "target", "change", "supports_before", "opposes_before", "supports_after", "opposes_after",
            "sign_before", "sign_after"]  # fmt: skip
    return both[cols].reset_index(drop=True)


def change_counts(changes: pd.DataFrame) -> dict[str, int]:
    """How many pairs per kind of change, every kind listed."""
    counts = changes["change"].value_counts() if len(changes) else pd.Series(dtype="int64")
    return {c: int(counts.get(c, 0)) for c in CHANGES}
