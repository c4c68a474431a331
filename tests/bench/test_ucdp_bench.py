"""``ctwatch bench ucdp`` on a small UCDP-layout file of our own (real places, made-up events)."""

import pytest

from ctwatch.bench import ucdp
from ctwatch.errors import BenchError

from ..conftest import ROOT

EVENTS = ROOT / "tests" / "fixtures" / "ucdp" / "events.csv"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Khyber Pakhtunkwa province", "Khyber Pakhtunkhwa"),
        ("Federally Administered Tribal Areas", "Khyber Pakhtunkhwa"),
        ("Azad Jammu & Kashmir", "Azad Jammu and Kashmir"),
        ("Islamabad Capital territory", "Islamabad"),
        ("Balochistan province", "Balochistan"),
    ],
)
def test_admin1_names_compare_after_aliases(a, b):
    assert ucdp.admin1_key(a) == ucdp.admin1_key(b)


def test_admin1_keys_still_differ():
    assert ucdp.admin1_key("Sindh province") != ucdp.admin1_key("Punjab province")
    assert ucdp.admin1_key(None) == ""


def test_figures_on_our_events():
    fig = ucdp.run(EVENTS)
    assert fig["events"] == 4  # the HXL tag row is skipped
    # Peshawar, Quetta, Lahore within 25 km; Karachi is not in Kurram (row 4 is wrong on purpose)
    assert fig["place_within_25km"] == 0.75 and fig["place_same_admin1"] == 0.75
    # TTP, BLA and Turi (a tribe no registry names, rightly left unresolved); Civilians are no actor
    assert fig["actor_n"] == 3 and fig["actor_name_accuracy"] == 1.0 and fig["actor_name_resolved"] == 1.0
    assert fig["actor_unmapped"] == 0  # every side name is in data/ucdp_actors.tsv
    # two headlines: four policemen (UCDP 4..5), twelve (10..12)
    assert fig["deaths_n"] == 2 and fig["deaths_within_low_high"] == 1.0


def test_not_ucdp(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(BenchError, match="not a UCDP GED export"):
        ucdp.run(bad)
    with pytest.raises(BenchError, match="no such file"):
        ucdp.run(tmp_path / "missing.csv")


def test_joined_headlines_are_read_one_by_one():
    """UCDP lists an event's headlines joined by ';' with no space: each is read as its own line, so the
    name after the ';' is found whole ('Pakistani Taliban', not 'Taliban')."""
    from ctwatch.stages import default_pipeline

    row = {
        "source_headline": "Bomb kills one in Quetta;Pakistani Taliban claim Quetta bombing",
        "source_date": "",
    }
    (doc,) = ucdp._headline_docs([row])
    assert doc.text.splitlines() == ["Bomb kills one in Quetta", "Pakistani Taliban claim Quetta bombing"]
    doc = default_pipeline()(doc)
    assert {p.actor_id for i in doc.incidents for p in i.perpetrators} == {"ttp"}
    assert max(i.killed.best or 0 for i in doc.incidents) == 1


def test_every_mapped_side_name_resolves_to_its_actor():
    """data/ucdp_actors.tsv says which registry actor each UCDP side name means; the registry must agree,
    so a side name (also of groups active after 2016, for later exports) scores as right."""
    from ctwatch import datafiles
    from ctwatch.actors import registry

    reg = registry()
    wrong = []
    for name, *rest in datafiles.tsv("ucdp_actors.tsv"):
        want = rest[0] if rest else ""
        found = ucdp.side_actor(reg, name)
        if (found.id if found else "") != want:
            wrong.append((name, want, found.id if found else None))
    assert not wrong
