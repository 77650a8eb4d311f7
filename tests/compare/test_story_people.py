"""People linked across the articles of a story."""

from __future__ import annotations

from storylens.compare.people import link_people, name_tokens
from storylens.model import Analysis, Article, Person, StoredArticle


def _item(key: int, article_id: str, people: list[Person]) -> tuple[StoredArticle, Analysis]:
    article = Article(id=article_id, text="text", source=article_id, outlet=f"outlet{key}")
    return StoredArticle(key, article), Analysis(article_id=article_id, people=people)


def _by_name(people: list[dict]) -> dict[str, dict]:
    return {p["name"]: p for p in people}


def test_same_person_in_two_articles_is_one_with_all_roles() -> None:
    items = [
        _item(1, "a", [Person("Maria Lopez", ["Lopez", "the minister"], ["Health Minister"])]),
        _item(2, "b", [Person("Maria Lopez", ["Lopez"], ["former surgeon"])]),
    ]
    people = link_people(items)
    assert len(people) == 1
    assert people[0]["name"] == "Maria Lopez"
    assert people[0]["roles"] == ["Health Minister", "former surgeon"]
    assert people[0]["article_ids"] == ["a", "b"]
    assert "the minister" in people[0]["aliases"]


def test_title_in_one_source_does_not_split_the_person() -> None:
    items = [
        _item(1, "a", [Person("Governor Tom Reyes", [], ["Governor"])]),
        _item(2, "b", [Person("Tom Reyes", [], [])]),
    ]
    assert [p["article_ids"] for p in link_people(items)] == [["a", "b"]]


def test_surname_only_joins_the_unique_full_name() -> None:
    items = [
        _item(1, "a", [Person("Maria Lopez", [], ["Health Minister"])]),
        _item(2, "b", [Person("Lopez", [], ["minister"])]),
    ]
    people = link_people(items)
    assert len(people) == 1
    assert people[0]["name"] == "Maria Lopez"
    # "minister" is what "Health Minister" says already.
    assert people[0]["roles"] == ["Health Minister"]


def test_different_first_names_are_different_people() -> None:
    items = [
        _item(1, "a", [Person("Joe Carter", [], ["senator"])]),
        _item(2, "b", [Person("Jill Carter", [], ["teacher"])]),
    ]
    assert sorted(p["name"] for p in link_people(items)) == ["Jill Carter", "Joe Carter"]


def test_ambiguous_surname_is_not_merged_into_either() -> None:
    items = [
        _item(1, "a", [Person("Joe Carter"), Person("Jill Carter")]),
        _item(2, "b", [Person("Carter")]),
    ]
    people = _by_name(link_people(items))
    assert set(people) == {"Joe Carter", "Jill Carter", "Carter"}
    assert people["Carter"]["article_ids"] == ["b"]


def test_organizations_and_anonymous_sources_keep_their_kind() -> None:
    items = [
        _item(1, "a", [Person("City Council", kind="organization")]),
        _item(2, "b", [Person("City Council", kind="organization")]),
        _item(3, "c", [Person("a source close to the mayor", kind="anonymous")]),
    ]
    people = _by_name(link_people(items))
    assert people["City Council"]["kind"] == "organization"
    assert people["City Council"]["article_ids"] == ["a", "b"]
    assert people["a source close to the mayor"]["kind"] == "anonymous"


def test_name_tokens_drop_titles_and_possessives() -> None:
    assert name_tokens("Vice President Maria Lopez's") == ["maria", "lopez"]
    assert name_tokens("Dr. Ann Okafor") == ["ann", "okafor"]


def test_surname_alone_joins_the_person_the_story_is_about() -> None:
    # Two people share the surname, but one is named by four articles and the other by
    # one: an article that only ever says "Okafor" means the story's Okafor.
    items = [
        _item(1, "a", [Person("Ann Okafor", [], ["Governor"])]),
        _item(2, "b", [Person("Ann Okafor")]),
        _item(3, "c", [Person("Ann Okafor"), Person("Ben Okafor", [], ["her brother"])]),
        _item(4, "d", [Person("Ann Okafor")]),
        _item(5, "e", [Person("Okafor")]),
    ]
    people = _by_name(link_people(items))
    assert set(people) == {"Ann Okafor", "Ben Okafor"}
    assert people["Ann Okafor"]["article_ids"] == ["a", "b", "c", "d", "e"]


def test_organization_label_on_a_person_name_is_corrected() -> None:
    items = [
        _item(1, "a", [Person("Ann Okafor", [], ["Governor"])]),
        _item(2, "b", [Person("Okafor", kind="organization")]),
    ]
    people = link_people(items)
    assert [(p["name"], p["kind"], p["article_ids"]) for p in people] == [
        ("Ann Okafor", "person", ["a", "b"])
    ]


