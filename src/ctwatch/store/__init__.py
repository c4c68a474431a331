"""Stores: one interface, SQLite by default; a PostgreSQL backend plugs in behind the same interface.

Stages never touch a store. Readers produce Documents, the pipeline fills them, and ``Store.add`` writes one
document with everything found in it in a single transaction, so an interrupted run loses nothing already
written and a re-run adds nothing twice.
"""

from __future__ import annotations

from .base import AddResult, IncidentQuery, Store
from .sqlite import SQLiteStore

__all__ = ["AddResult", "IncidentQuery", "SQLiteStore", "Store", "open_store"]


def open_store(target: str = "ctwatch.db") -> Store:
    """A store from a path (SQLite) or a URL; ``postgresql://`` is reserved for the server backend."""
    from ..errors import StoreError

    if target.startswith(("postgres://", "postgresql://")):
        raise StoreError("the PostgreSQL backend is not part of this release yet; use a SQLite path")
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    return SQLiteStore(target)
