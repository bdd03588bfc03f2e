"""The view in the URL, and the highlighted article view (pure functions, no Streamlit)."""
from __future__ import annotations

from actorgraph import article_view as av
from actorgraph import urlstate


def test_view_round_trips_through_query_parameters():
    state = {"selected_actor": "Ada | Adka Varga", "f_stances": ["supports"], "f_relations": [], "f_focus": "Norland",
             "f_hops": 2, "f_search": "", "f_conf": 0.5, "f_weight": 1,
             "selected_edge": {"source": "A \"x\"", "target": "B", "stance": "opposes"}}  # fmt: skip
    params = urlstate.params_from_state(state)
    assert "search" not in params and "min_weight" not in params and "relation" not in params  # defaults left out
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    back = urlstate.state_from_params(as_lists)
    assert back == {"selected_actor": "Ada | Adka Varga", "f_stances": ["supports"], "f_focus": "Norland", "f_hops": 2,
                    "f_conf": 0.5, "selected_edge": state["selected_edge"]}  # fmt: skip


def test_bad_parameters_are_dropped_not_raised():
    back = urlstate.state_from_params({"hops": ["many"], "min_conf": ["x"], "edge": ["[1, 2"], "actor": [""]})
    assert back == {}
    assert urlstate.allowed({"f_stances": ["supports", "nope"], "f_hops": 9}, {"f_stances": ["supports"], "f_hops": [1, 2]}) \
        == {"f_stances": ["supports"]}  # fmt: skip


def test_sentences_have_exact_offsets():
    text = 'Norland backed Eastmark. "We will stay," she said! Why?\n\nA new paragraph without end'
    got = av.sentences(text)
    assert [s.text for s in got] == ["Norland backed Eastmark.", '"We will stay," she said!', "Why?",
                                     "A new paragraph without end"]  # fmt: skip
    assert all(text[s.start:s.end] == s.text for s in got)


def test_highlights_escape_the_text_and_mark_actors_and_cue():
    text = "Intro <b>bold</b> & more.\n\nNorland backed <script>alert(1)</script> Eastmark."
    quote = "Norland backed <script>alert(1)</script> Eastmark."
    start = text.index(quote)
    st = {"sentence_index": 1, "start": start, "end": start + len(quote), "quote": quote, "source_mention": "Norland",
          "target_mention": "Eastmark", "cue": "backed"}  # fmt: skip
    html = av.article_html("Title <i>x</i>", text, [st])
    assert "<script>" not in html and "<b>" not in html and "<i>x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp; more" in html
    assert '<mark class="ag-actor" style="background:#c5e1ff;font-weight:600;">Norland</mark>' in html
    assert '<mark class="ag-cue" style="background:#ffc9c9;font-weight:600;">backed</mark>' in html
    assert html.count('class="ag-quote"') == 3  # the quote between and after the inner marks
    assert "</p><p>" in html  # the paragraph break
