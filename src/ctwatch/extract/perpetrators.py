"""Who did it: the perpetrators a sentence names, and how each is tied to the attack.

A group from the actor registry is ``claimed``, ``denied``, ``suspected`` or ``stated`` by the nearest cue of
``data/incidents.toml``'s attribution lists in its own clause, else ``stated`` when it is the subject of the
attack sentence or its agent ("by ..."), else weakly suspected; not when it only describes another group ("a
faction of the TTP"), tells the news ("Taliban officials said") or is among the hit ("killed two members of
the ASWJ"). A state's forces are perpetrators only as the subject of an operation. Attackers named by a noun
("unidentified gunmen") are unresolved perpetrators.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..actors import Actor, registry
from ..model import Document, Mention, Perpetrator, Span
from ..nlp import person_name_words
from .incident_places import _token_at
from .lexicon import Hit, lexicon
from .retold import opens_another
from .victims import (
    LINKED,
    blamed,
    copula_adjective,
    counted_subject,
    first_conjunct,
    is_harm,
    killed_as_said,
    suffered,
)

STATE_ACTOR = "state actor as the subject of an operation"
# a clause's end: a semicolon, a contrast, or ", and" before a new subject ("Islamic State militants are active in
# the province, and the Taliban denied involvement"; not "..., and later claimed it", whose subject is the first's)
CLAUSE_BREAK = re.compile(
    r"[;]|,\s*(but|while|whereas|although|though|however)\b|\b(but|whereas)\b|,\s*and\s+(?:the\s|an?\s|(?-i:[A-Z]))",
    re.I,
)
NEGATED = re.compile(r"\b(no|not|never|nobody|none)\b(\s+\w+){0,3}\s*$", re.I)
GOV_WORDS = re.compile(r"\b(government|regime|administration|emirates?|authorities|forces|ministry)\b", re.I)
# "the forces of the Taliban", "the government of the Taliban": the group as a state; not "The government blamed
# al Shabaab", whose government is another's
_GOVERNMENT_OF = re.compile(rf"{GOV_WORDS.pattern}\s+(?:of\s+)?(?:the\s+)?$", re.I)


def _subject_span(sdoc: Any, sent: Span) -> tuple[int, int] | None:
    if sdoc is None:
        return None
    span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return None
    main = None
    for tok in span:
        if tok.dep_ != "nsubj":
            continue  # a passive's subject is who was attacked ("a commander of LeT was killed")
        head = tok.head
        reported = head.dep_ == "ccomp" and head.head.dep_ == "ROOT" and head.head.lower_ in lexicon().saying
        if reported or (main is None and head.dep_ == "ROOT" and head.lower_ not in lexicon().saying):
            sub = list(tok.subtree)
            main = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            if reported:  # "militants of X attacked the post, police said": X, not the police
                return main
    if main is None:
        # "three soldiers were killed when NPA rebels ambushed a patrol": the clause that tells the attack
        triggers = lexicon().triggers
        for tok in span:
            if tok.dep_ == "nsubj" and tok.head.dep_ == "advcl" and triggers.find(tok.head.text):
                sub = list(tok.subtree)
                return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return main


# "the al Qaeda-linked group JNIM", "an ISIS-affiliated cell": the group named describes another
_LINKED = re.compile(rf"\s*-\s*(?:{'|'.join(sorted(LINKED))})\b", re.I)


# "al Qaeda's affiliate in the Sahel", "the Islamic State's branch": the group named describes another
_AFFILIATE = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:affiliate|branch|wing|offshoot|franchise|ally|allies|arm)\b", re.I
)
# "an al Qaeda affiliate", "the Islamic State branch": the same, the group's name a modifier
_AFFILIATE_NOUN = re.compile(r"\s+(?:affiliate|affiliates|branch|franchise|offshoot)\b", re.I)
# "the ADF, a Ugandan group that has pledged allegiance to Islamic State", "JAD, a network that supports
# Islamic State": a group named in a clause that describes the group before it
_APPOSITIVE_CLAUSE = re.compile(r"\s*,\s+(?:a|an|the)\s+[^,;.()]*?\b(?:that|which|who)\s+[^,;.()]*", re.I)


def _affiliate_in(doc: Document, group: str) -> Actor | None:
    """The one affiliate of a group (the registry's ``parent``) in a country the story names: "the Islamic
    State's affiliate" in a story from Kunduz is the Islamic State Khorasan Province."""
    from .. import geo

    where = geo.context_countries(
        geo.regions_named(m.text for m in doc.mentions if m.label in ("GPE", "LOC"))
    )
    found = [a for a in registry().children(group) if a.country in where]
    return found[0] if len(found) == 1 else None


def _helped(text: str, end: int, associates: frozenset[str]) -> bool:
    """Whether a group's name (its acronym after it or not) says whose helper someone is: "on the suspicion of
    being a Jharkhand Jan Mukti Parishad (JJMP) supporter" names the victim's side, not a suspect."""
    found = re.match(r"\s*(?:\([^()]{1,20}\)\s*)?([a-z]+)\b", text[end : end + 40])
    return found is not None and found.group(1) in associates


def in_sentence(
    doc: Document,
    sent: Span,
    mentions: list[Mention],
    sdoc: Any,
    lex: Any,
    victim_actors: set[str],
    follow_up: bool,
) -> list[Perpetrator]:
    reg = registry()
    text = sent.text
    cues = {
        kind: lex.attribution[kind].find(text, sent.start)
        for kind in ("claimed", "denied", "suspected", "stated")
    }
    subject = _subject_span(sdoc, sent)
    out: list[Perpetrator] = []
    has_ops = bool(lex.operations.find(text))
    described = -1  # where a group named only to describe another ends
    named_before = -1  # where the last group named for itself ends
    for m in sorted(mentions, key=lambda m: m.start):
        actor = reg.get(m.actor_id) if m.actor_id else None
        if actor is None:
            continue
        if m.actor_id in victim_actors and _attribution(m, cues, False, doc.text)[0] != "claimed":
            continue  # its people were hit, and it claims nothing ("a PLA militant was killed ... PLA claimed")
        if re.search(r"\b(anti|counter)[\s-]*$", doc.text[max(sent.start, m.start - 10) : m.start], re.I):
            continue  # "the anti Maoist Special Operation Group": who fights the group
        affiliate = _AFFILIATE.match(doc.text, m.end) or _AFFILIATE_NOUN.match(doc.text, m.end)
        if affiliate and (child := _affiliate_in(doc, actor.id)) is not None:
            actor = child  # "the Islamic State's affiliate claimed", in a story from Afghanistan: ISKP
        elif (
            re.search(
                r"\b(faction|affiliate|branch|wing|offshoot|splinter group|part|member|members|chapter)\s+of\s+(the\s+)?$",
                doc.text[max(sent.start, m.start - 40) : m.start],
                re.I,
            )
            or (described >= 0 and doc.text[described : m.start].strip() in ("", "("))
            or _LINKED.match(doc.text[m.end : m.end + 20])
            or affiliate
            or _helped(doc.text, m.end, lex.associates)
            or (named_before >= 0 and _APPOSITIVE_CLAUSE.fullmatch(doc.text[named_before : m.start]))
        ):
            # "Jamaat-ul-Ahrar, a faction of the Pakistani Taliban": describes another group; so does its
            # acronym after it ("a splinter group of the Communist Party of India Maoist (CPI Maoist)")
            described = m.end
            continue
        if actor.kind != "state":  # "the ADF, a Ugandan group": not "Ugandan"
            named_before = m.end
        kind = actor.kind_on(doc.published)
        # "Taliban forces", "the Houthi government": the group as a state; not a group whose own name says
        # "Forces" ("Rapid Support Forces", "Revolutionary Armed Forces of Colombia")
        as_government = (
            (bool(GOV_WORDS.search(m.text)) and not reg.is_name_of(m.text, actor.id))
            or bool(_GOVERNMENT_OF.search(doc.text[max(sent.start, m.start - 30) : m.start]))
            or bool(
                re.match(
                    r"\s*(government|regime|administration|authorities)\b", doc.text[m.end : m.end + 20], re.I
                )
            )
        )
        in_subject = subject is not None and subject[0] <= m.start < subject[1]
        if kind == "armed_group" and not as_government:
            attribution, conf, why = _attribution(m, cues, in_subject, doc.text)
            if follow_up and not why.startswith("cue"):
                continue
            if attribution == "suspected" and not why.startswith("cue"):
                if _sayer(sdoc, m) or _among_the_hit(sdoc, m, lex):
                    # "Taliban officials said the explosives had been hidden in a bag": who tells; "killed two
                    # members of the ASWJ": whose people were hit
                    continue
                # a group merely named in the sentence: weak suspicion only
                conf = 0.3
            out.append(Perpetrator(actor.id, actor.name, attribution, conf, why, m.text))
        elif (kind in ("government", "military", "police") or as_government) and in_subject and has_ops:
            out.append(Perpetrator(actor.id, actor.name, "stated", 0.3, STATE_ACTOR, m.text))
    named = {q.name for q in out}
    out += [p for p in _unlisted_claimants(sdoc, mentions, cues["claimed"], doc.text) if p.name not in named]
    # unidentified attackers named by a noun: "gunmen", "guerrillas"
    for hit in lex.perpetrators.find(text, sent.start):
        tok = _token_at(sdoc, hit.end - 1)
        if tok is not None and (
            (
                tok.dep_ in ("nsubjpass", "nsubj")
                and (suffered(tok.head, lex) or tok.head.lower_ in ("arrested", "captured"))
                and not (tok.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in tok.head.children))
            )
            or killed_as_said(tok, lex)
        ):
            # "three attackers were killed", a headline's "Eight militants killed as ...": casualties here;
            # "militants kill four policemen": agents
            continue
        if tok is not None and _did_other_deeds(tok, lex):
            continue  # "Baloch separatists have carried out similar attacks in the province": background
        suspects = tok is not None and blamed(tok, lex)  # "Police blamed separatist insurgents"
        subject = counted_subject(tok) if tok is not None else None  # "Dozens of militants attacked ..."
        agent = tok is not None and (
            (subject is not None and subject.dep_ == "nsubj" and not _present_only(subject, lex))
            or (tok.dep_ == "pobj" and tok.head.lower_ == "by")
            or suspects
        )
        if agent or re.search(
            r"\bby\s+(?:\w+\s+){0,2}$", doc.text[max(sent.start, hit.start - 25) : hit.start]
        ):
            phrase = _noun_phrase(sdoc, tok, hit, doc.text)
            if all(p.name != phrase for p in out):
                # "suspected that Baloch separatists could be behind the attack": suspected by its cue
                suspected = suspects or any(
                    _cue_distance(h, hit.start, hit.end, doc.text) <= 40 for h in cues["suspected"]
                )
                out.append(
                    Perpetrator(
                        None,
                        phrase,
                        "suspected" if suspected else "stated",
                        0.4,
                        "unidentified attackers named in the text",
                        phrase,
                    )
                )
    return out


