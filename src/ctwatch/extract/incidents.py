"""Incidents in the GTD codebook, several per document, each linked to its evidence sentences.

How it decides, sentence by sentence (every rule's words live in ``data/incidents.toml``):
1. A sentence holds an incident when it has an attack trigger outside a generic phrase ("war on terror");
   a general trigger ("attack", "killing") also needs a target, a place or a casualty figure.
2. A trigger that refers back ("the attack", "the blast") or a sentence that adds nothing new (no new
   place, target or date) joins the incident before it; its facts fill what that incident lacks.
3. Types come from the trigger (attack, weapon) and the target words; casualties from ``counts``; places
   from the geocoder, never from a country used as a modifier ("Pakistan embassy"); the date from the
   text or the publication date, else unknown; perpetrators from the actor registry with how they are
   known (claimed, stated, suspected, denied).
4. Status: ``historical`` for named past events (9/11) and dates long before publication,
   ``hypothetical`` under a modal or a plan ("will attack", "plot"), else ``reported``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import dates, geo
from ..actors import registry
from ..model import (
    Count,
    Document,
    Filler,
    Incident,
    Mention,
    Perpetrator,
    Place,
    Span,
    Victim,
    When,
    content_hash,
)
from ..nlp import parse
from . import event_words, perpetrators
from .counts import UNITS, VAGUE, casualties, raised_toll
from .incident_places import (
    PLACE_LABELS,
    PRECISION_RANK,
    _city_of,
    _dateline_place,
    _places,
    _token_at,
    dateline_region,
    place_context,
)
from .lexicon import Hit, lexicon
from .retold import merge_retold, opens_another, referred, tells_outcome
from .target_owners import as_made_of, as_owner_s, helper_of
from .victims import DIE, acting, blamed, is_hit, named_hit, people_hit

DENIAL_VERBS = {"denied", "denies", "deny", "rejected", "dismissed", "refuted"}
MODALS = {"will", "would", "could", "may", "might", "shall", "can"}
RESPONSIBILITY = re.compile(
    r"\b(claim(?:ed|s)? (?:of )?responsibility|responsibility for|claimed the (?:attack|bombing|blast|killing)|denied (?:any )?(?:involvement|responsibility|role))\b",
    re.I,
)


# how firmly a perpetrator is tied to the attack: a claim over a statement over a suspicion ("denied" stays as read)
_FIRMNESS = {"suspected": 1, "stated": 2, "claimed": 3}


@dataclass
class Draft:
    """An incident being assembled from one or more sentences."""

    sentences: list[int]
    paragraph: int
    triggers: list[Hit]
    targets: list[Hit] = field(default_factory=list)
    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    places: list[Place] = field(default_factory=list)
    date: When = field(default_factory=When)
    perpetrators: list[Perpetrator] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    status: str = "reported"
    modality: str = "asserted"
    reasons: list[str] = field(default_factory=list)
    apart: bool = False  # one of the incidents a roundup sums up: no telling again of another

    def add_victims(self, victims: list[Victim]) -> None:
        """Add the people hit not already named (the same words, any case)."""
        known = {v.text.lower() for v in self.victims}
        for v in victims:
            if v.text.lower() not in known:
                known.add(v.text.lower())
                self.victims.append(v)

    def add_perpetrators(self, found: list[Perpetrator]) -> None:
        """Add the perpetrators not already named (the same actor and name); one named again with a firmer
        tie keeps that ("The government blamed the ELN, which later claimed the attack": claimed)."""
        for p in found:
            same = next(
                (k for k, q in enumerate(self.perpetrators) if p.actor_id == q.actor_id and p.name == q.name),
                None,
            )
            if same is None:
                self.perpetrators.append(p)
            elif _FIRMNESS.get(p.attribution, 0) > _FIRMNESS.get(self.perpetrators[same].attribution, 0):
                self.perpetrators[same] = p


@dataclass(frozen=True)
class Reading:
    """What one sentence holds, computed once and shared by every rule that looks at it."""

    index: int
    sent: Span
    mentions: list[Mention]
    killed: Count
    wounded: Count
    target_hits: list[Hit]  # every target word, before telling targets from sources and names
    trigger_hits: list[Hit]  # every trigger word, generic phrases included
    places: list[Place]


class IncidentExtractor:
    """Stage: fills ``Document.incidents``."""

    name: str = "incidents"
    requires: tuple[str, ...] = ("text", "sentences", "mentions", "genre")
    assigns: tuple[str, ...] = ("incidents",)

    def __init__(self) -> None:
        self.sources = geo.SourcePlaces()  # what each news source's documents name: its home (geo.py)

    def setup(self) -> None:
        lexicon()
        geo.warm()

    def shard_key(self, doc: Document) -> str | None:
        """Documents of one news source stay in one worker process: their homes are learnt in order."""
        return geo.source_key(doc.url or doc.source)

    def __call__(self, doc: Document) -> Document:
        key = self.shard_key(doc)
        home = self.sources.home(key)
        self.sources.add(key, (m.text for m in doc.mentions if m.label in PLACE_LABELS))
        return dataclasses.replace(doc, incidents=tuple(extract(doc, home)))


def extract(doc: Document, home: frozenset[str] = frozenset()) -> list[Incident]:
    """The incidents a document reports; ``home``: its news source's home (``geo.SourcePlaces``)."""
    lex = lexicon()
    sdoc = parse(doc) if doc.sentences else None
    para_starts = [p.start for p in doc.paragraphs] or [0]
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    context = place_context(doc, sdoc)
    title_para = _title_paragraph(doc)
    drafts: list[Draft] = []
    paras = [bisect.bisect_right(para_starts, s.start) - 1 for s in doc.sentences]
    hits_at = [lex.triggers.find(s.text, s.start) for s in doc.sentences]  # each sentence's trigger words
    roundup: _Roundup | None = None
    for i, sent in enumerate(doc.sentences):
        para = paras[i]
        if _sums_up(doc, i, paras, hits_at, lex):
            # "At least eight persons were killed in separate incidents in Karachi on August 25": the incidents
            # are told after it; the total is none of theirs, the date, place and perpetrators each one's when it
            # names none ("Maoists killed three villagers in separate incidents ...")
            got = _Roundup(
                para,
                dates.resolve(sent.text, doc.published, None),
                _places(doc, by_sentence.get(i, []), sdoc, context, home),
                perpetrators.in_sentence(doc, sent, by_sentence.get(i, []), sdoc, lex, set(), False),
            )
            roundup = got if roundup is None or roundup.paragraph != para else roundup.summed_up_again(got)
            continue
        in_roundup = roundup is not None and roundup.paragraph == para
        mentions = by_sentence.get(i, [])
        trigger_hits = hits_at[i]
        killed, wounded = casualties(sent.text)
        triggers = _triggers(sent, lex, trigger_hits, sdoc, hurt=bool(killed.best or wounded.best))
        prev = drafts[-1] if drafts else None
        gap = i - prev.sentences[-1] if prev else 99
        near_prev = prev is not None and gap <= 2 and para - prev.paragraph <= 1
        if killed.best is None and (named := named_hit(sdoc, mentions, lex.killed, DIE)):
            killed = Count(len(named), len(named), None, ", ".join(named))  # "Siraj Ahmed died on the spot"
        if wounded.best is None and (named := named_hit(sdoc, mentions, lex.wounded, frozenset())):
            wounded = Count(len(named), len(named), None, ", ".join(named))  # "... injured Gul Khan"
        target_hits = [  # "drove a truck into", "a truck bomb": the vehicle is the weapon, not a target
            t
            for t in lex.targets.find(sent.text, sent.start)
            if not any(h.start <= t.start < h.end for h in trigger_hits)
        ]
        targets = [t for t in target_hits if is_hit(doc, t, mentions)]
        places = _places(doc, mentions, sdoc, context, home) if triggers else []
        r = Reading(i, sent, mentions, killed, wounded, target_hits, trigger_hits, places)
        specific = any(t.entry.specific for t in triggers)
        if not triggers or not (specific or targets or places or killed.best or wounded.best):
            # follow-ups: "No group claimed responsibility", "Twelve others were injured"
            if (
                near_prev
                and prev is not None
                # a claim may come after a sentence on the wounded's care ("... The BLA claimed responsibility")
                and (gap == 1 or RESPONSIBILITY.search(sent.text) is not None)
                and _adds_facts(r, sdoc, lex)
                and not opens_another(sent.text, follow_up=True)
            ):
                # "The TTP claimed the first two attacks": those it names, not the nearest
                told = [d for d in drafts if d.status == "reported"]
                picked = referred(sent.text, len(told)) if prev.status == "reported" else None
                for d in [told[k] for k in picked] if picked is not None else [prev]:
                    _absorb(doc, d, r, sdoc, follow_up=True)
                prev.paragraph = para
            continue
        anaphora = [  # "the murder" refers back; "the killing of a TTP leader" tells of a new one
            a
            for a in lex.anaphoric.find(sent.text, sent.start)
            if not re.match(r"\s+of\b", doc.text[a.end :])
        ]
        anaphoric = bool(anaphora) and not _historical(sent.text, lex)
        if prev is not None and prev.status == "reported":
            if anaphoric and gap <= 6 and para - prev.paragraph <= 2:
                _absorb(doc, prev, r, sdoc, follow_up=False)
                # "the murder" names the incident told before: its word adds no kind of attack to it
                prev.triggers += [
                    t for t in triggers if not any(a.start <= t.start < a.end for a in anaphora)
                ]
                prev.paragraph = para
                continue
            if prev.paragraph == title_para and para <= title_para + 2 and _compatible(prev, triggers):
                # the headline and the lead tell the same story; the lead's details win
                _absorb(doc, prev, r, sdoc, follow_up=False, union=True)
                prev.paragraph = para
                prev.triggers += triggers
                continue
            if (
                near_prev
                and not in_roundup  # each attack a roundup goes on to tell is one of its own
                and _same_incident(prev, triggers, targets, places, sent)
                and not opens_another(sent.text)
            ):
                _absorb(doc, prev, r, sdoc, follow_up=False)
                prev.triggers += triggers
                prev.paragraph = para
                continue
        draft = Draft([i], para, triggers)
        _absorb(doc, draft, r, sdoc, follow_up=False)
        if in_roundup and roundup is not None:
            draft.apart = True
            draft.date = draft.date if draft.date.start is not None else roundup.date
            draft.places = draft.places or list(roundup.places)
            if not draft.perpetrators:  # "Maoists killed three villagers in separate incidents ..."
                draft.add_perpetrators(
                    [
                        dataclasses.replace(p, reason=f"{p.reason}, in the roundup of its incidents")
                        for p in roundup.perpetrators
                    ]
                )
        _set_status(draft, doc, sent, sdoc, lex)
        if (
            draft.status == "reported"
            and _generic_only(sent, triggers, lex)
            and not (targets or killed.best or wounded.best)
        ):
            continue
        if (
            prev is not None
            and draft.status == "hypothetical"
            and prev.status == "hypothetical"
            and near_prev
        ):
            # one plot told over several sentences
            _absorb(doc, prev, r, sdoc, follow_up=False, union=prev.paragraph == title_para)
            prev.triggers += triggers
            prev.paragraph = para
            continue
        drafts.append(draft)
    drafts = merge_retold(drafts, [s.text for s in doc.sentences], doc.genre)
    out = []
    for d in drafts:
        _fill_place(doc, d, drafts)
        _fill_anchor(doc, d)
        perpetrators.from_context(doc, d.perpetrators, d.sentences[0], d.status, by_sentence)
        out.append(_finish(doc, d, sdoc))
    return out


