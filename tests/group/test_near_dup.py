"""Copy detection: syndicated copies are found, different reports are not."""

from __future__ import annotations

import random

import pytest

from storylens.eval.stories import make_copy, score_copies, synthetic_copy_set
from storylens.group.near_dup import NearDupConfig, NearDuplicateIndex, shingles

REPORT = (
    "The town council of Brackenford voted seven to two on Wednesday to close the old "
    "Saltmarsh library at the end of the year. Councillor Ida Penhallow said the building "
    "needed repairs that the town could not afford. Readers packed the public gallery and "
    "several of them asked the council to look for a charity that could run the library "
    "instead. The mayor, Tobias Quell, promised a review of the book collection before "
    "any of it is sold. The library opened in 1911 and lends about forty thousand books "
    "a year, according to figures published by the council last spring. A petition to "
    "keep it open has gathered more than three thousand signatures in a week. The "
    "council will meet again next month to decide what happens to the building itself."
)
OTHER_REPORT = (
    "Fishermen in the harbour of Lowen Cove landed a record catch of mackerel on Friday, "
    "the harbour master said. Prices at the morning auction fell by a quarter as buyers "
    "from three counties competed for the fish. Skipper Morwenna Trask said the shoals "
    "had come closer to the shore than in any season she could remember. Scientists at "
    "the marine station warned that warm water had pushed the fish north earlier than "
    "usual and that the catch could drop sharply next year. The co-operative plans to "
    "freeze part of the landing to keep prices from collapsing further next week."
)


def trimmed_copy(text: str) -> str:
    sentences = text.split(". ")
    kept = ". ".join(sentences[: len(sentences) * 2 // 3 + 1])
    return "ADVERTISEMENT\n\n" + kept + ".\n\nCopyright 2024. All rights reserved."


def test_a_trimmed_copy_with_boilerplate_points_at_its_original() -> None:
    index = NearDuplicateIndex()
    assert index.add(1, REPORT) is None
    assert index.add(2, OTHER_REPORT) is None
    assert index.add(3, trimmed_copy(REPORT)) == 1
    assert index.original_of(3) == 1
    assert index.original_of(2) is None


def test_a_copy_of_a_copy_points_at_the_first_version() -> None:
    index = NearDuplicateIndex()
    index.add(10, REPORT)
    assert index.add(11, REPORT.replace("Wednesday", "Wednesday evening")) == 10
    assert index.add(12, trimmed_copy(REPORT.replace("Wednesday", "Wednesday evening"))) == 10


def test_same_event_in_other_words_is_not_a_copy() -> None:
    rewritten = (
        "Brackenford's Saltmarsh library will shut its doors in December after councillors "
        "backed the closure by seven votes to two. Ida Penhallow, a councillor, blamed the "
        "cost of repairing the 1911 building. Mayor Tobias Quell said the books would be "
        "reviewed before anything was sold, while campaigners pointed to a petition signed "
        "by three thousand people and urged the town to hand the library to a charity."
    )
    index = NearDuplicateIndex()
    index.add(1, REPORT)
    assert index.add(2, rewritten) is None


def test_short_texts_are_never_called_copies() -> None:
    index = NearDuplicateIndex()
    index.add(1, "Markets closed higher on Monday.")
    assert index.add(2, "Markets closed higher on Monday.") is None


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The Cat, sat; on the mat!") == shingles("the cat sat on THE MAT")
    assert shingles("one two") == {"one two"}


def test_datasketch_backend_makes_the_same_decisions() -> None:
    texts = [REPORT, OTHER_REPORT, trimmed_copy(REPORT), trimmed_copy(OTHER_REPORT)]
    decisions = []
    for backend in ("rensa", "datasketch"):
        index = NearDuplicateIndex(NearDupConfig(backend=backend))
        decisions.append([index.add(i, t) for i, t in enumerate(texts)])
    assert decisions[0] == decisions[1] == [None, None, 0, 1]


def test_synthetic_copies_of_invented_articles_are_all_found() -> None:
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(3000)]
    records = []
    for _ in range(40):
        sentences = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 20))).capitalize() + "."
            for _ in range(rng.randint(8, 14))
        ]
        records.append(("Headline", " ".join(sentences), None))
    cases = synthetic_copy_set(records, copies=30, seed=2)
    assert sum(c.is_copy for c in cases) == 30
    scores = score_copies(cases)
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95


def test_make_copy_trims_by_at_most_a_third_and_is_deterministic() -> None:
    text = " ".join(f"Sentence number {i} tells something new." for i in range(30))
    first = make_copy("Title", text, None, random.Random(1))
    again = make_copy("Title", text, None, random.Random(1))
    assert first == again
    assert first[0] != "Title"
    kept = sum(f"number {i} " in first[1] for i in range(30))
    assert 20 <= kept <= 30


@pytest.mark.shared
def test_copy_detection_on_a_small_abp_sample(abp_records: list) -> None:
    cases = synthetic_copy_set(abp_records, copies=150, seed=0)
    scores = score_copies(cases)
    assert scores["copies"] >= 140
    assert scores["precision"] >= 0.95
    assert scores["recall"] >= 0.95
