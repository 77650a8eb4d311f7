"""People: canonical names, aliases, roles from titles, pre-modifiers and appositions."""

from __future__ import annotations

import pytest

from storylens.analyze.attribution import find_attributions
from storylens.analyze.people import (
    PeopleIndex,
    appositive_roles,
    find_name_mentions,
    office_held,
    role_before,
    split_title,
)
from storylens.model import Person


def _names(text: str) -> set[str]:
    return {m.name for m in find_name_mentions(text)}


def _speaker_of(text: str, said: str) -> str | None:
    """The speaker's name of the text's first quote holding `said`."""
    quote = next(q for q in find_attributions(text).quotes if said in q.text)
    return quote.speaker.name if quote.speaker else None


def _person(people: list[Person], name: str) -> Person:
    found = [p for p in people if p.name == name]
    assert found, f"{name} not among {[p.name for p in people]}"
    return found[0]


def test_split_title() -> None:
    assert split_title("Vice President Kamala Harris") == ("Vice President", "Kamala Harris")
    assert split_title("Secretary of State Ana Lima") == ("Secretary of State", "Ana Lima")
    assert split_title("Ana Lima") == ("", "Ana Lima")
    assert split_title("Director of National Intelligence Dan Ruiz") == (
        "Director of National Intelligence",
        "Dan Ruiz",
    )
    assert split_title("Secretary of State Jo F. Park") == ("Secretary of State", "Jo F. Park")


def test_an_adverb_opening_a_sentence_is_no_part_of_a_name() -> None:
    names = [m.name for m in find_name_mentions("Sometimes Ruiz says too much. Often Ruiz won.")]
    assert names == ["Ruiz", "Ruiz"]


def test_roles_from_title_premodifier_and_apposition() -> None:
    text = (
        "Finance Minister Carla Mendes and central bank spokesperson Ivo Rocha met on Monday. "
        "Rocha, a former trader and longtime adviser to the bank, said rates would hold."
    )
    people = find_attributions(text).people
    mendes = _person(people, "Carla Mendes")
    assert "Finance Minister" in mendes.roles
    rocha = _person(people, "Ivo Rocha")
    assert "central bank spokesperson" in rocha.roles
    assert "former trader" in rocha.roles
    assert "longtime adviser to the bank" in rocha.roles
    assert "Rocha" in rocha.aliases


def test_surname_and_title_forms_join_the_full_name() -> None:
    text = (
        "President Elena Varga opened the summit. Varga said the talks would be hard. "
        "President Varga later left for Vienna."
    )
    varga = _person(find_attributions(text).people, "Elena Varga")
    assert {"Varga", "President Elena Varga", "President Varga"} <= set(varga.aliases)


def test_role_only_mention_becomes_an_alias() -> None:
    text = (
        "Prime Minister Olaf Lind arrived late. Reporters asked about the budget, and "
        "the prime minister said it was balanced."
    )
    lind = _person(find_attributions(text).people, "Olaf Lind")
    assert "the prime minister" in lind.aliases


def test_apposition_stops_at_participle() -> None:
    roles = appositive_roles(", a member of the committee formed after the flood, said", 0)
    assert roles == ["member of the committee"]


def test_an_age_before_the_role_is_no_part_of_it_and_a_place_is_no_role() -> None:
    assert appositive_roles(", a 71-year-old retired teacher, said", 0) == ["retired teacher"]
    assert appositive_roles(", a 41-year-old from Harlow said flatly", 0) == []


def test_a_resident_is_known_by_where_they_live() -> None:
    people = find_attributions("Dunmore Road resident Petra Lindqvist said she had complained.")
    assert _person(people.people, "Petra Lindqvist").roles == ["Dunmore Road resident"]


def test_places_and_organizations_are_not_people() -> None:
    text = (
        "Officials at the White House and the Supreme Court said on Monday that Camp David "
        "would host the talks, Senator Jo Park said."
    )
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert "Jo Park" in names
    for not_person in ("White House", "Supreme Court", "Camp David", "Monday", "Officials"):
        assert not_person not in names


