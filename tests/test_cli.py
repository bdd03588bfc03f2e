"""The CLI's help is complete: every command and every option is described."""
from __future__ import annotations

import pytest

from actorgraph.cli import build_parser, main


def _help(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_lists_every_command(capsys):
    out = _help(["--help"], capsys)
    for command in ("extract", "export", "timeline"):
        assert command in out
    assert "examples:" in out and "streamlit run app.py" in out


@pytest.mark.parametrize("command", ["extract", "export", "timeline"])
def test_every_option_has_a_description(command, capsys):
    sub = build_parser()._subparsers._group_actions[0].choices[command]  # noqa: SLF001
    undocumented = [a.dest for a in sub._actions if not a.help]  # noqa: SLF001
    assert undocumented == []
    out = _help([command, "--help"], capsys)
    for action in sub._actions:  # noqa: SLF001
        for flag in action.option_strings:
            assert flag in out


def test_missing_input_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract"])
    assert stop.value.code == 2
    assert "PATH" in capsys.readouterr().err