def _did_other_deeds(tok: Any, lex: Any) -> bool:
    """Whether attackers are the subject of a verb whose object is other attacks than the one told ("have
    carried out similar attacks", "have staged several such attacks")."""
    tok = first_conjunct(tok)
    if tok.dep_ != "nsubj":
        return False
    obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and bool(lex.triggers.find(obj.text))  # attacks, not "blew up several electricity poles"
        and any(
            c.lower_ in lex.other_deeds for c in obj.children if c.dep_ in ("amod", "det", "predet", "nummod")
        )
    )


def _present_only(tok: Any, lex: Any) -> bool:
    """Whether attackers named by a noun are only said to be about ("militants are active in the area"), not
    to have done it ("militants were responsible for the attack": the lexicon's cue)."""
    adj = copula_adjective(tok)
    if adj is None:
        return False
    words = tok.doc[adj.i : adj.right_edge.i + 1].text
    return not any(lex.attribution[kind].find(words) for kind in ("claimed", "suspected", "stated"))


def _sayer(sdoc: Any, m: Mention) -> bool:
    """Whether a name is (or qualifies) the subject of a reporting verb: "Taliban officials said ...", "the
    LeT spokesman told reporters ..."."""
    tok = _token_at(sdoc, m.end - 1)
    for _ in range(3):
        if tok is None or tok.dep_ not in ("compound", "amod", "poss", "nmod"):
            break
        tok = tok.head
    if tok is None or tok.dep_ != "nsubj" or tok.head.lower_ not in lexicon().saying:
        return False
    after = sdoc[tok.head.i + 1] if tok.head.i + 1 < len(sdoc) else None
    # "militants said killed": a headline's "reportedly", not a saying
    return after is None or after.tag_ != "VBN"


