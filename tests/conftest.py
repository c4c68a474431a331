"""Shared fixtures: real SQLite files in tmp_path, documents we write ourselves, the shared folder if present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def store(tmp_path):
    from ctwatch.store import SQLiteStore

    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def pipeline():
    from ctwatch.stages import default_pipeline

    p = default_pipeline()
    p.setup()
    return p
