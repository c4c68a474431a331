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
    modality: str | None = None  # asserted | denied | predicted | hypothetical
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
    def claims(self, query: IncidentQuery | None = None) -> list[dict[str, Any]]:
        """Incidents as each report gave them, before fusion."""

    @abstractmethod
    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One fused incident with its claims and evidence; a unique id prefix, a former id or a claim id works."""

    @abstractmethod
    def merge(self, a: str, b: str, who: str, why: str) -> str:
        """An analyst's decision that two incidents are one; returns the merged id."""

    @abstractmethod
    def split(self, incident_id: str, claim_ids: list[str], who: str, why: str) -> tuple[str, str]:
        """An analyst's decision that some claims are another incident; returns (remaining, new) ids."""

    @abstractmethod
    def undo(self, who: str) -> dict[str, Any]:
        """Reverse the latest decision still in effect."""

    @abstractmethod
    def curation_log(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def refuse_all(self) -> int:
        """Fuse every claim from scratch; returns the number of incidents."""

    @abstractmethod
    def document(self, doc_id: str) -> Document | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: documents, incidents, actors, places, evidence."""

    @abstractmethod
    def actors(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def interactions(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        modality: str | None = None,
        status: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
