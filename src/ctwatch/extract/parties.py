"""The parties of a sentence: the actors it names (registry actors, people of ``persons.tsv``, a city or
province for its country, an unresolved organisation with the country its name gives, a people coded by
where it lives), actors known only by their sector ("a senior official", "police"), and the words around
a name that make it no party at all ("a Bosnia-style war", "an anti-Syria journalist", "the Russian
language"). Read by ``interactions.py``; word lists live in ``data/`` (``sectors.tsv``, ``capitals.tsv``,
``state_births.tsv``, ``interactions.toml``)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import datafiles
from ..actors import Actor, registry
from ..model import ActorRef, Document, Mention, Span
from ..nlp import text_of
from .event_words import lexicon
from .incident_places import _is_dateline


@cache
def _governments() -> dict[str, tuple[str, str]]:
    return {
        g["country"]: (g["actor"], g["since"]) for g in datafiles.toml("actors.toml").get("government_of", [])
    }


_GOV_OF = re.compile(r"\b(government|regime|administration|authorities|leadership)\b", re.I)


def resolve_actor(doc: Document, m: Mention, day: str | None) -> Actor | None:
    """The actor a mention names; "the Afghan government" is whoever governs Afghanistan on that day."""
    reg = registry()
    actor = reg.get(m.actor_id) if m.actor_id and not m.actor_id.startswith("place:") else None
    if actor is None:
        return None
    near = doc.text[max(0, m.start - 25) : m.end + 25]
    if actor.kind == "state" and _GOV_OF.search(near) and actor.id in _governments():
        gov_id, since = _governments()[actor.id]
        if day is not None and day >= since:
            return reg.get(gov_id)
    return actor


@dataclass
class Party:
    ref: ActorRef
    start: int
    end: int
    country: str | None
    place: bool = False  # a city or province standing for its country ("shelled Juba")


@cache
def _capitals() -> dict[str, str]:
    return {row[1].lower(): row[0] for row in datafiles.tsv("capitals.tsv")}


@cache
def _sectors() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:

    table = {row[0].lower(): row[1] for row in datafiles.tsv("sectors.tsv")}
    for _path, text in datafiles.analyst_files("CTWATCH_SECTORS"):
        # more sector words as data, in the format of sectors.tsv; theirs win, and a file whose first line
        # is "!replace" stands in for the bundled words altogether (a peer's dictionary, as its suite wants)
        lines = text.splitlines()
        if lines and lines[0].strip() == "!replace":
            table = {}
        for line in lines:
            cells = line.split("\t")
            if len(cells) >= 2 and not line.startswith("#"):
                table[cells[0].lower()] = cells[1]
    alts = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    after = re.compile(rf"^(?:['’]s)?\s+(?:[A-Z]?[a-z\-]+\s+){{0,2}}?({alts})\b", re.I)
    # "officials in X", and each of "the ambassadors of X, Y and Z"
    conjuncts = r"(?-i:(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?)*)"
    before = re.compile(rf"\b({alts})s?\s+(?:of|in|from)\s+(?:the\s+)?{conjuncts}$", re.I)
    return table, after, before


def sector_of(doc: Document, m: Mention) -> str | None:
    """The part of an actor that acts: "Pakistani delegation" -> GOV, "US forces" -> MIL."""
    table, after, before = _sectors()
    hit = after.match(doc.text[m.end : m.end + 40]) or before.search(doc.text[max(0, m.start - 80) : m.start])
    return table.get(hit.group(1).lower()) if hit else None


def name_country(name: str, countries: frozenset[str] = frozenset()) -> str | None:
    """The country an organisation's own name places it in: a nationality word, a country or a city in it
    ("Nigerian Union of Teachers" -> NGA, "Baghdad University Medical School" -> IRQ); None when none."""
    reg = registry()
    words = re.findall(r"[A-Z][\w'\-]*", name)
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            part = " ".join(words[k : k + n])
            actor = reg.demonym(part) or reg.lookup(part, people=False)
            if actor is not None and actor.kind == "state" and actor.country:
                return actor.country
            if n == 1 and part.lower() in _capitals():
                return _capitals()[part.lower()]
    for word in words:
        if word.lower() not in datafiles.words("common_words.txt") and len(word) > 3:
            country = _place_country(word, countries)
            if country is not None and (country in countries or _big_city(word)):
                return country
    return None


@cache
def _big_city(name: str) -> bool:
    from .. import geo

    return any(c.precision == "city" and c.population >= 500_000 for c in geo.candidates(name))


PLACE_MIN_POPULATION = 100_000


@cache
def _state_births() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in datafiles.tsv("state_births.tsv")}


def country_on(alpha3: str, day: str | None) -> str:
    """The state a place of ``alpha3`` lay in on ``day``: Juba is in Sudan before 2011-07-09."""
    birth = _state_births().get(alpha3)
    return birth[1] if birth and day and day < birth[0] else alpha3


@cache
def _place_country(name: str, context: frozenset[str], day: str | None = None) -> str | None:
    from .. import geo

    cand = geo.choose(geo.candidates(name), set(context))
    if cand is None or cand.country is None:
        return None
    if cand.precision == "city" and cand.population < PLACE_MIN_POPULATION and cand.country not in context:
        return None
    return country_on(cand.country, day)


# "Palma in Mozambique", "Safi tehsil of Mohmand Agency", "Bonn Hanjan, Pulwama", "Palma town near the border in
# Cabo Delgado": the place a town lies in
_IN_PLACE = re.compile(
    r"(?:\s+(?:tehsil|district|village|town|area|block))?"
    r"(?:\s+(?:near|along|on|close\s+to)\s+the\s+(?:border|frontier|coast|highway|outskirts))?"
    r"(?:\s*,\s*|\s+in\s+|\s+of\s+)(?:the\s+)?(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})"
)


def _placed_elsewhere(doc: Document, m: Mention, country: str, day: str | None) -> set[str]:
    """The countries the words right after a town place it in when the gazetteer's reading of it is not among
    them (the town the gazetteer lacks at home: "near Palma in Mozambique"), else none."""
    from .. import geo

    found = _IN_PLACE.match(doc.text, m.end)
    if found is None:
        return set()
    named = {country_on(c, day) for c in geo.context_countries(geo.regions_named([found.group("place")]))}
    return named if country not in named else set()


_ETHNIC = re.compile(r"\bethnic\s+$", re.I)


_PEOPLE_OF = re.compile(r"(?<=s)\s+of\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+|central\s+)?[A-Z]")


_STANCE = re.compile(r"\b(?:pro|anti)-$", re.I)


_LIKENESS = re.compile(
    r"-(?:style|like|type|era|born|made|built|backed|sponsored|funded|supported|aligned|allied|based|occupied|held|controlled)\b",
    re.I,
)


def _next_word(text: str, at: int) -> str:
    found = re.match(r"\s+([\w\-]+)", text[at : at + 40])
    return found.group(1).lower() if found else ""


def _people_of_another(doc: Document, m: Mention, mentions: list[Mention], countries: frozenset[str]) -> bool:
    """ "The Albanians of southern Serbia": a people named by where it lives, a country not its own."""
    hit = _PEOPLE_OF.match(doc.text, m.end)
    if hit is None:
        return False
    # the first name after "of", not a hyphened modifier ("Israeli" of "the Israeli-occupied West Bank")
    after = [n for n in mentions if n.start >= hit.end() - 1 and doc.text[n.end : n.end + 1] != "-"]
    place = min(after, key=lambda n: n.start, default=None)
    if place is None or place.start - hit.end() > 20:
        return False
    own = registry().demonym(m.text)
    actor = registry().lookup(place.text, people=False)
    where = actor.country if actor is not None else _place_country(place.text, countries)
    return where is not None and (own is None or own.country != where)


def _parties(
    doc: Document, mentions: list[Mention], day: str | None, countries: frozenset[str] = frozenset()
) -> list[Party]:
    """The actors a sentence names. ``countries``: those the document names, to read its place names."""
    reg = registry()
    out = []
    for m in mentions:
        if m.label in ("DATE", "CARDINAL", "MONEY", "PERCENT", "TIME", "ORDINAL", "QUANTITY"):
            continue
        if m.label in ("GPE", "LOC") and _is_dateline(doc, m):
            continue  # "KARACHI, October 7 (Wire) - ...": where the story was filed, not who acted
        if _LIKENESS.match(doc.text, m.end) or _STANCE.search(doc.text[max(0, m.start - 5) : m.start]):
            continue  # "a Bosnia-style war", "Soviet-era arms", "an anti-Syria journalist": not a party
        if m.label == "NORP" and _next_word(doc.text, m.end) in lexicon().things:
            continue  # "the Russian language": a thing
        if m.label == "NORP" and (
            _ETHNIC.search(doc.text[max(0, m.start - 12) : m.start])
            or _people_of_another(doc, m, mentions, countries)
        ):
            # "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people, not the state
            # of that name; CAMEO codes it by where it lives (the one country its sentence names, ``_of_country``)
            out.append(Party(ActorRef(None, doc.text[m.start : m.end]), m.start, m.end, None))
            continue
        actor = resolve_actor(doc, m, day)
        place = False
        if actor is None and m.label == "GPE" and m.text.lower() in _capitals():
            # a capital named as an actor stands for its government ("visited Kabul", "Islamabad urged")
            country = _capitals()[m.text.lower()]
            gov = _governments().get(country)
            actor = reg.get(gov[0]) if gov and day and day >= gov[1] else reg.get(country)
        elif actor is None and m.label in ("GPE", "LOC"):
            # another city or province stands for its country, as in CAMEO ("shelled Juba", "demonstrators
            # in Baghdad"); only a place big enough to be the likely reading of its name
            place_country = _place_country(m.text, countries, day)
            if place_country and (elsewhere := _placed_elsewhere(doc, m, place_country, day)):
                # "near Palma in Mozambique": not Palma de Mallorca, a town of the one country its words name
                place_country = next(iter(elsewhere)) if len(elsewhere) == 1 else None
            actor = reg.get(place_country) if place_country else None
            place = actor is not None
        if actor is not None:
            sector = sector_of(doc, m) if actor.kind == "state" else None
            out.append(Party(ActorRef(actor.id, actor.name, sector), m.start, m.end, actor.country, place))
        elif m.label == "PERSON" and len(m.text.split()) >= 2:
            # a person the registry does not know, kept with the name ("Judge Alejandro Rivera")
            out.append(Party(ActorRef(None, m.text, sector_of(doc, m)), m.start, m.end, None))
        elif m.label == "ORG" and (len(m.text.split()) >= 2 or m.text.isupper()) and not m.text.endswith("-"):
            # unresolved, kept with its words and the country they name ("United Bus Company of Tehran")
            named = name_country(m.text, countries)
            out.append(Party(ActorRef(None, m.text, country=named), m.start, m.end, named))
    return out


def _subtree_span(tok: Any) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def _hyphened(p: Party, text: str) -> bool:
    """Is an actor's name only part of a hyphened modifier ("NATO-member", "US-backed")?"""
    return text[p.end : p.end + 1] == "-"


