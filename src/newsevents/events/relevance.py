"""Is this political news? Sports and entertainment stories use the event vocabulary
("Kenya lift suspension", "England beat Wales", "agreed a new kit deal") with teams and
federations named after countries. A story whose words are mostly about sport or
entertainment keeps only events with a clearly political participant (a government,
military, rebel, police, legislature, court or intergovernmental actor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsevents.records import ActorMention, Event

SPORT_WORDS = frozenset(
    "match matches goal goals striker midfielder defender goalkeeper coach coaches league "
    "cup championship championships tournament season team teams squad player players "
    "scored score scoring final finals semi-final quarter-final medal medals olympic "
    "olympics race races marathon athlete athletes athletics tennis football soccer rugby "
    "cricket golf boxing fixture referee stadium wicket innings seed seeded title "
    "champion champions premiership fa uefa fifa club clubs sprinter sprint hurdles "
    "injury injured wimbledon test series batsman bowler captain manager transfer "
    "victory defeat draw points half-time kick-off tries game games playing played ball "
    "beat beating penalty penalties flanker winger fly-half scrum-half prop fitness kicking "
    "indoor capt doping prix round sport sports training knee hamstring scrum lineout "
    "sets slam seeded quarter-finals semi-finals podium metres lap laps sprinted "
    "stoppage equaliser equalizer header free-kick corner unbeaten".split())
ENTERTAINMENT_WORDS = frozenset(
    "film films movie movies album albums singer singers band bands actor actress actors "
    "box office oscar oscars grammy grammys chart charts concert concerts festival "
    "director starring hollywood show shows series novel author musical theatre song "
    "songs single singles comedy drama star stars celebrity award awards nominated "
    "nomination soundtrack studio box-office tv television sitcom episode premiere "
    "bafta emmy rapper pop rock gig tour music musician musicians artist artists composer "
    "dvd hits copies debut fans entertainment label auction recorded recording gallery "
    "painting exhibition ballet opera orchestra playwright screenplay sequel blockbuster "
    "cinema cinemas comedian".split())
POLITICAL_WORDS = frozenset(
    "government minister ministers president prime parliament election elections vote "
    "party parties policy military army troops war police rebels rebel protest protesters "
    "sanctions talks treaty diplomat diplomats embassy ambassador court law bill "
    "opposition campaign security attack attacks killed ceasefire summit un nato eu "
    "constitution referendum senate congress cabinet regime coup".split())
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "OPP", "LEG", "JUD", "SPY"})
_WORD = re.compile(r"[a-z][a-z\-]+")
_MARGIN = 2.0  # sport/entertainment words must outnumber political ones this many times
_MIN_WORDS = 8


def is_non_political(text: str) -> bool:
    """True when the story is about sport or entertainment rather than politics."""
    words = _WORD.findall(text.lower())
    leisure = sum(w in SPORT_WORDS or w in ENTERTAINMENT_WORDS for w in words)
    political = sum(w in POLITICAL_WORDS for w in words)
    return leisure >= _MIN_WORDS and leisure >= _MARGIN * max(political, 1)


# Participants a sport or entertainment story cannot vouch for: a city standing for its
# government ("Berlin hails ..." is the film festival), a pronoun, a place, an inferred target.
_UNVOUCHED_KINDS = frozenset({"implicit", "metonym", "location", "coreference"})


def _political(mention: ActorMention) -> bool:
    return ((mention.sector in POLITICAL_SECTORS or mention.country == "IGO")
            and mention.kind not in _UNVOUCHED_KINDS)


def keep_political(events: Iterable[Event]) -> list[Event]:
    """The events of a sport or entertainment story worth keeping: a named political
    participant, and a named recipient (one side alone praising, warning or helping in
    such a story is commentary, not an interaction between political actors)."""
    return [e for e in events
            if any(_political(m) for m in (*e.actor, *e.recipient))
            and any(r.kind not in _UNVOUCHED_KINDS for r in e.recipient)]
