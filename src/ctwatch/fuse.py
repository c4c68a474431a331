"""One incident, many reports: near-duplicate documents, cross-document fusion of incident claims, and the
policy that turns conflicting figures into best/low/high.

Every incident a document yields is a *claim*. Claims that describe the same real-world incident are
grouped into one fused incident; every claim stays visible with its source and publication date.

How two claims are compared (``score``): a hard gate first (different countries, explicit dates more
than ``DATE_WINDOW_DAYS`` apart, places more than ``MAX_KM`` apart, clashing specific attack types, or a
claim of another document with neither an incident date nor a publication date never match), then points
for agreeing evidence: date, distance, attack type, target type, perpetrator, casualty figures. A pair at or
above ``THRESHOLD`` is linked; ``docs/fusion.md`` gives the calibration.

How claims become incidents (``cluster``): linked pairs are joined strongest first (Kruskal order, ties
by id), never joining two groups that an analyst has kept apart (cannot-link) and always joining groups an
analyst merged (must-link). The result depends only on the set of claims and decisions, never on the
order documents arrived in, and a fused incident's id is its smallest claim id.

Best figures (``best_count``): among claims that state a figure, news and reports outweigh opinion,
official sources outweigh others, and later publication outweighs earlier; the best figure comes from the
top-ranked claim. ``low``/``high`` span every figure reported, so the range of reports is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import Count

THRESHOLD = 2.5  # calibrated on tests/fixtures/fusion (docs/fusion.md); pairs at or above are linked
DATE_WINDOW_DAYS = 3  # explicit event dates further apart are different incidents
MAX_KM = 60.0  # places further apart are different incidents
UNDATED_LOOKBACK_DAYS = 400  # an undated claim may refer back this far from its publication date
UNDATED_PENALTY = 1.5  # an undated claim (a passing mention) needs this much more agreeing evidence
OFFICIAL = re.compile(
    r"\b(police|officials?|ministry|minister|spokes(?:man|person|woman)|military|army|ISPR|government|"
    r"authorities|hospital|rescue|provincial|inspector general|commissioner)\b[^.]{0,40}\b(said|say|says|told|"
    r"confirmed|stated|announced)\b|\baccording to (?:the )?(?:police|officials?|authorities|the ministry)\b",
    re.I,
)


# ---- claims -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """What one report says about one incident."""

    id: str
    document_id: str
    published: str | None = None
    genre: str | None = None
    status: str = "reported"
    date_start: str | None = None
    date_end: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    place_precision: str = "unknown"
    attack_types: tuple[str, ...] = ()
    target_types: tuple[str, ...] = ()
    perpetrators: tuple[str, ...] = ()  # actor ids
    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    official: bool = False
    duplicate_of: str | None = None  # the document this one copies

    @classmethod
    def from_record(
        cls,
        rec: dict[str, Any],
        document_id: str,
        published: str | None,
        genre: str | None,
        duplicate_of: str | None = None,
    ) -> Claim:
        """A claim from a stored incident record (``to_dict`` of an Incident)."""
        loc, date = rec.get("location", {}), rec.get("date", {})
        evidence = " ".join(e.get("text", "") for e in rec.get("evidence", []))
        return cls(
            id=rec["id"],
            document_id=document_id,
            published=published,
            genre=genre,
            status=rec.get("status", "reported"),
            date_start=date.get("start"),
            date_end=date.get("end"),
            lat=loc.get("lat"),
            lon=loc.get("lon"),
            country=loc.get("country"),
            admin1=loc.get("admin1"),
            place_precision=loc.get("precision", "unknown"),
            attack_types=tuple(rec.get("attack_types", ())),
            target_types=tuple(rec.get("target_types", ())),
            perpetrators=tuple(
                p["actor_id"]
                for p in rec.get("perpetrators", ())
                if p.get("actor_id") and p.get("attribution") != "denied"
            ),
            killed=Count(**_count(rec.get("killed"))),
            wounded=Count(**_count(rec.get("wounded"))),
            official=bool(OFFICIAL.search(evidence)),
            duplicate_of=duplicate_of,
        )

    def day(self) -> dt.date | None:
        return _date(self.date_start)

    def bucket_days(self) -> tuple[int, int] | None:
        """The range of days (ordinal) this claim's incident may fall on, for blocking."""
        day = self.day()
        if day is not None:
            end = _date(self.date_end) or day
            return day.toordinal(), end.toordinal()
        pub = _date(self.published)
        if pub is not None:
            return pub.toordinal() - UNDATED_LOOKBACK_DAYS, pub.toordinal()
        return None


def _count(c: dict[str, Any] | None) -> dict[str, Any]:
    c = c or {}
    return {k: c.get(k) for k in ("best", "low", "high", "text")}


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _km(a: Claim, b: Claim) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