def _one_per_phrase(found: list[Party], text: str) -> list[Party]:
    """Actors named inside one phrase without "and" or a comma between them are one actor ("Bree President
    Romendacil", "Pakistan's Prime Minister Sharif"): the first, with a sector either names."""
    out: list[Party] = []
    for p in found:
        if out and out[-1].end <= p.start and not re.search(r",|\band\b|\bor\b", text[out[-1].end : p.start]):
            prev = out[-1]
            if _hyphened(prev, text):  # "NATO-member Norway": the modifier yields
                out[-1] = p
                continue
            if prev.ref.sector is None and p.ref.sector is not None:
                out[-1] = dataclasses.replace(prev, ref=dataclasses.replace(prev.ref, sector=p.ref.sector))
            continue
        out.append(p)
    return out


AGENT_MAX_WORDS = 8


def _agent(tok: Any, sent: Span) -> list[Party]:
    """An actor known only by what it is ("a senior official said", "police arrested students"): kept
    unresolved, with its words and its sector. A phrase that runs out of its sentence (a headline the
    parser joined to the dateline) or past a few words is no such actor."""
    start, end = _subtree_span(tok)
    if start < sent.start or end > sent.end or len(text_of(tok.doc)[start:end].split()) > AGENT_MAX_WORDS:
        return []
    table = _sectors()[0]
    words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.pos_ in ("NOUN", "ADJ", "PROPN")]
    for last in range(len(words), 0, -1):  # the word nearest the head that names a sector
        for n in (2, 1):
            key = " ".join(words[max(0, last - n) : last])
            sector = table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)
            if sector:
                text = text_of(tok.doc)[start:end]
                known = registry().lookup(text)  # "the Bush administration": a name persons.tsv knows
                if known is not None:
                    return [Party(ActorRef(known.id, known.name, sector), start, end, known.country)]
                country = name_country(text)
                return [Party(ActorRef(None, text, sector, country), start, end, country)]
    return []


def _of_country(p: Party, country: str) -> Party:
    """An unresolved party given the one country its sentence names ("Ibo elders ... the Nigerian
    ministry" -> NGA); a known actor, or one whose own words name a country, stays as it is."""
    if p.ref.actor_id or p.ref.country or not p.ref.name:
        return p
    return dataclasses.replace(p, ref=dataclasses.replace(p.ref, country=country), country=country)
