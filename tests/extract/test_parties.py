"""A sentence's parties: names, places, peoples and what is no party (extract/parties.py)."""

import pytest

from ctwatch.extract.parties import country_on, name_country


@pytest.mark.parametrize(
    "name, country",
    [
        ("Nigerian Union of Teachers", "NGA"),  # a nationality word
        ("Baghdad University Medical School", "IRQ"),  # a capital
        ("the United Bus Company of Tehran", "IRN"),
        ("Montenegro Municipality Association", "MNE"),  # a country's name
        ("Ceasefire Violations Committee", None),  # nothing in the name places it
    ],
)
def test_name_country(name, country):
    assert name_country(name) == country


@pytest.mark.parametrize(
    "alpha3, day, state",
    [
        ("SSD", "1990-05-06", "SDN"),  # Juba before South Sudan's independence
        ("SSD", "2011-07-09", "SSD"),  # from its first day
        ("SSD", None, "SSD"),  # no date: today's map
        ("ERI", "1985-01-01", "ETH"),
        ("PAK", "1950-01-01", "PAK"),  # no birth in the file: as it is
    ],
)
def test_country_on(alpha3, day, state):
    assert country_on(alpha3, day) == state
