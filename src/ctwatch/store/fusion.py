"""Fusion inside the SQLite store: near-duplicate documents, incremental re-fusion of the claims a new
document touches, fused incident records, and analysts' curation (merge, split, undo) with an audit log.

All of it runs inside the writer's transaction of ``SQLiteStore.add`` or of a curation call, so a killed
run never leaves half a fusion behind. The decisions themselves live in ``ctwatch.fuse``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .. import fuse
from ..errors import StoreError
from ..model import Document, to_dict

_PREC = {"point": 6, "city": 5, "admin2": 4, "admin1": 3, "country": 2, "unknown": 0}
_ATTRIBUTION = {"claimed": 4, "stated": 3, "suspected": 2, "denied": 1}
_CLAIM_SQL = (
    "SELECT i.id, i.data, i.document_id, i.fused_id, d.published, d.genre, d.duplicate_of, d.source, d.title "
    "FROM incidents i JOIN documents d ON d.id = i.document_id"
)


# ---- near-duplicate documents -----------------------------------------------------------------------


def mark_duplicates(conn: sqlite3.Connection, doc: Document) -> set[str]:
    """File the document's MinHash; link it with stored near-copies. Returns the documents whose
    duplicate status changed (their claims' fused records need recomposing)."""
    body = doc.text
    if doc.title and body.startswith(doc.title):  # headlines differ between sites; the story does not
        body = body[len(doc.title) :]
    sig = fuse.minhash(body)
    bands = fuse.bands(sig)
    conn.execute(
        "INSERT OR REPLACE INTO doc_signatures(document_id, signature) VALUES (?, ?)",
        (doc.id, json.dumps(sig)),
    )
    conn.execute("DELETE FROM doc_bands WHERE document_id = ?", (doc.id,))
    conn.executemany("INSERT INTO doc_bands(band, document_id) VALUES (?, ?)", [(b, doc.id) for b in bands])
    rows = conn.execute(
        f"SELECT DISTINCT s.document_id, s.signature FROM doc_bands b JOIN doc_signatures s ON s.document_id = b.document_id "
        f"WHERE b.band IN ({','.join('?' * len(bands))}) AND b.document_id != ?",
        (*bands, doc.id),
    ).fetchall()
    group = {doc.id} | {
        r[0] for r in rows if fuse.similarity(sig, tuple(json.loads(r[1]))) >= fuse.DUPLICATE_JACCARD
    }
    if len(group) == 1:
        return set()
    # the copies of a copy belong to the same group
    marks = f"({','.join('?' * len(group))})"
    for r in conn.execute(f"SELECT id FROM documents WHERE duplicate_of IN {marks}", tuple(group)):
        group.add(r[0])
    canonical = min(group)
    changed = set()
    for d in group:
        want = None if d == canonical else canonical
        row = conn.execute("SELECT duplicate_of FROM documents WHERE id = ?", (d,)).fetchone()
        if row is not None and row[0] != want:
            conn.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (want, d))
            changed.add(d)
    return changed


# ---- claims -----------------------------------------------------------------------------------------


def _claims(
    conn: sqlite3.Connection, where: str, args: Iterable[Any]
) -> dict[str, tuple[fuse.Claim, dict[str, Any]]]:
    out = {}
    for row in conn.execute(f"{_CLAIM_SQL} WHERE {where}", tuple(args)):
        rec = json.loads(row["data"])
        rec["_document"] = {
            "id": row["document_id"],
            "published": row["published"],
            "genre": row["genre"],
            "duplicate_of": row["duplicate_of"],
            "source": row["source"],
            "title": row["title"],
        }
        rec["_fused_id"] = row["fused_id"]
        out[row["id"]] = (
            fuse.Claim.from_record(
                rec, row["document_id"], row["published"], row["genre"], row["duplicate_of"]
            ),
            rec,
        )
    return out


def _in(ids: Iterable[str]) -> tuple[str, list[str]]:
    ids = list(ids)
    return f"({','.join('?' * len(ids)) or 'NULL'})", ids


