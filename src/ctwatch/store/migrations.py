"""Schema migrations for the SQLite store: plain SQL steps, applied in order and recorded in a table."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            language TEXT,
            genre TEXT,
            text TEXT NOT NULL,
            n_words INTEGER NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            ingested_at TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE places (
            id TEXT PRIMARY KEY,
            name TEXT,
            admin1 TEXT,
            country TEXT,
            lat REAL,
            lon REAL,
            precision TEXT NOT NULL,
            geonames_id INTEGER
        );
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            data TEXT NOT NULL
        );
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT,
            place_id TEXT REFERENCES places(id),
            country TEXT,
            attack_types TEXT NOT NULL,
            target_types TEXT NOT NULL,
            weapon_types TEXT NOT NULL,
            killed_best INTEGER, killed_low INTEGER, killed_high INTEGER,
            wounded_best INTEGER, wounded_low INTEGER, wounded_high INTEGER,
            confidence REAL NOT NULL,
            published TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX incidents_document ON incidents(document_id);
        CREATE INDEX incidents_date ON incidents(date_start);
        CREATE INDEX incidents_country ON incidents(country);
        CREATE TABLE incident_actors (
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            actor_id TEXT,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            attribution TEXT
        );
        CREATE INDEX incident_actors_actor ON incident_actors(actor_id);
        CREATE INDEX incident_actors_incident ON incident_actors(incident_id);
        CREATE TABLE evidence (
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX evidence_incident ON evidence(incident_id);
        CREATE TABLE interactions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            event_type TEXT NOT NULL,
            source_actor TEXT,
            target_actor TEXT,
            modality TEXT,
            data TEXT NOT NULL
        );
        """,
    ),
    (
        "0002_fusion",
        """
        ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
        CREATE TABLE doc_signatures (document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                                     signature TEXT NOT NULL);
        CREATE TABLE doc_bands (band TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE);
        CREATE INDEX doc_bands_band ON doc_bands(band);
        ALTER TABLE incidents ADD COLUMN fused_id TEXT;
        ALTER TABLE incidents ADD COLUMN day_lo INTEGER;
        ALTER TABLE incidents ADD COLUMN day_hi INTEGER;
        CREATE INDEX incidents_fused ON incidents(fused_id);
        CREATE INDEX incidents_block ON incidents(country, day_lo);
        CREATE TABLE fused (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            date_start TEXT,
            country TEXT,
            attack_types TEXT NOT NULL,
            target_types TEXT NOT NULL,
            weapon_types TEXT NOT NULL,
            killed_best INTEGER, killed_low INTEGER, killed_high INTEGER,
            wounded_best INTEGER, wounded_low INTEGER, wounded_high INTEGER,
            confidence REAL NOT NULL,
            published TEXT,
            n_claims INTEGER NOT NULL,
            n_documents INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX fused_date ON fused(date_start);
        CREATE INDEX fused_country ON fused(country);
        CREATE TABLE fused_actors (fused_id TEXT NOT NULL REFERENCES fused(id) ON DELETE CASCADE,
                                   actor_id TEXT, name TEXT NOT NULL, role TEXT NOT NULL);
        CREATE INDEX fused_actors_actor ON fused_actors(actor_id);
        CREATE INDEX fused_actors_fused ON fused_actors(fused_id);
        CREATE TABLE fused_aliases (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
        CREATE TABLE curation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            why TEXT NOT NULL,
            action TEXT NOT NULL,
            payload TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE links (
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
            curation_id INTEGER NOT NULL REFERENCES curation(id)
        );
        CREATE INDEX links_a ON links(a);
        CREATE INDEX links_b ON links(b);
        """,
    ),
    (
        "0003_interaction_columns",
        """
        ALTER TABLE interactions ADD COLUMN status TEXT NOT NULL DEFAULT 'reported';
        ALTER TABLE interactions ADD COLUMN source_name TEXT;
        ALTER TABLE interactions ADD COLUMN target_name TEXT;
        CREATE INDEX interactions_source ON interactions(source_actor);
        CREATE INDEX interactions_target ON interactions(target_actor);
        """,
    ),
    (
        "0004_incident_modality",
        """
        ALTER TABLE incidents ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted';
        ALTER TABLE fused ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted';
        """,
    ),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        try:
            conn.executescript(
                "BEGIN;" + sql + f"INSERT INTO schema_migrations VALUES ('{name}', datetime('now'));COMMIT;"
            )
        except sqlite3.Error:
            conn.rollback()
            raise
        applied.append(name)
    return applied
