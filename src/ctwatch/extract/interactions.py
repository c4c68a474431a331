"""Who did what to whom: interactions between actors in PLOVER terms (with a CAMEO code), their
modality (asserted, denied, predicted, desired, hypothetical), amounts and evidence.

How a sentence is read (word lists live in ``data/``: ``interactions.toml``, ``cameo_verbs.tsv``,
``sectors.tsv``; event words and patterns in ``event_words.py``, a sentence's parties in ``parties.py``):
1. An event word ("visited", "dialogue", "froze", "bail-out", "do more") gives the PLOVER type and mode; a
   verb's pattern may change its code ("restore * diplomatic ties"). A light verb yields to its event
   object ("issued an ultimatum"); an event verb wins over its event-noun object ("rejected X's demand").
2. The parties: actors of the registry (countries, groups, IGOs, people of ``persons.tsv``), a city or
   province for its country, an unresolved organisation with the country its name gives, and an actor
   known only by its sector ("a senior official", "police"). The source is in the grammatical subject of
   the word's verb ("by X" in the passive; "it" and "they" point back); the target among its objects and
   prepositional phrases. A noun names both sides by its modifiers ("US-Pak dialogue"). Actors joined by
   "and" each take part; symmetric events ("talks", "agreed") go both ways. An unnamed group in a sentence
   about one country is of that country (CAMEO's domestic coding).
3. Modality: a negation governs the word -> denied; "will", "plans to" -> predicted; "looking forward to",
   "need", "should" -> desired; "if", "could" -> hypothetical; else asserted. Background ("after the US
   invasion ...") is marked historical. As PLOVER codes them, announced cooperation is AGREE, announced
   force THREATEN, refused cooperation REJECT, and "X said Y must ..." X's REQUEST of Y.
4. Amounts with their currency: "$7 Billion", "$ 9.4 Billion", "Rs 2bn", "7bn dollars".
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .. import dates, geo
from ..actors import registry
from ..model import ActorRef, Document, Interaction, Mention, Span, content_hash
from ..nlp import parse, text_of
from .event_words import (  # noqa: F401  (find_events, amounts, pattern_event: this module's API too)
    EventWord,
    Hit,
    Lexicon,
    amounts,
    find_events,
    lexicon,
    matched_pattern,
    past_cue,
    pattern_event,
)
from .incident_places import _token_at
from .incidents import _title_paragraph
from .lexicon import lexicon as incident_lexicon
from .parties import (
    Party,
    _agent,
    _of_country,
    _one_per_phrase,
    _parties,
    _sectors,  # noqa: F401  (cleared by bench petrarch)
    _subtree_span,
    name_country,  # noqa: F401  (this module's API too)
)
from .victims import LINKED, first_conjunct

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# cooperative events that, when only announced ("will ..."), PLOVER codes as AGREE
INTENT_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
# cooperative events that, refused ("would not meet the demands", "will not support"), PLOVER codes as REJECT
COMPLY_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "CONSULT"}
# coercive events that, when only announced ("will impose a curfew"), PLOVER codes as THREATEN
FORCE_TYPES = {"COERCE", "ASSAULT"}
# event types whose target may be what the event is about ("operations against groups including the TTP");
# "OTHER": a code outside PLOVER, from a dictionary an analyst adds: nothing says its object is a topic
TOPIC_TARGETS = {"ASSAULT", "COERCE", "ACCUSE", "SANCTION", "THREATEN", "REJECT", "OTHER"}
# events whose place is their target when no one else is ("troops on alert in the West Bank", "lifted a curfew
# in X": easing force is a concession to the place it weighed on); not arrests:
# "arrested three suspects in Lahore" is not an act against Pakistan
PLACE_TARGETS = {"MOBILIZE", "COERCE", "ASSAULT", "CONCEDE"}
OBJECTS = ("dobj", "pobj", "dative", "attr", "oprd", "obj")
# verbs that introduce what someone said: "X said (that) Y must ..." is X's demand on Y
SPEECH_VERBS = {
    *("say", "says", "said", "declare", "declares", "declared", "reiterate", "reiterates", "reiterated"),
    *("insist", "insists", "insisted", "state", "states", "stated", "tell", "tells", "told", "stressed"),
    *("warn", "warns", "warned", "demand", "demands", "demanded", "added", "adds"),
}
# words whose clause is what someone demands of another ("demands that the government grant ...")
DEMAND_WORDS = {
    "demand",
    "demands",
    "demanded",
    "demanding",
    "insisted",
    "insists",
    "urged",
    "urges",
    "urging",
}


# ---- actors in a sentence -----------------------------------------------------------------------------


def _document_day(doc: Document) -> str | None:
    """The document's present: its publication date, else the latest date it states."""
    if doc.published:
        return doc.published
    found = [w.start for _s, _e, w in dates.find_dates(doc.text) if w.start]
    return max(found) if found else None