# ---- sentence-level pieces --------------------------------------------------------------------------


VETO_WORDS = 6  # how closely a trigger's ``not_before`` word must follow it, or its ``not_after`` precede it


_ATTRIBUTIVE = re.compile(r"\b(?:the|his|her|their|its)\s+$", re.I)
_PARTICIPLE = re.compile(r"[a-z]+ed|slain", re.I)


def _vetoed(sent: Span, h: Hit) -> bool:
    """Whether a word close after or before a trigger makes it none (``not_before``: "police seized two
    rifles" is no kidnapping; ``not_after``: "recovered two hand grenades" is no bombing; ``not_passive``: "two
    grenades were recovered" is none either)."""
    after = re.findall(r"[a-z]+", sent.text[h.end - sent.start :].lower())[:VETO_WORDS]
    head = sent.text[: h.start - sent.start]
    before = re.findall(r"[a-z]+", head.lower())[-VETO_WORDS:]
    items = re.split(r",\s*(?:and\s+)?|\s+and\s+", head)
    if len(items) > 1 and all(_COUNTED_ITEM.match(item) for item in items[1:]):
        before = re.findall(r"[a-z]+", items[0].lower())  # an inventory: "the recoveries from the hideout
        # included one rifle, 62 rounds and 7 grenades": the clause before the list
    return bool(
        h.entry.not_before.intersection(after)
        or h.entry.not_after.intersection(before)
        or (h.entry.not_after & _RECOVERY and _INVENTORY.search(head))
        or _recovered_after(sent.text[h.end - sent.start :], h.entry.not_passive)
    )


