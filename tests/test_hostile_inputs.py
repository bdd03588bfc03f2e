"""A hostile but fair user: nothing lost, nothing leaked, no input that stops the run.

Every input is generated here, on the fly; the sentences are invented. Each bad input
must give one clear line naming the file (and line or row), and the good input next
to it must still go through.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actorgraph import graph, view
from actorgraph.articles import ArticleError, parse_text, read_articles, read_bytes
from actorgraph.cli import main
from actorgraph.longtext import PIECE, pieces, spans
from actorgraph.paths import OUTSIDE_ROOTS, PathRefused, check_readable_path, printable, under_roots
from actorgraph.readwrite import gexf, graphml, tables
from actorgraph.readwrite import json as node_link
from actorgraph.readwrite.spreadsheet import defuse, undefuse
from actorgraph.readwrite.statements import read_statements, write_csv, write_jsonl
from actorgraph.records import Statement

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Border talks\n\nGermany condemned Iran on Monday.\n"
SECOND = "Aid pledge\n\nFrance supports Ukraine, the minister said.\n"


def stmt(**kw) -> Statement:
    base = dict(source="Germany", target="Iran", source_type="country", target_type="country", stance="opposes",
                sign=-1, relation="condemns", quote="Germany condemned Iran on Monday.", article_id="a1",
                title="Border talks", date="2015-08-08", path="a.txt", url=None, sentence_index=0, start=0,
                end=33, confidence=0.9, cue="condemned")  # fmt: skip
    return Statement(**{**base, **kw})


def one_line_errors(err: str) -> list[str]:
    lines = [x for x in err.splitlines() if x.startswith("actorgraph: ") and "statements" not in x]
    assert all("\x1b" not in x for x in lines)
    return lines


# =========================================================================== security: data roots


def test_path_box_reads_only_under_the_data_roots(tmp_path, monkeypatch):
    inside, outside = tmp_path / "corpus", tmp_path / "private"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.json").write_text('{"api_key": "s3cr3t"}')
    (inside / "escape").symlink_to(outside)  # a link inside a root does not lead out of it
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", f"{inside}{os.pathsep}{tmp_path / 'other'}")
    assert check_readable_path(str(inside)) == str(inside)
    assert under_roots(inside / "new.txt")  # inside, even before it exists
    refused = [outside / "secret.json", outside / "missing.json", inside / "escape" / "secret.json",
               inside / ".." / "private", Path("/etc/passwd"), "bad\x00name"]  # fmt: skip
    messages = set()
    for path in refused:
        with pytest.raises(PathRefused) as exc:
            check_readable_path(str(path))
        messages.add(str(exc.value))
    # one message for all: it does not tell which exists, nor name or show anything
    assert messages == {OUTSIDE_ROOTS}
    assert "secret" not in OUTSIDE_ROOTS and "s3cr3t" not in OUTSIDE_ROOTS and "ACTORGRAPH_DATA_ROOT" in OUTSIDE_ROOTS


def test_default_roots_are_the_bundled_data_and_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_DATA_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert under_roots(ROOT / "data" / "articles")
    assert under_roots(tmp_path / "articles")
    assert not under_roots(ROOT / "app.py") and not under_roots("/etc")


def test_app_path_box_refuses_outside_paths_and_shows_nothing_of_them(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    secret = tmp_path / "outside" / "keys.json"
    secret.parent.mkdir()
    secret.write_text(json.dumps([{"text": "TOPSECRET-7781 Germany condemned Iran.", "password": "hunter2"}]))
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "good.txt").write_text(GOOD)
    monkeypatch.setenv("ACTORGRAPH_DATA_ROOT", str(allowed))
    monkeypatch.setenv("ACTORGRAPH_STATEMENTS", str(ROOT / "tests" / "fixtures" / "app_statements.jsonl"))
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()

    def everything_shown() -> str:
        parts = [e.value for kind in ("markdown", "caption", "text", "error", "info", "warning")
                 for e in getattr(at, kind)]  # fmt: skip
        return "\n".join(map(str, parts))

    shown = []
    for path in (secret, secret.with_name("missing.json"), secret.parent):
        at.text_input(key="folder_input").input(str(path)).run()
        [b for b in at.button if b.label == "Add path"][0].click().run()
        assert not at.exception, at.exception
        assert [e.value for e in at.error] == [OUTSIDE_ROOTS.capitalize() + "."]
        text = everything_shown()
        assert "TOPSECRET" not in text and "hunter2" not in text and "keys" not in text and "password" not in text
        shown.append(text)
    assert shown[0] == shown[1] == shown[2]  # existing file, missing file, folder: the same page
    at.text_input(key="folder_input").input(str(allowed)).run()
    [b for b in at.button if b.label == "Add path"][0].click().run()
    assert not at.error and "allowed" in everything_shown()


# =========================================================================== security: the server


def _loopback(ip: str) -> bool:
    return ip.startswith("127.") or ip in ("::1", "::ffff:127.0.0.1") or ip.startswith("::ffff:127.")


def test_app_started_the_readme_way_listens_on_loopback_only_and_calls_nobody(tmp_path):
    import psutil
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ACTORGRAPH_STATEMENTS": str(ROOT / "tests" / "fixtures" / "app_statements.jsonl")}
    log = tmp_path / "streamlit.log"
    with open(log, "wb") as fh:  # the README's command; headless and a port only so the test can run it
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                 "--server.port", str(port)], cwd=ROOT, env=env, stdout=fh,
                                stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            assert proc.poll() is None, log.read_text()
            time.sleep(0.3)
        urllib.request.urlopen(f"http://localhost:{port}/", timeout=10).read()
        time.sleep(2)  # let any lookup at start-up happen
        conns = psutil.Process(proc.pid).net_connections(kind="inet")
        listening = [c for c in conns if c.status == psutil.CONN_LISTEN]
        assert listening and all(_loopback(c.laddr.ip) for c in listening), listening
        outbound = [c for c in conns if c.raddr and not _loopback(c.raddr.ip)]
        assert outbound == [], outbound  # no SYN, no UDP "connect" to a public address
        text = log.read_text()
        assert "external IP" not in text and "Network URL" not in text and "External URL" not in text, text
        assert f"localhost:{port}" in text
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=10)


def test_streamlit_config_binds_localhost_and_sends_no_statistics():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] in ("localhost", "127.0.0.1")
    assert config["browser"]["gatherUsageStats"] is False


# =========================================================================== security: CSV cells


RISKY = ["=HYPERLINK(\"http://x.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tlead", "\rlead",
         "'=already quoted", "''=twice", "'plain apostrophe", "plain"]  # fmt: skip


def test_defuse_marks_every_risky_cell_and_undefuse_gives_it_back():
    for cell in RISKY:
        out = defuse(cell)
        assert not out[:1] in ("=", "+", "-", "@", "\t", "\r")
        assert undefuse(out) == cell
    assert defuse(-1) == -1 and defuse(0.5) == 0.5  # numbers stay numbers


def test_statement_csv_is_defused_and_read_back_exactly(tmp_path):
    hostile = [stmt(quote=q, title=RISKY[i - 1], source="=cmd|' /C calc'!A0", start=i, end=i + len(q),
                    source_mention="@evil") for i, q in enumerate(RISKY, start=1)]  # fmt: skip
    path = tmp_path / "s.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv(hostile, fh)
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))[1:]
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) and not cell.startswith("-") or cell == "-1"
               for row in rows for cell in row)  # fmt: skip
    assert list(read_statements(path)) == hostile
    exact = tmp_path / "exact.csv"
    with exact.open("w", encoding="utf-8", newline="") as fh:
        write_csv(hostile, fh, exact=True)
    assert "\n=cmd" in exact.read_text() or ",=cmd" in exact.read_text()
    assert list(read_statements(exact, exact=True)) == hostile


def test_cli_csv_tables_are_defused_unless_exact(tmp_path):
    src = tmp_path / "s.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        write_jsonl([stmt(quote="=1+1 said Germany", source="@Germany")], fh)
    assert main(["export", "--from", str(src), "-o", str(tmp_path / "safe") + "/"]) == 0
    assert main(["export", "--from", str(src), "--csv-exact", "-o", str(tmp_path / "exact") + "/"]) == 0
    for name in ("statements.csv", "nodes.csv", "edges.csv"):
        safe = (tmp_path / "safe" / name).read_text()
        assert "'@Germany" in safe and ",@Germany" not in safe and "\n@Germany" not in safe
        assert "@Germany" in (tmp_path / "exact" / name).read_text()
        assert "'@Germany" not in (tmp_path / "exact" / name).read_text()
    back = list(read_statements(tmp_path / "safe" / "statements.csv"))
    assert [(s.source, s.quote) for s in back] == [("@Germany", "=1+1 said Germany")]


def test_app_download_of_statements_is_defused():
    df = graph.statements_frame([stmt(quote="=1+1 said Germany")])
    G = graph.build_graph(df)
    data = {e.file_name: e.data() for e in view.exports(G, G, df)}
    text = data["actorgraph_statements_view.csv"].decode()
    assert "'=1+1 said Germany" in text


# =========================================================================== security: URLs and names


def test_bare_urls_in_quotes_and_titles_are_not_links():
    # Streamlit's Markdown (GFM) turns "https://...", "www." and "a@b.c" into links even when
    # escaped; a word joiner breaks all three. The rendering is checked in test_browser_hostile.py.
    q = {"quote": "See https://evil.example/x and www.evil.example or mail@evil.example now.",
         "title": "Read http://evil.example/t first", "url": "https://news.example/a?b=1", "date": "2015-08-08",
         "relation": "condemns", "path": "a.txt"}  # fmt: skip
    quote, caption = view.quote_markdown(q), view.quote_caption(q)
    link = "](https://news.example/a?b=1)"
    assert caption.count(link) == 1
    for md in (quote, caption.replace(link, "]")):
        assert "://" not in md and "www." not in md and "mail@" not in md and "](" not in md, md
    assert "](" not in view.quote_caption(dict(q, url="javascript:alert(1)"))
    shown = quote.replace("\u2060", "").replace("\\", "")
    assert shown == "> " + q["quote"]  # once rendered, the reader sees the quote unchanged


def test_file_names_with_newlines_and_escapes_are_printed_escaped(tmp_path, capsys):
    bad = tmp_path / "evil\nactorgraph: all good\x1b[2J.json"
    bad.write_text("{not json")
    (tmp_path / "good.txt").write_text(GOOD)
    assert main(["extract", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "evil" in x]
    assert "\\n" in line and "\\x1b[2J" in line and "\x1b" not in err
    assert "all good" in line  # the forged line stays inside the one real line
    assert printable("a\u202eb\u200bc") == "a\\u202eb\\u200bc"


# =========================================================================== no input stops the run


def test_long_article_is_parsed_in_pieces_with_exact_offsets():
    from actorgraph.statements import build_pipeline, extract_statements

    paras = ["Germany condemned Iran on Monday.", "France supports Ukraine, the minister said.",
             "Russia backs Assad.", "Japan praised Australia for its help."]  # fmt: skip
    body = "\n\n".join(paras[i % 4] + " Nothing else was said." * (i % 3) for i in range(24))
    art = parse_text("Long read\n\n" + body, path="long.txt")
    nlp = build_pipeline()
    whole = list(extract_statements([art], nlp=nlp))
    old = nlp.max_length
    nlp.max_length = 300  # the real limit is 1,000,000: same code path, a small article
    try:
        done = []
        cut = list(extract_statements([art, parse_text(GOOD)], nlp=nlp, progress=lambda d, t: done.append((d, t))))
    finally:
        nlp.max_length = old
    assert done == [(1, 2), (2, 2)]  # progress counts articles, not pieces
    key = lambda s: (s.source, s.target, s.relation, s.quote, s.start, s.end, s.sentence_index, s.title, s.id)
    assert sorted(map(key, whole)) == sorted(key(s) for s in cut if s.article_id == art.id)
    assert all(art.text[s.start:s.end] == s.quote for s in cut if s.article_id == art.id)
    assert any(s.article_id != art.id for s in cut)  # the next article still goes through


def test_article_over_a_million_characters_is_cut_at_paragraphs():
    para = "Germany condemned Iran on Monday. " * 40
    text = "\n\n".join([para.strip()] * 800) + "\n\n" + "x" * 150_000  # 1.2M, and one paragraph too long
    art = parse_text("Huge\n\n" + text)
    assert len(art.text) > 1_000_000
    parts = list(pieces([art], 1_000_000))
    assert len(parts) > 1 and all(len(p.title) + len(p.text) + 2 <= PIECE for p in parts)
    assert all(art.text[p.offset:p.offset + len(p.text)] == p.text for p in parts)
    assert [p.last for p in parts] == [False] * (len(parts) - 1) + [True]
    assert sum(p.text.count("Germany") for p in parts) == art.text.count("Germany")  # no sentence cut
    assert all(p.text.startswith("Germany") or p.text.startswith("x") for p in parts)
    assert "".join(art.text[s:e] for s, e in spans(art.text, 5000)) == art.text


def test_fifo_socket_and_device_are_reported_and_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    try:
        run = subprocess.run([sys.executable, "-m", "actorgraph", "extract", str(tmp_path), "/dev/zero"],
                             capture_output=True, text=True, timeout=120)  # a hang fails here
    finally:
        sock.close()
    assert run.returncode == 1
    errors = one_line_errors(run.stderr)
    assert any("pipe.txt: a FIFO" in e for e in errors) and any("sock.txt: a socket" in e for e in errors)
    assert any("/dev/zero: a character device" in e for e in errors)
    assert "Germany" in run.stdout


BAD_LINES = {
    "bare number": "42",
    "list": '["Germany", "Iran"]',
    "non-string source": json.dumps(stmt().to_dict() | {"source": 7}),
    "null source": json.dumps(stmt().to_dict() | {"source": None}),
    "empty sign": json.dumps(stmt().to_dict() | {"sign": ""}),
    "sign 7": json.dumps(stmt().to_dict() | {"sign": 7}),
    "loves": json.dumps(stmt().to_dict() | {"relation": "loves"}),
    "wrong sign for relation": json.dumps(stmt().to_dict() | {"relation": "praises"}),
    "nan confidence": json.dumps(stmt().to_dict() | {"confidence": float("nan")}),
    "very deep": "[" * 200_000 + "]" * 200_000,
    "not json": "{source: Germany",
    "only invisible name": json.dumps(stmt().to_dict() | {"source": "\u200b\x07"}),
}


def test_export_from_reports_each_bad_line_and_keeps_the_rest(tmp_path, capsys):
    good = [stmt(), stmt(source="France", target="Ukraine", stance="supports", sign=1, relation="supports",
                         start=40, end=60)]  # fmt: skip
    lines = [json.dumps(good[0].to_dict())] + list(BAD_LINES.values()) + [json.dumps(good[1].to_dict())]
    src = tmp_path / "mixed.jsonl"
    data = "\n".join(lines).encode() + b"\n" + b'{"source": "Genf \xe8 bad"}\n' + b"\x00\x01\x02\n"
    src.write_bytes(data)
    out = tmp_path / "g.graphml"
    assert main(["export", "--from", str(src), "-o", str(out)]) == 1
    errors = one_line_errors(capsys.readouterr().err)
    numbers = sorted(int(e.split(", line ")[1].split(":")[0]) for e in errors)
    assert numbers == list(range(2, 2 + len(BAD_LINES))) + [len(lines) + 1, len(lines) + 2]
    assert all(str(src) in e for e in errors)
    assert any("not UTF-8" in e for e in errors) and any("unknown relation 'loves'" in e for e in errors)
    assert any("nested too deeply" in e for e in errors) and any("sign 7" in e for e in errors)
    G = nx.read_graphml(out)
    assert set(G.nodes) == {"Germany", "Iran", "France", "Ukraine"}


def test_statements_csv_with_a_stray_quote_and_a_nul_keeps_the_other_rows(tmp_path):
    rows = [stmt(start=i, end=i + 33) for i in range(5)]
    buf = io.StringIO()
    write_csv(rows, buf)
    lines = buf.getvalue().splitlines(keepends=True)
    lines[2] = lines[2].replace(",Germany condemned", ',"Germany condemned', 1)  # never closed
    path = tmp_path / "s.csv"
    path.write_text("".join(lines))
    errors: list[str] = []
    back = list(read_statements(path, errors))
    assert [s.start for s in back] == [0, 2, 3, 4]
    assert len(errors) == 1 and "line 3" in errors[0] and "not closed" in errors[0]


def test_article_tables_drop_only_their_bad_rows(tmp_path):
    (tmp_path / "nul.csv").write_text('title,text\nA,"Germany condemned Iran."\nB,Fr\x00ance backs Ukraine.\n'
                                      'C,"Japan praised Australia."\n')  # fmt: skip
    (tmp_path / "quote.csv").write_text('title,text\nD,"Russia backs Assad.\nE,Chile praised Peru.\nF,Spain backs Italy.\n')
    (tmp_path / "deep.jsonl").write_text('{"text": "Poland condemned Belarus."}\n' + "[" * 100_000 + "]" * 100_000
                                         + '\n{"text": {"body": "an object"}}\n{"text": "Norway praised Sweden."}\n')
    res = read_articles([tmp_path])
    texts = {a.text for a in res.articles}
    assert texts == {"Germany condemned Iran.", "Japan praised Australia.", "Chile praised Peru.",
                     "Spain backs Italy.", "Poland condemned Belarus.", "Norway praised Sweden."}  # fmt: skip
    reasons = sorted(str(e) for e in res.errors)
    assert len(reasons) == 4, reasons
    assert any("nul.csv: row 2: NUL byte" in r for r in reasons)
    assert any("quote.csv: line 2: a quote opened here is not closed" in r for r in reasons)
    assert any("deep.jsonl: line 2: nested too deeply" in r for r in reasons)
    assert any("deep.jsonl: line 3: a cell holds an object" in r for r in reasons)


def test_a_balanced_stray_quote_is_caught_but_real_paragraphs_are_not():
    swallowed = 'title,text\nA,"Russia backs Assad.\nB,Iran condemns Israel.\nC,Chile praised Peru."\nD,Spain backs Italy.\n'
    errors: list = []
    arts = read_bytes("swallow.csv", swallowed.encode(), errors=errors)
    assert [a.title for a in arts] == ["B", "C", "D"]
    assert [e.reason.split(";")[0] for e in errors] == ["line 2: a quote opened here is not closed and swallows lines 3-4"]
    paragraphs = 'title,text\nA,"First paragraph, with a comma.\n\nSecond paragraph, with one too."\nD,Spain backs Italy.\n'
    errors = []
    arts = read_bytes("paras.csv", paragraphs.encode(), errors=errors)
    assert not errors and arts[0].text == "First paragraph, with a comma.\n\nSecond paragraph, with one too."


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_text_is_decoded_as_such_with_a_warning(tmp_path, encoding):
    text = "Talks près de Genève\n\nLa Suisse a soutenu l’accord, déclare le ministre français à Genève.\n"
    if encoding == "latin-1":
        text = text.replace("’", "'")
    (tmp_path / "fr.txt").write_bytes(text.encode(encoding))
    res = read_articles([tmp_path / "fr.txt"])
    (art,) = res.articles
    assert art.title == "Talks près de Genève" and "déclare le ministre français à Genève" in art.text
    assert not res.errors
    assert all("fr.txt" in str(w) for w in res.warnings)


def test_html_over_the_size_limit_is_refused_alone(tmp_path, monkeypatch, capsys):
    (tmp_path / "big.html").write_bytes(b"<html><body><p>" + b"Germany condemned Iran. " * 250_000 + b"</p></body></html>")
    (tmp_path / "good.txt").write_text(GOOD)
    started = time.monotonic()
    res = read_articles([tmp_path])
    assert time.monotonic() - started < 5
    assert [a.path for a in res.articles] == [str(tmp_path / "good.txt")]
    (err,) = [str(e) for e in res.errors]
    assert "big.html: HTML of 6.0 MB is over the 5 MB limit" in err
    monkeypatch.setenv("ACTORGRAPH_MAX_HTML_MB", "0.001")
    with pytest.raises(ArticleError, match="over the 0.001 MB limit"):
        read_bytes("small.html", b"<html><body><p>" + b"Germany condemned Iran. " * 100 + b"</p></body></html>")


@pytest.mark.parametrize("argv", [["--date-from", "2015-13-45"], ["--date-to", "2015-02-30"],
                                  ["--min-confidence", "nan"], ["--min-confidence", "inf"]])
def test_impossible_filter_values_are_errors(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["export", "--from", "x.jsonl", *argv])
    assert stop.value.code == 2
    assert argv[1] in capsys.readouterr().err


# =========================================================================== nothing lost


def _articles(folder: Path, n: int) -> list[str]:
    sentences = ["Germany condemned Iran on Monday.", "France supports Ukraine.", "Japan praised Australia.",
                 "Chile criticised Peru.", "Spain backs Italy.", "Poland condemned Belarus."]  # fmt: skip
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Story {i}\n\n{sentences[i % len(sentences)]}\n")
    return sorted(str(p) for p in folder.iterdir())


def test_extract_checks_the_output_before_parsing(tmp_path, capsys, monkeypatch):
    import actorgraph.statements as statements

    monkeypatch.setattr(statements, "extract_statements", lambda *a, **k: pytest.fail("parsed before checking"))
    blocker = tmp_path / "file"
    blocker.write_text("")
    for target in (blocker / "out.jsonl", blocker / "out.parquet"):  # (a folder gets Parquet shards)
        assert main(["extract", str(ROOT / "data" / "articles"), "-o", str(target)]) == 2
        assert "actorgraph: " in capsys.readouterr().err
    assert not (blocker / "out.jsonl").exists()


def test_killed_run_leaves_no_whole_looking_file_and_resume_finishes_it(tmp_path, capsys, monkeypatch):
    import actorgraph.statements as statements

    folder = tmp_path / "in"
    _articles(folder, 5)
    out = tmp_path / "out.csv"
    assert main(["extract", str(folder), "--format", "csv", "-o", str(tmp_path / "fresh.csv")]) == 0
    real = statements.extract_statements
    parsed: list[str] = []

    def killed_after_two(articles, **kw):
        def progress(done, total):
            kw["progress"](done, total)
            if done == 2:
                raise KeyboardInterrupt  # as a kill between two articles
        parsed.extend(a.id for a in articles)
        return real(articles, **{**kw, "progress": progress})

    monkeypatch.setattr(statements, "extract_statements", killed_after_two)
    assert main(["extract", str(folder), "-o", str(out)]) == 130
    assert not out.exists()
    partial = Path(str(out) + ".partial").read_text().splitlines()
    assert sum('"actorgraph_done"' in x for x in partial) == 2
    Path(str(out) + ".partial").write_text("\n".join(partial) + '\n{"source": "Spain", "tar')  # cut mid-line
    parsed.clear()
    monkeypatch.setattr(statements, "extract_statements", lambda articles, **kw: parsed.extend(a.id for a in articles) or real(articles, **kw))
    assert main(["extract", str(folder), "-o", str(out), "--resume"]) == 0
    assert len(parsed) == 3  # the two finished articles were not parsed again
    assert out.read_text() == (tmp_path / "fresh.csv").read_text()
    assert not Path(str(out) + ".partial").exists()


def test_stream_writes_each_article_as_it_finishes(tmp_path, capsys, monkeypatch):
    import actorgraph.statements as statements

    folder = tmp_path / "in"
    _articles(folder, 3)
    assert main(["extract", str(folder)]) == 0
    whole = capsys.readouterr().out
    real = statements.extract_statements
    seen_at: list[int] = []

    def watched(articles, **kw):
        def progress(done, total):
            kw["progress"](done, total)
            seen_at.append(sys.stdout.getvalue().count("\n"))
        return real(articles, **{**kw, "progress": progress})

    monkeypatch.setattr(statements, "extract_statements", watched)
    assert main(["extract", str(folder), "--stream"]) == 0
    assert seen_at == [1, 2, 3]  # each article's line was out before the next article was parsed
    assert capsys.readouterr().out == whole


def test_names_differing_by_invisible_characters_are_one_actor(tmp_path):
    variants = ["Germany", "Ger\u200bmany", "Germany\x07", " Germany\u2060", "Ger\u00admany"]
    rows = [stmt(source=v, start=i, end=i + 33) for i, v in enumerate(variants)]
    assert {s.source for s in rows} == {"Germany"}
    src = tmp_path / "s.jsonl"
    src.write_text("".join(json.dumps(stmt().to_dict() | {"source": v, "start": i}) + "\n"
                           for i, v in enumerate(variants)))  # fmt: skip
    back = list(read_statements(src))
    assert {s.source for s in back} == {"Germany"} and len({s.id for s in back}) == len(variants)
    G = graph.build_graph(graph.statements_frame(back))
    assert set(G.nodes) == {"Germany", "Iran"}
    assert set(nx.read_graphml(io.BytesIO(graphml.to_graphml_bytes(G))).nodes) == {"Germany", "Iran"}
    assert {n["id"] for n in json.loads(node_link.to_json_bytes(G))["nodes"]} == {"Germany", "Iran"}
    gexf.write_gexf(G, tmp_path / "g.gexf")
    assert set(gexf.read_gexf(tmp_path / "g.gexf").nodes) == {"Germany", "Iran"}
    nodes = list(csv.DictReader(io.StringIO(tables.nodes_csv(G).decode())))
    assert {r["id"] for r in nodes} == {"Germany", "Iran"}


def test_a_very_long_actor_name_is_cut_in_the_drawing_not_in_the_card():
    name = "The Extremely Long Committee " * 200
    rows = [stmt(source=name.strip())]
    G = graph.build_graph(graph.statements_frame(rows))
    labels = {n["id"]: n["label"] for n in view.payload_items(view.network_payload(G))[0]}
    assert len(labels[name.strip()]) <= view.LABEL_MAX and labels[name.strip()].endswith("…")
    assert labels["Iran"] == "Iran"
    assert view.actor_card(G, name.strip())["name"] == name.strip()


# =========================================================================== properties (hypothesis)

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TABLE_CHARS = st.text(alphabet='",;\t\n\r{}[]:\\ab é\x00\u200btext title', max_size=300)
ANY_BYTES = st.one_of(st.binary(max_size=600), TABLE_CHARS.map(lambda t: t.encode("utf-8")),
                      TABLE_CHARS.map(lambda t: ("text,title\n" + t).encode("utf-8")),
                      TABLE_CHARS.map(lambda t: t.encode("utf-16")))  # fmt: skip


@FUZZ
@given(data=ANY_BYTES, fmt=st.sampled_from(["txt", "md", "csv", "json", "jsonl", "html"]))
def test_any_bytes_give_articles_or_one_line_errors(data, fmt):
    errors: list = []
    try:
        articles = read_bytes(f"fuzz.{fmt}", data, errors=errors)
    except ArticleError as e:
        assert "\n" not in str(e) and str(e)
        return
    assert articles and all(a.text.strip() for a in articles)
    assert all("\n" not in str(e) and str(e).startswith("fuzz.") for e in errors)


STATEMENT_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**20), st.floats(allow_nan=True),
                             st.text(max_size=12), st.lists(st.integers(), max_size=2),
                             st.sampled_from(["supports", "opposes", "condemns", "loves", "1", "-1", ""]))  # fmt: skip


@FUZZ
@given(lines=st.lists(st.one_of(
    st.builds(lambda d: json.dumps(stmt().to_dict() | d).encode(),
              st.dictionaries(st.sampled_from(list(stmt().to_dict())), STATEMENT_VALUES, max_size=3)),
    st.binary(max_size=80)), max_size=8), suffix=st.sampled_from([".jsonl", ".csv"]))
def test_any_statement_file_gives_statements_or_one_line_errors(lines, suffix, tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / f"s{suffix}"
    if suffix == ".csv":
        buf = io.StringIO()
        write_csv([stmt()], buf)
        path.write_bytes(buf.getvalue().encode() + b"\n".join(lines))
    else:
        path.write_bytes(b"\n".join(lines))
    errors: list[str] = []
    found = list(read_statements(path, errors))
    assert all(isinstance(s, Statement) and s.source and s.target for s in found)
    assert all("\n" not in e and e.startswith(str(path)) and ", line " in e for e in errors)
    if suffix == ".jsonl":  # every non-blank line is a statement or an error
        assert len(found) + len(errors) == sum(1 for x in b"\n".join(lines).split(b"\n") if x.strip(b" \t\r"))