_STATIVE = re.compile(r"(?:is|are|was|were|be|been|being)\s", re.I)


def _within(parties: list[Party], start: int, end: int) -> list[Party]:
    return [p for p in parties if start <= p.start < end]


def _beyond_semicolon(verb: Any, child: Any) -> bool:
    """Whether a semicolon of the verb's stands between it and a clause the parser hung below it."""
    low, high = sorted((verb.i, child.i))
    return any(c.text == ";" and low < c.i < high for c in verb.children)


def _undescribed(found: list[Party], child: Any, parties: list[Party]) -> list[Party]:
    """The parties of an argument less those only named to describe another party of it: "blamed the ADF, a
    Ugandan group that has pledged allegiance to Islamic State" targets the ADF, not Uganda nor the IS (the
    words of an appositive to a party, and of a relative clause)."""
    if len(found) < 2:
        return found
    spans = []
    for tok in child.subtree:
        if tok.dep_ == "relcl" or (
            tok.dep_ == "appos" and any(p.start <= tok.head.idx < p.end for p in parties)
        ):
            spans.append(_subtree_span(tok))
    kept = [p for p in found if not any(a <= p.start < b for a, b in spans)]
    return kept or found


def _verb_of(tok: Any) -> Any:
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


TOPIC_PREPS = {
    "about",
    "regarding",
    "over",
    "including",
    "after",
    "before",
    "despite",
    "since",
    "during",
    "following",
}
ADJUNCT_PREPS = {"of", "for", "in", "from", "across", "beyond", "at", "on"}
PARTY_PREPS = {"with", "against", "from", "to", "toward", "towards"}
PLACE_PREPS = ("in", "at", "inside", "across", "throughout")  # "in X": where something happens


_PARTY_TEXT = re.compile(
    r"\bin\s+(?:defiance|protest|retaliation|response|reply)\s+(?:of|at|against|to)\s+(?:the\s+)?$", re.I
)
_TOPIC_TEXT = re.compile(
    r"\b(after|before|since|during|about|regarding|including|following)\s+(the\s+)?$", re.I
)


# where the accused of a complaint stands ("complained to the UN over Israeli raids"); not "about": "concerns
# about the TTP to the Taliban government" accuse the addressee
ACCUSED_PREPS = ("over",)


def _behind(sdoc: Any, p: Party, preps: tuple[str, ...]) -> bool:
    """Is the party inside a phrase that one of these prepositions opens ("over two Israeli air raids")?"""
    tok = _token_at(sdoc, p.end - 1)
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj":
            return tok.head.lower_ in preps
        tok = tok.head
    return False


def _in_place(sdoc: Any, p: Party) -> bool:
    """Is the party named as where something happens ("in X", "at X", "inside X")?"""
    tok = _token_at(sdoc, p.end - 1)
    while tok is not None and tok.dep_ in ("compound", "amod", "poss", "appos", "pobj", "nmod"):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in PLACE_PREPS
        tok = tok.head
    return False


def _located(sdoc: Any, p: Party) -> bool:
    """Is the party part of where something happens ("in a district of eastern Beirut", "outside the
    Iraqi city of Basra")?"""
    tok = _token_at(sdoc, p.end - 1)
    for _ in range(6):
        if tok is None or tok.dep_ not in ("compound", "amod", "poss", "appos", "pobj", "nmod", "prep"):
            return False
        if tok.dep_ == "prep" and tok.lower_ in (*PLACE_PREPS, "outside", "near"):
            return True
        tok = tok.head
    return False


