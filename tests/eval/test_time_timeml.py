"""The TimeML reader and the TempEval-3 scorer on a hand-written document."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from storylens.errors import InputError
from storylens.eval.time import HELP, add_arguments, evaluate, run
from storylens.eval.timeml import read_corpus, read_tml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-06-09" functionInDocument="CREATION_TIME">06/09/21</TIMEX3></DCT>
<TITLE>Mill reopens</TITLE>
<TEXT>
The mill <EVENT eid="e1">reopened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-06-07">Monday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>. Owners met <TIMEX3 tid="t3" type="DATE" value="2021-W22">last week</TIMEX3> and
will vote on <TIMEX3 tid="t4" type="DATE" value="2021-07-01">July 1</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.tml").write_text(DOC, encoding="utf-8")
    return tmp_path


def test_reader_gives_plain_text_offsets_and_dct(corpus: Path) -> None:
    doc = read_tml(corpus / "a.tml")
    assert doc.doc_id == "TEST001"
    assert doc.dct == date(2021, 6, 9)
    assert [t.text for t in doc.timexes] == ["Monday", "three years", "last week", "July 1"]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "06/09/21" not in doc.text and "Mill reopens" not in doc.text
    assert doc.timexes[1].type == "DURATION" and doc.timexes[1].value == "P3Y"


def test_scores_on_a_known_document(corpus: Path) -> None:
    result = evaluate([corpus]).as_dict()
    assert result["gold"] == 4
    assert result["relaxed_matches"] == 4
    # "after three years" is a duration; find_times says P3Y; last week of 2021-06-09 is W22.
    assert result["value_matches"] == 4
    assert result["system"] == 4
    assert result["strict_f1"] == result["relaxed_f1"] == result["value_f1"] == 1.0
    assert result["type_accuracy"] == 1.0


def test_cli_face(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(corpus), "--format", "json"])) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 1 and "value_f1" in out
    assert "relaxed" in HELP and "value" in HELP


def test_not_timeml_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.tml"
    bad.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="no <TEXT>"):
        read_corpus([tmp_path])
    with pytest.raises(InputError, match="no such file"):
        read_corpus([tmp_path / "missing"])