def test_firms_and_public_bodies_are_not_people() -> None:
    text = (
        "Crews hosed down the Brannock Freight Co. depot on Sunday, said Deputy Fire Chief "
        "Anselm Truby of Greyhaven Fire Rescue. Workers at Pellamy Cold Storage were sent "
        "home, the Harbor Authority said."
    )
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert names == ["Anselm Truby"]
    # A firm named for its owner is not the owner's namesake.
    text = (
        "A fire destroyed a depot on Quay Road late Saturday, Fire Chief Ana Ruiz said.\n\n"
        "The fire at Harlow Freight Co. was reported at 9:40 p.m. on Saturday.\n\n"
        "Owner Tomas Harlow said the depot held about 4,000 pallets.\n\n"
        "Harlow said the depot had passed a fire inspection last week."
    )
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert "Harlow Freight Co" not in names
    assert "Tomas Harlow" in names


def test_index_lookup_by_surname_and_role() -> None:
    index = PeopleIndex()
    for m in find_name_mentions("Chief Justice Maya Ortiz spoke. Ortiz left."):
        index.add_mention(m)
    ortiz = index.lookup("Ortiz")
    assert ortiz is not None and ortiz.name == "Maya Ortiz"
    assert index.by_role("the chief justice") is ortiz


def test_run_together_initials_stay_in_the_name_and_the_sentence() -> None:
    from storylens.analyze.pipeline import analyze_article
    from storylens.model import Article

    text = "Former Governor Ann J.R. Okafor signed the order in 1992, her spokesman said."
    analysis = analyze_article(Article(id="x", text=text, source="x"))
    assert analysis.sentences == [(0, len(text))]
    assert "Ann J.R. Okafor" in [p.name for p in analysis.people]


def test_headline_name_stops_where_the_body_stops_naming() -> None:
    text = (
        "Okafor Eyes Harbor Seat, Sources Say\n\n"
        "Lena Okafor told reporters on Tuesday that the ferries come first."
    )
    names = [m.name for m in find_name_mentions(text)]
    assert names[0] == "Okafor"
    assert "Lena Okafor" in names


def test_a_name_never_runs_over_a_line_break() -> None:
    names = [m.name for m in find_name_mentions("Harbor Board\nLena Okafor spoke.")]
    assert "Lena Okafor" in names
    assert all("\n" not in n for n in names)


def test_names_with_letters_beyond_ascii_are_whole() -> None:
    text = (
        "The ferry deal was signed by Mayor François Lemaître of Calder. "
        "Łukasz Nowak, the harbor master, said the pier would reopen. "
        "Inés Peña told reporters the vote was close."
    )
    names = [p.name for p in find_attributions(text).people]
    assert "Łukasz Nowak" in names and "Inés Peña" in names
    assert not [n for n in names if n in ("Fran", "Lema", "In")]


def test_people_without_a_title_are_known_by_age_or_surname() -> None:
    text = (
        "Protests followed the death of unarmed 40-year-old African American Dorian Welles "
        "in Northeast Marlow on Friday. Ida Fenn, 52, lives nearby. Camille Ortega "
        "organized the vigil.\n\n"
        "Ortega told the crowd to stay calm. Marlow was quiet by midnight, and the Marlow "
        "Gazette printed Welles's photo. Northeast Marlow schools stayed closed."
    )
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    # An age before or after a name, and a surname used alone later, tell a person.
    assert "Dorian Welles" in names
    assert "Ida Fenn" in names
    assert "Camille Ortega" in names
    # A place met in full and by its last word is no person, nor is a word of origin.
    assert not any("Marlow" in n or "American" in n for n in names)


def test_a_lone_capitalized_run_is_no_person() -> None:
    text = "Harbor Lights opened on the pier. Lights were hung along the quay by Friday."
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert names == []


def test_laws_are_not_people() -> None:
    text = "The First Amendment protects the march, Senator Jo Park said. The Harbor Act passed."
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert names == ["Jo Park"]