def _is_topic(tok: Any, verb: Any) -> bool:
    """Is the actor only what the event is about ("concerns about TTP", "after the Taliban takeover")?"""
    if _PARTY_TEXT.search(text_of(tok.doc)[max(0, tok.idx - 30) : tok.idx]):
        return False  # "in defiance of the Chinese authorities": whom the protest is against
    if _TOPIC_TEXT.search(text_of(tok.doc)[max(0, tok.idx - 25) : tok.idx]):
        return True
    t = tok
    for _ in range(6):
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            prep = t.head
            if prep.lower_ in PARTY_PREPS:
                return False  # "ties with X", "autonomy from X": X is a party, whatever the phrase hangs on
            if f"{prep.head.lower_} {prep.lower_}" in lexicon().arrivals:
                return False  # "arrived in X": X is the host of the visit
            if prep.lower_ in TOPIC_PREPS or (prep.lower_ in ADJUNCT_PREPS and prep.head.i == verb.i):
                return True
        if t.head.i == t.i or t.head.i == verb.i:
            return False
        t = t.head
    return False


def _head_token(sdoc: Any, start: int, end: int) -> Any:
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _nominal_between(a: Any, b: Any) -> bool:
    """Is the stretch between two tokens one noun phrase ("Afghanistan's northern soil"), not a parse run
    through adverbs and numbers ("with Libya's almost five years after")?"""
    return all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PART", "DET", "PUNCT") for t in a.doc[a.i + 1 : b.i])


def _subject_above(verb: Any, parties: list[Party]) -> list[Party]:
    """The actors in the nearest subject up the tree ("X is aiming to ... by launching operations")."""
    t = verb
    for _ in range(6):
        for child in t.children:
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and t.lower_ == "quoted"):
                # "X was quoted as saying ...": X speaks
                return _one_per_phrase(_within(parties, *_subtree_span(child)), text_of(verb.doc))
        if t.head.i == t.i:
            break
        t = t.head
    return []


