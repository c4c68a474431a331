"""``ctwatch bench fusion DIR``: score fusion on a folder of reports with gold incident keys, and
``ctwatch bench fusion-scale``: the time curve of fusion as the number of claims grows.

DIR holds ``reports.jsonl`` (records with id, title, published, url, text) and ``gold.json`` =
``{"documents": {record id: [incident key, ...]}, "best": {incident key: {"killed": N, "wounded": N}}}``.
"""

from __future__ import annotations

import itertools
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .. import fuse
from ..errors import BenchError
from ..model import Count
from . import read_text


def _load(folder: Path) -> tuple[Path, dict[str, Any]]:
    reports, gold_path = folder / "reports.jsonl", folder / "gold.json"
    for p in (reports, gold_path):
        if not p.exists():
            raise BenchError(f"{p}: missing (a fusion folder holds reports.jsonl and gold.json)")
    try:
        gold = json.loads(read_text(gold_path))
    except json.JSONDecodeError as exc:
        raise BenchError(f"{gold_path}: not JSON ({exc})") from exc
    if "documents" not in gold or "best" not in gold:
        raise BenchError(f"{gold_path}: needs 'documents' and 'best'")
    return reports, gold


def _pairs(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Document pairs that share a group."""
    by_group: dict[str, set[str]] = {}
    for doc, keys in groups.items():
        for k in keys:
            by_group.setdefault(k, set()).add(doc)
    return {tuple(sorted(p)) for docs in by_group.values() for p in itertools.combinations(sorted(docs), 2)}  # type: ignore[misc]


def sweep(folder: Path, thresholds: list[float]) -> list[dict[str, Any]]:
    """Pair precision and recall of batch fusion at each threshold: the calibration table."""
    from ..core import ingest
    from ..store import SQLiteStore
    from ..store.fusion import _claims

    reports, gold = _load(folder)
    gold_pairs = _pairs({d: set(keys) for d, keys in gold["documents"].items()})
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "fusion.db")
        ingest(store, [str(reports)])
        claims = [c for c, _r in _claims(store.conn, "1", ()).values()]
        record_of = {
            row[0]: json.loads(row[1]).get("meta", {}).get("record_id")
            for row in store.conn.execute("SELECT id, data FROM documents")
        }
        store.close()
    rows = []
    for t in thresholds:
        mapping = fuse.fuse(claims, threshold=t)
        pred: dict[str, set[str]] = {}
        for c in claims:
            if c.status != "hypothetical" and record_of.get(c.document_id):
                pred.setdefault(str(record_of[c.document_id]), set()).add(mapping[c.id])
        pairs = _pairs(pred)
        right = len(pairs & gold_pairs)
        p = right / len(pairs) if pairs else 0.0
        r = right / len(gold_pairs) if gold_pairs else 0.0
        rows.append(
            {
                "threshold": t,
                "incidents": len({i for v in pred.values() for i in v}),
                "pair_precision": round(p, 4),
                "pair_recall": round(r, 4),
                "pair_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            }
        )
    return rows


def run(folder: Path, order_seed: int | None = None) -> dict[str, Any]:
    from ..core import Report, ingest
    from ..store import SQLiteStore

    reports, gold = _load(folder)
    gold_docs: dict[str, set[str]] = {d: set(keys) for d, keys in gold["documents"].items()}
    with tempfile.TemporaryDirectory() as tmp:
        source = reports
        if order_seed is not None:  # the same corpus in another order
            lines = [line for line in read_text(reports).splitlines() if line.strip()]
            random.Random(order_seed).shuffle(lines)
            source = Path(tmp) / "reports.jsonl"
            source.write_text("\n".join(lines), encoding="utf-8")
        store = SQLiteStore(Path(tmp) / "fusion.db")
        report = ingest(store, [str(source)], report=Report())
        start = time.perf_counter()
        n_incidents = store.refuse_all()
        seconds = time.perf_counter() - start
        n_claims = store.counts()["incidents"]
        record_of = {
            row[0]: json.loads(row[1]).get("meta", {}).get("record_id")
            for row in store.conn.execute("SELECT id, data FROM documents")
        }
        incidents = store.incidents(_all())
        store.close()
    pred_docs: dict[str, set[str]] = {}
    for inc in incidents:
        for claim in inc["claims"]:
            rid = record_of.get(claim["document_id"])
            if rid is not None and claim["status"] != "hypothetical":
                pred_docs.setdefault(rid, set()).add(inc["id"])
    gold_pairs, pred_pairs = _pairs(gold_docs), _pairs(pred_docs)
    right = len(gold_pairs & pred_pairs)
    # each gold incident's fused incident: the one holding most of its documents
    best_ok = 0
    matched: dict[str, str | None] = {}
    for key in gold["best"]:
        docs = {d for d, keys in gold_docs.items() if key in keys}
        votes = Counter(i for d in docs for i in pred_docs.get(d, ()))
        matched[key] = votes.most_common(1)[0][0] if votes else None
    by_id = {inc["id"]: inc for inc in incidents}
    for key, want in gold["best"].items():
        hit = by_id.get(matched[key] or "")
        if (
            hit
            and hit["killed"]["best"] == want.get("killed")
            and hit["wounded"]["best"] == want.get("wounded")
        ):
            best_ok += 1
    found = len({i for ids in pred_docs.values() for i in ids})
    return {
        "documents": report.documents,
        "claims": n_claims,
        "incidents": found,
        "incidents_in_store": n_incidents,
        "gold_incidents": len(gold["best"]),
        "pair_precision": round(right / len(pred_pairs), 4) if pred_pairs else 0.0,
        "pair_recall": round(right / len(gold_pairs), 4) if gold_pairs else 0.0,
        "best_count_accuracy": round(best_ok / len(gold["best"]), 4) if gold["best"] else 0.0,
        "seconds_per_10k": round(seconds / max(n_claims, 1) * 10_000, 3),
    }


def _all() -> Any:
    from ..store import IncidentQuery

    return IncidentQuery(limit=10**9)


# ---- scale --------------------------------------------------------------------------------------------

TYPES = ["Bombing/Explosion", "Armed Assault", "Hostage Taking (Kidnapping)", "Assassination"]


def synthetic_claims(n: int, seed: int = 1, reports_per_incident: int = 4) -> list[fuse.Claim]:
    """Claims of n / reports_per_incident incidents, each told by several reports, at random points of a
    13 x 15 degree region, about 3.4 incidents a day (the density of 25,000 incidents in twenty years):
    the time span grows with n, so the curve shows how the algorithm scales, not a denser world."""
    import datetime as dt

    rng = random.Random(seed)
    claims = []
    n_incidents = max(1, n // reports_per_incident)
    span = max(30, int(n_incidents / 3.4))
    for k in range(n_incidents):
        lat, lon = rng.uniform(24.0, 37.0), rng.uniform(61.0, 76.0)
        day = dt.date(2005, 1, 1).toordinal() + rng.randrange(span)
        kind = rng.choice(TYPES)
        killed = rng.randrange(0, 60)
        for r in range(reports_per_incident):
            when = dt.date.fromordinal(day + rng.choice((0, 0, 0, 1))).isoformat()
            claims.append(
                fuse.Claim(
                    id=f"c{k:07d}-{r}",
                    document_id=f"d{k}-{r}",
                    published=dt.date.fromordinal(day + r).isoformat(),
                    genre="news",
                    date_start=when,
                    date_end=when,
                    lat=lat + rng.uniform(-0.02, 0.02),
                    lon=lon + rng.uniform(-0.02, 0.02),
                    country="PAK",
                    place_precision="city",
                    attack_types=(kind,),
                    target_types=(rng.choice(["Police", "Military", "Business"]),),
                    killed=Count(killed + r, killed + r, killed + r),
                )
            )
    rng.shuffle(claims)
    return claims[:n]


def scale(sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        claims = synthetic_claims(n)
        start = time.perf_counter()
        mapping = fuse.fuse(claims)
        seconds = time.perf_counter() - start
        out.append(
            {
                "claims": n,
                "incidents": len(set(mapping.values())),
                "seconds": round(seconds, 3),
                "seconds_per_10k": round(seconds / n * 10_000, 3),
            }
        )
    return out
