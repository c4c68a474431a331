"""``ctwatch bench ucdp CSV``: places, actors and deaths of UCDP GED events, read the way ctwatch reads text.

For every event of a UCDP GED export (the HDX layout; a ``#``-tagged HXL row is skipped):

- place: the geocoder resolves ``where_description`` (with the event's country as context); right when the
  point lies within 25 km of UCDP's, and, separately, when its first-level area is UCDP's ``adm_1`` (names
  compared after ``data/admin1_aliases.tsv``: older names such as the Federally Administered Tribal Areas are
  mapped to today's province);
- actor names: ``side_b`` resolves to the actor that the UCDP name means (``data/ucdp_actors.tsv`` is our
  gold for that mapping; a communal side that no registry names is right when nothing resolves), and
  ``actor_name_resolved`` is the share of sides with a registry actor that resolve at all;
- from headlines, where the event has a ``source_headline``: the extracted incident's killed figure lies
  within UCDP's ``low``..``high``, and the extracted perpetrators name ``side_b``'s actor.

Each accuracy comes with the number of events it is over.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .. import datafiles
from ..errors import BenchError
from . import read_text

NON_ACTORS = {"civilians"}  # one-sided violence: side_b is the people attacked, not an actor


def read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise BenchError(
            f"{path}: no such file (UCDP GED for Pakistan lies in ../shared/eval/ucdp_pakistan/)"
        )
    text = read_text(path)
    rows = [
        r for r in csv.DictReader(io.StringIO(text, newline="")) if not (r.get("id") or "").startswith("#")
    ]
    need = {"where_description", "latitude", "longitude", "side_b", "low", "high", "adm_1"}
    if not rows or not need <= set(rows[0]):
        raise BenchError(f"{path}: not a UCDP GED export (needs columns {', '.join(sorted(need))})")
    return rows


def _key(name: str) -> str:
    key = name.lower().replace("&", "and")
    key = re.sub(r"\b(province|territory|capital|state|region|division)\b", " ", key)
    return " ".join(re.sub(r"[^a-z ]", " ", key).split())


@cache
def _admin1_aliases() -> dict[str, str]:
    return {_key(old): _key(new) for old, new in datafiles.tsv("admin1_aliases.tsv")}


def admin1_key(name: str | None) -> str:
    """'Khyber Pakhtunkwa province' and 'Khyber Pakhtunkhwa' compare equal; older names map to today's."""
    if not name:
        return ""
    return _admin1_aliases().get(_key(name), _key(name))


def side_actor(reg: Any, name: str) -> Any:
    """The registry actor a UCDP side name means; UCDP names a faction after its group's acronym ("TTP - TA",
    "TTP-SM"), which is that group when the faction itself is not known."""
    found = reg.lookup(name)
    head = re.match(r"([A-Z]{2,})\s*-\s*\S", name)
    if found is None and head is not None:
        found = reg.lookup(head.group(1))
    return found


def _country(row: dict[str, str]) -> set[str]:
    iso = (row.get("iso3") or "").strip().upper()
    return {iso} if len(iso) == 3 else set()


def _headline_docs(rows: list[dict[str, str]]) -> Iterator[Any]:
    from ..model import Document

    for i, row in enumerate(rows):
        head = (row.get("source_headline") or "").strip()
        if head:
            day = (row.get("source_date") or row.get("date_start") or "")[:10] or None
            # the field lists an event's headlines joined by ";": one line each, so each is read as its own
            head = "\n".join(part.strip() for part in head.split(";") if part.strip())
            yield Document.from_text(head, source=f"ucdp:{i}", published=day, meta={"row": i})


def run(path: Path, limit: int | None = None, progress: bool = False) -> dict[str, Any]:
    from tqdm import tqdm

    from .. import geo
    from ..actors import registry
    from ..stages import default_pipeline

    rows = read(path)[:limit] if limit else read(path)
    reg = registry()
    gold_actor = {row[0]: (row[1] if len(row) > 1 else "") for row in datafiles.tsv("ucdp_actors.tsv")}
    geo.warm()

    near = same_adm = placed = 0
    for row in tqdm(rows, disable=not progress, desc="places", leave=False):
        desc = (row.get("where_description") or "").strip().rstrip(".")
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except ValueError:
            continue
        placed += 1
        if not desc:
            continue
        place = geo.resolve(desc, _country(row))
        if (
            place.lat is not None
            and place.lon is not None
            and geo.haversine_km(place.lat, place.lon, lat, lon) <= 25
        ):
            near += 1
        if row["adm_1"] and admin1_key(place.admin1) == admin1_key(row["adm_1"]):
            same_adm += 1

    actors = [r for r in rows if r["side_b"].strip().lower() not in NON_ACTORS]
    known = [r for r in actors if gold_actor.get(r["side_b"].strip())]
    resolved = right = 0
    for row in actors:
        found = side_actor(reg, row["side_b"].strip())
        want = gold_actor.get(row["side_b"].strip())
        resolved += found is not None and bool(want)
        if want is not None:  # named in our gold mapping: right when it resolves to that actor (or to none)
            right += (found.id if found else "") == want

    pipe = default_pipeline(on_error="skip")
    headed = [r for r in rows if (r.get("source_headline") or "").strip()]
    deaths_ok = actor_ok = actor_n = 0
    for doc in tqdm(
        pipe.pipe(_headline_docs(rows)), total=len(headed), disable=not progress, desc="headlines"
    ):
        row = rows[doc.meta["row"]]
        incs = [i for i in doc.incidents if i.status == "reported"]
        killed = max((i.killed.best for i in incs if i.killed.best is not None), default=0)
        try:
            low, high = int(row["low"]), int(row["high"])
        except ValueError:
            continue
        deaths_ok += low <= killed <= high
        want = gold_actor.get(row["side_b"].strip())
        if want and row["side_b"].strip().lower() not in NON_ACTORS:
            actor_n += 1
            actor_ok += any(p.actor_id == want for i in incs for p in i.perpetrators)

    def acc(k: int, n: int) -> float:
        return round(k / n, 4) if n else 0.0

    return {
        "events": len(rows),
        "place_within_25km": acc(near, placed),
        "place_same_admin1": acc(same_adm, placed),
        "place_n": placed,
        "actor_name_resolved": acc(resolved, len(known)),
        "actor_name_accuracy": acc(right, len(actors)),
        "actor_n": len(actors),
        "actor_unmapped": sum(r["side_b"].strip() not in gold_actor for r in actors),
        "deaths_within_low_high": acc(deaths_ok, len(headed)),
        "deaths_n": len(headed),
        "actor_from_headline": acc(actor_ok, actor_n),
        "actor_from_headline_n": actor_n,
    }