# an inventory of what was recovered, however long and however punctuated: "The arms and ammunition recovered
# include four AK 47 rifles 15 AK magazines 400 AK ammunition rounds ... four hand grenades"
_INVENTORY = re.compile(
    r"\b(?:recovered|recovery|recoveries|seized|seizure|seizures|confiscated)\b[^.;]*?"
    r"\b(?:include|includes|included|including|comprise|comprises|comprised|comprising|consisted of)\b",
    re.I,
)
_RECOVERY = frozenset({"recovered", "seized", "confiscated"})


# "... a 10 kg IED, 200 metre wire and two detonators were later recovered": the verb after the list
_PASSIVE_AFTER = re.compile(
    r"\b(?:was|were|been)\s+(?:[a-z]+ly\s+|also\s+|later\s+)?(?P<word>[a-z]+)\b", re.I
)
_CLAUSE_END = re.compile(r"[.;:]|\b(?:when|after|while|before|but)\b", re.I)
LIST_WORDS = 25  # how long a list of things may run before its passive verb


def _recovered_after(tail: str, words: frozenset[str]) -> bool:
    """Whether the clause after a trigger ends its list of things with a passive ``words`` verb ("... and
    two pistols were recovered from the hideout")."""
    clause = _CLAUSE_END.split(tail, maxsplit=1)[0]
    m = _PASSIVE_AFTER.search(clause)
    return bool(m and m.group("word").lower() in words and len(clause[: m.start()].split()) <= LIST_WORDS)


