"""The store interface every backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Document

AddResult = Literal["added", "updated", "unchanged"]


@dataclass(frozen=True)
class IncidentQuery:
    group: str | None = None  # actor id or any alias
    country: str | None = None  # ISO alpha-3 or a country name
    type: str | None = None  # attack, target or weapon type (case-insensitive substring)
    since: str | None = None  # YYYY-MM-DD, on the incident date
    until: str | None = None
    text: str | None = None  # full-text search over the documents
    status: str | None = None
    limit: int = 100
    offset: int = 0


class Store(ABC):
    """Documents, incidents, actors, places and evidence."""

    @abstractmethod
    def add(self, doc: Document, version: str = "") -> AddResult:
        """Write one processed document and everything in it, atomically and idempotently."""

    @abstractmethod
    def has(self, doc_id: str, version: str = "") -> bool:
        """Is this document stored (processed by this pipeline version, when given)?"""

    @abstractmethod
    def incidents(self, query: IncidentQuery | None = None) -> list[dict[str, Any]]:
        """Incident records (SCHEMA.md shape plus ``document_id``), newest first."""

    @abstractmethod
    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident with its document's title, source and evidence sentences; a unique id prefix works."""

    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: documents, incidents, actors, places, evidence."""

    @abstractmethod
    def actors(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