def block_range(claim: fuse.Claim) -> tuple[int | None, int | None]:
    days = claim.bucket_days()
    return (days[0], days[1]) if days else (None, None)


def _neighbours(conn: sqlite3.Connection, claim: fuse.Claim) -> set[str]:
    lo, hi = block_range(claim)
    pad = fuse.DATE_WINDOW_DAYS + 1
    args: list[Any]
    if claim.country is None or lo is None or hi is None:
        # no country, or no date and no publication date: compare within its own document only
        sql, args = "document_id = ?", [claim.document_id]
    else:
        sql = "country IS ? AND day_lo <= ? AND day_hi >= ?"
        args = [claim.country, hi + pad, lo - pad]
    return {r[0] for r in conn.execute(f"SELECT id FROM incidents WHERE {sql}", args)}


def _decisions(conn: sqlite3.Connection, ids: set[str]) -> fuse.Decisions:
    marks, args = _in(ids)
    rows = conn.execute(
        f"SELECT l.a, l.b, l.kind FROM links l JOIN curation c ON c.id = l.curation_id "
        f"WHERE c.undone = 0 AND l.a IN {marks} AND l.b IN {marks}",
        (*args, *args),
    ).fetchall()
    return fuse.Decisions(
        must=frozenset((r[0], r[1]) for r in rows if r[2] == "must"),
        cannot=frozenset((r[0], r[1]) for r in rows if r[2] == "cannot"),
    )


def refuse(conn: sqlite3.Connection, claim_ids: Iterable[str], gone_fused: Iterable[str] = ()) -> None:
    """Re-fuse the neighbourhood of some claims: their candidates, the incidents those belong to, and
    incidents that lost claims (``gone_fused``). Work stays proportional to that neighbourhood."""
    seeds = _claims(conn, *_where_ids(claim_ids))
    affected_fused = set(gone_fused) | {rec["_fused_id"] for _c, rec in seeds.values() if rec["_fused_id"]}
    near: set[str] = set(seeds)
    for claim, _rec in seeds.values():
        near |= _neighbours(conn, claim)
    marks, args = _in(near)
    affected_fused |= {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT fused_id FROM incidents WHERE id IN {marks} AND fused_id IS NOT NULL", args
        )
    }
    # everything in those incidents, and everything analysts linked to it
    fm, fargs = _in(affected_fused)
    group = near | {r[0] for r in conn.execute(f"SELECT id FROM incidents WHERE fused_id IN {fm}", fargs)}
    gm, gargs = _in(group)
    linked = {
        r[0]
        for r in conn.execute(
            f"SELECT l.b FROM links l JOIN curation c ON c.id = l.curation_id WHERE c.undone = 0 AND l.kind = 'must' "
            f"AND l.a IN {gm} UNION SELECT l.a FROM links l JOIN curation c ON c.id = l.curation_id WHERE c.undone = 0 "
            f"AND l.kind = 'must' AND l.b IN {gm}",
            (*gargs, *gargs),
        )
    }
    if linked - group:
        group |= linked
        fm2, f2 = _in(linked)
        affected_fused |= {
            r[0] for r in conn.execute(f"SELECT fused_id FROM incidents WHERE id IN {fm2}", f2) if r[0]
        }
        fm, fargs = _in(affected_fused)
        group |= {r[0] for r in conn.execute(f"SELECT id FROM incidents WHERE fused_id IN {fm}", fargs)}
    _apply(conn, _claims(conn, *_where_ids(group)), affected_fused)


def _where_ids(ids: Iterable[str]) -> tuple[str, list[str]]:
    marks, args = _in(ids)
    return f"i.id IN {marks}", args


def rebuild(conn: sqlite3.Connection) -> int:
    """Fuse every stored claim from scratch (after a threshold change, or to check the incremental path)."""
    everything = _claims(conn, "1", ())
    old = {r[0] for r in conn.execute("SELECT id FROM fused")}
    _apply(conn, everything, old)
    return conn.execute("SELECT count(*) FROM fused").fetchone()[0]


