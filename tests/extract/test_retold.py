"""One incident told twice in a news report is one incident; two incidents stay two. Reports we wrote."""

import pytest

from ctwatch.extract.retold import same_scene
from ctwatch.model import Place

from .test_incidents import incidents_in

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        # the lead, then the same ambush told again with who fired and where exactly
        (
            "A Police constable was killed and another injured when Maoist cadres ambushed a patrol in Bijapur "
            "District on April 8, reports The Hindu. A group of Maoists opened fire on the patrol near a "
            "helipad in the Pamed area, the Superintendent of Police said.",
            1,
        ),
        # the victims named again as "them", at a road of the same place
        (
            "Unidentified assailants shot dead two Levies personnel in Shahkas area of Khyber District on "
            "July 20, reports Dawn. The two were on their way home on Charmari Road in Shahkas when the "
            "assailants opened fire on them, leaving both dead on the spot.",
            1,
        ),
        # the report says it is another incident
        (
            "Militants shot dead a shopkeeper in Sopore town of Baramulla District on Monday, reports Greater "
            "Kashmir. In another incident, militants shot dead a retired teacher in Sopore on Monday.",
            2,
        ),
        # two places far apart
        (
            "Militants shot dead a trader in Pulwama District on Monday, reports Greater Kashmir. Militants "
            "also shot dead a shepherd in Kupwara District on Monday.",
            2,
        ),
        # a shooting, then a bombing: two kinds of attack
        (
            "Gunmen shot dead a tribal elder in Bajaur Agency on Friday, reports Dawn. Militants also detonated "
            "an IED near a school in Bajaur Agency on Friday.",
            2,
        ),
        # the beating of those a group abducted is a step of the abduction, not a second incident
        (
            "Maoists abducted two villagers from Kamthala village in Gadchiroli District on May 24, reports The "
            "Hindu. The cadres dragged them into the forest and thrashed them with sticks.",
            1,
        ),
        (
            "Suspecting them to be informers, Maoists abducted three tribal villagers in Kanker District on "
            "October 1 and later slit their throats, reports The Hindu. The rebels dragged them out of their "
            "houses, thrashed and kicked them. In the morning the bodies of the three villagers were found on a road.",
            1,
        ),
        # ... while a beating the report says is another incident stays apart
        (
            "Maoists abducted two villagers in Gadchiroli District on May 24, reports The Hindu. In another "
            "incident, a mob thrashed a Police constable in Gadchiroli District on May 24.",
            2,
        ),
        # a body found is what became of the one abducted, found a day later, not a new shooting
        (
            "Maoists abducted a villager from his house in Gaya District on December 6, reports The Times of "
            "India. His bullet-riddled body was recovered from the forest on December 7.",
            1,
        ),
        (
            "Militants kidnapped an engineer from a construction site in Gwadar District on Monday, reports Dawn. "
            "The engineer's bullet riddled body was later found in a nearby area.",
            1,
        ),
        # a sentence opening on an earlier time tells of an earlier incident
        (
            "A bomb hidden in a loudspeaker exploded at a wedding party in Nangarhar province late on Tuesday, "
            "killing seven guests. Last month, a suicide bomber killed 12 people at a funeral in the same district.",
            2,
        ),
        # ... unless the report says it is another one
        (
            "Maoists abducted a villager from his house in Gaya District on December 6, reports The Times of "
            "India. In another incident, the bullet-riddled body of a trader was found in Gaya District.",
            2,
        ),
    ],
)
def test_an_incident_told_again_is_one(tmp_path, text, incidents):
    _doc, incs = incidents_in(tmp_path, text)
    assert len([i for i in incs if i["status"] == "reported"]) == incidents


def test_told_again_the_incident_keeps_what_each_telling_adds(tmp_path):
    _doc, incs = incidents_in(
        tmp_path,
        "Two Policemen were killed in an attack in Mastung District on Sunday, reports Dawn. Militants of "
        "the Tehreek-e-Taliban Pakistan opened fire on the Policemen in Mastung, a Police official said.",
    )
    (inc,) = incs
    assert inc["killed"]["best"] == 2
    assert inc["location"]["name"].startswith("Mastung")
    assert "ttp" in {p["actor_id"] for p in inc["perpetrators"]}


def test_a_force_s_name_is_no_place_abroad(tmp_path):
    """'fired at the Police' in a report from Kashmir: a common word, not the town of Police in Poland."""
    _doc, incs = incidents_in(
        tmp_path,
        "Militants threw a grenade at a Police party in Pulwama District on August 24, reports Daily Excelsior. "
        "They also fired at the Police, injuring three personnel.",
    )
    assert incs
    assert {i["location"]["country"] for i in incs} == {"IND"}


KABUL = Place("Kabul", "Kabul", "AFG", 34.53, 69.17, "city")
KABUL_AIRPORT = Place("Kabul airport", "Kabul", "AFG", 34.56, 69.21, "point")
KABUL_PROVINCE = Place("Kabul", "Kabul", "AFG", 34.5, 69.2, "admin1")
AFGHANISTAN = Place("Afghanistan", None, "AFG", 33.9, 67.7, "country")
KANDAHAR = Place("Kandahar", "Kandahar", "AFG", 31.61, 65.71, "city")
PESHAWAR = Place("Peshawar", "Khyber Pakhtunkhwa", "PAK", 34.01, 71.58, "city")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (KABUL, KABUL, True),
        (KABUL, KABUL_AIRPORT, True),  # within 25 km
        (KABUL_AIRPORT, KABUL_PROVINCE, True),  # inside the province
        (KANDAHAR, AFGHANISTAN, True),  # inside the country
        (KABUL, KANDAHAR, False),
        (KABUL, PESHAWAR, False),  # another country
        (Place("Shahkas"), Place("Shahkas"), True),  # the same name, no coordinates
        (Place("Shahkas"), Place("Jamrud"), False),
    ],
)
def test_same_scene(a, b, same):
    assert same_scene(a, b) is same
    assert same_scene(b, a) is same


@pytest.mark.parametrize(
    ("text", "told", "picked"),
    [
        ("The Tehreek-e-Taliban Pakistan claimed the first two attacks.", 3, [0, 1]),
        ("The BLA claimed both attacks.", 3, [1, 2]),
        ("Police blamed the Maoists for the last two blasts.", 4, [2, 3]),
        ("Al-Shabaab claimed the second attack.", 3, [1]),
        ("The group claimed all the attacks.", 3, [0, 1, 2]),
        ("The group claimed all three attacks.", 3, [0, 1, 2]),
        ("ISKP claimed the latter attack.", 2, [1]),
        # more than were told, or no place named: none
        ("The group claimed the first three attacks.", 2, None),
        ("The TTP claimed the attack.", 3, None),
        ("The first two weeks of the month were quiet.", 3, None),
    ],
)
def test_a_sentence_points_back_at_incidents_by_their_place(text, told, picked):
    from ctwatch.extract.retold import referred

    assert referred(text, told) == picked


def test_a_claim_of_the_first_two_attacks_goes_to_those_two(tmp_path):
    from .test_incidents import perps

    text = (
        "On March 3, a suicide bomber struck a police checkpoint in Bannu, killing four constables. Two days "
        "later, gunmen ambushed a Frontier Corps convoy near Miranshah, killing two soldiers. On March 11, "
        "militants attacked a girls' school in Dera Ismail Khan with rockets. The Tehreek-e-Taliban Pakistan "
        "claimed the first two attacks."
    )
    _doc, incs = incidents_in(tmp_path, text)
    assert [("ttp", "claimed") in perps(i) for i in incs] == [True, True, False]