_MODIFIES = ("compound", "amod", "poss", "nmod", "appos")


def _among_the_hit(sdoc: Any, m: Mention, lex: Any) -> bool:
    """Whether a name qualifies who was hit: the passive subject of a casualty word, the object of an attack
    or casualty verb ("three Lashkar-e-Islam militants were killed", "killed two members of the ASWJ", "shot
    dead a leader belonging to the SSP") or what an attack was "on" ("strikes on Jaish al-Adl bases")."""
    tok = _token_at(sdoc, m.end - 1)
    for _ in range(4):
        if tok is None:
            return False
        if tok.dep_ in _MODIFIES:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head.head  # "members of X"
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "belonging":
            tok = tok.head.head.head  # "a leader belonging to X"
        else:
            break
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "at") and tok.head.head.i < tok.head.i:
        # "missile strikes on Jaish al-Adl bases", "an offensive against TTP positions": what was hit
        return bool(lex.triggers.find(tok.head.head.text) or lex.operations.find(tok.head.head.text))
    if tok.dep_ not in ("nsubjpass", "dobj"):
        return False
    verb = tok.head
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), "")
    return is_harm(f"{verb.text} {particle}".strip(), lex)  # "gunned down", with its particle


_NAME_PARTS = frozenset({"ADJ", "ADV", "NOUN", "PROPN", "VERB", "PART", "ADP"})