# an item of a list of things counted: "62 rounds", "one hand grenade", "an AK-47 rifle"
_COUNTED_ITEM = re.compile(rf"\s*(?:\d+|{'|'.join(sorted({*UNITS, *VAGUE}, key=len, reverse=True))})\b", re.I)


def _under(sdoc: Any, h: Hit) -> bool:
    """Whether the verb a trigger hangs from is one of its ``not_under`` verbs: "Police arrested five
    militants in a raid in Peshawar" tells of an arrest, not of an attack (but "two militants were killed in a
    raid" of a killing)."""
    tok = _token_at(sdoc, h.end - 1)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.pos_ in ("VERB", "AUX") and tok.lower_ in h.entry.not_under


def _triggers(
    sent: Span, lex: Any, trigger_hits: list[Hit], sdoc: Any = None, hurt: bool = False
) -> list[Hit]:
    """The trigger words that are not inside a generic phrase ("war on terror") nor made none by a word
    close to them (``_vetoed``) or, where no one was ``hurt``, the verb they hang from (``_under``: "One dead,
    several detained as forces raid a party's headquarters" still tells of a raid)."""
    generic = lex.generic.find(sent.text, sent.start)
    hits = []
    for h in trigger_hits:
        if any(g.start <= h.start < g.end for g in generic):
            continue
        if (h.entry.not_before or h.entry.not_after or h.entry.not_passive) and _vetoed(sent, h):
            continue
        if h.entry.not_under and not hurt and _under(sdoc, h):
            continue
        if (
            _ATTRIBUTIVE.search(sent.text[: h.start - sent.start])
            and _PARTICIPLE.fullmatch(h.text)
            and not h.entry.attack.startswith(("Hostage", "Hijacking"))
        ):  # "the slain policeman was identified as ...": the dead of an event already told (but "the
            continue  # abducted engineers were freed" still tells of the kidnapping)
        hits.append(h)
    return hits


def _generic_only(sent: Span, triggers: list[Hit], lex: Any) -> bool:
    """Plural, unspecific triggers only ("attacks", "killings") with nothing pinning them down."""
    return all(not t.entry.specific and t.text.lower().endswith("s") for t in triggers)


def _historical(text: str, lex: Any) -> dict[str, Any] | None:
    """The named past event (from the lexicon) a sentence mentions, if any."""
    for matcher, event in lex.historical:
        if matcher.find(text):
            return dict(event)
    return None


@dataclass
class _Roundup:
    """What a sentence summing up the incidents its paragraph goes on to tell says of all of them."""

    paragraph: int
    date: When
    places: list[Place]
    perpetrators: list[Perpetrator]

    def summed_up_again(self, later: _Roundup) -> _Roundup:
        """A later roundup of the same paragraph, with what it leaves out taken from this one."""
        return _Roundup(
            later.paragraph,
            later.date if later.date.start is not None else self.date,
            later.places or self.places,
            later.perpetrators or self.perpetrators,
        )


