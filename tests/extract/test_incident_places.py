import pytest

from .test_incidents import incidents_in, perps


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # Bijapur is a district of Chhattisgarh, where the Maoists fight, and a larger one of Karnataka
        ("Maoists blew up a bridge in Bijapur on Tuesday.", "Chhattisgarh"),
        ("Maoists torched a villager's house in Bijapur District.", "Chhattisgarh"),
        # without the group's local name, the larger namesake as before
        ("Unidentified men blew up a bridge in Bijapur on Tuesday.", "Karnataka"),
        # a district's word picks its one namesake, of Bihar, among the towns of Nigeria and Niger
        ("Maoists shot dead a trader in Gaya District on Monday.", "Bihar"),
    ],
)
def test_a_group_named_by_its_local_name_places_the_story_in_its_region(tmp_path, text, admin1):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["country"], inc["location"]["admin1"]) == ("IND", admin1)


def test_the_local_group_is_the_perpetrator_where_the_place_has_namesakes(tmp_path):
    _doc, (inc,) = incidents_in(tmp_path, "Maoists blew up a bridge in Bijapur on Tuesday.")
    assert perps(inc) == {("cpi-maoist", "stated")}


@pytest.mark.parametrize(
    "text",
    [
        # a name the gazetteer knows only with its unit's word after it: "Kashmore District"
        "Gunmen killed a trader in Sindh's Kashmore district on Monday.",
        "Gunmen killed a trader in Kashmore district on Monday.",
    ],
)
def test_a_district_known_only_by_its_unit_s_name_is_that_district(tmp_path, text):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["name"], inc["location"]["precision"]) == ("Kashmore District", "admin2")


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a town the gazetteer lacks, curated: where it happened, before the country that spoke
        (
            "China urged Pakistan to ensure the safety of its nationals after a suicide bombing killed five Chinese "
            "engineers in Besham.",
            "Besham",
            "PAK",
        ),
        # a route named by its two ends: the first end
        ("Bandits abducted 12 travellers on the Abuja-Kaduna highway on Saturday.", "Abuja", "NGA"),
    ],
)
def test_a_curated_town_and_a_route_s_first_end(tmp_path, text, place, country):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["name"], inc["location"]["country"]) == (place, country)
