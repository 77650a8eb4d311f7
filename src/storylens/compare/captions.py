"""Photo captions, credits, link lines and appeals that page extraction leaves in a text.

Text taken from a web page often keeps what stood around the story: the caption under a
photo ("Protesters march past the courthouse in Denver, Colo., Wednesday, June 3, 2020.
(AP Photo/Jane Doe)"), the credit alone ("(County Sheriff's Office via AP)"), link lines
to other pages ("Full Coverage: Election 2020", "Related: ..."), and the outlet's
appeals to its reader ("Please consider making a contribution today"). None of them is a
statement of the story: a summary that picks one reads as broken, and a claim built on
one is not a fact any other outlet could state.

The conventions are the wire services' and news sites': a caption ends with the place and
the full date of the photo (weekday optional), or opens by pointing at the picture ("In
this photo ...", "This combination of photos ..."), or carries a photo credit; a link
line is a short label with a colon and no sentence after it; a video player's labels
("JUST WATCHED", "MUST WATCH", "CLOSE" before its blurb) mark its caption.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# "..., Calif., June 8, 2020." / "... on Wednesday, June 3, 2020." at the very end: body text
# names a recent day by its weekday or month and day; the full date with its year closing
# the sentence is how captions date the photo.
_ENDS_WITH_FULL_DATE = re.compile(
    rf",\s+(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d"
    # AP style may put the place after the date: "..., Oct. 2, 2019, in Dallas.", and
    # without the comma: "..., Tuesday, Sept. 24, 2019 in Washington."
    r"(?:,?\s+in\s+[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3})?\.?\s*$"
)
# Some captions print the date right after the place, without a comma: "... in
# Westerville, Ohio October 15, 2019." Body text puts a word before such a date ("on",
# "for"), never a place name.
_PLACE_THEN_FULL_DATE = re.compile(
    rf",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d\.?\s*$"
)
_ON_WEEKDAY = re.compile(rf"\b(?:on|since|until|from|by|before|after)\s+{_WEEKDAY}$", re.IGNORECASE)
_PICTURE = (
    r"(?:photos?|images?|pictures?|combination\s+of\s+photos|frame\s+grab|screen\s*(?:shot|grab)|"
    r"handout\s+(?:photo|image)|video\s+still|still\s+image|photo\s+illustration)"
)
# "In this photo ...", "FILE - In this June 2, 2020, file photo ...", "This image provided by
# ... shows": the sentence points at a picture. A statement about photos ("The photos were
# taken by a neighbor") neither opens with "In this" nor names who provided the picture.
_POINTS_AT_PICTURE = re.compile(
    rf"^(?:FILE\s*(?:PHOTO)?\s*[-–—:]+\s*)?(?:In\s+(?:this|these)\b.{{0,40}}?\b{_PICTURE}\b|"
    rf"(?:This|These)\s+(?:\w+\s+){{0,2}}?{_PICTURE}\s+(?:\w+\s+)?"
    r"(?:provided|released|distributed|obtained|taken|made\s+available|shows?|from)\b)",
)
# A photo credit, never the wire dateline "WASHINGTON (AP) --" that opens a story.
_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|UPI|Getty\s+Images)\s+Photos?\b[^)]*\)|"
    r"\(\s*(?:Photo|Image|Credit|Courtesy)\b[^)]*\)|"
    r"\([^()]{2,80}\bvia\s+(?:AP|AFP|Reuters|Getty(?:\s+Images)?)\s*\)|"
    r"\b(?:AP|AFP)\s+Photo\s*/|\b(?-i:REUTERS\s*/\s*[A-Z])|\bPhoto(?:graph(?:er)?)?\s*(?:credit)?\s*:|"
    # The credit after a bar, as some sites print it: "... calls for his job. | AP Photos".
    r"\s\|\s*(?:AP|AFP|Reuters|EPA|UPI|Getty(?:\s+Images)?)(?:\s+Photos?)?\b|"
    # (A wire's credit is in capitals: "Reuters/Ipsos poll" is a poll's name.)
    # A photographer's credit opening the caption: "Jane Doe/ANSA/AP Italian ...".
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}/(?:[A-Z]{2,}/)*"
    r"(?:AP|AFP|Reuters|EPA|Getty\s+Images|Bloomberg)\b",
    re.IGNORECASE,
)
_LINK_LINE = re.compile(
    r"^\(?\s*(?:Full\s+coverage|Related(?:\s+coverage|\s+stories?)?|Read\s+more|More|See\s+also|"
    r"Also\s+read|Watch|Listen|Recommended|Trending|Latest|Top\s+stories|Warning|Videos?|Story|"
    r"Photos?|Gallery)\s*:\s*\S",
    re.IGNORECASE,
)


# The outlet addressing its reader: appeals for money, sign-ups, apps.
_APPEAL = re.compile(
    r"\bplease consider (?:making )?a (?:contribution|donation|gift)\b|"
    r"\b(?:support|fund) (?:our|independent|local|quality) (?:journalism|reporting|newsroom)\b|"
    r"\bbecome a (?:member|subscriber|supporter|patron)\b|"
    r"\bsign up (?:for|to) (?:our|the) [\w -]{0,30}newsletters?\b|"
    r"\b(?:download|get) (?:our|the) (?:free )?app\b",
    re.IGNORECASE,
)


# A video player's labels and blurb printed with the text: "JUST WATCHED ... Replay More
# Videos ...", "MUST WATCH ... 01:58", "CLOSE Marine Le Pen thanked her supporters ...".
_VIDEO_PLAYER = re.compile(r"^(?:JUST WATCHED|MUST WATCH|CLOSE)\b|\bReplay More Videos\b")


def is_caption(text: str) -> bool:
    """Whether a sentence is a photo caption, a photo credit, a link line or an appeal to
    the reader rather than a statement of the story."""
    text = text.strip()
    if not text:
        return False
    if _CREDIT.search(text) or _POINTS_AT_PICTURE.match(text) or _APPEAL.search(text):
        return True
    if _VIDEO_PLAYER.search(text):
        return True
    if _LINK_LINE.match(text) and text.rstrip(")")[-1:] not in '.!?"”':
        return True
    if _PLACE_THEN_FULL_DATE.search(text):
        return True
    date = _ENDS_WITH_FULL_DATE.search(text)
    if date is None:
        return False
    # "... died on Saturday, June 6, 2020." is a sentence: the date after "on <weekday>,";
    # with the place after the date too (", in Dallas.") it is the wire's caption style.
    placed = re.search(r",?\s+in\s+[A-Z]", date.group(0)) is not None
    return placed or not _ON_WEEKDAY.search(text, 0, date.start())