def test_name_printed_twice_and_middle_initial_and_place_are_one_person() -> None:
    items = [
        _item(1, "a", [Person("Ann Okafor Ann Okafor")]),
        _item(2, "b", [Person("Ann J. Okafor")]),
        _item(3, "c", [Person("Ann Okafor of Ohio")]),
        _item(4, "d", [Person("Ann Okafor")]),
    ]
    people = link_people(items)
    assert len(people) == 1
    # Each form is printed once: the fullest wins, never the doubled one.
    assert people[0]["name"] == "Ann J. Okafor"


def test_descriptions_kept_as_sources_are_not_listed_as_people() -> None:
    items = [
        _item(1, "a", [Person("polls", kind="organization")]),
        _item(2, "b", [Person("33 percent of voters", kind="organization")]),
        _item(3, "c", [Person("the campaign", kind="organization")]),
        _item(4, "d", [Person("Bureau of Labor Statistics", kind="organization")]),
        _item(5, "e", [Person("the City Council", kind="organization")]),
    ]
    assert sorted(p["name"] for p in link_people(items)) == [
        "Bureau of Labor Statistics",
        "the City Council",
    ]


def test_roles_that_are_sentence_fragments_are_dropped() -> None:
    items = [
        _item(
            1,
            "a",
            [
                Person(
                    "Ann Okafor",
                    [],
                    [
                        "Governor",
                        "- campaign spokeswoman",
                        "Polls show likely nominee",
                        "landscape is presenting an ever harder balancing act for the party",
                    ],
                )
            ],
        )
    ]
    assert link_people(items)[0]["roles"] == ["Governor", "campaign spokeswoman"]


def _item_text(key: int, article_id: str, text: str, people: list[Person]):
    article = Article(id=article_id, text=text, source=article_id, outlet=f"outlet{key}")
    return StoredArticle(key, article), Analysis(article_id=article_id, people=people)


def test_kinds_the_name_finder_got_wrong_are_righted() -> None:
    items = [
        _item_text(
            1,
            "a",
            "The port authority met.",
            [Person("Ann Okafor"), Person("Calder Port Authority")],
        ),
        _item_text(
            2,
            "b",
            "Okafor spoke.",
            [
                Person("County Supervisor Ann Okafor", kind="organization"),
                Person("Inspectors", kind="organization"),
            ],
        ),
        _item_text(3, "c", "The inspectors left.", [Person("Dockworkers", kind="organization")]),
    ]
    people = {p["name"]: p for p in link_people(items)}
    # "Inspectors" is written in lower case elsewhere in the story: a common noun.
    assert set(people) == {"Ann Okafor", "Calder Port Authority", "Dockworkers"}
    assert people["Ann Okafor"]["article_ids"] == ["a", "b"]
    assert people["Calder Port Authority"]["kind"] == "organization"


def test_local_titles_are_not_part_of_the_name() -> None:
    assert name_tokens("Councilmember Tobias Ferrante") == ["tobias", "ferrante"]
    assert name_tokens("Republican Ann Okafor") == ["ann", "okafor"]
    assert name_tokens("Democratic Sen. Ann Okafor") == ["ann", "okafor"]
    assert name_tokens("County Commissioner Ann Okafor")[-2:] == ["ann", "okafor"]


def test_a_title_every_source_prints_becomes_a_role() -> None:
    items = [
        _item(1, "a", [Person("Councilmember Tobias Ferrante")]),
        _item(2, "b", [Person("Councilmember Tobias Ferrante"), Person("Ann Okafor of Ohio")]),
        _item(3, "c", [Person("Bureau of Calder Statistics")]),
    ]
    people = {p["name"]: p for p in link_people(items)}
    assert set(people) == {"Tobias Ferrante", "Ann Okafor", "Bureau of Calder Statistics"}
    assert people["Tobias Ferrante"]["roles"] == ["Councilmember"]
    assert people["Bureau of Calder Statistics"]["kind"] == "organization"


def test_words_before_an_inner_title_are_not_part_of_the_name() -> None:
    assert name_tokens("ET President Ann Okafor") == ["ann", "okafor"]
    assert name_tokens("Calder County Supervisor Ann Okafor") == ["ann", "okafor"]
    # Words that are also names are not cut at.
    assert name_tokens("Martin Luther King Jr.") == ["martin", "luther", "king"]


def test_short_first_names_are_the_same_person() -> None:
    items = [
        _item(1, "a", [Person("James Okafor", [], ["Defense Secretary"])]),
        _item(2, "b", [Person("Jim Okafor", [], ["world’s most"])]),
    ]
    people = link_people(items)
    assert [(p["name"], p["article_ids"], p["roles"]) for p in people] == [
        ("James Okafor", ["a", "b"], ["Defense Secretary"])
    ]
    # A short form of another name stays apart.
    assert len(link_people([items[0], _item(3, "c", [Person("Tom Okafor")])])) == 2


