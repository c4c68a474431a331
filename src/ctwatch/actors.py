"""The actor registry: countries, IGOs, state bodies and armed groups, with aliases, dated designations and
date-bounded roles. Read from data files (``countries.tsv``, ``countries_extra.tsv``, ``demonyms.tsv``,
``actors.toml``); code holds no names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from . import datafiles
from .errors import DataError


@dataclass(frozen=True, slots=True)
class Designation:
    list: str
    since: str | None = None
    until: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    kind: str
    since: str | None = None
    until: str | None = None
    country: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    designations: tuple[Designation, ...] = ()
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    demonyms: tuple[str, ...] = field(default=(), compare=False)
    lower_ok: bool = field(default=True, compare=False)  # False: its aliases are words in lower case too
    # aliases that as often mean something else ("SSP", a police rank): the actor only where the document
    # names it otherwise too
    ambiguous: frozenset[str] = field(default=frozenset(), compare=False)
    # names the actor bears in its own region's news that elsewhere name another ("the People's Liberation
    # Army" of Manipur's news, China's army elsewhere), and the regions (admin1 names, normalised, or alpha-3
    # countries) where they stand for it
    local_aliases: tuple[str, ...] = field(default=(), compare=False)
    local_to: frozenset[str] = field(default=frozenset(), compare=False)

    def kind_on(self, day: str | None) -> str:
        """The actor's kind on a date (YYYY-MM-DD); its default kind when the date is unknown."""
        if day is None:
            return self.kind
        for role in self.roles:
            if (role.since is None or role.since <= day) and (role.until is None or day <= role.until):
                return role.kind
        return self.kind

    def record(self) -> dict[str, Any]:
        """The SCHEMA.md actor object."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "country": self.country,
            "designations": [
                {
                    k: v
                    for k, v in (
                        ("list", d.list),
                        ("since", d.since),
                        ("until", d.until),
                        ("source", d.source),
                    )
                    if v
                }
                for d in self.designations
            ],
            "roles": [
                {"kind": r.kind, "since": r.since, "until": r.until, "country": r.country} for r in self.roles
            ],
        }


_NORM = re.compile(r"[\s\-–_'’.]+")


_UNHYPHENED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # a hyphen between two letters


def norm(name: str) -> str:
    """Key for alias lookup: case, hyphens, apostrophes, dots and a leading 'the' don't matter."""
    key = _NORM.sub(" ", name.lower()).strip()
    return key[4:] if key.startswith("the ") else key


GOVERNMENT_OF = "government of "
PERSONS_PREFIX = "ci:"  # ids of the people and institutions from data/persons.tsv (CountryInfo)


MISSPELT_MIN = 7  # shorter names are too close to each other ("Iran", "Iraq") to guess from


def _one_edit(a: str, b: str) -> bool:
    """Are two different strings one deletion, insertion, substitution or adjacent swap apart?"""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    return a[i:] == b[i + 1 :]