def _sums_up(doc: Document, i: int, paras: list[int], hits_at: list[list[Hit]], lex: Any) -> bool:
    """Whether sentence ``i`` sums up incidents (``[status] roundup``: "killed in separate incidents") that a
    later sentence of its paragraph goes on to tell with an attack word of its own (``hits_at``: each
    sentence's trigger words)."""
    if not lex.roundup.find(doc.sentences[i].text):
        return False
    return any(
        paras[j] == paras[i] and any(h.entry.specific for h in hits_at[j])
        for j in range(i + 1, len(doc.sentences))
    )


def _title_paragraph(doc: Document) -> int:
    """0 when the first paragraph is a headline (short, no full stop) followed by a body; else -1."""
    if len(doc.paragraphs) < 2:
        return -1
    head = doc.paragraphs[0].text.strip()
    return 0 if len(head.split()) <= 25 and not head.endswith((".", "!", "?", ":")) else -1


def _compatible(prev: Draft, triggers: list[Hit]) -> bool:
    a = {t.entry.attack for t in prev.triggers if t.entry.specific}
    b = {t.entry.attack for t in triggers if t.entry.specific}
    return not a or not b or bool(a & b)


def _adds_facts(r: Reading, sdoc: Any, lex: Any) -> bool:
    """A sentence without its own incident that adds casualties, a claim or a suspicion to the one before."""
    if r.killed.best is not None or r.wounded.best is not None or RESPONSIBILITY.search(r.sent.text):
        return True
    reg = registry()
    groups = [m for m in r.mentions if m.actor_id and (a := reg.get(m.actor_id)) and a.kind == "armed_group"]
    cues = [h for k in ("claimed", "denied", "suspected") for h in lex.attribution[k].find(r.sent.text)]
    return bool(groups and cues) or _blames_attackers(r, sdoc, lex)


def _blames_attackers(r: Reading, sdoc: Any, lex: Any) -> bool:
    """Whether a sentence blames attackers it names by a noun: "Police blamed separatist insurgents"."""
    return any(
        (tok := _token_at(sdoc, hit.end - 1)) is not None and blamed(tok, lex)
        for hit in lex.perpetrators.find(r.sent.text, r.sent.start)
    )


def _same_incident(
    prev: Draft, triggers: list[Hit], targets: list[Hit], places: list[Place], sent: Span
) -> bool:
    """A sentence with a trigger but nothing new (place, target, date) continues the incident before it."""
    prev_types = {t.entry.type for t in prev.targets}
    new_targets = {t.entry.type for t in targets if t.entry.kind == "facility"} - prev_types
    if new_targets:
        return False
    prev_places = {(p.name, p.country) for p in prev.places}
    if any((p.name, p.country) not in prev_places for p in places):
        return False
    if tells_outcome(triggers):
        return True  # "Shabbir's bullet ridden body was recovered on December 7": the end of the one before
    found = dates.find_dates(sent.text)
    if found and prev.date.start is not None and found[0][2].start != prev.date.start:
        return False
    prev_attacks = {t.entry.attack for t in prev.triggers if t.entry.specific}
    new_attacks = {t.entry.attack for t in triggers if t.entry.specific}
    return not (new_attacks and prev_attacks and not (new_attacks & prev_attacks))


def _absorb(doc: Document, d: Draft, r: Reading, sdoc: Any, follow_up: bool, union: bool = False) -> None:
    """Add one sentence's facts to a draft incident."""
    lex = lexicon()
    sent, mentions, killed, wounded = r.sent, r.mentions, r.killed, r.wounded
    if r.index not in d.sentences:
        d.sentences.append(r.index)
    # a headline's round figure gives way to the lead's ("rises to 59" -> "at least 59"); a later sentence's
    # risen toll to the figure told before ("The death toll from the blast rose to 17 on Wednesday")
    if killed.best is not None and (
        d.killed.best is None or union or (killed.best > d.killed.best and raised_toll(sent.text, killed))
    ):
        d.killed = killed
    if wounded.best is not None and (d.wounded.best is None or union):
        d.wounded = wounded
    if not follow_up:
        d.targets += r.target_hits
        if not d.places or union:
            d.places += r.places
        if d.date.start is None and (d.date.text is None or union):
            anchor = next((t.start - sent.start for t in r.trigger_hits), None)
            when = dates.resolve(sent.text, doc.published, anchor)
            if when.start is not None or d.date.text is None:
                d.date = when
    victims = people_hit(doc, r.target_hits, r.mentions, sdoc, sent)
    d.add_victims(victims)
    victim_actors = {v.actor_id for v in victims if v.actor_id}
    d.add_perpetrators(perpetrators.in_sentence(doc, sent, mentions, sdoc, lex, victim_actors, follow_up))