def _object_acting(verb: Any, parties: list[Party]) -> list[Party]:
    """The actors of the object whose deed a verb after "of" or "for" tells: "India accused Pakistan of
    sheltering the militants", "Kabul blamed Islamabad for harbouring fighters": Pakistan shelters, not India."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for"):
        return []
    holder = verb.head.head
    obj = (
        holder
        if holder.dep_ == "dobj"
        else next((c for c in holder.children if c.dep_ == "dobj" and c.i < verb.i), None)
    )
    if obj is None:
        return []
    start = obj.doc[obj.left_edge.i].idx
    return _one_per_phrase(_within(parties, start, obj.idx + len(obj.text)), text_of(verb.doc))


def _describes(tok: Any) -> bool:
    """Whether a word such as "linked" or "allied" describes a group by another rather than tells an event:
    a participle after its noun, or the parser's root with the sentence's real verb hung below it."""
    return (
        tok is not None
        and tok.lower_ in LINKED
        and (
            tok.dep_ in ("acl", "amod")
            or any(c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i > tok.i for c in tok.children)
        )
    )


def _sides(
    sdoc: Any,
    parties: list[Party],
    hit_start: int,
    hit_end: int,
    sent: Span,
    topics_ok: bool = True,
    places_ok: bool = False,
    accused: bool = False,
    plan: Any = None,
) -> tuple[list[Party], list[Party], bool]:
    """(sources, targets, is_noun_event). ``topics_ok``: what the event is about may be its target;
    ``places_ok``: where it happens may be, when nothing else is; ``plan``: the noun of the plan the act is
    told as (``plan_of``), whose plotters act."""
    tok = _head_token(sdoc, hit_start, hit_end)
    if tok is None:
        return [], [], False
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("ROOT",):
        # a noun names its parties by its modifiers: "the US-Pak counter-terrorism dialogue", "the US call"
        mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")]
        inside = [p for c in mods for p in _within(parties, *_subtree_span(c))]
        # "launched artillery, mortar and rocket fire": the conjuncts share a role
        first = first_conjunct(tok)
        if not inside:  # "held talks", "launched operations": the verb's subject acts
            if first.dep_ not in ("dobj",) or first.head.lower_ in incident_lexicon().escaped:
                return [], [], True  # ... but who "escapes an attack" was its target
        else:
            return inside[:1], inside[1:2], True
    verb = _verb_of(tok)
    source: list[Party] = []
    target: list[tuple[Party, bool]] = []
    # an event word written with its "be" ("is opposed to"): a state its subject is in, not a passive
    stative = (
        _STATIVE.match(text_of(sdoc), hit_start) is not None or verb.lower_ in lexicon().stative
    ) and not any(c.dep_ == "agent" for c in verb.children)  # "was opposed by X" is a passive
    for child in verb.children:
        span = _subtree_span(child)
        if child.dep_ in ("nsubj", "csubj") or (stative and child.dep_ == "nsubjpass"):
            source += _one_per_phrase(_within(parties, *span), text_of(sdoc)) or _agent(child, sent)
        elif child.dep_ == "nsubjpass":
            target += [(p, False) for p in _within(parties, *span) or _agent(child, sent)]
        elif child.dep_ == "agent":
            source = _within(parties, *span) or source
        elif child.dep_ == "prep" and child.lower_ == "according":
            continue  # "according to the US government": who reports it, not a party
        elif child.dep_ == "ccomp" and child.i < verb.i and verb.lower_ in incident_lexicon().saying:
            continue  # "..., a senior official said": what was said is its own event, not the saying's target
        elif child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue  # "X claimed the attack, but the government blamed Y": a clause of its own, not X's target
        elif child.dep_ in ("ccomp", "conj", "advcl") and _beyond_semicolon(verb, child):
            continue  # "The Abu Sayyaf group was blamed; Islamic State later claimed the bombing": two clauses
        elif (
            child.dep_ in OBJECTS
            or child.dep_ in ("prep", "xcomp", "ccomp", "advcl", "dobj", "conj")
            # the parser's "shelled Lahore"; "marched close to the border with X"
            or (child.dep_ in ("advmod", "npadvmod") and child.pos_ == "PROPN")
            or (child.dep_ in ("advmod", "acomp") and any(c.dep_ == "prep" for c in child.children))
        ):
            found = _undescribed(_within(parties, *span), child, parties)
            if not found and child.dep_ in ("dobj", "obj"):
                target += [(p, False) for p in _agent(child, sent)]  # "disperse demonstrators"
            for p in found:
                ptok = _token_at(sdoc, p.end - 1)
                if (
                    ptok is not None
                    and ptok.dep_ == "poss"
                    and ptok.head.pos_ == "NOUN"
                    and not p.ref.sector
                    and ptok.head.lower_ not in lexicon().events
                    and ptok.head.lower_ not in lexicon().acts
                    and _nominal_between(ptok, ptok.head)
                ):
                    continue  # "Afghanistan's soil": an attribute; "Gondor's government", "X's demand", "X's efforts": parties
                target.append((p, ptok is not None and _is_topic(ptok, verb)))
    if plan is not None and not source:
        # "foiled a plot by al-Shabaab to bomb a mall": who plotted, not who foiled it
        source = _one_per_phrase(
            [p for c in plan.children if c.dep_ in PLOTTERS for p in _within(parties, *_subtree_span(c))],
            text_of(sdoc),
        )[:1]
    elif (
        not source
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
        and verb.head.i != verb.i
        and not _subject_was_hit(verb.head, sent)
    ):
        source = _object_acting(verb, parties) or _subject_above(verb.head, parties)
    direct = [p for p, topic in target if not topic]
    if accused:
        # "complained to the UN over Israeli raids": the accused is behind "over", the UN is addressed
        behind = [p for p, _topic in target if _behind(sdoc, p, ACCUSED_PREPS)]
        if behind and any(_behind(sdoc, p, ("to",)) for p in direct):
            direct = behind
    direct.sort(key=lambda p: _in_place(sdoc, p))  # whom before where: "streets in X in defiance of Y"
    if not places_ok and len(source) >= 2:
        # "The government and the ELN agreed ... at talks in Havana": each other's, not where they met
        direct = [p for p in direct if not _in_place(sdoc, p)]
    chosen = direct or ([p for p, _topic in target] if topics_ok else [])
    if not chosen and places_ok:
        # "remained on alert in the West Bank", "a curfew in Abidjan": where force is used is its target
        chosen = [p for p, _topic in target if _in_place(sdoc, p)]
    chosen = [
        p for p in chosen if all(p.ref != s.ref for s in source)
    ]  # "Pakistani police ... Pakistani militants" stay
    return source, chosen, False


PLOTTERS = ("prep", "nmod", "compound", "poss", "amod")  # "a plot by X", "a Lashkar-e-Taiba plan", "X's plot"


def plan_of(verb: Any) -> Any:
    """The noun of the plan an act is told as, or None: "a plot by al-Shabaab to bomb a mall" (the parser
    hangs "to bomb" on the plot, or on the verb that foiled it), "thwarted an attempt by Maoists to blow up a
    bridge" (an attempt or a bid is a plan when foiled); ``[plans]`` in data/interactions.toml."""
    lex = lexicon()
    if verb.dep_ == "acl":
        noun = verb.head
    elif verb.dep_ == "xcomp":
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    else:
        return None
    if noun is None or noun.lower_ not in lex.plans | lex.attempts:
        return None
    if noun.lower_ in lex.attempts and not (noun.dep_ == "dobj" and noun.head.lower_ in lex.foiled):
        return None  # "an attempt by militants to storm the base was repulsed": an attack that happened
    return noun


