"""The F1 floor gate: benchmark figures may not drop below the floors pinned in bench/baseline.json."""

import json
import shlex
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

BASELINE = json.loads((ROOT / "bench" / "baseline.json").read_text(encoding="utf-8"))["floors"]
pytestmark = pytest.mark.slow
_CACHE: dict[str, dict] = {}


def figures(command: str) -> dict:
    if command not in _CACHE:
        args = shlex.split(command)
        assert args[0] == "ctwatch"
        out = subprocess.run(
            [sys.executable, "-m", "ctwatch.cli", *args[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        _CACHE[command] = json.loads(out.stdout)
    return _CACHE[command]


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_floor(name):
    spec = BASELINE[name]
    if "../shared" in spec["command"] and not SHARED.exists():
        pytest.skip("../shared/eval is not present")
    value = figures(spec["command"])[spec["key"]]
    assert value >= spec["floor"], f"{name}: {value} fell below the floor {spec['floor']} ({spec['command']})"


def test_floors_are_not_above_what_was_measured():
    for name, spec in BASELINE.items():
        assert spec["floor"] <= spec["measured"], name