def _set_status(d: Draft, doc: Document, sent: Span, sdoc: Any, lex: Any) -> None:
    hist = _historical(sent.text, lex)
    if hist is not None:
        day, label = hist["date"], hist["label"]
        d.status = "historical"
        d.date = When(day, day, "day", label, reason="a named past event")
        d.reasons.append(f"historical: {label}")
        # what is known of a named event comes from the lexicon, not from this sentence's other names
        d.places = [geo.resolve(hist["place"], {hist["country"]})] if hist.get("place") else []
        actor = registry().get(hist.get("perpetrator", ""))
        d.perpetrators = (
            [Perpetrator(actor.id, actor.name, "stated", 0.9, f"known perpetrator of the {label}")]
            if actor
            else []
        )
        return
    if d.date.end and doc.published:
        try:
            age = dt.date.fromisoformat(doc.published) - dt.date.fromisoformat(d.date.end)
        except ValueError:
            age = dt.timedelta(0)
        if age.days > 365:
            d.status = "historical"
            d.reasons.append("dated more than a year before publication")
            return
    if cue := event_words.past_cue(sent.text):
        d.status = "historical"  # "some 3 years ago two marines died following a bombing": background
        d.reasons.append(f"told as past: {cue!r}")
        return
    # only what governs the act told first: "was shot dead ... the group vowed to carry out more attacks" reports
    # the shooting
    first = d.triggers[0] if d.triggers else None
    tok = _token_at(sdoc, first.start) if first is not None else None
    if first is not None and tok is not None:
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        for anc in [verb, *verb.ancestors][:3]:
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in anc.children) or anc.lower_ in (
                "threatened",
                "plan",
                "planned",
                "planning",
                "plotting",
                "intend",
                "intended",
                "vowed",
            ):
                d.status = "hypothetical"
                d.modality = (
                    "hypothetical"
                    if any(
                        c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "can") for c in anc.children
                    )
                    else "predicted"
                )
                d.reasons.append(f"modal or plan governs {first.text!r}")
                return
        if any(c.dep_ == "neg" for c in verb.children) or any(
            a.lower_ in DENIAL_VERBS and verb.dep_ in ("ccomp", "xcomp") for a in [verb.head]
        ):
            d.modality = "denied"
            d.reasons.append(f"the report denies {first.text!r}")
    for t in d.triggers:
        window = sent.text[max(0, t.start - sent.start - 40) : t.start - sent.start].lower()
        if lex.past.find(window):
            d.status = "historical"
            d.reasons.append(f"told as long past before {t.text!r}")
            return
        if any(
            h.text.lower()
            in ("plot", "plotting", "foiled", "thwarted", "averted", "threat of", "if", "unless")
            for h in lex.hypothetical.find(window)
        ):
            d.status = "hypothetical"
            d.modality = "hypothetical"
            d.reasons.append(f"plan, threat or condition before {t.text!r}")
            return


def _fill_place(doc: Document, d: Draft, drafts: list[Draft]) -> None:
    if d.places:
        if d.status == "reported" and (region := dateline_region(doc, d.places)) is not None:
            d.places = [region]
            d.reasons.append("place refined by the dateline")
        return
    # a state acting in its own country ("the government of Afghanistan ... operations")
    for p in d.perpetrators:
        actor = registry().get(p.actor_id) if p.actor_id else None
        if actor is not None and p.reason == perpetrators.STATE_ACTOR and actor.country:
            d.places = [geo.country_place(actor.country, reason="country of the state actor carrying it out")]
            d.reasons.append("place from the acting state")
            return
    # the place of the incident just before, in the same paragraph ("Pakistan embassy was attacked")
    earlier = [
        e for e in drafts if e is not d and e.paragraph == d.paragraph and e.sentences[-1] < d.sentences[0]
    ]
    if earlier and earlier[-1].places and d.sentences[0] - earlier[-1].sentences[-1] <= 2:
        best = max(earlier[-1].places, key=lambda p: PRECISION_RANK.get(p.precision, 0))
        d.places = [_city_of(best)]
        d.reasons.append("place inferred from the incident before it")
        return
    # a wire story's dateline ("QUETTA, March 6 (Wire) - ...")
    if d.status == "reported" and (place := _dateline_place(doc)) is not None:
        d.places = [place]
        d.reasons.append("place from the dateline")