def _subject_was_hit(verb: Any, sent: Span) -> bool:
    """Whether a pattern of an event verb says its subject was hit where it stands (``subject_hit``): "a convoy
    hit a roadside bomb, killing two": the convoy was hit, so "killing" does not take its subject."""
    lex = lexicon()
    ev = lex.events.get(verb.lower_)
    if ev is None:
        return False
    start = verb.idx - sent.start
    found = matched_pattern(lex, sent.text, Hit(start, start + len(verb.text), verb.text, ev))
    return found is not None and found.subject_hit


def _pronoun_subject(sdoc: Any, hit_end: int) -> str | None:
    """ "it"/"they" (the last source), "these groups" (the last armed group named), or None."""
    tok = _token_at(sdoc, hit_end - 1)
    if tok is None:
        return None
    verb = _clause(_verb_of(tok))
    for c in list(verb.children) + ([c for c in verb.head.children] if verb.dep_ != "ROOT" else []):
        if c.dep_ in ("nsubj",):
            words = " ".join(t.lower_ for t in c.subtree)
            if re.search(r"\b(groups?|outfits?|militants)\b", words):
                return "group"
            if c.lower_ in ("he", "she") and verb.dep_ == "ccomp":
                return "speaker"  # "President X announced that he will ...": the speaker
            if c.lower_ in ("it", "they", "both", "countries"):
                # "X claimed that it does not allow ...": the speaker
                return "speaker" if verb.dep_ == "ccomp" else "last"
    return None


def _clause(verb: Any) -> Any:
    """The verb that carries a clause's subject: "it is prepared to impose" -> "is"."""
    for _ in range(3):
        if verb.dep_ not in ("xcomp", "acomp") or any(c.dep_ in SUBJECTS for c in verb.children):
            break
        verb = verb.head
    return verb


def _speaker(sdoc: Any, hit_end: int, parties: list[Party]) -> list[Party]:
    tok = _token_at(sdoc, hit_end - 1)
    verb = _clause(_verb_of(tok)) if tok is not None else None
    if verb is None or verb.dep_ != "ccomp":
        return []
    return _subject_above(verb.head, parties)


def _carries_object_event(head: Any, heads: list[Any], light: frozenset[str]) -> bool:
    """Is this a light verb whose object is another event word ("issued an ultimatum to Ecuador")?"""
    if head is None or head.pos_ != "VERB" or head.lower_ not in light:
        return False
    for other in heads:
        if other is None or other.i == head.i:
            continue
        if other.dep_ in ("dobj", "attr", "obj") and other.head.i == head.i:
            return True
        if other.dep_ == "pobj" and other.head.dep_ == "prep" and other.head.head.i == head.i:
            return True
    return False


def _object_of_event(head: Any, heads: list[Any], light: frozenset[str]) -> bool:
    """Is this event noun the object of another event verb that is not a light verb?"""
    if head is None or head.pos_ != "NOUN" or head.dep_ not in ("dobj", "obj"):
        return False
    verb = head.head
    return (
        verb.pos_ == "VERB"
        and verb.lower_ not in light
        and any(other is not None and other.i == verb.i for other in heads)
    )


SAID_MUST = EventWord("said ... must", "REQUEST", "demand", "102", False)


def _said_must(sdoc: Any, sent: Span) -> list[Hit]:
    """Verbs of saying whose clause says what another must or should do ("the US declared that China must
    drop barriers"): each is a demand, whatever the clause's own verb."""
    span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    out = []
    for tok in span if span is not None else ():
        if tok.lower_ in SPEECH_VERBS and any(
            c.dep_ == "ccomp" and c.i > tok.i and _has_must(c) for c in tok.children
        ):
            start = tok.idx - sent.start
            out.append(Hit(start, start + len(tok.text), tok.text, SAID_MUST))
    return out