def test_capitalized_phrases_are_not_listed_as_people() -> None:
    items = [
        _item_text(
            1,
            "a",
            "The retired general spoke on defense. Okafor said so.",
            [Person("Retired Gen"), Person("Defense"), Person("Ann Okafor")],
        )
    ]
    assert [p["name"] for p in link_people(items)] == ["Ann Okafor"]


def test_a_speaker_taken_with_its_description_is_the_person_named() -> None:
    items = [
        _item(1, "a", [Person("Tobias Ferrante", [], ["Councilmember"])]),
        _item(
            2,
            "b",
            [
                Person(
                    "City Councilmember Tobias Ferrante, whose district includes the east bank",
                    kind="organization",
                )
            ],
        ),
    ]
    people = link_people(items)
    assert [(p["name"], p["article_ids"]) for p in people] == [("Tobias Ferrante", ["a", "b"])]
    assert "City Councilmember" in people[0]["roles"]


def test_roles_spelled_out_by_a_longer_role_or_naming_the_person_are_dropped() -> None:
    items = [
        _item(1, "a", [Person("Jr", ["Ann Okafor Jr"], ["Ann Okafor"])]),
        _item(
            2,
            "b",
            [
                Person(
                    "Ben Adeyemi",
                    [],
                    ["presidential candidate", "Democratic presidential candidate", "Senator"],
                )
            ],
        ),
    ]
    people = {p["name"]: p["roles"] for p in link_people(items)}
    # Only the suffix was taken for a name: the alias names the person.
    assert people == {
        "Ann Okafor Jr": [],
        "Ben Adeyemi": ["Democratic presidential candidate", "Senator"],
    }


def test_a_one_word_person_the_tagger_calls_a_group_is_an_organization() -> None:
    from storylens.model import Mention

    a = _item(
        1,
        "a",
        [
            Person("Ann Okafor"),
            Person("Calderans"),
            Person("Okafor"),
            Person("Port Calderans"),
            Person("Young Calderans"),
            Person("Calderans", kind="organization"),
        ],
    )
    a[1].entities.extend(
        [
            Mention("Calderans", 0, 9, "NORP"),
            Mention("Calderans", 20, 29, "NORP"),
            Mention("Okafor", 40, 46, "ORG"),  # a surname of someone named in full
            Mention("Port Calderans", 50, 64, "NORP"),
        ]
    )
    people = {p["name"]: p["kind"] for p in link_people([a])}
    assert people == {
        "Ann Okafor": "person",
        "Calderans": "organization",
        "Port Calderans": "organization",
        "Young Calderans": "organization",
    }


def test_spelling_and_middle_name_variants_are_one_person() -> None:
    items = [
        _item(1, "a", [Person("Mohammad Javad Okafor")]),
        _item(2, "b", [Person("Javad Okafor")]),
        _item(3, "c", [Person("Qassem Adeyemi")]),
        _item(4, "d", [Person("Qasem Adeyemi")]),
    ]
    people = {tuple(p["article_ids"]): p["name"] for p in link_people(items)}
    assert set(people) == {("a", "b"), ("c", "d")}
    assert people[("a", "b")] == "Mohammad Javad Okafor"
    assert people[("c", "d")] in {"Qassem Adeyemi", "Qasem Adeyemi"}


def test_a_crowd_is_not_a_person() -> None:
    items = [_item(1, "a", [Person("Thousands of Calderans"), Person("Ann Okafor")])]
    assert [p["name"] for p in link_people(items)] == ["Ann Okafor"]


def test_transliterated_first_names_and_initials() -> None:
    items = [
        _item(1, "a", [Person("Mohammad Javad Okafor")]),
        _item(2, "b", [Person("Mohammed Javad Okafor")]),
        _item(3, "c", [Person("Javad Okafor")]),
        _item(4, "d", [Person("George H. W. Adeyemi"), Person("George W. Adeyemi")]),
    ]
    groups = sorted(p["article_ids"] for p in link_people(items))
    assert groups == [["a", "b", "c"], ["d"], ["d"]]


def test_a_one_word_name_the_texts_write_with_the_is_no_person() -> None:
    text = "The Pentagon said on Monday that the Pentagon would send troops. Okafor agreed."
    items = [_item_text(1, "a", text, [Person("Pentagon"), Person("Ann Okafor"), Person("Okafor")])]
    people = {p["name"]: p["kind"] for p in link_people(items)}
    assert people == {"Ann Okafor": "person", "Pentagon": "organization"}


