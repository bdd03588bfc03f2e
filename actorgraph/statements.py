"""The extraction engine: articles in, ``Statement`` records out.

``build_pipeline`` puts the two rule components (``actorgraph_actors``, then
``actorgraph_stances``) behind spaCy's parser and NER, and a tiny
``actorgraph_lines`` component in front of the parser so that a line break
always ends a sentence (headlines, datelines and one-sentence-per-line corpora
would otherwise be glued onto the next sentence). ``extract_statements`` runs
it over articles with ``nlp.pipe`` batching (and worker processes when asked)
and turns each stance into a statement whose ``quote`` is the exact sentence:
``article.text[start:end] == quote``.

The headline is read too, as the first line of the parsed text: headlines carry
an article's main stance ("X condemns Y") more often than any other sentence, and
the body's pronouns and role nouns may point back to it. A statement found in the
headline has ``sentence_index == -1`` and offsets into the title
(``article.title[start:end] == quote``); body statements count sentences from 0.
"""
from __future__ import annotations

import sys
import weakref
from typing import Any, Callable, Iterable, Iterator, Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from . import actors as _actors  # noqa: F401  (registers "actorgraph_actors")
from . import longtext
from . import stances as _stances  # noqa: F401  (registers "actorgraph_stances")
from .gazetteer import Gazetteer, era_name, implied_eras
from .nlp import load_nlp
from .recase import recase
from .records import Article, Statement, statement_id
from .resolve.text import dateline_dash
from .resolve.vocab import HONORIFICS, NAME_PARTICLES, ROLE_ABBREVIATIONS, ROLE_HEADS

ACTORS_PIPE = "actorgraph_actors"
STANCES_PIPE = "actorgraph_stances"
LINES_PIPE = "actorgraph_lines"

#: Articles per ``nlp.pipe`` batch. A batch's parse briefly holds memory in proportion to its
#: tokens: on news articles of ~4,700 characters a process peaked 300 MB above its resting
#: size with 16 articles a batch, 90 MB with 4, for the same CPU time (within 3 %).
PIPE_BATCH = 4


