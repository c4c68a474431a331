"""The carrier: one frozen ``Document`` that every stage takes and returns, and the records it holds.

Every record that a stage finds points back to character offsets of ``Document.text``
(``text[start:end] == span.text``) and carries a short ``reason`` saying why it was decided. Whatever a
stage drops is a ``Skip``: counted, never silent. ``to_dict``/``from_dict`` round-trip every type, so the
same shape serves the store, the CLI's JSON, worker processes and golden files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


def content_hash(*parts: str) -> str:
    """sha256 hex digest of the parts joined by NUL: stable across runs and machines."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\0")
        h.update(part.encode("utf-8"))
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named thing in the text: an actor, a place, a date, a number."""

    start: int
    end: int
    text: str
    label: str  # spaCy label or ours: ACTOR, GPE, LOC, FAC, NORP, DATE, CARDINAL ...
    actor_id: str | None = None
    sentence: int = -1  # index into Document.sentences


@dataclass(frozen=True, slots=True)
class When:
    """A date or a range; unknown stays unknown, never invented."""

    start: str | None = None  # YYYY-MM-DD
    end: str | None = None
    precision: str = "unknown"  # day | month | year | unknown
    text: str | None = None
    not_before: str | None = None  # a bound from other facts in the text, when no date is given
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"  # point | city | admin2 | admin1 | country | unknown
    geonames_id: int | None = None
    text: str | None = None  # the words in the document it came from
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people as reports give it: a best guess bounded by low and high."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Perpetrator:
    actor_id: str | None  # None: an unresolved attacker kept with its words ("unidentified gunmen")
    name: str
    attribution: str  # claimed | stated | suspected | denied
    confidence: float = 0.5
    reason: str = ""
    text: str | None = None  # the words in the document


@dataclass(frozen=True, slots=True)
class Victim:
    text: str
    actor_id: str | None = None
    nationality: str | None = None  # ISO alpha-3 from a demonym ("Chinese residents")


@dataclass(frozen=True, slots=True)
class Filler:
    """A target or weapon as the text names it, with its GTD type."""

    text: str
    type: str
    subtype: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    status: str  # reported | historical | hypothetical
    modality: str = "asserted"  # asserted | denied | predicted | hypothetical
    date: When = field(default_factory=When)
    location: Place = field(default_factory=Place)
    attack_types: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    weapon_types: tuple[str, ...] = ()
    perpetrators: tuple[Perpetrator, ...] = ()
    victims: tuple[Victim, ...] = ()
    targets: tuple[Filler, ...] = ()
    weapons: tuple[Filler, ...] = ()
    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    confidence: float = 0.0
    evidence: tuple[Span, ...] = ()
    trigger: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ActorRef:
    actor_id: str | None  # None: an actor the registry does not know, kept with its words
    name: str
    sector: str | None = None  # GOV, MIL, COP, REB ... ("Pakistani troops" -> PAK, MIL)
    # an unresolved actor's country, as its own words or its sentence name it ("Nigerian Union of ...")
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Amount:
    value: float
    currency: str


@dataclass(frozen=True, slots=True)
class Interaction:
    """Who did what to whom (PLOVER/CAMEO). The interactions stage fills these."""

    id: str
    source: ActorRef
    target: ActorRef
    event_type: str
    mode: str | None = None
    cameo: str | None = None
    modality: str = "asserted"  # asserted | denied | predicted | desired | hypothetical
    status: str = "reported"  # reported | historical (background, not a new event)
    amount: Amount | None = None
    date: When = field(default_factory=When)
    confidence: float = 0.0
    evidence: tuple[Span, ...] = ()
    trigger: str = ""


@dataclass(frozen=True, slots=True)
class Skip:
    """Something a stage (or a reader) dropped, and why."""

    stage: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    source: str = ""
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    language: str = "en"
    genre: str | None = None
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    incidents: tuple[Incident, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    skips: tuple[Skip, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        source: str = "",
        title: str | None = None,
        published: str | None = None,
        url: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Document:
        """A document whose id is the hash of its normalised text."""
        from .text import normalise

        clean = normalise(text)
        return cls(
            id=content_hash(clean),
            text=clean,
            source=source,
            title=title,
            published=published,
            url=url,
            meta=dict(meta or {}),
        )

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding a character offset, or -1."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return -1

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return from_dict(cls, data)


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, scalars) from any record."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_build(inner, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from ``to_dict`` output; unknown keys are ignored so old files still load."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: _build(hints[k], v) for k, v in data.items() if k in names}
    return cls(**kwargs)