def test_a_name_met_again_by_its_first_name_is_a_person() -> None:
    text = (
        "A jury convicted Dorian Welles of fraud on Monday. Prosecutors said the scheme ran "
        "for years, and Dorian told investigators he had kept the books."
    )
    names = [p.name for p in find_attributions(text).people if p.kind == "person"]
    assert "Dorian Welles" in names


def test_a_title_with_its_time_prefix_is_a_title() -> None:
    assert split_title("Then-speaker J. Dennis Hastert") == ("Then-speaker", "J. Dennis Hastert")
    assert split_title("ex-Governor Ann Ruiz") == ("ex-Governor", "Ann Ruiz")


def test_mr_surname_is_not_a_woman_of_that_surname() -> None:
    text = (
        "President Calloway spoke on Monday. Mr. Calloway said the talks went well. "
        "His aide is close to first lady Michelle Calloway."
    )
    people = find_attributions(text).people
    assert not any(p.name == "Michelle Calloway" and "President" in p.roles for p in people)
    [quote] = find_attributions(text).quotes
    assert quote.speaker is not None and quote.speaker.name != "Michelle Calloway"


def test_an_abbreviated_department_is_no_person() -> None:
    text = "The Justice Dept. said it followed the rules. The Justice Dept. obtained the records."
    assert not [p for p in find_attributions(text).people if p.kind == "person"]


