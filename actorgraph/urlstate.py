"""The explorer's view in the page URL: selection, focus, hops and the main filters.

A view is bookmarked and shared by its address, and a reload returns to it. The
app keeps widgets in ``st.session_state`` under fixed keys; this module maps those
keys to short query parameters and back. Pure functions over plain mappings, so
they are tested without Streamlit. Values that do not parse are dropped, never
raised: a hand-edited link must still open the app.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Mapping

#: query parameter -> (session-state key, parse, default). Lists are repeated parameters.
LISTS: dict[str, str] = {"stance": "f_stances", "relation": "f_relations", "type": "f_types"}
SCALARS: dict[str, tuple[str, Callable[[str], Any], Any]] = {
    "actor": ("selected_actor", str, None),
    "focus": ("f_focus", str, ""),
    "hops": ("f_hops", int, 1),
    "search": ("f_search", str, ""),
    "min_conf": ("f_conf", float, 0.0),
    "min_weight": ("f_weight", int, 1),
    "article": ("article_view", str, None),
}
EDGE = ("edge", "selected_edge")


def state_from_params(params: Mapping[str, list[str]]) -> dict[str, Any]:
    """Session-state values for the query parameters present (``params``: name -> all values)."""
    out: dict[str, Any] = {}
    for name, key in LISTS.items():
        values = [v for v in params.get(name, []) if v]
        if values:
            out[key] = values
    for name, (key, parse, _) in SCALARS.items():
        values = params.get(name) or []
        if values and values[-1] != "":
            try:
                out[key] = parse(values[-1])
            except ValueError:
                continue
    edge = (params.get(EDGE[0]) or [None])[-1]
    if edge:
        try:
            source, target, stance = json.loads(edge)
            out[EDGE[1]] = {"source": str(source), "target": str(target), "stance": str(stance)}
        except (ValueError, TypeError):
            pass
    return out


def params_from_state(state: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """Query parameters for the current view; defaults are left out so links stay short."""
    out: dict[str, str | list[str]] = {}
    for name, key in LISTS.items():
        values = [str(v) for v in state.get(key) or []]
        if values:
            out[name] = values
    for name, (key, _, default) in SCALARS.items():
        value = state.get(key)
        if value is not None and value != default and value != "":
            out[name] = str(value)
    edge = state.get(EDGE[1])
    if isinstance(edge, dict) and edge.get("source"):
        out[EDGE[0]] = json.dumps([edge["source"], edge["target"], edge["stance"]], ensure_ascii=False)
    return out


def allowed(state: dict[str, Any], options: Mapping[str, list[Any]]) -> dict[str, Any]:
    """``state`` with list values cut to the widget's options (a stale link names gone values)."""
    out = dict(state)
    for key, opts in options.items():
        if key in out and isinstance(out[key], list):
            out[key] = [v for v in out[key] if v in opts]
        elif key in out and out[key] not in opts:
            del out[key]
    return out