class Registry:
    def __init__(self, actors: list[Actor]) -> None:
        self.actors = {a.id: a for a in actors}
        self._by_alias: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._by_local_alias: dict[str, list[str]] = {}
        for a in actors:
            for alias in a.local_aliases:
                self._by_local_alias.setdefault(norm(alias), []).append(a.id)
            for alias in (a.name, *a.aliases):
                self._by_alias.setdefault(norm(alias), a.id)
            for d in a.demonyms:
                self._by_demonym.setdefault(norm(d), a.id)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def children(self, actor_id: str) -> list[Actor]:
        """The actors whose ``parent`` is this one (a group's provinces, factions and affiliates)."""
        return [a for a in self.actors.values() if a.parent == actor_id]

    def lookup(self, text: str, people: bool = True) -> Actor | None:
        """The actor a name refers to, or None. ``people=False``: not one of the people and bodies of
        ``persons.tsv`` (a place name is never a person's)."""
        key = norm(text)
        aid = self._by_alias.get(key)
        if aid is not None and not people and aid.startswith(PERSONS_PREFIX):
            aid = None
        if aid is None and key.endswith((" s", "s")):
            aid = self._by_alias.get(key.rstrip("s").rstrip())
        if aid is None and key.startswith(GOVERNMENT_OF):
            state = self.lookup(key[len(GOVERNMENT_OF) :])  # "Government of Pakistan": the state acting
            return state if state is not None and state.kind == "state" else None
        return self.actors.get(aid) if aid else None

    def has_local_alias(self, text: str) -> bool:
        """Whether a name is some actor's local alias (``local``)."""
        return norm(text) in self._by_local_alias

    def local(self, text: str, regions: set[str]) -> Actor | None:
        """The actor a name stands for in a document that names ``regions`` (admin1 names, normalised, and
        alpha-3 countries), when it is one of that actor's local aliases there ("PLA" in a report from
        Manipur); None elsewhere."""
        for aid in self._by_local_alias.get(norm(text), ()):
            if self.actors[aid].local_to & regions:
                return self.actors[aid]
        return None

    def is_name_of(self, text: str, actor_id: str) -> bool:
        """Whether a text is one of an actor's own names as written in the registry (not a plural, nor
        "Government of ...")."""
        return self._by_alias.get(norm(text)) == actor_id

    def misspelt_state(self, text: str) -> Actor | None:
        """The state a name of at least seven letters misspells by one letter left out, added, changed or
        two swapped ("Afganistan", "Phillipines"), when exactly one state's name or alias is that close."""
        key = norm(text)
        if len(key) < MISSPELT_MIN or self._by_alias.get(key):
            return None
        found = {
            aid
            for alias, aid in self._state_names
            if abs(len(alias) - len(key)) <= 1 and alias[:1] == key[:1] and _one_edit(alias, key)
        }
        return self.actors[found.pop()] if len(found) == 1 else None

    @cached_property
    def _state_names(self) -> list[tuple[str, str]]:
        """(normalised name or alias, id) of every state: the few hundred names a misspelling is tried on."""
        return [(k, aid) for k, aid in self._by_alias.items() if self.actors[aid].kind == "state"]

    def demonym(self, text: str) -> Actor | None:
        """The country a nationality word names ("Chinese" -> China)."""
        aid = self._by_demonym.get(norm(text))
        return self.actors.get(aid) if aid else None

    def names(self) -> list[tuple[str, str, str]]:
        """(text, label, actor id) for every name and demonym, for the entity ruler. A name joined by hyphens
        is given written with spaces as well, as South Asian wire copy often writes it ("Tehreek e Taliban
        Pakistan", "Hizb ul Mujahideen"); ``norm`` reads the two alike."""
        out = []
        for a in self.actors.values():
            if a.id.startswith(PERSONS_PREFIX):
                continue  # thousands of people: resolved from the tagger's PERSON names, not ruled
            label = "GPE" if a.kind == "state" else "ACTOR"
            spelt = [a.name, *a.aliases]
            spelt += [_UNHYPHENED.sub(" ", alias) for alias in spelt]
            for alias in dict.fromkeys(spelt):
                if self._by_alias.get(norm(alias)) == a.id:  # the ruler agrees with lookup on who wins
                    out.append((alias, label, a.id))
            for d in a.demonyms:
                out.append((d, "NORP", a.id))
            if a.kind != "state":
                # a group's local name that is no other actor's ("Maoists"), as a people's word the tagger may
                # miss ("RAIPUR - Maoists blew up ..."): the pipeline gives it the group where the text names a
                # place of the region (``nlp._local_names``)
                out += [
                    (n, "NORP", "")
                    for n in a.local_aliases
                    if n[:1].isupper() and norm(n) not in self._by_alias
                ]
        return out


def _designations(items: list[dict[str, Any]]) -> tuple[Designation, ...]:
    return tuple(Designation(d["list"], d.get("since"), d.get("until"), d.get("source", "")) for d in items)