_SPECIFIC = {
    "Bombing/Explosion",
    "Hostage Taking (Kidnapping)",
    "Hijacking",
    "Hostage Taking (Barricade Incident)",
    "Facility/Infrastructure Attack",
    "Armed Assault",
    "Assassination",
}
_COMPATIBLE = {
    frozenset({"Armed Assault", "Assassination"}),
    frozenset({"Armed Assault", "Bombing/Explosion"}),
    frozenset({"Bombing/Explosion", "Facility/Infrastructure Attack"}),
}


def _types_clash(a: Claim, b: Claim) -> bool:
    sa, sb = set(a.attack_types) & _SPECIFIC, set(b.attack_types) & _SPECIFIC
    if not sa or not sb or sa & sb:
        return False
    return not any(frozenset({x, y}) in _COMPATIBLE for x in sa for y in sb)


def score(a: Claim, b: Claim) -> float | None:
    """Evidence that two claims report the same incident; None when they cannot."""
    if a.status == "hypothetical" or b.status == "hypothetical":
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if _types_clash(a, b):
        return None
    da, db = a.day(), b.day()
    if a.document_id != b.document_id and (
        (da is None and _date(a.published) is None) or (db is None and _date(b.published) is None)
    ):
        return None  # nothing places it in time: only its own report can tell it is the same incident
    points = 0.0
    if da is not None and db is not None:
        # a month or year is a range: the gap is between the ranges
        ea, eb = _date(a.date_end) or da, _date(b.date_end) or db
        gap = max(0, (max(da, db) - min(ea, eb)).days)
        if gap > DATE_WINDOW_DAYS:
            return None
        exact = ea == da and eb == db
        points += (2.0 if gap == 0 else 1.5 if gap <= 1 else 0.5) if exact else 0.5
    else:  # one undated: it must be published after the other's date, within the lookback
        points -= UNDATED_PENALTY
        known, undated = (a, b) if da is not None else (b, a)
        kd, pub = known.day(), _date(undated.published)
        if kd is not None and pub is not None:
            if not (0 <= (pub - kd).days <= UNDATED_LOOKBACK_DAYS):
                return None
        elif kd is None and pub is not None and _date(known.published) is not None:
            kpub = _date(known.published)
            assert kpub is not None
            if abs((kpub - pub).days) > UNDATED_LOOKBACK_DAYS:
                return None
    km = _km(a, b)
    if km is not None:
        if km > MAX_KM and "country" not in (a.place_precision, b.place_precision):
            return None
        points += 2.0 if km <= 15 else 1.0 if km <= 40 else 0.0
    elif a.admin1 and a.admin1 == b.admin1:
        points += 0.5
    if set(a.attack_types) & set(b.attack_types) & _SPECIFIC:
        points += 1.0
    if set(a.target_types) & set(b.target_types):
        points += 1.0
    if set(a.perpetrators) & set(b.perpetrators):
        points += 1.0
    if _close(a.killed, b.killed) or _close(a.wounded, b.wounded):
        points += 0.5
    if a.document_id == b.document_id:
        points -= 1.0  # one report rarely tells the same incident twice under two triggers
    return points


def _close(x: Count, y: Count) -> bool:
    if x.best is None or y.best is None or not x.best or not y.best:
        return False
    return max(x.best, y.best) / min(x.best, y.best) <= 2.5


# ---- blocking and clustering ------------------------------------------------------------------------


WEEK = 7
CELL_DEGREES = 1.0  # a grid cell of about 110 km: with its neighbours it covers MAX_KM