def _apply(
    conn: sqlite3.Connection, claims: dict[str, tuple[fuse.Claim, dict[str, Any]]], old_fused: set[str]
) -> None:
    only = [c for c, _r in claims.values()]
    edges = []
    for a, b in fuse.candidate_pairs(only):
        s = fuse.score(a, b)
        if s is not None and s >= fuse.THRESHOLD:
            edges.append((s, a.id, b.id))
    mapping = fuse.cluster(claims, edges, _decisions(conn, set(claims)))
    conn.executemany("UPDATE incidents SET fused_id = ? WHERE id = ?", [(f, c) for c, f in mapping.items()])
    new_ids = set(mapping.values())
    gone = old_fused - new_ids
    if gone:
        gm, gargs = _in(gone)
        conn.execute(f"DELETE FROM fused WHERE id IN {gm}", gargs)
        for old in gone:  # an incident id that changed still finds its incident
            target = mapping.get(old)
            if target is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO fused_aliases(old_id, new_id) VALUES (?, ?)", (old, target)
                )
    conn.execute(f"DELETE FROM fused_aliases WHERE old_id IN {_in(new_ids)[0]}", list(new_ids))
    groups: dict[str, list[str]] = {}
    for cid, fid in mapping.items():
        groups.setdefault(fid, []).append(cid)
    for fid, members in groups.items():
        _write(conn, fid, [claims[m] for m in sorted(members)])


# ---- fused records ----------------------------------------------------------------------------------


def compose(fid: str, members: list[tuple[fuse.Claim, dict[str, Any]]]) -> dict[str, Any]:
    """One fused incident from its claims (SCHEMA.md incident shape, plus ``claims``)."""
    ranked = sorted(members, key=lambda m: fuse.rank(m[0]), reverse=True)
    recs = [r for _c, r in ranked]
    claims = [c for c, _r in ranked]
    statuses = Counter(r["status"] for r in recs)
    status = "reported" if statuses.get("reported") else statuses.most_common(1)[0][0]
    modalities = Counter(r.get("modality", "asserted") for r in recs)
    modality = "asserted" if modalities.get("asserted") else modalities.most_common(1)[0][0]
    dated = [r for r in recs if r["date"].get("start") and r["date"].get("precision") == "day"]
    date = (dated or [r for r in recs if r["date"].get("start")] or recs)[0]["date"]
    placed = sorted(recs, key=lambda r: _PREC.get(r["location"].get("precision", "unknown"), 0), reverse=True)
    location = placed[0]["location"]

    def top(key: str) -> list[str]:
        votes = Counter(t for r in recs for t in r.get(key, []) if t != "Unknown")
        return [t for t, _n in votes.most_common(3)] or ["Unknown"]

    perps: dict[str, dict[str, Any]] = {}
    for r in recs:
        for p in r.get("perpetrators", []):
            key = p.get("actor_id") or p["name"].lower()
            have = perps.get(key)
            if have is None or _ATTRIBUTION[p["attribution"]] > _ATTRIBUTION[have["attribution"]]:
                perps[key] = {
                    k: p.get(k) for k in ("actor_id", "name", "attribution", "confidence", "reason", "text")
                }
    victims: dict[str, dict[str, Any]] = {}
    for r in recs:
        for v in r.get("victims", []):
            victims.setdefault(v["text"].lower(), v)
    killed, killed_from = fuse.best_count(claims, "killed")
    wounded, wounded_from = fuse.best_count(claims, "wounded")
    docs = {c.document_id for c in claims if not c.duplicate_of}
    confidence = min(0.99, max(r.get("confidence", 0) for r in recs) + 0.03 * (len(docs) - 1))
    return {
        "id": fid,
        "status": status,
        "modality": modality,
        "date": date,
        "location": location,
        "attack_types": top("attack_types"),
        "target_types": [t for t in top("target_types") if t != "Unknown"],
        "weapon_types": top("weapon_types"),
        "perpetrators": list(perps.values()),
        "victims": list(victims.values()),
        "killed": {**to_dict(killed), "from_claim": killed_from},
        "wounded": {**to_dict(wounded), "from_claim": wounded_from},
        "confidence": round(confidence, 2),
        "evidence": [dict(e, document_id=r["_document"]["id"]) for r in recs for e in r.get("evidence", [])],
        "n_documents": len(docs),
        "claims": [
            {
                "id": r["id"],
                "document_id": r["_document"]["id"],
                "source": r["_document"]["source"],
                "title": r["_document"]["title"],
                "published": r["_document"]["published"],
                "genre": r["_document"]["genre"],
                "duplicate_of": r["_document"]["duplicate_of"],
                "official": c.official,
                "status": r["status"],
                "date": r["date"],
                "place": r["location"].get("name"),
                "killed": r["killed"],
                "wounded": r["wounded"],
                "perpetrators": [
                    {"name": p["name"], "attribution": p["attribution"]} for p in r.get("perpetrators", [])
                ],
                "evidence": [e["text"] for e in r.get("evidence", [])],
            }
            for c, r in sorted(members, key=lambda m: (m[0].published or "", m[0].id))
        ],
        "policy": "best from the top-ranked claim: news over opinion, official over unattributed, "
        "originals over copies, later over earlier; low/high span all claims",
    }