def _has_must(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)


def _must_subject(verb: Any, parties: list[Party]) -> list[Party]:
    for c in verb.children if verb is not None else ():
        if c.dep_ == "ccomp" and _has_must(c):
            for sub in c.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    return _within(parties, *_subtree_span(sub))
    return []


def _demanded_of(sdoc: Any, hit_end: int, parties: list[Party]) -> list[Party] | None:
    """ "X said (that) Y must do Z": the speaker X, who demands Z of Y; None when the event is not so framed."""
    tok = _token_at(sdoc, hit_end - 1)
    if tok is None:
        return None
    verb = _verb_of(tok)
    if verb.dep_ in ("ccomp", "acl") and verb.head.lower_ in DEMAND_WORDS:
        return _subject_above(verb.head, parties) or None  # "insisted on its demands that Y grant ..."
    for _ in range(3):  # "the US must be ready to mediate": the must sits on a verb above
        if _has_must(verb) or verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    if not _has_must(verb):
        return None
    if verb.dep_ != "ccomp" or verb.head.lower_ not in SPEECH_VERBS:
        return None
    speaker = _subject_above(verb.head, parties)
    return speaker or None


def partial_side(side: list[Party]) -> bool:
    return all(p.start < 0 and not p.ref.name for p in side)


# ---- modality -----------------------------------------------------------------------------------------


def _modality(sdoc: Any, sent: Span, hit_start: int, hit_end: int, word: str) -> str:
    lex = lexicon()
    before = sent.text[: hit_start - sent.start].lower()
    clause = re.split(r"[;:]|,\s*(?:but|while|whereas|however)\b", before)[-1]
    tok = _token_at(sdoc, hit_end - 1)
    verb = _verb_of(tok) if tok is not None else None
    negatable = word not in ("does not allow", "did not allow", "never allowed")
    if negatable and verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return "denied"
    words = re.findall(r"[a-z']+", clause)
    tail = " ".join(words[-6:]) + " " + word
    for kind in ("hypothetical", "desired", "predicted"):
        for cue in lex.modality[kind]:
            if re.search(rf"(?<![\w]){re.escape(cue)}(?![\w])", tail):
                return kind
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in ("will", "would", "shall"):
                return "predicted"
            if c.dep_ == "aux" and c.lower_ in ("could", "might", "may"):
                return "hypothetical"
    return "asserted"


def _historical(doc: Document, sent: Span, day: str | None) -> bool:
    if past_cue(sent.text) is not None:
        return True
    found = dates.find_dates(sent.text)
    return bool(found and day and found[0][2].end and found[0][2].end < str(int(day[:4]) - 1) + day[4:])


# ---- the stage ----------------------------------------------------------------------------------------


class InteractionExtractor:
    """Stage: fills ``Document.interactions``."""

    name: str = "interactions"
    requires: tuple[str, ...] = ("text", "sentences", "mentions", "genre")
    assigns: tuple[str, ...] = ("interactions",)

    def setup(self) -> None:
        lexicon()

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, interactions=tuple(extract(doc)))


