"""Transcript turns: guests' turns are their quotes, presenters' turns are narration."""

from __future__ import annotations

import pytest

from storylens.analyze.attribution import AttributionStep
from storylens.analyze.attribution_transcript import find_turns, spoken_name

BROADCAST = """Storm Leaves Harbor Town Without Power
This is a rush transcript. Copy may not be in its final form.

NORA QUILL: The storm reached Harbor Town on Tuesday night. Officials said 4,000 homes lost power.

DEV PATEL: We are joined by Maren Okafor, the town's emergency manager, and by Tomas Reyes, a fisherman. Maren Okafor, what happened?

MAREN OKAFOR: The sea wall held, but the wind took down the lines. Crews said they would need a week.

DEV PATEL: And the boats?

TOMAS REYES: We lost three boats. I think the town waited too long to warn us.

UNIDENTIFIED WOMAN: Get inside now!

NORA QUILL: Tomas Reyes, will you go back out this season?

TOMAS REYES: Not before spring.

MAREN OKAFOR: The harbor reopens on Monday.
"""


@pytest.fixture(scope="module")
def step() -> AttributionStep:
    s = AttributionStep()
    s.setup()
    return s


def _names(text: str) -> list[str]:
    return ["Maren Okafor", "Tomas Reyes"] if "Okafor" in text else []


def test_turns_of_a_broadcast_transcript() -> None:
    turns = find_turns(BROADCAST, _names(BROADCAST))
    assert [t.label for t in turns] == [
        "NORA QUILL",
        "DEV PATEL",
        "MAREN OKAFOR",
        "DEV PATEL",
        "TOMAS REYES",
        "UNIDENTIFIED WOMAN",
        "NORA QUILL",
        "TOMAS REYES",
        "MAREN OKAFOR",
    ]
    presenting = {t.label for t in turns if t.presenter}
    # The first speaker and the one who asks twice present; guests and a voice named by
    # role do not, even when a guest asks once.
    assert presenting == {"NORA QUILL", "DEV PATEL"}
    first = turns[0]
    assert BROADCAST[first.start : first.end].startswith("The storm reached")
    assert BROADCAST[first.label_start : first.label_end] == "NORA QUILL"


def test_guest_turns_are_direct_quotes_of_the_guest(step: AttributionStep) -> None:
    result = step.process(BROADCAST)
    turns = [q for q in result.quotes if q.kind == "direct" and q.cue is None]
    by = {q.text: q.speaker for q in turns}
    wall = next(t for t in by if t.startswith("The sea wall held"))
    assert by[wall] is not None and by[wall].name == "Maren Okafor"
    assert by["Not before spring."] is not None and by["Not before spring."].name == "Tomas Reyes"
    voice = by["Get inside now!"]
    assert voice is not None and voice.anonymous and voice.name == "Unidentified Woman"
    # The presenters' words are narration, not quotes of theirs.
    assert not any(q.text.startswith("The storm reached") for q in result.quotes)
    assert any(q.text.startswith("4,000 homes") for q in result.quotes)  # "Officials said"
    # A cue inside a guest's turn is part of what the guest said.
    assert not any(q.text.startswith("they would need a week") for q in result.quotes)
    assert "Maren Okafor" in {p.name for p in result.people}


def test_radio_labels_with_roles_and_surnames(step: AttributionStep) -> None:
    text = (
        "Budget Talks Resume\n"
        "Lawmakers return to the budget on Monday.\n\n"
        "ALMA FENWICK, HOST:\n\n"
        "Lawmakers are back today. Our correspondent Jonas Vell is here. Hi, Jonas.\n\n"
        "JONAS VELL, BYLINE: Good morning.\n\n"
        "FENWICK: What is different this time?\n\n"
        "VELL: Leaders agreed to a deadline of Friday.\n\n"
        "(SOUNDBITE OF ARCHIVED BROADCAST)\n\n"
        "RUTH OSEI: We will not sign a budget that cuts the clinics.\n\n"
        "FENWICK: That was Senator Ruth Osei. Will they meet the deadline?\n\n"
        "VELL: Probably not.\n\n"
        "RUTH OSEI: Not this week.\n"
    )
    turns = find_turns(text, ["Jonas Vell", "Ruth Osei"])
    labels = {(t.label, t.presenter) for t in turns}
    assert ("FENWICK", True) in labels and ("VELL", True) in labels
    assert ("ALMA FENWICK", True) in labels and ("RUTH OSEI", False) in labels
    quotes = [q for q in step.process(text).quotes if q.cue is None and q.kind == "direct"]
    assert {q.text for q in quotes} == {
        "We will not sign a budget that cuts the clinics.",
        "Not this week.",
    }
    assert {q.speaker.name for q in quotes if q.speaker} == {"Ruth Osei"}


