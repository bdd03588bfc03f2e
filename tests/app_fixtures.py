"""The app's statements fixture as a frame and a graph, shared by test_app and test_view."""
from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.graph import build_graph, statements_frame
from actorgraph.readwrite.statements import read_statements

#: statements with hostile names, titles, quotes and URLs (see the file itself)
FIXTURE = Path(__file__).parent / "fixtures" / "app_statements.jsonl"


@pytest.fixture(scope="module")
def df():
    return statements_frame(read_statements(FIXTURE))


@pytest.fixture(scope="module")
def G(df):
    return build_graph(df)


def drawing(at) -> dict:
    """What the app's drawing holds after a run: its payload with the nodes and edges as the
    browser makes them (``view.payload_items``), and the selection the selection component
    hands to it."""
    import json

    from actorgraph import view

    def data(name: str) -> dict:
        (el,) = [e for e in at.get("bidi_component") if e.proto.component_name == name]
        return json.loads(el.proto.bytes or el.proto.json or el.proto.mixed.json)

    payload = data(view.COMPONENT_NAME)
    nodes, edges = view.payload_items(payload)
    return {**payload, "nodes": nodes, "edges": edges, "selected": data(view.COMPONENT_NAME + "_selection")["selected"]}
