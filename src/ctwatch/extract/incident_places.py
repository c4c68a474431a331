"""Where an incident happened: the place mentions of its sentences that are places (not "US forces", not a
wire story's dateline), geocoded with the document's context and its source's home (``geo.py``)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .. import geo
from ..actors import registry
from ..model import Document, Mention, Place
from ..nlp import UNIT_AFTER
from ..text import DATELINE
from .lexicon import lexicon

PLACE_LABELS = {"GPE", "LOC", "FAC"}


PRECISION_RANK = {"point": 6, "city": 5, "admin2": 4, "admin1": 3, "country": 2, "unknown": 0}


def _token_at(sdoc: Any, offset: int) -> Any:
    if sdoc is None:
        return None
    span = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def place_context(doc: Document, sdoc: Any) -> dict[str, set[str]]:
    """For each place the document names, what its other places point to (``geo.contexts``) and the provinces
    of a group it names by its local name ("Maoists blew up a bridge in Bijapur": Chhattisgarh's Bijapur,
    where the Maoists fight, not Karnataka's city)."""
    context = geo.contexts(
        m.text for m in doc.mentions if m.label in ("GPE", "LOC") and not _is_modifier(doc, m, sdoc)
    )
    reg = registry()
    local = {
        r
        for m in doc.mentions
        if m.actor_id and reg.has_local_alias(m.text) and (a := reg.get(m.actor_id)) is not None
        for r in a.local_to - geo.context_countries(set(a.local_to))
    }
    return {name: seen | local for name, seen in context.items()} if local else context


def _is_modifier(doc: Document, m: Mention, sdoc: Any) -> bool:
    """A country or nationality used to qualify a noun ("Pakistan embassy", "US forces") is not a place;
    a city before a noun ("Karachi airport") still is."""
    if m.label == "NORP":
        return True
    actor = registry().get(m.actor_id) if m.actor_id else registry().lookup(m.text)
    if actor is None or actor.kind != "state":
        return False
    after = doc.text[m.end : m.end + 3]
    if after.startswith(("'s", "’s")) or re.match(r"-[a-z]", after):
        return True  # "Pakistan's army", "a Saudi-led coalition", "US-backed forces"
    tok = _token_at(sdoc, m.end - 1)
    if tok is not None and tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i > tok.i:
        head = tok.head
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return True
    return False


def _places(
    doc: Document, mentions: list[Mention], sdoc: Any, context: dict[str, set[str]], home: frozenset[str]
) -> list[Place]:
    out = []
    reg = registry()
    for m in mentions:
        if m.label not in PLACE_LABELS:
            continue
        if m.actor_id and not m.actor_id.startswith("place:"):
            actor = reg.get(m.actor_id)
            if actor is None or actor.kind != "state":
                continue
        if not (m.actor_id or "").startswith("place:") and _is_modifier(doc, m, sdoc):
            continue
        if _is_dateline(doc, m):
            continue  # "ISLAMABAD, November 25 - ...": where the story was filed, not where it happened
        before = doc.text[max(0, m.start - 24) : m.start].lower()
        if re.search(r"\b(fall of|from|to)\s+(the\s+)?$", before) and not _taken_from(doc, m):
            continue  # "the fall of Kabul", "a threat from", "beyond the border to Pakistan"
        if re.search(r"\b(borders?|frontier|boundary)\s+with\s+(the\s+)?$|\bbordering\s+$", before):
            continue  # "near the border with Mali": the country across it
        place = geo.resolve(m.text, context.get(m.text, set()), home)
        unit = UNIT_AFTER.match(doc.text, m.end)
        if place.precision == "unknown" and unit:
            # "in Kashmore district": the gazetteer knows "Kashmore District", not "Kashmore" alone
            place = geo.resolve(f"{m.text} {unit['unit'].title()}", context.get(m.text, set()), home)
        if _common_word_abroad(m.text, place, context.get(m.text, set())):
            continue  # "fired at the Police": a word, not the town in Poland
        if place.precision != "unknown":
            out.append(dataclasses.replace(place, text=m.text))
    return _within_the_story(doc, out, mentions)


def _within_the_story(doc: Document, places: list[Place], mentions: list[Mention]) -> list[Place]:
    """A town the gazetteer knows only in a country the rest of the story never names is not where it happened
    when the sentence names a province, district or town in another country the story does name: "near Palma in
    Mozambique's Cabo Delgado province" is Cabo Delgado, not Palma de Mallorca (GeoNames has no Palma in
    Mozambique); "near the Lido beach in Mogadishu" is Mogadishu, not Lido Beach in New York. A town's own
    mention in the sentence is no evidence for it; the story's other mentions (its dateline, other sentences)
    are. A country named beside a town is no evidence against it ("a Kabul hotel", "China")."""
    if len(places) < 2:
        return places
    texts = [  # not "the Southern side" (a province of Zambia)
        m for m in doc.mentions if m.label in PLACE_LABELS and not geo.common_words_only(m.text)
    ]
    named = geo.regions_named(m.text for m in texts)

    def abroad(p: Place) -> bool:
        if p.precision != "city" or not any(
            q is not p and q.precision != "country" and q.country != p.country and q.country in named
            for q in places
        ):
            return False
        others = geo.regions_named(m.text for m in texts if not (m in mentions and m.text == p.text))
        return p.country not in others

    return [p for p in places if not abroad(p)] or places


def _taken_from(doc: Document, m: Mention) -> bool:
    """Whether the place is where a kidnapping took its victims from ("kidnapped four labourers from the
    Tallar area of Turbat", "abducted on May 24 from Quetta"): that is where it happened, where "from" names
    no incident's place otherwise ("rockets fired from the mountains", "a threat from")."""
    window = doc.text[max(0, m.start - 80) : m.start]
    found = re.search(r"\bfrom\s+(?:the\s+)?$", window, re.I)
    if found is None:
        return False
    lead = window[: found.start()]
    return any(
        h.entry.attack.startswith("Hostage Taking") and len(re.findall(r"[\w']+", lead[h.end :])) <= 5
        for h in lexicon().triggers.find(lead)
        if not re.search(r"[.;!?]", lead[h.end :])
    )


def _common_word_abroad(text: str, place: Place, context: set[str]) -> bool:
    """A name of common words only placed outside every country the document names ("fired at the Police" in
    a report from Kashmir is not the town in Poland); with no country named, a single common word."""
    if not geo.common_words_only(text):
        return False
    countries = geo.context_countries(context)
    return place.country not in countries if countries else len(text.split()) == 1


def _is_dateline(doc: Document, m: Mention) -> bool:
    line_start = doc.text.rfind("\n", 0, m.start) + 1
    if m.start - line_start > 2:
        return False
    found = DATELINE.match(doc.text, line_start)
    return found is not None and found.group("city").strip().lower() == m.text.lower()


def _dateline_place(doc: Document) -> Place | None:
    m = DATELINE.search(doc.text[:800])
    if m is None:
        return None
    place = geo.resolve(m.group("city").strip().title())
    if place.precision in ("unknown", "country"):
        return None
    return dataclasses.replace(place, text=m.group("city").strip(), reason="the story's dateline")


# a town this large is where wire bureaus sit (capitals, provincial capitals): its dateline is no news of where
BUREAU_POPULATION = 250_000


def dateline_region(doc: Document, places: list[Place]) -> Place | None:
    """The province of the story's dateline, for an incident its words place in that province's country only: a
    small town's dateline is filed near the event ("TILLABERI, Niger - ... an attack in western Niger" is the
    Tillabéri region). Not a large city's, where reporters sit ("NIAMEY, Niger - ... in western Niger")."""
    if not places or any(p.precision != "country" for p in places):
        return None
    line = _dateline_place(doc)
    if line is None or not line.admin1 or {p.country for p in places} != {line.country}:
        return None
    towns = [
        c for c in geo.candidates(line.text or "") if c.country == line.country and c.precision == "city"
    ]
    if any(c.population >= BUREAU_POPULATION for c in towns):
        return None
    region = (
        line
        if line.precision == "admin1"
        else geo.resolve(line.admin1, {line.country} if line.country else None)
    )
    if region.precision != "admin1" or region.country != line.country:
        return None
    return dataclasses.replace(region, text=line.text, reason="the province of the story's dateline")


def _city_of(place: Place) -> Place:
    """A facility's city (lower precision) for a place only inferred from context."""
    if place.precision != "point":
        return dataclasses.replace(place, reason="inferred from context")
    for cand in geo.candidates(place.text or place.name or ""):
        if cand.within:
            city = geo.resolve(cand.within, {cand.country} if cand.country else None)
            return dataclasses.replace(city, reason=f"inferred from context: the city of {place.name}")
    return dataclasses.replace(place, precision="city", reason="inferred from context")
