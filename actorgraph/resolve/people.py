"""People NER missed or mislabelled, found by the press's own cues: a title or a party tag around a
name (``names.titled``), a bare capitalised name that says things (``names.speaker``)."""
from __future__ import annotations

import re


from .state import ResolverState
from .text import person_name_ok
from .vocab import SPEECH_VERBS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_ABBREVIATIONS, PARTY_TAGS, HONORIFICS


def speakers(st: ResolverState) -> None:
    """A bare capitalised name NER missed or took for a place that says things is a person
    ("Pelosi said ...", tagged GPE or nothing): every bare use of that name becomes one."""
    doc = st.doc
    names: set[str] = set()
    for t in st.toks:
        if not t.is_title or t.tag_ != "NNP" or t.dep_ != "nsubj" or t.head.lemma_ not in SPEECH_VERBS \
                or len(t.text) < 3 or t.i in st.demonym_tok or t.lower_ in ROLE_HEADS or t.lower_ in HONORIFICS:
            continue
        if any(c.dep_ in ("compound", "det", "amod", "poss", "nmod") for c in t.children):
            continue
        k = st.owner[t.i]
        if k < 0 or any(pk == k and label == "GPE" for pk, label in st.pending):
            names.add(t.text)
    if not names:
        return
    pend = {pk for pk, label in st.pending if label == "GPE"}
    for t in st.toks:
        if t.text not in names or t.pos_ != "PROPN":
            continue
        k = st.owner[t.i]
        if k < 0:
            st.person_ks.append(st.add(t.i, t.i + 1, (), "name"))
        elif k in pend and st.cands[k] is not None and st.cands[k].end - st.cands[k].start == 1:
            st.pending = [(pk, label) for pk, label in st.pending if pk != k]
            st.person_ks.append(k)


def name_run(st: ResolverState, i: int, step: int) -> list[int]:
    """Up to four capitalised name words from token i on (step +1 forwards, -1 backwards)."""
    doc = st.doc
    out: list[int] = []
    while 0 <= i < st.n and len(out) < 4:
        t = doc[i]
        low = t.lower_
        initial = re.fullmatch(r"[A-Z]\.", t.text) is not None
        if not (initial or (t.is_alpha and t.is_title)) or low in ROLE_HEADS or low in ROLE_MODIFIERS \
                or low in HONORIFICS or low in ROLE_ABBREVIATIONS or i in st.demonym_tok or t.pos_ != "PROPN":
            break
        m = st.cand_at(i)
        if m is not None and m.actors:
            break
        out.append(i)
        i += step
    return sorted(out)


def _titled(st: ResolverState, t) -> bool:
    """A title word capitalised, or a lower-case one after a modifier ("army spokesman Jean Dupont", "foreign
    minister ..."); asked only of title words (reading the word before for every token was a cost)."""
    return t.is_title or t.i > 0 and (st.doc[t.i - 1].lower_ in ROLE_MODIFIERS or t.i - 1 in st.demonym_tok)


def titled_names(st: ResolverState) -> None:
    """Names the model missed or took for an organisation or a place, found by the US press's own
    cues: a title right before ("House Financial Services Chair Maxine Waters", "Rep. Elijah
    Cummings") or a party tag right after ("Jane Roe (D-Calif.)", "John Doe, R-Texas")."""
    doc = st.doc
    runs: list[list[int]] = []
    # in a title-case headline every word is capitalised: there only a surname the model knows ends a name
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and not st.title_line[e.start]}
    for t, low in zip(st.toks, st.lowers):
        if st.shouting[t.i]:
            continue
        if (low in ROLE_ABBREVIATIONS or (low in ROLE_HEADS and _titled(st, t))) and st.cand_at(t.i) is None:
            run = name_run(st, t.i + 1, 1)
            if len(run) >= 2 and (run[-1] + 1 >= st.n or not doc[run[-1] + 1].text[:1].isupper()) \
                    and (not st.title_line[t.i] or doc[run[-1]].text in surnames):
                runs.append(run)
            continue
        if st.title_line[t.i]:
            continue
        if low in ("(", ",") and t.i + 3 < st.n and doc[t.i + 1].text in PARTY_TAGS \
                and doc[t.i + 2].text in ("-", "\u2013") and not doc[t.i + 1].whitespace_ \
                and doc[t.i + 3].text[:1].isupper():
            run = name_run(st, t.i - 1, -1)
            if len(run) >= 2:
                runs.append(run)
    for run in runs:
        s, e = run[0], run[-1] + 1
        if doc[s].text.endswith(".") or not person_name_ok(doc[s:e]):
            continue
        owners = {st.owner[i] for i in range(s, e)}
        if len(owners) == 1 and next(iter(owners)) in st.person_ks:
            continue  # already a person
        pend = {k for k, _ in st.pending}
        if any(o >= 0 and (o not in pend or st.cands[o] is None) for o in owners):
            continue
        for o in owners:  # NER's "House Financial Services Chair Maxine Waters" (ORG): not an organisation
            if o >= 0:
                m = st.cands[o]
                st.cands[o] = None
                for i in range(m.start, m.end):
                    st.owner[i] = -1
        st.pending = [(k, label) for k, label in st.pending if st.cands[k] is not None]
        st.person_ks.append(st.add(s, e, (), "name"))
