"""The project's own checks, run with the tests: ruff and mypy clean, the public facade complete."""

import subprocess
import sys

import pytest

import ctwatch

from .conftest import ROOT


def test_public_facade():
    for name in ctwatch.__all__:
        assert hasattr(ctwatch, name), name
    assert {"extract", "ingest", "open_store", "Document", "Pipeline", "IncidentQuery"} <= set(
        ctwatch.__all__
    )


def test_errors_form_one_tree():
    from ctwatch import errors

    classes = [getattr(errors, n) for n in dir(errors) if isinstance(getattr(errors, n), type)]
    for cls in classes:
        if issubclass(cls, Exception):
            assert issubclass(cls, errors.CtwatchError), cls
            assert cls.__name__ in errors.__doc__


@pytest.mark.slow
def test_ruff_clean():
    out = subprocess.run(["ruff", "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


@pytest.mark.slow
def test_mypy_clean():
    out = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


def test_library_never_prints_or_exits():
    for path in (ROOT / "src" / "ctwatch").rglob("*.py"):
        if path.name in ("cli.py", "cli_common.py", "cli_lab.py"):
            continue  # the command layer: where errors become one line and an exit code
        text = path.read_text(encoding="utf-8")
        assert "print(" not in text, path
        assert "sys.exit" not in text, path