def _write(conn: sqlite3.Connection, fid: str, members: list[tuple[fuse.Claim, dict[str, Any]]]) -> None:
    rec = compose(fid, members)
    published = max((c.published for c, _r in members if c.published), default=None)
    k, w = rec["killed"], rec["wounded"]
    conn.execute(
        "INSERT OR REPLACE INTO fused(id, status, date_start, country, attack_types, target_types, weapon_types, "
        "killed_best, killed_low, killed_high, wounded_best, wounded_low, wounded_high, confidence, published, "
        "n_claims, n_documents, data, modality) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            fid,
            rec["status"],
            rec["date"].get("start"),
            rec["location"].get("country"),
            json.dumps(rec["attack_types"]),
            json.dumps(rec["target_types"]),
            json.dumps(rec["weapon_types"]),
            k["best"],
            k["low"],
            k["high"],
            w["best"],
            w["low"],
            w["high"],
            rec["confidence"],
            published,
            len(members),
            rec["n_documents"],
            json.dumps(rec, ensure_ascii=False),
            rec["modality"],
        ),
    )
    conn.execute("DELETE FROM fused_actors WHERE fused_id = ?", (fid,))
    conn.executemany(
        "INSERT INTO fused_actors(fused_id, actor_id, name, role) VALUES (?,?,?,?)",
        [
            (fid, p["actor_id"], p["name"], "perpetrator")
            for p in rec["perpetrators"]
            if p["attribution"] != "denied"
        ]
        + [(fid, v.get("actor_id"), v["text"], "victim") for v in rec["victims"]],
    )


# ---- curation ---------------------------------------------------------------------------------------


def _log(conn: sqlite3.Connection, who: str, why: str, action: str, payload: dict[str, Any]) -> int:
    cur = conn.execute(
        "INSERT INTO curation(at, who, why, action, payload) VALUES (?,?,?,?,?)",
        (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), who, why, action, json.dumps(payload)),
    )
    return int(cur.lastrowid or 0)


def claims_of(conn: sqlite3.Connection, fused_or_claim: str) -> list[str]:
    """Claim ids of a fused incident (an id, a unique prefix, an old id, or one of its claim ids)."""
    fid = resolve_id(conn, fused_or_claim)
    if fid is None:
        raise StoreError(f"no single incident matches {fused_or_claim!r}; list ids with `ctwatch incidents`")
    return [r[0] for r in conn.execute("SELECT id FROM incidents WHERE fused_id = ? ORDER BY id", (fid,))]


def resolve_id(conn: sqlite3.Connection, ident: str) -> str | None:
    ident = ident.replace("%", "")
    rows = conn.execute("SELECT id FROM fused WHERE id LIKE ? LIMIT 2", (ident + "%",)).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    alias = conn.execute("SELECT new_id FROM fused_aliases WHERE old_id = ?", (ident,)).fetchone()
    if alias is not None:
        return str(alias[0])
    claim = conn.execute("SELECT fused_id FROM incidents WHERE id LIKE ? LIMIT 2", (ident + "%",)).fetchall()
    if len(claim) == 1 and claim[0][0]:
        return str(claim[0][0])
    return None