@Language.component(LINES_PIPE)
def line_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence (the parser keeps preset boundaries). Nothing right
    after a comma does, nor a lower-case word or a comma right after a word of the same line: "Kenya |
    on Tuesday condemned ...", "Sweden | , | Finland and other states ..." (the parser's splits after a
    line's first name, typically under a headline) cut a clause in two; nor a name right after a title
    or a name particle ("President | Trump", "Van | Dyke")."""
    if len(doc) < 2:
        return doc
    # set in one array: each Token.is_sent_start assignment scans the whole Doc for a parse first
    starts = doc.to_array([SENT_START]).astype("int64").reshape(-1)
    prev = None
    for tok in doc:
        if prev is None or "\n" in prev.text_with_ws:
            end = _dateline_end(doc, tok.i)
            if end is not None:
                starts[end] = 1  # "BONN (Reuter) - West Germany severed ...": the story starts after the dateline
        if prev is not None:
            if "\n" in prev.text_with_ws and not tok.is_space:
                starts[tok.i] = 1
            elif not prev.is_space and (prev.text == "," or (prev.is_alpha and (
                    tok.text[:1].islower() or tok.text == ","))):
                starts[tok.i] = -1
            elif tok.text[:1].isupper() and _is_title(prev):
                starts[tok.i] = -1  # "President | Trump signed ...": a title never ends a sentence
        prev = tok
    doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
    return doc


def _dateline_end(doc: Doc, s: int) -> int | None:
    """The token after a dateline that opens a paragraph ("NAIROBI, Kenya (AP) --", "BONN (Reuter) -"): one
    with the agency in brackets and more on the same line (not "US Senator X -- a Democrat -- said")."""
    got = dateline_dash(doc, s)
    if got is None:
        return None
    e, dash = got
    if dash + 1 >= len(doc) or "\n" in doc[dash].text_with_ws or doc[dash + 1].is_space \
            or not any(t.text == "(" for t in doc[e:dash]):
        return None
    return dash + 1


_TITLE_WORDS = frozenset(ROLE_HEADS) | frozenset(HONORIFICS) | frozenset(ROLE_ABBREVIATIONS) | frozenset(NAME_PARTICLES)


def _title_word(low: str) -> bool:
    return low in _TITLE_WORDS


def _is_title(tok: Token) -> bool:
    """A capitalised title, or an abbreviated one with the point split off ("Sens | . | Tom Harris"; not
    "the King | . | Charles later ...")."""
    if tok.text == "." and tok.i and not tok.doc[tok.i - 1].whitespace_:
        abbr = tok.doc[tok.i - 1]
        return abbr.text[:1].isupper() and (abbr.lower_ in ROLE_ABBREVIATIONS or abbr.lower_ + "." in ROLE_ABBREVIATIONS)
    return tok.text[:1].isupper() and _title_word(tok.lower_)


def build_pipeline(nlp: Language | None = None, gazetteer: Gazetteer | None = None) -> Language:
    """The spaCy pipeline with our components; idempotent (adds each pipe once)."""
    if nlp is None:
        nlp = load_nlp()  # the one cached pipeline (actorgraph.nlp); our pipes are added once
        _DEFAULT.add(nlp)
    names = nlp.pipe_names
    if LINES_PIPE not in names:
        if "parser" in names:
            nlp.add_pipe(LINES_PIPE, before="parser")
        else:
            nlp.add_pipe(LINES_PIPE, first=True)
    if ACTORS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(ACTORS_PIPE, after="ner" if "ner" in nlp.pipe_names else None)
    if STANCES_PIPE not in nlp.pipe_names:
        nlp.add_pipe(STANCES_PIPE, after=ACTORS_PIPE)
    if gazetteer is not None:
        comp = nlp.get_pipe(ACTORS_PIPE)
        if getattr(comp, "gazetteer", None) is not gazetteer:
            comp.gazetteer = gazetteer
    return nlp


_DEFAULT: weakref.WeakSet = weakref.WeakSet()  # the pipelines build_pipeline() made itself (an id could be reused)


def is_default_pipeline(nlp: Language) -> bool:
    """True for the pipeline ``build_pipeline()`` makes without one given: any process can
    build its twin from the model name and a gazetteer (worker processes do)."""
    return nlp in _DEFAULT


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of each sentence, trimmed of surrounding whitespace."""
    text = doc.text
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def title_repeats_body(article: Article) -> bool:
    """Is the title only the body's own opening (the loader's fallback: the first line or first
    words, maybe ending in "…"; or a headline-only article)? Then reading it would read one sentence
    twice and give two statements with one id."""
    title = " ".join(article.title.split())
    if not title:
        return True
    words = title[:-1].rstrip() if title.endswith("\u2026") else title
    text = " ".join(article.text.split())
    first = " ".join(article.text.strip().split("\n", 1)[0].split())
    return bool(words) and text.startswith(words) and (words != title or title in (text, first))


def parsed_text(article: Article) -> str:
    """What the pipeline reads: the headline on its own line, then the body (the body alone when
    the title only repeats the body's opening). A title-case headline is read in sentence case
    (``recase``); statements quote it as written."""
    if title_repeats_body(article):
        return article.text.translate(APOSTROPHES)
    title = article.title.replace("\r", " ").replace("\n", " ")  # same length: offsets stay exact
    return f"{recase(title, article.text)}\n\n{article.text}".translate(APOSTROPHES)


#: Typographic apostrophes read as the ASCII one the model was trained on ("O’Reilly" is tagged an adverb,
#: "D’Souza" no name): one character for one, so every offset still points into the text as written.
APOSTROPHES = str.maketrans({"\u2019": "'"})


def _as_written(doc: Doc, article: Article, body: int, mention: Any) -> str:
    """A mention's words as the article prints them (typographic apostrophes, a headline's own case);
    ``mention``: a stance's source or target (a Mention or a MentionRef: start, end, text)."""
    span = doc[mention.start:mention.end]
    a, b = span.start_char, span.end_char
    if mention.text != span.text:
        return mention.text
    if a >= body:
        return article.text[a - body:b - body]
    return article.title[a:b] if b <= len(article.title) else span.text