def load() -> Registry:
    extra = {row[0]: row[1].split("|") for row in datafiles.tsv("countries_extra.tsv")}
    demonyms = {row[0]: row[1].split("|") for row in datafiles.tsv("demonyms.tsv")}
    actors: list[Actor] = []
    for row in datafiles.tsv("countries.tsv"):
        alpha3, _alpha2, name, *rest = row
        aliases = [a for a in (rest[0].split("|") if rest and rest[0] else [])]
        aliases += extra.get(alpha3, [])
        actors.append(
            Actor(
                alpha3,
                name,
                "state",
                alpha3,
                tuple(dict.fromkeys(aliases)),
                demonyms=tuple(demonyms.get(alpha3, [])),
            )
        )
    items = list(datafiles.toml("actors.toml").get("actor", []))
    bundled = {item.get("id") for item in items} | {a.id for a in actors}
    for extra_path, text in datafiles.analyst_files("CTWATCH_ACTORS"):
        items += _user_actors(extra_path, text)
    merged: dict[str, dict[str, Any]] = {}
    for item in items:  # a user entry with a known id adds aliases and designations to it
        have = merged.get(item.get("id", ""))
        if have is not None and "name" not in item:
            have["aliases"] = [*have.get("aliases", []), *item.get("aliases", [])]
            have["designations"] = [*have.get("designations", []), *item.get("designations", [])]
        else:
            merged[item.get("id", f"?{len(merged)}")] = dict(item)
    known_states = {a.id: a for a in actors}
    for item in merged.values():
        if item.get("id") in known_states and "name" not in item:  # more aliases for a country
            a = known_states[item["id"]]
            actors[actors.index(a)] = Actor(
                a.id,
                a.name,
                a.kind,
                a.country,
                (*a.aliases, *item.get("aliases", [])),
                a.designations,
                a.roles,
                a.parent,
                a.demonyms,
                local_aliases=tuple(item.get("local_aliases", [])),
                local_to=_regions(item),
            )
            continue
        try:
            actors.append(
                Actor(
                    id=item["id"],
                    name=item["name"],
                    kind=item["kind"],
                    country=item.get("country"),
                    aliases=tuple(item.get("aliases", [])),
                    designations=_designations(item.get("designations", [])),
                    roles=tuple(Role(**r) for r in item.get("roles", [])),
                    parent=item.get("parent"),
                    lower_ok=bool(item.get("lower_ok", True)),
                    ambiguous=frozenset(norm(x) for x in item.get("ambiguous", [])),
                    local_aliases=tuple(item.get("local_aliases", [])),
                    local_to=_regions(item),
                )
            )
        except (KeyError, TypeError) as exc:
            raise DataError(
                f"actor {item.get('id', '?')!r} is malformed ({exc}): each needs id, name, kind"
            ) from exc
    # an analyst's own new actors come first, so that their names win over the bundled ones
    own = [a for a in actors if a.id not in bundled]
    return Registry(own + [a for a in actors if a.id in bundled] + _persons())


def _regions(item: dict[str, Any]) -> frozenset[str]:
    """An entry's ``local_to``: provinces by name (normalised), countries by alpha-3."""
    return frozenset(x if len(x) == 3 and x.isupper() else norm(x) for x in item.get("local_to", []))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _persons() -> list[Actor]:
    """People and national institutions with their dated roles (``persons.tsv``), after every other
    actor so that none of their aliases takes a name the other files give."""
    out = []
    for row in datafiles.tsv("persons.tsv"):
        name, kind, country, _sector, aliases, roles = (*row, "", "", "", "", "")[:6]
        dated = []
        for part in roles.split(";") if roles else []:
            code, since, until = (*part.split(":"), "", "")[:3]
            # a role's note holds its CAMEO sector (GOV, ELI, MIL...); the person stays a person
            dated.append(Role(kind, since or None, until or None, code[:3], note=code[3:]))
        out.append(
            Actor(
                PERSONS_PREFIX + _slug(name),
                name,
                kind,
                country or None,
                tuple(a for a in aliases.split("|") if a),
                roles=tuple(dated),
            )
        )
    return out


def _user_actors(path: str, text: str) -> list[dict[str, Any]]:
    """Actors or aliases an analyst adds as data: a TOML file in the format of data/actors.toml, named by
    $CTWATCH_ACTORS. An entry with only ``id`` and ``aliases`` adds aliases to a known actor."""
    import tomllib

    try:
        return list(tomllib.loads(text).get("actor", []))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path}: not valid TOML ({exc})") from exc


@cache
def registry() -> Registry:
    """The registry from the bundled data, loaded once per process."""
    return load()
