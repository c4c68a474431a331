"""Whose a target is: a home or vehicle typed by its owner ("the Prime Minister's house": Government; "a CRPF
bus": Police), a convoy by what it carries ("a convoy of supply trucks"), a helper by whose side he helps ("a
Police informer": a private citizen). Read by ``incidents``; the words live in data/incidents.toml
(``[target_owner]``, ``[victims]`` associates)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..actors import registry
from ..model import Mention
from .incident_places import _token_at
from .lexicon import Hit, lexicon


def as_owner_s(sdoc: Any, hit: Hit, hits: list[Hit], mentions: list[Mention]) -> Hit:
    """A home or property typed as whose it is: "the Prime Minister's house" is a Government target, "the
    house of a legislator" and "a police officer's home" ones of their kinds; "a villager's house" stays
    private property; a force's word before it makes it the force's ("a Frontier Corps vehicle": Military,
    ``[target_owner]``), as does a force the registry knows by name ("a CRPF bus": Police). A facility the
    lexicon gives a subtype ("checkpoint": a military checkpost) is retyped by a force's word only ("a police
    checkpoint": Police), its subtype then left open."""
    if hit.entry.kind != "facility":
        return hit
    tok = _token_at(sdoc, hit.end - 1)
    if tok is None:
        return hit
    owners: list[Any] = []
    if hit.entry.subtype is None:  # a subtyped facility ("checkpoint") is retyped by a force's word only
        of = tok if tok.lower_ == "of" else next((c for c in tok.children if c.lower_ == "of"), None)
        owners = [c for c in tok.children if c.dep_ == "poss"]  # "the Prime Minister's house"
        # "the house of a ..."
        owners += [c for c in (of.children if of is not None else ()) if c.dep_ == "pobj"]
    force = [c for c in tok.lefts if c.dep_ == "compound"]  # "a Frontier Corps vehicle": only a force's
    if not owners and not force:
        return hit
    owner = (owners or force)[0]
    person = next(
        (p for p in hits if p.entry.kind == "person" and p.start <= owner.idx < p.end + 1 and p is not hit),
        None,
    )
    if person is None and owner.lower_ in ("their", "his", "her"):
        # "Two soldiers were killed when their vehicle hit a bomb": the force's people named before it
        person = _force_named_before(owner, hits)
        if person is None:
            return hit
        owners = []
    if person is None and not owners:
        kind = _registry_force(owner.idx, mentions)
        if kind is None or kind == hit.entry.type:
            return hit
        return dataclasses.replace(hit, entry=dataclasses.replace(hit.entry, type=kind, subtype=None))
    if person is None or not person.entry.owner or person.entry.type == hit.entry.type:
        return hit
    if not owners and person.entry.type not in lexicon().owned_by_force:
        return hit
    return dataclasses.replace(
        hit, entry=dataclasses.replace(hit.entry, type=person.entry.type, subtype=None)
    )


def _force_named_before(pronoun: Any, hits: list[Hit]) -> Hit | None:
    """The people of one force (the lexicon's Military or Police words) the pronoun's sentence names before it as
    the subject of a passive ("Two soldiers were killed when their vehicle ..."), whose the pronoun's vehicle or
    post is; none when people of another kind are named so too, or the force is who tells ("Police said ...
    his home")."""
    sent = pronoun.sent
    start = sent.start_char

    def hit_subject(p: Hit) -> bool:
        tok = next((t for t in sent if t.idx <= p.end - 1 < t.idx + len(t.text)), None)
        while tok is not None and tok.dep_ == "conj":
            tok = tok.head
        return tok is not None and tok.dep_ == "nsubjpass"

    before = [
        p for p in hits if p.entry.kind == "person" and start <= p.start < pronoun.idx and hit_subject(p)
    ]
    kinds = {p.entry.type for p in before}
    if len(kinds) != 1 or not kinds <= lexicon().owned_by_force:
        return None
    return before[0]


_CARRYING = frozenset({"carrying", "transporting", "ferrying"})


def as_made_of(sdoc: Any, hit: Hit, hits: list[Hit]) -> Hit:
    """A convoy typed by what the words after its "of" name (``[target_owner] carriers``): "a convoy of
    pilgrims" is of the pilgrims' type, "a convoy of supply trucks" transportation, "a convoy carrying Chinese
    engineers" the engineers'; a plural the lexicon lists in the singular is read as it ("trucks")."""
    lex = lexicon()
    if hit.text.lower() not in lex.carriers:
        return hit
    tok = _token_at(sdoc, hit.end - 1)
    of = (
        next((c for c in tok.children if c.lower_ == "of" or c.lower_ in _CARRYING), None)
        if tok is not None
        else None
    )
    what = next((c for c in of.children if c.dep_ in ("pobj", "dobj")), None) if of is not None else None
    if what is None:
        return hit
    found = next((h for h in hits if h is not hit and h.start <= what.idx < h.end), None)
    entry = found.entry if found is not None else None
    for word in (what.lower_, what.lower_[:-1] if what.lower_.endswith("s") else ""):
        entry = entry or lex.targets.entries.get(word)
    if entry is None or not entry.type or entry.type == hit.entry.type:
        return hit
    return dataclasses.replace(hit, entry=dataclasses.replace(hit.entry, type=entry.type, subtype=None))


def _registry_force(at: int, mentions: list[Mention]) -> str | None:
    """The target type of the force the registry knows whose name covers offset ``at`` ("CRPF": Police)."""
    reg, kinds = registry(), lexicon().force_kinds
    for m in mentions:
        if m.start <= at < m.end and m.actor_id and (actor := reg.get(m.actor_id)) is not None:
            return kinds.get(actor.kind)
    return None


def helper_of(sdoc: Any, hit: Hit, lex: Any) -> bool:
    """A side's word before a helper's ("a Police informer", "Maoist sympathisers"): whose helper, not who."""
    tok = _token_at(sdoc, hit.end - 1)
    return (
        tok is not None
        and tok.dep_ in ("compound", "amod")
        and tok.head.i > tok.i
        and tok.head.lower_ in lex.associates
    )