def test_an_exchange_quoted_in_an_article_is_all_speech() -> None:
    text = (
        "Debate Turns Sharp\n"
        "The two candidates clashed over the port on Thursday night, and the moderator "
        "struggled to keep order as the crowd booed.\n\n"
        "Rivas opened by defending the port deal she signed last year with the shipping "
        "group, and Hale answered at once.\n\n"
        "The exchange that followed was the sharpest of the campaign.\n\n"
        "HALE: You sold the harbor. (APPLAUSE) RIVAS: I saved the harbor.\n\n"
        "HALE: Then why are the jobs gone?\n\n"
        "RIVAS: They are not gone.\n\n"
        "HALE: Name one.\n\n"
        "RIVAS: The dock crews.\n"
    )
    turns = find_turns(text, ["Lena Rivas", "Omar Hale"])
    assert [t.label for t in turns] == ["HALE", "RIVAS", "HALE", "RIVAS", "HALE", "RIVAS"]
    assert not any(t.presenter for t in turns)
    assert text[turns[0].start : turns[0].end] == "You sold the harbor. (APPLAUSE)"


def test_a_dialogue_needs_two_speakers_who_speak_twice() -> None:
    text = "Vote\n\nHALE: We won.\n\nRIVAS: We lost.\n\nSPECIAL COVERAGE: The count.\n"
    assert find_turns(text, ["Lena Rivas", "Omar Hale"]) == []


@pytest.mark.parametrize(
    "text",
    [
        # Section headings, each printed once, are no speakers.
        "Week Ahead\n\nSPECIAL COVERAGE: Budget talks.\n\nPOWER PLAY: Hale gains.\n\n"
        "PICK SIX: Six races to watch.\n\nUPDATE: The vote moved to Friday.\n",
        # Alternating labels that name no one.
        "Claims Checked\n\nMYTH: Taxes rose.\n\nFACT: Taxes fell.\n\nMYTH: Crime rose.\n\n"
        "FACT: Crime fell.\n",
        # Initials tell nobody's name.
        "Interview\n\nJB: How did it start?\n\nKL: With a grant.\n\nJB: And then?\n\n"
        "KL: A trial.\n",
    ],
)
def test_headings_and_initials_are_no_turns(text: str) -> None:
    assert find_turns(text, ["Omar Hale"]) == []


def test_spoken_name() -> None:
    assert spoken_name("BREE NEWSOME") == "Bree Newsome"
    assert spoken_name("JUAN GONZÁLEZ") == "Juan González"


def test_stage_directions_are_no_part_of_a_guests_words(step: AttributionStep) -> None:
    text = (
        "Debate Night\n"
        "NORA QUILL: Welcome to the debate with Omar Hale and Lena Rivas. Mr. Hale, your "
        "answer?\n\n"
        "OMAR HALE: You sold the harbor. (APPLAUSE)\n\n"
        "(CROSSTALK)\n\n"
        "NORA QUILL: Ms. Rivas, your reply? And be brief?\n\n"
        "LENA RIVAS: I saved the harbor.\n\n"
        "OMAR HALE: (LAUGHTER) Then why are the jobs gone?\n\n"
        "LENA RIVAS: They are not gone.\n"
    )
    turns = find_turns(text, ["Omar Hale", "Lena Rivas"])
    assert {t.label for t in turns if not t.presenter} == {"OMAR HALE", "LENA RIVAS"}
    said = {q.text for q in step.process(text).quotes if q.cue is None}
    assert "You sold the harbor." in said
    assert "Then why are the jobs gone?" in said
    assert not any("APPLAUSE" in t or "CROSSTALK" in t or "LAUGHTER" in t for t in said)


def test_an_unnamed_host_talking_with_one_named_guest() -> None:
    text = (
        "Harbor Talks\n"
        "This is a rush transcript.\n\n"
        "NORA QUILL: We are joined by Omar Hale, who runs the dock union. Why strike now?\n\n"
        "OMAR HALE: Because the port cut our hours.\n\n"
        "NORA QUILL: And the city?\n\n"
        "OMAR HALE: The city looked away.\n\n"
        "NORA QUILL: Omar Hale, thank you.\n"
    )
    turns = find_turns(text, ["Omar Hale"])
    assert [(t.label, t.presenter) for t in turns] == [
        ("NORA QUILL", True),
        ("OMAR HALE", False),
        ("NORA QUILL", True),
        ("OMAR HALE", False),
        ("NORA QUILL", True),
    ]
