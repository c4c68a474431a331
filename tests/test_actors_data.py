"""Adding actors and aliases as data, without touching code."""

import subprocess
import sys

from ctwatch.actors import load

USER = """
[[actor]]
id = "ttp"
aliases = ["Tehreek-e-Taliban (TeT)"]

[[actor]]
id = "example-front"
name = "Example Liberation Front"
kind = "armed_group"
country = "PAK"
aliases = ["ELF-P", "Balochistan Liberation Army"]
designations = []

[[actor]]
id = "PAK"
aliases = ["Islamic Republic"]
"""


def test_user_file_adds_aliases_and_actors(tmp_path, monkeypatch):
    path = tmp_path / "mine.toml"
    path.write_text(USER, encoding="utf-8")
    monkeypatch.setenv("CTWATCH_ACTORS", str(path))
    reg = load()
    assert reg.lookup("Tehreek-e-Taliban (TeT)").id == "ttp"
    assert reg.lookup("TTP").id == "ttp"  # the bundled aliases stay
    assert reg.lookup("ELF-P").name == "Example Liberation Front"
    assert reg.lookup("Islamic Republic").id == "PAK"
    # an analyst's own actor wins a name the bundled files give another
    assert reg.lookup("Balochistan Liberation Army").id == "example-front"


def test_cli_shows_an_added_actor(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(USER, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "ctwatch.cli", "actors", "ELF-P", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        env={"CTWATCH_ACTORS": str(path), "PATH": ""},
    )
    assert out.returncode == 0, out.stderr
    assert "Example Liberation Front  [example-front]  armed_group, PAK" in out.stdout


def test_bad_user_file_is_a_clear_error(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "ctwatch.cli", "actors"],
        capture_output=True,
        text=True,
        env={"CTWATCH_ACTORS": str(tmp_path / "missing.toml"), "PATH": ""},
    )
    assert out.returncode == 1 and "CTWATCH_ACTORS" in out.stderr