def _fill_anchor(doc: Document, d: Draft) -> None:
    """No date of its own: bound it by an explicit date opening the paragraph ("After ... August 15, 2021")."""
    if d.date.start is not None or d.status == "historical":
        return
    para = doc.paragraphs[d.paragraph] if 0 <= d.paragraph < len(doc.paragraphs) else None
    if para is None:
        return
    for sent in doc.sentences:
        if sent.start < para.start or sent.start >= doc.sentences[d.sentences[0]].start:
            continue
        if re.match(r"\s*(after|since|following)\b", sent.text, re.I):
            found = dates.find_dates(sent.text)
            if found and found[0][2].precision == "day":
                d.date = dataclasses.replace(
                    d.date,
                    not_before=found[0][2].start,
                    reason=(d.date.reason + "; " if d.date.reason else "")
                    + f"after {found[0][2].text} (paragraph opening)",
                )


def _draft_mentions(doc: Document, d: Draft) -> list[Mention]:
    wanted = set(d.sentences)
    return [m for m in doc.mentions if m.sentence in wanted]


def _is_noun(sdoc: Any, hit: Hit) -> bool:
    tok = _token_at(sdoc, hit.end - 1)
    return tok is None or tok.pos_ in ("NOUN", "PROPN")


def _filler(doc: Document, sdoc: Any, start: int, end: int, type_: str, subtype: str | None) -> Filler:
    """A target or weapon as the noun phrase around its lexicon word ("the Santo Tomas presidential farm")."""
    tok = _token_at(sdoc, end - 1)
    if tok is not None:
        for chunk in sdoc.noun_chunks:
            if chunk.start <= tok.i < chunk.end:
                toks = [t for t in chunk if t.i <= tok.i]
                # a determiner, a number, a bracket or a possessive's mark opens no name ("a girls' school":
                # "school"), nor an adverb before the determiner that the parser took into the phrase ("Later a
                # bomb")
                while toks and (
                    toks[0].dep_ in ("det", "nummod", "poss", "predet", "case")
                    or toks[0].pos_ in ("DET", "NUM", "PRON")
                    or toks[0].text in ("(", "[", "'", "’")
                    or (toks[0].pos_ == "ADV" and len(toks) > 1 and toks[1].pos_ == "DET")
                ):
                    toks = toks[1:]
                if toks and toks[0].idx <= start:
                    start = toks[0].idx
                break
    if doc.text[start:end].lower().endswith(" of"):  # a lexicon phrase read with its "of" ("residence of")
        end -= 3
    start += doc.text[start:end].rfind("\n") + 1  # a phrase the parser ran over a line break: its last line
    return Filler(doc.text[start:end], type_, subtype, start, end)


def _glossed(doc: Document, hit: Hit, triggers: list[Hit]) -> bool:
    """A weapon's short name in brackets after its long one ("an improvised explosive device (IED)"): the same
    weapon, given once."""
    before = doc.text[max(0, hit.start - 3) : hit.start]
    return before.endswith("(") and any(
        t is not hit and t.entry.instrument and 0 <= hit.start - t.end <= 3 for t in triggers
    )


def _unique(fillers: Iterable[Filler]) -> tuple[Filler, ...]:
    """One filler per thing: "market" and "crowded market" (headline and lead) are kept once, the fuller."""
    out: list[Filler] = []
    for f in fillers:
        low = f.text.lower()
        same = next((g for g in out if g.text.lower().endswith(low) or low.endswith(g.text.lower())), None)
        if same is None:
            out.append(f)
        elif len(f.text) > len(same.text):
            out[out.index(same)] = f
    return tuple(out)


KIDNAPPING = "Hostage Taking (Kidnapping)"


def _preceded(setting: re.Pattern[str], doc: Document, hit: Hit, chars: int = 40) -> bool:
    """Whether a target word follows words of a ``[target_setting]`` list ("near a", "as he left his")."""
    return bool(setting.search(doc.text[max(0, hit.start - chars) : hit.start]))