def _weeks(days: tuple[int, int] | None) -> range:
    """The weeks a claim's days (``Claim.bucket_days``) may fall in, a week to spare each side."""
    if days is None:
        return range(-1, 0)  # no date at all: one bucket of its own per country
    lo, hi = days
    return range(lo // WEEK - 1, hi // WEEK + 2)


def _cell(c: Claim) -> tuple[int, int] | None:
    if c.lat is None or c.lon is None or c.place_precision in ("country", "unknown"):
        return None
    return int(math.floor(c.lat / CELL_DEGREES)), int(math.floor(c.lon / CELL_DEGREES))


def candidate_pairs(claims: Iterable[Claim]) -> Iterable[tuple[Claim, Claim]]:
    """Pairs worth scoring, each once: same country, overlapping weeks, and neighbouring grid cells
    (a claim without a precise place meets every claim of its country and weeks)."""
    by_cell: dict[tuple[str, int, int, int], list[Claim]] = {}
    by_week: dict[tuple[str, int], list[Claim]] = {}
    vague: dict[tuple[str, int], list[Claim]] = {}
    seen: set[tuple[str, str]] = set()
    for c in claims:
        country = c.country or "?"
        days = c.bucket_days()
        if days is None:  # a claim no date places meets its own document's claims only
            country = f"{country}|{c.document_id}"
        cell = _cell(c)
        weeks = _weeks(days)
        pool: list[Claim] = []
        for w in weeks:
            if cell is None:
                pool += by_week.get((country, w), ())
            else:
                pool += vague.get((country, w), ())
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        pool += by_cell.get((country, cell[0] + dx, cell[1] + dy, w), ())
        for other in pool:
            pair = (c.id, other.id) if c.id < other.id else (other.id, c.id)
            if pair not in seen:
                seen.add(pair)
                yield (c, other)
        for w in weeks:
            by_week.setdefault((country, w), []).append(c)
            if cell is None:
                vague.setdefault((country, w), []).append(c)
            else:
                by_cell.setdefault((country, cell[0], cell[1], w), []).append(c)


@dataclass(frozen=True)
class Decisions:
    """Analysts' decisions between claims: pairs kept together and pairs kept apart."""

    must: frozenset[tuple[str, str]] = frozenset()
    cannot: frozenset[tuple[str, str]] = frozenset()


def cluster(
    claim_ids: Iterable[str], edges: Iterable[tuple[float, str, str]], decisions: Decisions = Decisions()
) -> dict[str, str]:
    """claim id -> fused id (the smallest claim id of its group); deterministic for a given input set."""
    ids = sorted(set(claim_ids))
    parent = {i: i for i in ids}
    members = {i: {i} for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    apart: dict[str, set[str]] = {}
    for x, y in decisions.cannot:
        apart.setdefault(x, set()).add(y)
        apart.setdefault(y, set()).add(x)

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx == ry:
            return
        if any(other in members[ry] for m in members[rx] for other in apart.get(m, ())):
            return
        if len(members[rx]) < len(members[ry]):
            rx, ry = ry, rx
        parent[ry] = rx
        members[rx] |= members.pop(ry)

    for x, y in sorted(decisions.must):
        if x in parent and y in parent:
            union(x, y)
    for _s, x, y in sorted(((-s, min(x, y), max(x, y)) for s, x, y in edges if x in parent and y in parent)):
        union(x, y)
    out: dict[str, str] = {}
    for root, group in members.items():
        fused = min(group)
        for m in group:
            out[m] = fused
        del root
    return out


def fuse(
    claims: list[Claim], decisions: Decisions = Decisions(), threshold: float = THRESHOLD
) -> dict[str, str]:
    """Batch fusion: claim id -> fused incident id."""
    edges = []
    for a, b in candidate_pairs(claims):
        s = score(a, b)
        if s is not None and s >= threshold:
            edges.append((s, a.id, b.id))
    return cluster((c.id for c in claims), edges, decisions)


# ---- the best figure --------------------------------------------------------------------------------


def rank(c: Claim) -> tuple[int, int, int, str, str]:
    """How much a claim's figures weigh (higher first): the best-figure policy as a sort key."""
    return (
        0 if c.genre == "opinion" or c.status == "historical" else 1,
        1 if c.official else 0,
        0 if c.duplicate_of else 1,
        c.published or "",
        c.id,
    )


def best_count(claims: list[Claim], which: str) -> tuple[Count, str | None]:
    """(best/low/high, the claim id the best figure comes from) for "killed" or "wounded"."""
    stated = [c for c in claims if getattr(c, which).best is not None or getattr(c, which).low is not None]
    if not stated:
        return Count(), None
    top = max(stated, key=rank)
    top_count: Count = getattr(top, which)
    values = [
        v
        for c in stated
        for v in (getattr(c, which).low, getattr(c, which).best, getattr(c, which).high)
        if v is not None
    ]
    return Count(
        best=top_count.best if top_count.best is not None else top_count.low,
        low=min(values),
        high=max(values),
        text=top_count.text,
    ), top.id


# ---- near-duplicate documents -----------------------------------------------------------------------

N_PERM = 64
BANDS = 16
_PRIME = (1 << 61) - 1
# permutations h(x) = (a * x + b) mod p over 32-bit shingle hashes: a, b < 2^32, so a * x + b < 2^64
_A = [int.from_bytes(hashlib.sha256(f"a{i}".encode()).digest()[:4], "big") | 1 for i in range(N_PERM)]
_B = [int.from_bytes(hashlib.sha256(f"b{i}".encode()).digest()[:4], "big") for i in range(N_PERM)]
DUPLICATE_JACCARD = 0.75


def shingles(text: str, k: int = 5) -> set[int]:
    """32-bit hashes of the text's word k-shingles."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        words += [""] * (k - len(words))
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + k]).encode(), digest_size=4).digest(), "big")
        for i in range(len(words) - k + 1)
    }


def minhash(text: str) -> tuple[int, ...]:
    import numpy as np

    x = np.fromiter(shingles(text), dtype=np.uint64)
    a = np.array(_A, dtype=np.uint64)[:, None]
    b = np.array(_B, dtype=np.uint64)[:, None]
    values = (a * x[None, :] + b) % np.uint64(_PRIME)
    return tuple(int(v) for v in values.min(axis=1))


def bands(signature: tuple[int, ...]) -> list[str]:
    rows = N_PERM // BANDS
    return [
        f"{i}:"
        + hashlib.blake2b(repr(signature[i * rows : (i + 1) * rows]).encode(), digest_size=8).hexdigest()
        for i in range(BANDS)
    ]


def similarity(x: tuple[int, ...], y: tuple[int, ...]) -> float:
    return sum(1 for a, b in zip(x, y, strict=True) if a == b) / len(x)
