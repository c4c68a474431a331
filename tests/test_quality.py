"""The project's own checks, run with the tests: ruff and mypy clean, the public facade complete."""

import ast
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


def prints_or_exits(source: str) -> list[str]:
    """The calls in ``source`` that print or end the process: ``print(...)``, ``sys.exit(...)``, ``exit()``,
    ``quit()``, ``os._exit(...)`` and ``raise SystemExit``, each as ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id
                if isinstance(f, ast.Name)
                else f"{getattr(f.value, 'id', '?')}.{f.attr}"
                if isinstance(f, ast.Attribute)
                else ""
            )
            if name in ("print", "exit", "quit", "sys.exit", "os._exit"):
                found.append(f"{node.lineno}: {name}")
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id == "SystemExit":
                found.append(f"{node.lineno}: raise SystemExit")
    return found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("print('x')", ["1: print"]),
        ("import sys\nsys.exit(2)", ["2: sys.exit"]),
        ("raise SystemExit(1)", ["1: raise SystemExit"]),
        ("exit()", ["1: exit"]),
        (
            "def fingerprint(rows):\n    return rows\nfingerprint([])",
            [],
        ),  # a name holding "print(" is no print
        ("log.info('print(x) is not called here')", []),
    ],
)
def test_prints_or_exits_finds_calls_not_substrings(source, found):
    assert prints_or_exits(source) == found


def test_library_never_prints_or_exits():
    for path in (ROOT / "src" / "ctwatch").rglob("*.py"):
        if path.name in ("cli.py", "cli_common.py", "cli_lab.py"):
            continue  # the command layer: where errors become one line and an exit code
        calls = prints_or_exits(path.read_text(encoding="utf-8"))
        found = [c for c in calls if (path.name, c.split(": ", 1)[1]) not in _ALLOWED]
        assert found == [], path


# a worker process whose main process was killed ends itself: it runs no library caller's code
_ALLOWED = {("parallel.py", "os._exit")}