def statements_from_doc(doc: Doc, article: Article) -> list[Statement]:
    """Statements for one processed Doc whose text is ``parsed_text(article)``."""
    stances = doc._.stances or []
    if not stances:
        return []
    body = len(doc.text) - len(article.text)  # where the body starts in the parsed text
    bounds = _sentence_bounds(doc)
    in_title = sum(1 for s, _ in bounds if s < body)
    out: list[Statement] = []
    seen: set[tuple] = set()
    ids: set[str] = set()
    implied = frozenset() if article.date else implied_eras(
        (x.name for st in stances for x in (st.source_actor, st.target_actor)),
        (a.name for m in doc._.actors.mentions if m.kind in ("name", "alias") for a in m.actors))
    for st in sorted(stances, key=lambda s: (s.sent_index, s.source.start, s.target.start)):
        a, b = st.source_actor, st.target_actor
        src, tgt = era_name(a.name, article.date, implied), era_name(b.name, article.date, implied)  # "Moscow" in 1985
        if src == tgt:  # (also two names the era makes one: "the Soviet Union praised Russia" in 1985)
            continue
        stance = "supports" if st.sign > 0 else "opposes"
        key = (src, tgt, stance, st.relation, st.sent_index)
        if key in seen:
            continue
        seen.add(key)
        start, end = bounds[st.sent_index]
        if start < body:  # the headline: offsets into the title, quoted as written (not re-cased)
            where, quote = -1, article.title[start:end]
        else:  # the body as written (the parse read typographic apostrophes as ASCII ones)
            where, start, end = st.sent_index - in_title, start - body, end - body
            quote = article.text[start:end]
        sid = statement_id(article.id, start, end, src, tgt, stance, st.relation)
        if sid in ids:  # a headline with the body's opening span: one id, one statement
            continue
        ids.add(sid)
        out.append(
            Statement(
                source=src,
                target=tgt,
                source_type=a.type,
                target_type=b.type,
                stance=stance,
                sign=1 if st.sign > 0 else -1,
                relation=st.relation,
                quote=quote,
                article_id=article.id,
                title=article.title,
                date=article.date,
                path=article.path,
                url=article.url,
                sentence_index=where,
                start=start,
                end=end,
                confidence=float(st.confidence),
                cue=st.cue,
                source_mention=_as_written(doc, article, body, st.source),
                target_mention=_as_written(doc, article, body, st.target),
                source_affiliation=a.affiliation and era_name(a.affiliation, article.date, implied),
                source_role=a.role,
                target_affiliation=b.affiliation and era_name(b.affiliation, article.date, implied),
                target_role=b.role,
                rule=st.rule,
            )
        )
    return out


def extract_statements(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    gazetteer: Gazetteer | None = None,
    batch_size: int = PIPE_BATCH,
    n_process: int = 1,
    processes: int | None = None,
    progress_bar: bool = False,
    progress: Callable[[int, int], None] | None = None,
    errors: list | None = None,
) -> Iterator[Statement]:
    """Every stance statement in the articles, article by article, in document order.

    ``processes`` (alias ``n_process``) worker processes parse chunks of articles
    (``workers.outcomes``). An article the pipeline fails on gives one
    ``workers.ArticleFailure`` line: appended to ``errors`` when given, else
    printed on stderr; the other articles go on.
    """
    from .workers import Pipeline, outcomes

    arts: Sequence[Article] = articles if isinstance(articles, Sequence) else list(articles)
    total = len(arts)
    if total == 0:
        return
    pipeline = Pipeline(nlp, gazetteer)  # built where it runs: with workers, maybe never in this process
    n_process = max(1, min(int(processes or n_process or 1), total))
    bar = None
    if progress_bar:
        from tqdm import tqdm

        # (disable=None: no bar when stderr is not a terminal, so logs and pipes stay clean)
        bar = tqdm(total=total, unit="article", file=sys.stderr, desc="extracting", leave=False, disable=None)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if bar is not None:
            bar.update(n)
        if progress is not None:
            progress(done, total)

    try:
        for _article, found in outcomes(pipeline, arts, processes=n_process, batch_size=batch_size):
            if isinstance(found, list):
                yield from found
            elif errors is not None:
                errors.append(found)
            else:
                print(f"actorgraph: {found}", file=sys.stderr)
            step(1)  # after the article's statements: progress(done, total) marks it finished
    finally:
        if bar is not None:
            bar.close()


def article_statements(nlp: Language, article: Article) -> list[Statement]:
    """One article's statements; one over the pipeline's ``max_length`` is parsed in
    paragraph-aligned pieces whose statements keep the whole article's offsets."""
    out: list[Statement] = []
    for part in longtext.pieces([article], nlp.max_length):
        doc = nlp(parsed_text(part))
        out += longtext.whole(statements_from_doc(doc, part), doc, part)
    return out


def extract_article(article: Article, **kw) -> list[Statement]:
    """The statements of one article (convenience for tests and the app)."""
    return list(extract_statements([article], **kw))
