"""Photo captions, credits and link lines are told from the story's statements."""

import pytest

from storylens.compare.captions import is_caption


@pytest.mark.parametrize(
    "text",
    [
        "Marchers cross the Elm Street bridge in Fairhaven, Ore., Tuesday, May 4, 2021.",
        "A banner at a rally outside city hall in Dunmore, Pa., March 9, 2019.",
        "Jurors leave the courthouse on Wednesday, Oct. 2, 2019, in Fairhaven.",
        "Marchers pass the depot, Tuesday, May 4, 2021, in Port Calder, Ore.",
        "In this photo released by the fire district, crews spray the roof of the depot.",
        "FILE - In this Jan. 5, 2018, file photo, the ferry docks at Port Calder.",
        "This combination of photos provided by the county jail shows the four men.",
        "This image taken from video shows the flooded underpass.",
        "(Calder County Sheriff's Office via AP)",
        "Crews work on the line near Ashby. (AP Photo/Jane Roe)",
        "Full Coverage: Harbor Strike",
        "Related: How the port vote unfolded",
        "Please consider making a contribution to the Calder Courier today.",
        "Sign up for our morning newsletter to get the day's harbor news.",
        "Readers like you support our journalism.",
        "Marchers cross the Elm Street bridge in Fairhaven, Oregon May 4, 2021.",
        "Photographer: Jane Roe/Calder Ledger",
        "JUST WATCHED Mayor: We will rebuild the pier Replay More Videos ...",
        "MUST WATCH Mayor: We will rebuild the pier 01:58",
        "CLOSE The mayor of Calder thanked the crews after the pier reopened.",
        "Jane Roe/CPX/AP Harbor workers leave the depot after the vote, Sept. 27.",
        "Warning: Graphic video footage of the pier collapse:",
        "Video: The ferry leaves Port Calder",
        "( PHOTOS: Calder celebrates the reopened pier)",
        "The mayor has called for the audit before. | AP Photo Mayor: Audit the port",
        "Crews clear the pier on Monday. | Getty Images",
        "STORY:Second port official resigns after audit",
        "Rep. Ada Brink smiles as the council arrives for a vote, Tuesday, Sept. 24, 2019 in "
        "Calder.",
    ],
)
def test_captions_credits_and_link_lines_are_recognized(text: str) -> None:
    assert is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "ASHBY, Ore. (AP) — The mayor of Ashby said Tuesday the bridge would reopen.",
        "The photos were taken by a neighbor who heard the crash.",
        "The council approved the plan on Monday, and the work begins in June.",
        "The mill closed on Saturday, June 6, 2020.",
        "The trial opens Oct. 2, 2019, in Fairhaven.",
        "The company was founded on March 3, 1998.",
        "She was born in Fairhaven, Oregon on May 4, 1961.",
        "The vote was set for October 15, 2019.",
        "Close to 200 people watched the pier reopen.",
        "More than 200 people were evacuated.",
        "Related charges were filed against two other men.",
        "The union asked members to support the strike fund.",
        "The mayor urged residents to download the city's alert app.",
        "Warnings were issued for the coast.",
        "Video showed the ferry leaving Port Calder.",
        "The vote split the board 4 | 3, an AP count showed.",
        "Story time drew 40 children to the library.",
        "Brink leads Lind by 5 points, according to a Reuters/Ipsos poll released Tuesday.",
        "",
    ],
)
def test_statements_are_not_captions(text: str) -> None:
    assert not is_caption(text)
