"""ctwatch: counter-terrorism event intelligence from open sources.

Documents in (files, folders, feeds, URLs), GTD-style incidents out, every value linked to its sentence.

    >>> import ctwatch
    >>> result = ctwatch.extract(["report.txt"])          # the SCHEMA.md object, no store
    >>> with ctwatch.open_store("ctwatch.db") as store:
    ...     ctwatch.ingest(store, ["articles/"])
"""

from __future__ import annotations

__version__ = "0.1.0"

from .core import Report, document_record, extract, ingest, pipeline_version, process  # noqa: E402
from .model import Document, Incident, Span  # noqa: E402
from .pipeline import Pipeline  # noqa: E402
from .stages import default_pipeline  # noqa: E402
from .store import IncidentQuery, Store, open_store  # noqa: E402

__all__ = [
    "Document",
    "Incident",
    "IncidentQuery",
    "Pipeline",
    "Report",
    "Span",
    "Store",
    "__version__",
    "default_pipeline",
    "document_record",
    "extract",
    "ingest",
    "open_store",
    "pipeline_version",
    "process",
]