# what a bare "claimed" must take to claim an attack: "claimed the killing", "claimed responsibility"
_CLAIMED_WHAT = re.compile(r"\s+(?:responsibility|credit|the\s+\w+|both|all|it)\b", re.I)
UNLISTED = "a group the registry does not know, claiming the attack"
# the small words a group's name holds between its capitalised ones ("Jaish-e-...", "Front for the ...")
_NAME_LINKS = frozenset({"of", "al", "e", "ul", "i", "for", "and", "the", "de", "wal"})


def _unlisted_claimants(
    sdoc: Any, mentions: list[Mention], claims: list[Hit], text: str
) -> list[Perpetrator]:
    """A group the registry does not know that claims the attack as the subject of the claim: "The Kashmir
    Freedom Fighters, a little-known group, claimed the killing", "A group calling itself the Sahel Liberation
    Front claimed responsibility": its name as the text gives it, unresolved."""
    out = []
    for h in claims:
        verb = _token_at(sdoc, h.start)
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        if h.text.lower() == "claimed" and not _CLAIMED_WHAT.match(text, h.end):
            continue  # "claimed to have killed", "claimed that"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        first, last = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        inside = [m for m in mentions if first <= m.start and m.end <= last]
        if any(
            m.actor_id and not m.actor_id.startswith("place:")
            for m in mentions
            if m.start < last and m.end > first
        ):
            continue  # a group the registry knows, or a word of its name the parser made the subject: read as such
        if any(
            m.label == "PERSON"
            and m.start <= subject.idx < m.end
            and any(w in person_name_words() for w in m.text.lower().split())
            for m in inside
        ):
            continue  # "Ranabir Singh, in charge of TMMT, claimed responsibility": a person, for a group
        named = [m for m in inside if m.label == "ORG"]
        if named:  # "a group calling itself the Sahel Liberation Front"
            name = named[0].text
        elif subject.pos_ == "PROPN":  # "The Kashmir Freedom Fighters": the proper name the subject heads
            words = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            name = text[(words[0].idx if words else subject.idx) : subject.idx + len(subject.text)]
        else:
            continue
        name = re.sub(r"^the\s+", "", name, flags=re.I)
        if not all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in name.split()):
            continue  # "Barhat A red slip found at the spot": no group's name
        out.append(Perpetrator(None, name, "claimed", 0.8, UNLISTED, name))
    return out


def _noun_phrase(sdoc: Any, tok: Any, hit: Hit, text: str) -> str:
    """The attacker noun with the adjectives and names right before it ("unidentified gunmen", "suspected Boko
    Haram gunmen": a name of several words whole, not "Haram gunmen")."""
    if tok is None:
        return hit.text
    start, i = hit.start, tok.i - 1
    lefts = {t.i: t for t in tok.lefts if t.dep_ in ("amod", "compound") and t.is_alpha}
    while i in lefts and sdoc[i].idx < start:
        edge = i  # back over the modifier's own words while they are words of a name or an adjective
        while edge > lefts[i].left_edge.i:
            if _name_part(sdoc[edge - 1]):
                edge -= 1  # not "when" ("when suspected Hizb ul Mujahideen militants"), nor over a line break
            elif _hyphen_joined(sdoc, edge - 1):
                edge -= 2  # a hyphened modifier whole: "motorcycle-borne gunmen", not "borne gunmen"
            else:
                break
        start = sdoc[edge].idx
        i = edge - 1
    return text[start : hit.end]


def _hyphen_joined(sdoc: Any, k: int) -> bool:
    """Whether token ``k`` is a hyphen that joins the words either side of it with no space between."""
    return (
        k >= 1
        and sdoc[k].text == "-"
        and not sdoc[k].whitespace_
        and not sdoc[k - 1].whitespace_
        and sdoc[k - 1].is_alpha
    )


def _name_part(tok: Any) -> bool:
    return tok.pos_ in _NAME_PARTS and tok.tag_ != "WRB" and "\n" not in tok.whitespace_


