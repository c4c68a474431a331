"""The embedded SQLite store: one file, WAL journal, one writer, FTS5 over documents."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from ..actors import norm, registry
from ..errors import StoreError
from ..fuse import Claim
from ..model import Document, Incident, Place, to_dict
from . import fusion
from .base import AddResult, IncidentQuery, Store
from .migrations import migrate


def place_key(p: Place) -> str:
    if p.geonames_id:
        return f"gn:{p.geonames_id}"
    return f"{p.precision}:{p.country or '-'}:{norm(p.name or '')}"


class SQLiteStore(Store):
    def __init__(self, path: str | Path = "ctwatch.db") -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc} (is it a ctwatch SQLite file?)") from exc
        self._write = threading.Lock()  # the one writer
        self._sync_actors()

    # ---- writing ------------------------------------------------------------------------------------

    def _sync_actors(self) -> None:
        rows = [
            (a.id, a.name, a.kind, a.country, json.dumps(a.record(), ensure_ascii=False))
            for a in registry().actors.values()
        ]
        with self._write:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany(
                    "INSERT INTO actors(id, name, kind, country, data) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind, "
                    "country=excluded.country, data=excluded.data",
                    rows,
                )
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                self.conn.execute("ROLLBACK")
                raise

    def has(self, doc_id: str, version: str = "") -> bool:
        row = self.conn.execute("SELECT version FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None and (not version or row["version"] == version)

    def add(self, doc: Document, version: str = "") -> AddResult:
        existing = self.conn.execute("SELECT version FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if existing is not None and existing["version"] == version:
            return "unchanged"
        data = {
            "meta": doc.meta,
            "skips": to_dict(doc.skips),
            "paragraphs": to_dict(doc.paragraphs),
            "sentences": to_dict(doc.sentences),
        }
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._write:
            c = self.conn
            c.execute("BEGIN IMMEDIATE")
            try:
                if existing is None:
                    c.execute(
                        "INSERT INTO documents(id, source, url, title, published, language, genre, text, n_words, "
                        "version, ingested_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            doc.id,
                            doc.source,
                            doc.url,
                            doc.title,
                            doc.published,
                            doc.language,
                            doc.genre,
                            doc.text,
                            len(doc.text.split()),
                            version,
                            now,
                            json.dumps(data, ensure_ascii=False),
                        ),
                    )
                    gone: set[str] = set()
                else:
                    gone = {
                        r[0]
                        for r in c.execute("SELECT fused_id FROM incidents WHERE document_id = ?", (doc.id,))
                        if r[0]
                    }
                    c.execute("DELETE FROM incidents WHERE document_id = ?", (doc.id,))
                    c.execute("DELETE FROM interactions WHERE document_id = ?", (doc.id,))
                    c.execute(
                        "UPDATE documents SET genre=?, version=?, data=?, title=COALESCE(title, ?), "
                        "published=COALESCE(published, ?) WHERE id=?",
                        (
                            doc.genre,
                            version,
                            json.dumps(data, ensure_ascii=False),
                            doc.title,
                            doc.published,
                            doc.id,
                        ),
                    )
                for inc in doc.incidents:
                    self._insert_incident(doc, inc)
                for x in doc.interactions:
                    c.execute(
                        "INSERT OR REPLACE INTO interactions(id, document_id, event_type, source_actor, target_actor, "
                        "modality, data, status, source_name, target_name) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (
                            x.id,
                            doc.id,
                            x.event_type,
                            x.source.actor_id,
                            x.target.actor_id,
                            x.modality,
                            json.dumps(to_dict(x), ensure_ascii=False),
                            x.status,
                            x.source.name,
                            x.target.name,
                        ),
                    )
                changed = fusion.mark_duplicates(c, doc)
                touched = [i.id for i in doc.incidents]
                if changed:
                    marks = ",".join("?" * len(changed))
                    touched += [
                        r[0]
                        for r in c.execute(
                            f"SELECT id FROM incidents WHERE document_id IN ({marks})", tuple(changed)
                        )
                    ]
                fusion.refuse(c, touched, gone)
                c.execute("COMMIT")
            except sqlite3.Error as exc:
                c.execute("ROLLBACK")
                raise StoreError(f"cannot store document {doc.source or doc.id}: {exc}") from exc
        return "added" if existing is None else "updated"

    def _insert_incident(self, doc: Document, inc: Incident) -> None:
        c = self.conn
        days = Claim.from_record(to_dict(inc), doc.id, doc.published, doc.genre).bucket_days()
        loc = inc.location
        place_id = None
        if loc.precision != "unknown":
            place_id = place_key(loc)
            c.execute(
                "INSERT OR IGNORE INTO places(id, name, admin1, country, lat, lon, precision, geonames_id) "
                "VALUES (?,?,?,?,?,?,?,?)",
                (
                    place_id,
                    loc.name,
                    loc.admin1,
                    loc.country,
                    loc.lat,
                    loc.lon,
                    loc.precision,
                    loc.geonames_id,
                ),
            )
        c.execute(
            "INSERT OR REPLACE INTO incidents(id, document_id, status, date_start, date_end, date_precision, place_id, "
            "country, attack_types, target_types, weapon_types, killed_best, killed_low, killed_high, wounded_best, "
            "wounded_low, wounded_high, confidence, published, data, day_lo, day_hi, modality) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                inc.id,
                doc.id,
                inc.status,
                inc.date.start,
                inc.date.end,
                inc.date.precision,
                place_id,
                loc.country,
                json.dumps(inc.attack_types),
                json.dumps(inc.target_types),
                json.dumps(inc.weapon_types),
                inc.killed.best,
                inc.killed.low,
                inc.killed.high,
                inc.wounded.best,
                inc.wounded.low,
                inc.wounded.high,
                inc.confidence,
                doc.published,
                json.dumps(to_dict(inc), ensure_ascii=False),
                days[0] if days else None,
                days[1] if days else None,
                inc.modality,
            ),
        )
        c.executemany(
            "INSERT INTO incident_actors(incident_id, actor_id, name, role, attribution) VALUES (?,?,?,?,?)",
            [(inc.id, p.actor_id, p.name, "perpetrator", p.attribution) for p in inc.perpetrators]
            + [(inc.id, v.actor_id, v.text, "victim", None) for v in inc.victims],
        )
        c.executemany(
            'INSERT INTO evidence(incident_id, document_id, start, "end", text) VALUES (?,?,?,?,?)',
            [(inc.id, doc.id, e.start, e.end, e.text) for e in inc.evidence],
        )

    # ---- reading ------------------------------------------------------------------------------------

    def _filters(self, q: IncidentQuery, t: str, actors: str, key: str) -> tuple[list[str], list[Any]]:
        """WHERE clauses shared by claims (table incidents) and fused incidents (table fused)."""
        where: list[str] = []
        args: list[Any] = []
        if q.group:
            actor = registry().lookup(q.group) or registry().get(q.group)
            ids = [actor.id] if actor else []
            if actor:  # a group includes its factions
                ids += [a.id for a in registry().actors.values() if a.parent == actor.id]
            where.append(
                f"{t}.id IN (SELECT {key} FROM {actors} WHERE role='perpetrator' AND "
                f"(actor_id IN ({','.join('?' * len(ids)) or 'NULL'}) OR name LIKE ?))"
            )
            args += [*ids, f"%{q.group}%"]
        if q.country:
            actor = registry().lookup(q.country) or registry().get(q.country.upper())
            where.append(f"{t}.country = ?")
            args.append(actor.country if actor and actor.country else q.country.upper())
        if q.type:
            where.append(f"({t}.attack_types LIKE ? OR {t}.target_types LIKE ? OR {t}.weapon_types LIKE ?)")
            args += [f"%{q.type}%"] * 3
        for value, clause in (
            (q.since, f"COALESCE({t}.date_start, {t}.published) >= ?"),
            (q.until, f"COALESCE({t}.date_start, {t}.published) <= ?"),
            (q.status, f"{t}.status = ?"),
            (q.modality, f"{t}.modality = ?"),
        ):
            if value:
                where.append(clause)
                args.append(value)
        return where, args

    _FTS_DOCS = (
        "SELECT d.id FROM documents d JOIN documents_fts f ON f.rowid = d.rowid WHERE documents_fts MATCH ?"
    )

    def incidents(self, query: IncidentQuery | None = None) -> list[dict[str, Any]]:
        """Fused incidents: one per real-world incident, each with every report's claim."""
        q = query or IncidentQuery()
        where, args = self._filters(q, "f", "fused_actors", "fused_id")
        if q.text:
            where.append(f"f.id IN (SELECT fused_id FROM incidents WHERE document_id IN ({self._FTS_DOCS}))")
            args.append(_fts_query(q.text))
        sql = (
            "SELECT f.data FROM fused f"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY COALESCE(f.date_start, f.published, '') DESC, f.id LIMIT ? OFFSET ?"
        )
        return [json.loads(r[0]) for r in self._rows(sql, (*args, q.limit, q.offset))]

    def claims(self, query: IncidentQuery | None = None) -> list[dict[str, Any]]:
        """Incidents as each report gave them, before fusion (with ``document_id`` and ``fused_id``)."""
        q = query or IncidentQuery()
        where, args = self._filters(q, "i", "incident_actors", "incident_id")
        if q.text:
            where.append(f"i.document_id IN ({self._FTS_DOCS})")
            args.append(_fts_query(q.text))
        sql = (
            "SELECT i.data, i.document_id, i.fused_id, d.title, d.source, d.published FROM incidents i "
            "JOIN documents d ON d.id = i.document_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY COALESCE(i.date_start, i.published, '') DESC, i.id LIMIT ? OFFSET ?"
        )
        return [self._record(r) for r in self._rows(sql, (*args, q.limit, q.offset))]

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"query failed: {exc}") from exc

    @staticmethod
    def _record(row: sqlite3.Row) -> dict[str, Any]:
        rec: dict[str, Any] = json.loads(row["data"])
        rec["document_id"] = row["document_id"]
        rec["fused_id"] = row["fused_id"]
        rec["document_title"] = row["title"]
        rec["document_source"] = row["source"]
        rec["document_published"] = row["published"]
        return rec

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """A fused incident by id, unique prefix, former id, or the id of one of its claims."""
        fid = fusion.resolve_id(self.conn, incident_id)
        if fid is None:
            return None
        row = self.conn.execute("SELECT data FROM fused WHERE id = ?", (fid,)).fetchone()
        return json.loads(row[0]) if row else None

    # ---- fusion and curation ------------------------------------------------------------------------

    def _curate(self, fn: Any, *args: Any) -> Any:
        with self._write:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                out = fn(self.conn, *args)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return out

    def merge(self, a: str, b: str, who: str, why: str) -> str:
        """Make two incidents one (an analyst's decision, kept through re-ingest and re-fusion)."""
        return str(self._curate(fusion.merge, a, b, who, why))

    def split(self, incident_id: str, claim_ids: list[str], who: str, why: str) -> tuple[str, str]:
        """Take some claims out of an incident into one of their own; returns (remaining, new) ids."""
        out: tuple[str, str] = self._curate(fusion.split, incident_id, claim_ids, who, why)
        return out

    def undo(self, who: str) -> dict[str, Any]:
        """Reverse the latest curation decision still in effect."""
        out: dict[str, Any] = self._curate(fusion.undo, who)
        return out

    def curation_log(self) -> list[dict[str, Any]]:
        return fusion.log(self.conn)

    def refuse_all(self) -> int:
        """Fuse every claim again from scratch; returns the number of incidents."""
        return int(self._curate(fusion.rebuild))

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id LIKE ?", (doc_id + "%",)).fetchone()
        if row is None:
            return None
        data = json.loads(row["data"])
        incs = [
            json.loads(r[0])
            for r in self.conn.execute("SELECT data FROM incidents WHERE document_id = ?", (row["id"],))
        ]
        return Document.from_dict(
            {
                "id": row["id"],
                "text": row["text"],
                "source": row["source"],
                "title": row["title"],
                "published": row["published"],
                "url": row["url"],
                "language": row["language"],
                "genre": row["genre"],
                "meta": data.get("meta", {}),
                "skips": data.get("skips", []),
                "paragraphs": data.get("paragraphs", []),
                "sentences": data.get("sentences", []),
                "incidents": incs,
            }
        )

    def counts(self) -> dict[str, int]:
        return {
            t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "documents",
                "incidents",
                "fused",
                "actors",
                "places",
                "evidence",
                "interactions",
                "curation",
            )
        }

    def actors(self) -> list[dict[str, Any]]:
        """Every registry actor with how often the store names it (perpetrator, victim, interactions)."""
        counts: dict[str, dict[str, int]] = {}
        for aid, role, n in self.conn.execute(
            "SELECT actor_id, role, count(DISTINCT fused_id) FROM fused_actors WHERE actor_id IS NOT NULL GROUP BY 1, 2"
        ):
            counts.setdefault(aid, {})[f"incidents_as_{role}"] = n
        for col in ("source_actor", "target_actor"):
            for aid, n in self.conn.execute(
                f"SELECT {col}, count(*) FROM interactions WHERE {col} IS NOT NULL GROUP BY 1"
            ):
                counts.setdefault(aid, {})[f"interactions_as_{col.split('_')[0]}"] = n
        out = []
        for r in self.conn.execute("SELECT id, data FROM actors ORDER BY kind, name"):
            rec = json.loads(r[1])
            rec["counts"] = counts.get(r[0], {})
            out.append(rec)
        return out

    def interactions(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        modality: str | None = None,
        status: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Stored interactions, newest documents first, filtered by actor (either side), type, modality."""
        where, args = [], []
        if actor:
            found = registry().lookup(actor) or registry().get(actor)
            ids = [found.id] if found else []
            where.append(
                f"(x.source_actor IN ({','.join('?' * len(ids)) or 'NULL'}) OR "
                f"x.target_actor IN ({','.join('?' * len(ids)) or 'NULL'}) OR x.source_name LIKE ? OR x.target_name LIKE ?)"
            )
            args += [*ids, *ids, f"%{actor}%", f"%{actor}%"]
        for col, val in (
            ("event_type", event_type and event_type.upper()),
            ("modality", modality),
            ("status", status),
        ):
            if val:
                where.append(f"x.{col} = ?")
                args.append(val)
        rows = self.conn.execute(
            "SELECT x.data, x.document_id, d.title, d.published FROM interactions x JOIN documents d ON d.id = x.document_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY COALESCE(d.published, '') DESC, x.id LIMIT ?",
            (*args, limit),
        ).fetchall()
        out = []
        for r in rows:
            rec = json.loads(r[0])
            rec.update(document_id=r[1], document_title=r[2], document_published=r[3])
            out.append(rec)
        return out

    def close(self) -> None:
        self.conn.close()


def _fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (AND), so punctuation can't break the syntax."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'
