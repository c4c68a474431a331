"""Shared fixtures: real SQLite files in tmp_path, documents we write ourselves, the shared folder if present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"

# a report we wrote, hard-wrapped at 75 columns as e-mail and wire copy are
WRAPPED = (
    "PESHAWAR, June 2, 2024 - Two policemen were shot dead and three others were\n"
    "wounded when gunmen on a motorcycle opened fire on a checkpoint on the ring\n"
    "road on Sunday night, a police spokesman said. The attackers fled towards\n"
    "the tribal district of Khyber, and a search was under way on Monday.\n"
    "\n"
    "No group has said it carried out the attack."
)


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
