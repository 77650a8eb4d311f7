"""The README is tested: every command appears in it, its Python runs, and the
output it shows is what StoryLens prints."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from storylens.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_every_command_has_help_and_appears_in_the_readme() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert f"storylens {name}" in README, f"`storylens {name}` is not in the README"
        assert command.format_help().strip()


def test_the_two_setup_commands_are_make_demo_and_make_test() -> None:
    [block] = [b for b in _blocks("sh") if "make demo" in b]
    assert [line.split()[:2] for line in block.strip().splitlines()] == [
        ["make", "demo"],
        ["make", "test"],
    ]


def test_the_readme_tour_prints_what_the_readme_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["ingest", str(ROOT / "examples"), "--db", db]) == 0
    _, err = capsys.readouterr()
    [tour] = [b for b in _blocks("console") if "storylens stories" in b]
    assert (
        "read 13, new 13, duplicate 0, rejected 0" in tour
        and "read 13, new 13, duplicate 0, rejected 0" in err
    )
    assert main(["stories", "--db", db]) == 0
    out, _ = capsys.readouterr()
    shown = tour.split("$ storylens stories --db demo.db\n", 1)[1].strip()
    assert out.strip() == shown


def test_the_readme_show_excerpt_is_what_show_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["ingest", str(ROOT / "examples"), "--db", db, "-q"]) == 0
    [block] = [b for b in _blocks("console") if "$ storylens show" in b]
    command, excerpt = block.split("\n", 1)
    story = command.split()[3]
    capsys.readouterr()
    assert main(["show", story, "--db", db]) == 0
    out = capsys.readouterr().out
    # The README elides with "..."; every line it does show is printed as shown.
    shown = [line for line in excerpt.splitlines() if line.strip() not in ("", "...")]
    assert shown and [line for line in shown if line not in out] == []


def test_the_readme_python_runs(tmp_path: Path) -> None:
    [code] = _blocks("python")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "read 13, new 13" in result.stdout
    assert result.stdout.count("quotes told by several outlets") == 4