def merge(conn: sqlite3.Connection, a: str, b: str, who: str, why: str) -> str:
    ca, cb = claims_of(conn, a), claims_of(conn, b)
    if set(ca) == set(cb):
        raise StoreError(f"{a} and {b} are already one incident")
    cid = _log(conn, who, why, "merge", {"a": ca, "b": cb})
    conn.execute(
        "INSERT INTO links(a, b, kind, curation_id) VALUES (?, ?, 'must', ?)", (min(ca), min(cb), cid)
    )
    # an earlier split between these claims no longer holds
    conn.execute(
        f"DELETE FROM links WHERE kind = 'cannot' AND ((a IN {_in(ca)[0]} AND b IN {_in(cb)[0]}) OR "
        f"(a IN {_in(cb)[0]} AND b IN {_in(ca)[0]}))",
        (*ca, *cb, *cb, *ca),
    )
    refuse(conn, ca + cb)
    return str(conn.execute("SELECT fused_id FROM incidents WHERE id = ?", (ca[0],)).fetchone()[0])


def split(conn: sqlite3.Connection, ident: str, claim_ids: list[str], who: str, why: str) -> tuple[str, str]:
    members = claims_of(conn, ident)
    chosen = [c for m in claim_ids for c in members if c.startswith(m)]
    if not chosen or len(set(chosen)) != len(claim_ids):
        raise StoreError(f"--claims must name claims of {ident}: {', '.join(members)}")
    rest = [m for m in members if m not in chosen]
    if not rest:
        raise StoreError("a split must leave at least one claim behind")
    cid = _log(conn, who, why, "split", {"incident": ident, "apart": chosen, "rest": rest})
    conn.executemany(
        "INSERT INTO links(a, b, kind, curation_id) VALUES (?, ?, 'cannot', ?)",
        [(x, y, cid) for x in chosen for y in rest],
    )
    conn.executemany(
        "INSERT INTO links(a, b, kind, curation_id) VALUES (?, ?, 'must', ?)",
        [(chosen[0], x, cid) for x in chosen[1:]] + [(rest[0], y, cid) for y in rest[1:]],
    )
    mf, margs = _in(members)
    refuse(
        conn,
        members,
        {r[0] for r in conn.execute(f"SELECT DISTINCT fused_id FROM incidents WHERE id IN {mf}", margs)},
    )
    get = conn.execute
    return (
        str(get("SELECT fused_id FROM incidents WHERE id = ?", (rest[0],)).fetchone()[0]),
        str(get("SELECT fused_id FROM incidents WHERE id = ?", (chosen[0],)).fetchone()[0]),
    )


def undo(conn: sqlite3.Connection, who: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT id, action, payload FROM curation WHERE undone = 0 AND action != 'undo' "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise StoreError("nothing to undo: no curation decision is in effect")
    conn.execute("UPDATE curation SET undone = 1 WHERE id = ?", (row[0],))
    _log(conn, who, f"undo of decision {row[0]}", "undo", {"undid": row[0]})
    ids = {
        r[0]
        for r in conn.execute(
            "SELECT a FROM links WHERE curation_id = ? UNION SELECT b FROM links WHERE curation_id = ?",
            (row[0], row[0]),
        )
    }
    present = [r[0] for r in conn.execute(f"SELECT id FROM incidents WHERE id IN {_in(ids)[0]}", list(ids))]
    if present:
        mf, margs = _in(present)
        refuse(
            conn,
            present,
            {r[0] for r in conn.execute(f"SELECT DISTINCT fused_id FROM incidents WHERE id IN {mf}", margs)},
        )
    return {"undid": row[0], "action": row[1], "payload": json.loads(row[2])}


def log(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        {
            "id": r[0],
            "at": r[1],
            "who": r[2],
            "why": r[3],
            "action": r[4],
            "payload": json.loads(r[5]),
            "undone": bool(r[6]),
        }
        for r in conn.execute("SELECT id, at, who, why, action, payload, undone FROM curation ORDER BY id")
    ]