def test_an_empty_name_or_a_party_adjective_is_left_out() -> None:
    items = [
        _item(1, "a", [Person("", [], [], "organization"), Person("Maria Lopez", [], [])]),
        _item(2, "b", [Person("Democratic", [], [], "person"), Person("Lopez", [], [])]),
    ]
    people = link_people(items)
    assert [p["name"] for p in people] == ["Maria Lopez"]


def test_a_photo_label_run_into_a_role_is_no_part_of_it() -> None:
    items = [
        _item(1, "a", [Person("Maria Lopez", [], ["File Photo Senator", "AP Photo/Jon Ode"])]),
        _item(2, "b", [Person("Maria Lopez", [], ["Senator"])]),
    ]
    assert link_people(items)[0]["roles"] == ["Senator"]
    # After the photographer's credit, or the end of an agency's name.
    items = [
        _item(1, "a", [Person("Maria Lopez", [], ["REUTERS/Jon Ode/File Photo party's lawyer"])]),
        _item(2, "b", [Person("Maria Lopez", [], ["Images US Senator"])]),
    ]
    assert link_people(items)[0]["roles"] == ["party's lawyer", "US Senator"]


def test_a_weekday_run_into_a_name_is_no_part_of_its_key() -> None:
    from storylens.compare.mentions import entity_key

    assert entity_key("Marine Le Pen Sunday") == entity_key("Le Pen") == "pen"
    assert entity_key("Sunday") == "sunday"  # nothing else to key it by


def test_a_weekday_run_into_a_name_does_not_make_a_second_person() -> None:
    items = [
        _item(1, "a", [Person("Marine Lopez Sunday", [], ["defeated far-right candidate"])]),
        _item(2, "b", [Person("Marine Lopez", ["Lopez"], [])]),
    ]
    [person] = link_people(items)
    assert person["name"] == "Marine Lopez"
    assert person["roles"] == []  # "defeated ..." is a clause the role finder caught


def test_a_generational_suffix_is_no_surname() -> None:
    from storylens.compare.mentions import entity_key

    assert entity_key("Sen. Tom Avery III") == entity_key("Avery") == "avery"
    assert entity_key("Paul Greer Jr.") == "greer"


def test_a_first_name_spelled_with_a_letter_more_is_one_person_a_changed_letter_is_not() -> None:
    items = [
        _item(1, "a", [Person("Dzhokhar Varnev", ["Varnev"], []), Person("Maria Lund", [], [])]),
        _item(2, "b", [Person("Dzhokar Varnev", ["Varnev"], []), Person("Mario Lund", [], [])]),
    ]
    names = [p["name"] for p in link_people(items)]
    assert len([n for n in names if n.endswith("Varnev")]) == 1
    assert {"Maria Lund", "Mario Lund"} <= set(names)


def test_a_plural_title_before_a_list_of_names_is_no_part_of_the_first_name() -> None:
    items = [
        _item(1, "a", [Person("Senators Ada Lind", [], [])]),
        _item(2, "b", [Person("Ada Lind", ["Lind"], ["Senator"])]),
    ]
    assert [p["name"] for p in link_people(items)] == ["Ada Lind"]


def test_named_people_come_before_organizations_and_anonymous_sources() -> None:
    anonymous = Person("a source familiar with the talks", kind="anonymous")
    agency = Person("The Harbor Authority", kind="organization")
    items = [
        _item(1, "a", [anonymous, agency, Person("Maria Lopez")]),
        _item(2, "b", [anonymous, agency]),
        _item(3, "c", [anonymous, agency]),
    ]
    kinds = [p["kind"] for p in link_people(items)]
    assert kinds == ["person", "organization", "anonymous"]


def test_one_surname_spelled_two_ways_after_one_first_name_is_one_person() -> None:
    items = [
        _item(1, "a", [Person("Volodar Zelensky", [], ["President"])]),
        _item(2, "b", [Person("Volodar Zelenskiy", [], [])]),
        _item(3, "c", [Person("Mark Smyth", [], [])]),
        _item(4, "d", [Person("Mark Smith", [], [])]),
    ]
    people = link_people(items)
    assert [p["article_ids"] for p in people if p["name"].startswith("Volodar")] == [["a", "b"]]
    # A letter changed inside is another name.
    assert sorted(p["name"] for p in people if p["name"].startswith("Mark")) == [
        "Mark Smith",
        "Mark Smyth",
    ]


def test_a_role_of_an_office_and_its_body_is_kept_but_a_sentence_is_not() -> None:
    from storylens.compare.people import clean_role

    role = "chair of the Linden County Board of Supervisors"
    assert clean_role(role) == role
    assert clean_role("the mayor said the harbor board would meet") is None