def _kidnapping_only(d: Draft, triggers: list[Hit], lex: Any) -> list[Hit]:
    """The typed triggers, less an armed assault that only the kidnappers' name tells ("Gunmen abducted 42
    students"): GTD codes a kidnapping by armed men a kidnapping, and an armed assault too only when people are
    shot, killed or hurt."""
    typed = [t for t in triggers if t.entry.attack != "Unknown"]
    if not any(t.entry.attack == KIDNAPPING for t in typed) or d.killed.best or d.wounded.best:
        return typed
    named_only = all(lex.perpetrators.find(t.text) for t in typed if t.entry.attack == "Armed Assault")
    return [t for t in typed if t.entry.attack != "Armed Assault"] if named_only else typed


def _finish(doc: Document, d: Draft, sdoc: Any = None) -> Incident:
    specific = [t for t in d.triggers if t.entry.specific] or d.triggers
    lex = lexicon()
    attack_types = list(dict.fromkeys(t.entry.attack for t in _kidnapping_only(d, specific, lex)))
    weapon_types = list(dict.fromkeys(t.entry.weapon for t in specific if t.entry.weapon != "Unknown"))
    mentions = _draft_mentions(doc, d)
    # a person word that names who did it ("Insurgents attacked ...") or fought back is no target, nor where
    # the hit were taken afterwards ("died in hospital")
    hits = [
        t
        for t in d.targets
        if is_hit(doc, t, mentions)
        and (t.entry.kind != "person" or not acting(sdoc, t, lex))
        and not (t.entry.kind == "facility" and _preceded(lex.after, doc, t))
    ]
    hits = [  # "a Police informer": a private citizen, not the police
        dataclasses.replace(t, entry=dataclasses.replace(t.entry, type=lex.associate_type))
        if t.entry.kind == "person" and helper_of(sdoc, t, lex)
        else t
        for t in hits
    ]
    hits = [
        as_made_of(sdoc, as_owner_s(sdoc, t, d.targets, mentions), d.targets) for t in hits
    ]  # the owner need not be hit
    # "as he left his home": where the victim came from or went, a target only when no one is named as hit
    away = [t for t in hits if t.entry.kind == "facility" and _preceded(lex.away, doc, t)]
    facilities = [t for t in hits if t.entry.kind == "facility" and t not in away]
    direct = [t for t in facilities if not _preceded(lex.beside, doc, t, 30)]
    people = [t for t in hits if t.entry.kind == "person"]
    chosen = direct or facilities or people or away
    target_types = list(dict.fromkeys(t.entry.type for t in chosen))
    place = (
        max(d.places, key=lambda p: PRECISION_RANK.get(p.precision, 0))
        if d.places
        else Place(reason="no place in the text")
    )
    evidence = tuple(doc.sentences[i] for i in sorted(d.sentences))
    confidence = (
        0.4
        + 0.15 * bool(attack_types)
        + 0.1 * (place.precision != "unknown")
        + 0.1 * bool(d.killed.best is not None or d.wounded.best is not None)
        + 0.1 * bool(target_types)
        + 0.05 * bool(d.perpetrators)
    )
    if doc.genre == "opinion":
        confidence *= 0.8
    first = specific[0]
    return Incident(
        id="inc_" + content_hash(doc.id, str(evidence[0].start), first.entry.attack)[:16],
        status=d.status,
        modality=d.modality,
        date=d.date,
        location=place,
        attack_types=tuple(attack_types[:3] or ["Unknown"]),
        target_types=tuple(target_types[:3]),
        weapon_types=tuple(weapon_types[:4] or ["Unknown"]),
        perpetrators=tuple(perpetrators.merge_names(d.perpetrators)),
        victims=tuple(d.victims),
        targets=_unique(
            _filler(doc, sdoc, t.start, t.end, t.entry.type, t.entry.subtype)
            for t in (facilities if chosen is not away else away)
        ),
        weapons=_unique(
            _filler(doc, sdoc, t.start, t.end, t.entry.weapon, t.entry.weapon_subtype)
            for t in d.triggers
            if t.entry.instrument
            and _is_noun(sdoc, t)
            and not lex.perpetrators.find(t.text)
            and not _glossed(doc, t, d.triggers)
        ),
        killed=d.killed,
        wounded=d.wounded,
        confidence=round(min(confidence, 0.95), 2),
        evidence=evidence,
        trigger=first.text,
        reason="; ".join(d.reasons)
        or "attack trigger with "
        + ", ".join(
            k
            for k, v in (
                ("place", place.precision != "unknown"),
                ("target", bool(target_types)),
                ("casualties", d.killed.best is not None or d.wounded.best is not None),
            )
            if v
        ),
    )
