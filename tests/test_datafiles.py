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
        "persons.tsv",
        "cameo_verbs.tsv",
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


VERBS = """&TIES
+MILITARY
+TRADE

--- MEND  [064] ---
MEND {MENDS MENDED MENDING}
+PATCH_UP
- * &TIES RELATIONS [065]
- NOT * FENCES [112]

--- TRIP [---] ---
TRIP
- * OVER_BORDER [160]
"""


def test_verb_dictionary_rows():
    rows = datafiles.parse_verb_dictionary(VERBS)
    assert ("mended", "064", "") in rows
    assert ("patch up", "064", "") in rows and ("patched up", "064", "") in rows
    # a block's patterns hold for each of its verbs; a synset expands to its members
    assert ("patch up", "065", "* military|trade relations") in rows
    assert ("mend", "112", "not * fences") in rows
    assert ("trip", "---", "") in rows and ("trips", "160", "* over_border") in rows


@pytest.mark.parametrize(
    "build, name",
    [
        (lambda root, out: datafiles.build_persons(root / "petrarch2", out), "persons.tsv"),
        (
            lambda root, out: datafiles.build_cameo_verbs(
                root / "petrarch2", root / "plover" / "CAMEO2PLOVER-2021.txt", out
            ),
            "cameo_verbs.tsv",
        ),
    ],
)
def test_petrarch_derived_files_regenerate_identically(tmp_path, build, name):
    from .conftest import SHARED

    root = SHARED / "eval"
    if not (root / "petrarch2").exists():
        pytest.skip("../shared/eval is not here")
    out = build(root, tmp_path / name)
    assert out.read_text(encoding="utf-8") == datafiles.path(name).read_text(encoding="utf-8")


def test_actor_dictionary_entries():
    text = (
        "<!-- a dictionary we wrote -->\n"
        "ARNOR_REPUBLIC [ARN]\n"
        "+NORTH_KINGDOM\n"
        "KING_ARVEDUI [ARNGOV]  # the last king\n"
        "\t[ARNGOV 811007-820102]\n"
        "\t[ARNELI >820103]\n"
        "[BROKEN] HEAD\n"
        "+ORPHAN_ALIAS\n"
        "\t[ORPHAN 900101-900102]\n"
        "BREE\n"
    )
    assert datafiles.parse_actor_dictionary(text) == [
        ("ARNOR REPUBLIC", ["NORTH KINGDOM"], "ARN", []),
        ("KING ARVEDUI", [], "ARNGOV", ["ARNGOV 811007-820102", "ARNELI >820103"]),
        ("BREE", [], "", []),  # what followed the unreadable head belongs to no entry
    ]


def test_analyst_files(tmp_path, monkeypatch):
    one, two = tmp_path / "one.tsv", tmp_path / "two.tsv"
    one.write_text("warlord\tREB\n", encoding="utf-8")
    two.write_bytes(b"\xff\xfe not text")
    monkeypatch.setenv("CTWATCH_SECTORS", str(one))
    assert datafiles.analyst_files("CTWATCH_SECTORS") == [(str(one), "warlord\tREB\n")]
    monkeypatch.delenv("CTWATCH_SECTORS")
    assert datafiles.analyst_files("CTWATCH_SECTORS") == []
    # a file that is missing or not text is a one-line error naming the variable and the file
    for bad, why in ((tmp_path / "none.tsv", "No such file"), (two, "not UTF-8")):
        monkeypatch.setenv("CTWATCH_SECTORS", f"{one}:{bad}")
        with pytest.raises(DataError, match=f"CTWATCH_SECTORS names {bad}, which cannot be read.*{why}"):
            datafiles.analyst_files("CTWATCH_SECTORS")
