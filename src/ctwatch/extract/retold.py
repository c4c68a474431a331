"""One incident told twice in a report: the lead tells it, a later sentence tells it again with more detail
("A Police jawan was killed after Maoist cadres ambushed a team of SF personnel in Bijapur District ... A group
of Maoists opened fire on jawans guarding the helipad"). Such a later telling joins the incident it retells
instead of opening a second one, unless the report marks it as another ("In another incident", "Separately")
or it differs in kind of attack, place or date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..geo import haversine_km
from ..model import Place
from .incident_places import PRECISION_RANK
from .lexicon import Hit, lexicon

if TYPE_CHECKING:
    from .incidents import Draft

NEAR_KM = 25.0  # two points this close are one scene ("Shahkas area" and "Charmari Road in Shahkas")
PARAGRAPHS = 1  # a retelling comes in the same paragraph or the next
OPENING = 30  # characters: "Meanwhile, in another incident" opens a sentence


def merge_retold(drafts: list[Draft], sentence_texts: list[str], genre: str | None) -> list[Draft]:
    """The drafts of a news report with each later telling of an incident merged into the first (in order).
    An op-ed or a report lists incidents; it does not tell one again."""
    if genre != "news":
        return drafts
    kept: list[Draft] = []
    for d in drafts:
        first = next((p for p in reversed(kept) if p.status == "reported"), None)
        if first is not None and retells(first, d, sentence_texts[d.sentences[0]]):
            _merge(first, d)
            continue
        kept.append(d)
    return kept


def retells(p: Draft, d: Draft, opening: str) -> bool:
    """Whether draft ``d``, whose first sentence is ``opening``, tells again the incident of draft ``p``."""
    if d.status != "reported" or d.paragraph - p.paragraph > PARAGRAPHS or d.apart:
        return False
    if opens_another(opening):
        return False
    if tells_outcome(d.triggers):  # what became of the victim, told later and dated when the body was found
        return not p.places or not d.places or same_scene(_best(p.places), _best(d.places))
    a, b = _kinds(p), _kinds(d)
    if a and b and not a & b and not _a_step_of(a, b):
        return False
    if p.date.start is not None and d.date.start is not None and p.date.start != d.date.start:
        return False
    return not p.places or not d.places or same_scene(_best(p.places), _best(d.places))


def _a_step_of(told: set[str], later: set[str]) -> bool:
    """Whether attacks of kinds ``later`` may be a step of an incident of kinds ``told`` (``[retelling]``: the
    beating of those a group abducted)."""
    steps = lexicon().steps_of
    return all(k in steps and steps[k] & told for k in later)


def tells_outcome(triggers: list[Hit]) -> bool:
    """Whether a telling's kinds of attack come only from words for what became of someone (``outcome``: "the
    bullet-riddled body of ... was found"), which tell the end of an incident told before."""
    told = [t for t in triggers if t.entry.specific]
    return bool(told) and all(t.entry.outcome for t in told)


def opens_another(sentence: str, follow_up: bool = False) -> bool:
    """Whether a sentence opens by telling of another incident: "In another incident", "Separately".
    ``follow_up``: of a sentence that tells of no incident itself, where "another" is only a determiner
    ("Another volunteer was injured": one more hit in the incident before)."""
    return any(
        h.start < OPENING and not (follow_up and h.text.lower() == "another")
        for h in lexicon().another.find(sentence.lstrip())
    )


def _best(places: list[Place]) -> Place:
    """The most precise of a draft's places (a district before the region a newspaper is named after)."""
    return max(places, key=lambda p: PRECISION_RANK.get(p.precision, 0))


def _kinds(d: Draft) -> set[str]:
    """The kinds of attack a draft's trigger words name ("killed" and "attacked" name none)."""
    return {t.entry.attack for t in d.triggers if t.entry.specific}


def same_scene(a: Place, b: Place) -> bool:
    """Whether two places can be where one incident happened: the same, one inside the other's province or
    country, or points within ``NEAR_KM``."""
    if a.country and b.country and a.country != b.country:
        return False
    if a.name and a.name == b.name:
        return True
    for wide, narrow in ((a, b), (b, a)):
        if wide.precision == "country" or (
            wide.precision == "admin1" and wide.admin1 is not None and wide.admin1 == narrow.admin1
        ):
            return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _merge(p: Draft, d: Draft) -> None:
    p.sentences += [i for i in d.sentences if i not in p.sentences]
    p.paragraph = d.paragraph  # a third telling may follow in the paragraph after this one
    p.triggers += d.triggers
    p.targets += d.targets
    if not p.places:
        p.places = d.places
    if p.killed.best is None:
        p.killed = d.killed
    if p.wounded.best is None:
        p.wounded = d.wounded
    if p.date.start is None and d.date.start is not None:
        p.date = d.date
    p.add_victims(d.victims)
    p.add_perpetrators(d.perpetrators)
    p.reasons.append(f"told again in sentence {d.sentences[0] + 1}")
    p.reasons += d.reasons


def referred(text: str, told: int) -> list[int] | None:
    """Which of the ``told`` incidents a sentence points back at by their place in the telling or their number
    (``[reference]`` in data/incidents.toml): "claimed the first two attacks" [0, 1], "both attacks" the last
    two, "the second blast" [1], "all the attacks" every one; None when it names none of them so."""
    lex = lexicon()
    m = lex.reference.search(text)
    if m is None:
        return None
    if m["ordinal"]:
        place = lex.ordinals[m["ordinal"].lower()]
        n = lex.counts[m["count"].lower()] if m["count"] else 1
        if n == 1:
            picked = [place - 1 if place > 0 else told + place]
        elif place in (1, -1):  # "the first two", "the last three"
            picked = list(range(n)) if place == 1 else list(range(told - n, told))
        else:
            return None
    elif m["both"]:
        picked = [told - 2, told - 1]
    else:
        n = lex.counts[m["all_count"].lower()] if m["all_count"] else told
        picked = list(range(told - n, told))
    return picked if picked and all(0 <= k < told for k in picked) else None
