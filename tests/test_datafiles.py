"""Data files: present, well-formed, and the generated ones reproducible from their package source."""

import tomllib

import pytest

from ctwatch import datafiles
from ctwatch.errors import DataError


@pytest.mark.parametrize(
    "name",
    [
        "actors.toml",
        "incidents.toml",
        "genre.toml",
        "countries.tsv",
        "countries_extra.tsv",
        "demonyms.tsv",
        "places_extra.tsv",
        "truecase.tsv",
        "common_words.txt",
        "README.md",
    ],
)
def test_data_files_exist(name):
    assert datafiles.path(name).stat().st_size > 0


def test_missing_file_is_a_data_error():
    with pytest.raises(DataError, match="nope.toml"):
        datafiles.path("nope.toml")


def test_actor_ids_unique_and_kinds_known():
    actors = tomllib.loads(datafiles.path("actors.toml").read_text(encoding="utf-8"))["actor"]
    ids = [a["id"] for a in actors]
    assert len(ids) == len(set(ids))
    kinds = {"state", "armed_group", "government", "military", "police", "igo", "party", "person", "other"}
    assert {a["kind"] for a in actors} <= kinds


def test_gtd_names_in_lexicon_are_codebook_names():
    lex = datafiles.toml("incidents.toml")
    attacks = {
        "Assassination",
        "Armed Assault",
        "Bombing/Explosion",
        "Hijacking",
        "Hostage Taking (Barricade Incident)",
        "Hostage Taking (Kidnapping)",
        "Facility/Infrastructure Attack",
        "Unarmed Assault",
        "Unknown",
    }
    weapons = {
        "Biological",
        "Chemical",
        "Radiological",
        "Nuclear",
        "Firearms",
        "Explosives",
        "Fake Weapons",
        "Incendiary",
        "Melee",
        "Vehicle",
        "Sabotage Equipment",
        "Other",
        "Unknown",
    }
    targets = {
        "Business",
        "Government (General)",
        "Police",
        "Military",
        "Abortion Related",
        "Airports & Aircraft",
        "Government (Diplomatic)",
        "Educational Institution",
        "Food or Water Supply",
        "Journalists & Media",
        "Maritime",
        "NGO",
        "Other",
        "Private Citizens & Property",
        "Religious Figures/Institutions",
        "Telecommunication",
        "Terrorists/Non-State Militia",
        "Tourists",
        "Transportation",
        "Unknown",
        "Utilities",
        "Violent Political Party",
    }
    assert {t["attack"] for t in lex["trigger"]} <= attacks
    assert {t["weapon"] for t in lex["trigger"]} <= weapons
    assert {t["type"] for t in lex["target"]} <= targets


def test_countries_regenerate_identically(tmp_path):
    out = datafiles.build_countries(tmp_path / "countries.tsv")
    assert out.read_text(encoding="utf-8") == datafiles.path("countries.tsv").read_text(encoding="utf-8")


@pytest.mark.slow
def test_truecase_regenerates_identically(tmp_path):
    out = datafiles.build_truecase(tmp_path / "truecase.tsv")
    assert out.read_text(encoding="utf-8") == datafiles.path("truecase.tsv").read_text(encoding="utf-8")