def extract(doc: Document, partial: bool = False) -> list[Interaction]:
    """The document's interactions. ``partial``: also events with one side unknown (the missing side an
    unnamed ``ActorRef``), for scoring the coder's reading where gold codes one-sided events; the store
    keeps only events with both sides."""
    if not doc.sentences:
        return []
    lex = lexicon()
    sdoc = parse(doc)
    day = _document_day(doc)
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: dict[tuple[str, str, str, int], Interaction] = {}
    last: list[Interaction] = []
    title = _title_paragraph(doc)
    reg = registry()
    countries = frozenset(
        a.country for m in doc.mentions if m.actor_id and (a := reg.get(m.actor_id)) is not None and a.country
    )
    for i, sent in enumerate(doc.sentences):
        if title == 0 and doc.paragraphs and sent.end <= doc.paragraphs[0].end:
            continue  # a headline restates the story; its events are read in the body
        parties = _parties(doc, by_sentence.get(i, []), day, countries)
        # the one country the sentence's towns lie in: "an army camp in Kupwara" is India's, whoever attacks it
        placed = geo.countries_in(
            m.text for m in by_sentence.get(i, []) if m.label in ("GPE", "LOC") and not m.actor_id
        )
        money = amounts(sent.text)
        found: list[Interaction] = []
        # only words that code an event here ("resume" codes only through its patterns: "resume talks" is
        # read from "talks")
        coded = [
            (h, ev)
            for h in find_events(sent.text, lex) + _said_must(sdoc, sent)
            if (ev := pattern_event(lex, sent.text, h)) is not None
        ]
        heads = [_head_token(sdoc, sent.start + h.start, sent.start + h.end) for h, _ev in coded]
        for (hit, ev), head in zip(coded, heads, strict=True):
            word = ev.phrase
            start, end = sent.start + hit.start, sent.start + hit.end
            if hit.start and sent.text[hit.start - 1] == "-":
                continue  # "Vietnamese-led forces": part of a compound word
            if ev.derived and (head is None or head.pos_ != "VERB"):
                continue
            if _describes(head):
                continue  # "insurgents linked to the Islamic State ambushed a convoy": no linking up
            if ev is hit.event and _carries_object_event(head, heads, lex.light):
                continue  # "issued an ultimatum": the ultimatum is the event (unless a pattern read them)
            if _object_of_event(head, heads, lex.light):
                continue  # "rejected North Korea's demand": the rejection is the event, not the demand
            plan = plan_of(_verb_of(head)) if head is not None else None
            source, target, noun = _sides(
                sdoc,
                parties,
                start,
                end,
                sent,
                ev.type in TOPIC_TARGETS,
                ev.type in PLACE_TARGETS and ev.mode != "arrest",
                ev.type == "ACCUSE",
                plan,
            )
            if ev.mode == "arrest":
                target = [t for t in target if not t.place]  # "arrested suspects in Lahore": not Pakistan
            if ev is SAID_MUST:  # "X declared that Y must ...": Y is who the demand is made of
                target = _must_subject(head, parties)
            if len(source) >= 2 or len(target) >= 2:
                joint = pattern_event(lex, sent.text, hit, (len(source) >= 2, len(target) >= 2))
                if joint is not None:  # a pattern for joint actors ("X and Y met", "agrees with X and Y")
                    ev = dataclasses.replace(joint, symmetric=joint.symmetric or len(source) >= 2)
            if not target and ev.symmetric and len(source) >= 2:  # "the US and Pakistan agreed"
                source, target = source[:1], source[1:2]
            if noun and ev.type == "ASSAULT" and not (source and target):
                continue  # "the attack": an incident's business, not an interaction
            plotted = plan is not None
            if not source and not plotted:  # "it had foiled a plot to bomb ...": "it" foiled, not plotted
                anaphor = _pronoun_subject(sdoc, end)
                if anaphor == "speaker":
                    source = _speaker(sdoc, end, parties)
                    if not target and last:  # a reply to the exchange before it
                        target = [Party(last[-1].source, -1, -1, None)]
                elif anaphor == "last" and last:
                    source = [Party(last[-1].source, -1, -1, None)]
                elif anaphor == "group":
                    groups = [
                        Party(ActorRef(a.id, a.name), -1, -1, a.country)
                        for j in (i - 1, i - 2)
                        for mm in by_sentence.get(j, [])
                        if mm.actor_id and (a := reg.get(mm.actor_id)) is not None and a.kind == "armed_group"
                    ]
                    source = groups[-1:] if groups else []
            if not target and noun and source and ev.type in ("REQUEST", "ACCUSE") and last:
                # "the US call for 'do more'": addressed to the other side of the running exchange
                other = [x.target for x in last if x.source.actor_id == source[0].ref.actor_id]
                target = [Party(other[-1], -1, -1, None)] if other else []
            if not source and not target:
                continue
            if not source or not target:
                if not partial:
                    continue
                # force by an unnamed hand is coded, as CAMEO does, to the country where it was used
                where = None
                if ev.type == "ASSAULT" and not source:
                    where = next((p.country for p in parties if p.country and _located(sdoc, p)), None)
                source = source or [Party(ActorRef(None, "", country=where), -1, -1, where)]
                target = target or [Party(ActorRef(None, ""), -1, -1, None)]
            modality = _modality(sdoc, sent, start, end, word if ev is not SAID_MUST else hit.text)
            kind, mode, cameo = ev.type, ev.mode, ev.cameo
            if plotted:
                modality = "hypothetical"  # a plotted act did not happen; nor is a plot a threat made
            elif modality == "predicted" and kind in INTENT_TYPES:
                # PLOVER codes a declared intention to cooperate ("will support", "will allow") as AGREE
                kind, mode = "AGREE", f"intent_{ev.mode}"
            elif modality in ("predicted", "hypothetical") and kind in FORCE_TYPES:
                # ... and a declared intention to use force or pressure ("would tighten the blockade") as THREATEN
                kind, mode, cameo = "THREATEN", f"threaten_{ev.mode}", "130"
            elif modality == "hypothetical" and kind == "SANCTION":
                # "may halt mediation if cooperation founders": a conditional sanction is a threat (CAMEO 131x)
                kind, mode, cameo = "THREATEN", f"threaten_{ev.mode}", "131"
            elif modality == "denied" and kind in COMPLY_TYPES:
                # ... and a refusal to cooperate or give way ("would not meet their demands") as REJECT
                kind, mode, cameo, modality = "REJECT", f"refuse_{ev.mode}", "120", "asserted"
            demand = _demanded_of(sdoc, end, parties)
            if demand is not None and source and not partial_side(source):
                # "the US must be ready to mediate", said X: X demands it of the US
                kind, mode, cameo, modality = "REQUEST", f"demand_{ev.mode}", "102", "asserted"
                source, target = demand, source
            head = _head_token(sdoc, start, end)
            main = head is not None and (head.dep_ == "ROOT" or head.head.dep_ == "ROOT")
            status = "historical" if _historical(doc, sent, day) else "reported"
            amount = next(
                (a for _s, _e, a in money if ev.type in ("SANCTION", "AID", "REQUEST", "CONCEDE")), None
            )
            home = placed or {p.country for p in parties if p.country and p.ref.actor_id}
            if len(home) == 1:  # an unnamed group in a sentence about one country is of it, as CAMEO codes it
                source = [_of_country(p, next(iter(home))) for p in source]
                target = [_of_country(p, next(iter(home))) for p in target]
            pairs = [(s, t, cameo) for s in source for t in target]
            if ev.symmetric or ev.reverse:
                pairs += [(t, s, ev.reverse or cameo) for s, t, _c in pairs]
            for s, t, cameo in pairs:
                if (s.ref.actor_id or s.ref.name, s.ref.sector) == (
                    t.ref.actor_id or t.ref.name,
                    t.ref.sector,
                ):
                    continue  # one actor on itself; two of its parts ("police arrested militants") stay, as in CAMEO
                if not partial and not (s.ref.actor_id or t.ref.actor_id):
                    continue  # "officials met officials": no actor the registry knows
                sort = kind if kind != "OTHER" else cameo  # codes outside PLOVER stay apart
                key = (s.ref.actor_id or s.ref.name, t.ref.actor_id or t.ref.name, sort, i)
                if key in out and not (out[key].modality != "asserted" and modality == "asserted"):
                    continue  # one event per dyad and type in a sentence; an asserted reading wins
                conf = 0.6 + 0.1 * bool(s.ref.actor_id) + 0.1 * bool(t.ref.actor_id) + 0.05 * main
                conf -= 0.05 * ev.derived  # a verb only the CAMEO dictionary codes: less sure than our own
                if doc.genre == "opinion":
                    conf *= 0.85
                x = Interaction(
                    id="int_" + content_hash(doc.id, str(i), key[0], key[1], kind)[:16],
                    source=s.ref,
                    target=t.ref,
                    event_type=kind,
                    mode=mode,
                    cameo=cameo,
                    modality=modality,
                    status=status,
                    amount=amount,
                    date=dates.resolve(sent.text, doc.published, hit.start),
                    confidence=round(conf, 2),
                    evidence=(sent,),
                    trigger=hit.text,
                )
                out[key] = x
                found.append(x)
        if found:
            last = found
    return _without_restated_targets(out)


def _without_restated_targets(out: dict[tuple[str, str, str, int], Interaction]) -> list[Interaction]:
    """One event a sentence tells twice, once with its place's country and once with the people hit ("RSF
    opened fire on protesters in Khartoum, killing at least 100 people": Sudan, and "at least 100 people" of
    Sudan), is the one event with the country: the people are no actor."""
    named = {(src, sort, i, x.target.actor_id) for (src, _t, sort, i), x in out.items() if x.target.actor_id}
    return [
        x
        for (src, _t, sort, i), x in out.items()
        if x.target.actor_id or not x.target.country or (src, sort, i, x.target.country) not in named
    ]