def test_a_known_first_name_alone_is_the_person_named_in_full() -> None:
    text = (
        "During an interview with KCAL's Deborah Vance on Tuesday, the mayor was asked about"
        " the pier. On the evening show, Deborah added that the mayor declined to say more."
    )
    quote = next(q for q in find_attributions(text).quotes if "declined" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Deborah Vance"
    # "Mr. Paul" is a surname, whoever is named Paul in full.
    text = "Paul Miller, a lobbyist, spoke first. Mr. Paul, the senator, said the bill was dead."
    quote = next(q for q in find_attributions(text).quotes if "bill was dead" in q.text)
    assert quote.speaker is not None and quote.speaker.name != "Paul Miller"


def test_a_first_name_met_before_the_full_name_is_that_person() -> None:
    text = (
        "It has been a headache for the ferry captain and for his mother Deborah's campaign."
        "\n\nThe captain is the son of Deborah Vance, the mayor.\n\n"
        'Deborah went on to win the race. "We kept the ferry running," Deborah Vance said.'
    )
    result = find_attributions(text)
    names = [p.name for p in result.people]
    assert "Deborah" not in names
    assert "Deborah" in _person(result.people, "Deborah Vance").aliases
    # "Mr. Paul" is a surname: a Paul named in full later is someone else.
    index = PeopleIndex("Mr. Paul said the levy was dead. Paul Miller, a lobbyist, agreed.")
    [paul] = find_name_mentions("Mr. Paul")
    index.add_mention(paul, evidence=True)
    [miller] = find_name_mentions("Paul Miller")
    assert index.add_mention(miller, evidence=True).name == "Paul Miller"
    assert {p.name for p in index.people} == {"Paul", "Paul Miller"}


def test_a_surname_of_a_committee_or_country_is_the_person() -> None:
    text = (
        "Adam Schiff and Jerry Nadler met on Monday. Chairman Schiff of Intelligence and"
        " Nadler of Judiciary will lead. The Bureau of Labor Statistics said jobs grew."
    )
    names = _names(text)
    assert "Schiff of Intelligence" not in names and "Nadler of Judiciary" not in names
    assert "Schiff" in names
    assert "Bureau" not in names  # no one is named Bureau in full


def test_a_share_of_what_a_person_has_is_no_part_of_the_name() -> None:
    text = (
        "Part of Calloway's plan failed. One of Smollett's lawyers spoke. Members of Congress met."
    )
    names = _names(text)
    assert {"Calloway", "Smollett"} <= names
    assert not [n for n in names if " of " in n]


def test_a_title_before_a_surname_of_a_committee_makes_it_a_person() -> None:
    # Nobody is named Engel in full: the title alone tells "Engel of Foreign Affairs".
    names = _names("Chairman Engel of Foreign Affairs will lead.")
    assert names == {"Engel"}


def test_a_party_epithet_is_no_name_and_leaves_the_speaker_to_the_name() -> None:
    text = (
        "Senate Finance Committee Chairman Max Baucus, Montana Democrat, called the plan "
        'an "outrageous abuse." "This is a problem," said committee Chairman Dave Camp, '
        "R. Mich. The Ohio Republican said nothing."
    )
    names = _names(text)
    assert not names & {"Montana Democrat", "R. Mich", "Ohio Republican"}
    speakers = {
        q.speaker.name for q in find_attributions(text).quotes if q.speaker and q.speaker.name
    }
    assert {"Max Baucus", "Dave Camp"} <= speakers
    assert not speakers & {"Montana Democrat", "R. Mich"}


def test_an_office_acronym_before_a_first_name_is_a_title() -> None:
    assert split_title("DNI Joseph Maguire") == ("DNI", "Joseph Maguire")
    # An initial is part of the name.
    assert split_title("J. Russell George") == ("", "J. Russell George")


def test_openers_of_a_sentence_are_no_part_of_a_name() -> None:
    text = "Is Obama in trouble? However, Ruiz spoke. Sadly, Lee left. Like Dana Ortiz, he ran."
    names = _names(text)
    assert names == {"Obama", "Ruiz", "Lee", "Dana Ortiz"}


def test_a_name_in_the_possessive_before_an_apposed_role_is_not_the_speaker() -> None:
    text = (
        "J. Russell George, Treasury's inspector general for tax administration, told the "
        "committee his probe found no examples. A Treasury official, who discussed the "
        "matter on condition of anonymity, said the report was late."
    )
    assert _speaker_of(text, "no examples") == "J. Russell George"
    assert _speaker_of(text, "was late") != "Treasury"
    assert _speaker_of(text, "the matter") != "Treasury"


def test_she_is_never_a_man_named_with_a_listed_first_name() -> None:
    text = (
        "Sen. Dianne Feinstein met Deputy Attorney General Rod Rosenstein on Monday. "
        "Rosenstein told reporters the meeting went well. Later, she said it was useful."
    )
    assert _speaker_of(text, "useful") != "Rod Rosenstein"


def test_a_quantifier_or_party_opening_a_run_is_no_name() -> None:
    text = "Many Clinton supporters were angry. Senior Labour MP Wes Streeting spoke."
    names = _names(text)
    assert "Many Clinton" not in names and "Senior Labour" not in names
    assert "Wes Streeting" in names


def test_buildings_offices_and_firms_are_no_names() -> None:
    text = (
        "Trump Tower was quiet. The actions of the Trump Presidency were plain. Under the "
        "Justice Manual, LPL Financial analyst Jack Ablin and White House Counsel Pat "
        "Cipollone spoke."
    )
    names = _names(text)
    assert not names & {"Trump Tower", "Trump Presidency", "Manual", "LPL Financial"}
    assert {"Jack Ablin", "Pat Cipollone"} <= names
    names = _names("The Trump Team and the Biden Family spoke.")
    assert not names & {"Trump Team", "Biden Family"}


def test_the_epithet_given_in_apposition_names_the_person_later() -> None:
    text = (
        "Senate Finance Committee Chairman Max Baucus, Montana Democrat, called the practice "
        'an "outrageous abuse." "It is intolerable," the Montana Democrat said. A Democrat '
        "said it was bad."
    )
    assert _speaker_of(text, "intolerable") == "Max Baucus"
    # An indefinite description names someone the text does not name.
    assert _speaker_of(text, "bad") not in (None, "Max Baucus")


def test_a_hyphenated_participle_is_part_of_the_role() -> None:
    text = "Lois Lerner, the head of the Cincinnati-based IRS office that oversees it, said"
    assert appositive_roles(text, len("Lois Lerner")) == ["head of the Cincinnati-based IRS office"]


def test_one_role_with_and_in_it_stays_whole() -> None:
    text = "Holly Paz, the director of rulings and agreements in Washington, who made"
    assert appositive_roles(text, len("Holly Paz")) == [
        "director of rulings and agreements in Washington"
    ]


# The role written before a name: (text, the name's first word, the role).
ROLES_BEFORE = [
    # The verb before a role is no part of it.
    ("Trump asked Zelensky to investigate Democratic political rival Joe Biden.", "Joe",
     "Democratic political rival"),
    ("She wrote to former prosecutor Ann Lee.", "Ann", "former prosecutor"),
    ("Trump also offered to host Zelensky at the White House.", "Zelensky", ""),
    ("THE STEPS INVOLVED IN IMPEACHING DONALD TRUMP Nancy Pelosi spoke.", "Nancy", ""),
    # A capitalized name with "and" in it is one role.
    ("But after House Ways and Means Committee member Charles Boustany spoke, they left.",
     "Charles", "House Ways and Means Committee member"),
    ("'It is a threat to our security,' House Oversight and Reform chairman Elijah Cummings "
     "said.", "Elijah", "House Oversight and Reform chairman"),
    # A lowercase "and" between two roles still ends the phrase.
    ("Reporters and aides waited, and Republican lawmaker John Smith left.", "John",
     "Republican lawmaker"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "role"), ROLES_BEFORE)
def test_the_role_before_a_name(text: str, name: str, role: str) -> None:
    assert role_before(text, text.index(name)) == role


def test_the_tail_of_a_heading_in_capitals_is_no_title() -> None:
    text = "STEPS INVOLVED IN IMPEACHING DONALD TRUMP Nancy Pelosi announcing an inquiry."
    (mention,) = [m for m in find_name_mentions(text) if m.name == "Nancy Pelosi"]
    assert mention.roles == []
    assert "ONALD" not in {w for m in find_name_mentions(text) for w in m.surface.split()}
    # An office's acronym before a first name stays a title.
    text = "DNI Joseph Maguire will testify on Thursday."
    assert split_title("DNI Joseph Maguire") == ("DNI", "Joseph Maguire")
    assert [m.roles for m in find_name_mentions(text)] == [["DNI"]]


def test_headline_words_and_photo_credits_are_no_names() -> None:
    text = (
        "Dennis Brack/Landov Dennis Brack/Landov\n\n"
        "Related post: IRS's Tea Party Scrutiny Adds To Conservatives' Case Against Obama."
    )
    names = _names(text)
    assert "Landov Dennis Brack" not in names
    assert "Case Against Obama" not in names


def test_a_modal_after_a_surname_ends_a_headline_name() -> None:
    names = _names("Weber May Not Have Approved The Levy, But He Backed It.\n\nKarl Weber said no.")
    assert "Weber" in names and "Weber May" not in names
    assert "Theresa May" in _names("Prime Minister Theresa May spoke in Calder.")


@pytest.mark.parametrize(
    ("after_name", "office"),
    [
        (", who chairs the Linden County Board of Supervisors, said", "chair of the Linden County Board of Supervisors"),
        (", who owns a bakery near the bridge, said", "owner of a bakery"),
        (", who co-founded Harbor Watch in 2011, said", "co-founder of Harbor Watch"),
        # No office: a rival led in the polls, a day headed into, things owned.
        (", who leads Rubio comfortably in Florida, said", None),
        (", who heads into Wednesday looking for a win, said", None),
        (", who owns three guns, said", None),
    ],
)  # fmt: skip
def test_an_office_told_by_a_relative_clause_is_a_role(after_name: str, office: str | None) -> None:
    assert office_held(after_name, 0) == office


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The mayor said on Monday that the bridge would reopen.", "person"),
        ("The state attorney general said he would appeal the ruling.", "person"),
        ("The department said on Monday that the bridge would reopen.", "organization"),
    ],
)
def test_a_source_named_only_by_office_is_a_person(text: str, kind: str) -> None:
    (source,) = find_attributions(text).people
    assert source.kind == kind