def _cue_distance(h: Hit, start: int, end: int, text: str) -> int:
    """How far an attribution cue stands from a name at ``start:end``, farther past a clause break ("X claimed
    it, but Y denied": a cue belongs to its own clause)."""
    dist = min(abs(h.start - end), abs(start - h.end))
    if CLAUSE_BREAK.search(text[min(h.end, end) : max(h.start, start)]):
        dist += 60
    return dist


def _attribution(
    m: Mention, cues: dict[str, list[Hit]], in_subject: bool, text: str
) -> tuple[str, float, str]:
    """How a named group is tied to the attack: the nearest cue in its own clause decides."""
    found = []
    for kind, conf in (("denied", 0.6), ("claimed", 0.9), ("suspected", 0.5)):
        for h in cues[kind]:
            if kind == "claimed" and NEGATED.search(text[max(0, h.start - 40) : h.start]):
                continue  # "no group claimed"
            if kind == "claimed" and h.end <= m.start and re.match(r"\s+to\b", text[h.end : m.start]):
                continue  # "Police claimed to have gunned down 15 Maoists": the claim is the police's
            if (dist := _cue_distance(h, m.start, m.end, text)) <= 80:
                found.append((dist, kind, conf, h))
    if found:
        _dist, kind, conf, hit = min(found, key=lambda f: f[0])
        return kind, conf, f"cue {hit.text!r}"
    if in_subject:
        return "stated", 0.7, "named as the subject of the attack sentence"
    before = text[max(0, m.start - 30) : m.start].lower()
    if re.search(r"\b(by|carried out by|perpetrated by)\s+(the\s+)?$", before):
        return "stated", 0.7, "named as the agent ('by ...')"
    return "suspected", 0.4, "named in the sentence without a claim"


def from_context(
    doc: Document, perps: list[Perpetrator], first: int, status: str, by_sentence: dict[int, list[Mention]]
) -> None:
    """No perpetrator named (``perps`` empty) for an incident told from sentence ``first``: an armed group named
    as the threat in the sentence just before is suspected (not across "In another incident")."""
    if perps or status != "reported":
        return
    if first == 0 or opens_another(doc.sentences[first].text):
        return
    prev_sent = doc.sentences[first - 1]
    if doc.sentences[first].start - prev_sent.end > 3:  # not in the same paragraph
        return
    reg = registry()
    for m in by_sentence.get(first - 1, []):
        actor = reg.get(m.actor_id) if m.actor_id else None
        if (
            actor is not None
            and actor.kind_on(doc.published) == "armed_group"
            and not GOV_WORDS.search(m.text)
        ):
            perps.append(
                Perpetrator(
                    actor.id,
                    actor.name,
                    "suspected",
                    0.2,
                    "named as the threat in the sentence before",
                    m.text,
                )
            )
            return


def merge_names(perps: list[Perpetrator]) -> list[Perpetrator]:
    """ "Gunmen" and "Unidentified gunmen" are one unresolved perpetrator: keep the fuller name. Attackers
    named by a group among the perpetrators are that group ("Boko Haram militants", "ELN guerrillas", the
    "Army rebels" of "New People's Army rebels"), and where the text states they attacked, so does the group
    ("Abu Sayyaf gunmen fired on the truck": the group, merely named, was only weakly suspected)."""
    reg = registry()
    names = {
        q.actor_id: [n.lower() for n in (a.name, *a.aliases)]
        for q in perps
        if q.actor_id and (a := reg.get(q.actor_id)) is not None
    }
    stated = {
        g
        for p in perps
        if p.actor_id is None and p.attribution == "stated"
        for g in _whose_men(p.name, names)
    }
    out: list[Perpetrator] = []
    for p in perps:
        if p.actor_id in stated and p.attribution == "suspected":
            p = dataclasses.replace(
                p,
                attribution="stated",
                confidence=max(p.confidence, 0.4),
                reason="its men named as the attackers",
            )
        if p.actor_id is None:
            same = next(
                (
                    q
                    for q in out
                    if q.actor_id is None
                    and (q.name.lower().endswith(p.name.lower()) or p.name.lower().endswith(q.name.lower()))
                ),
                None,
            )
            if same is not None:
                if len(p.name) > len(same.name):
                    out[out.index(same)] = p
                continue
        out.append(p)
    return [p for p in out if p.actor_id is not None or not _whose_men(p.name, names)]


def _whose_men(name: str, groups: dict[str, list[str]]) -> list[str]:
    """The groups whose name (or its end) an attacker's name gives before a word for its men."""
    words = name.lower().split()
    heads = {" ".join(words[k:-1]) for k in range(len(words) - 1)}  # "suspected ELN guerrillas": "eln"
    return [
        g for g, names in groups.items() if any(n == h or n.endswith(" " + h) for n in names for h in heads)
    ]
