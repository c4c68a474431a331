"""What an incident hit: its facility targets and target types, told apart from the places around it."""

import pytest

from .test_incidents import incidents_in


@pytest.mark.parametrize(
    "text, target",
    [
        ("Militants attacked a girls' school in Dera Ismail Khan with rockets on March 11.", "school"),
        ("Gunmen stormed the Prime Minister's house in Kabul on Monday.", "Prime Minister's house"),
    ],
)
def test_a_possessive_s_mark_opens_no_target(tmp_path, text, target):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert [t["text"] for t in inc["targets"]] == [target]


@pytest.mark.parametrize(
    "text, target_types",
    [
        ("Gunmen stormed the Prime Minister's house in Kabul on Monday.", ["Government (General)"]),
        ("Militants lobbed a grenade at a police officer's house in Pulwama on Friday.", ["Police"]),
        (
            "Militants attacked the house of a legislator in Thoubal district on Sunday.",
            ["Government (General)"],
        ),
        (
            "Maoists torched a villager's house in Bijapur District on Monday.",
            ["Private Citizens & Property"],
        ),
        # "leader" names a party's leader as often as a group's: the house keeps its own type
        (
            "Militants lobbed a grenade at the house of a National Conference leader in Sopore on Monday.",
            ["Private Citizens & Property"],
        ),
        # a force's word before a vehicle makes it the force's; other person words do not
        (
            "A remote-controlled bomb targeted a Frontier Corps vehicle near Quetta on Friday, killing two soldiers.",
            ["Military"],
        ),
        ("Militants ambushed a police vehicle in Dera Ismail Khan on Monday.", ["Police"]),
        # ... as does a force the registry knows by name, typed by its kind (the CRPF is a police force)
        ("Militants ambushed a CRPF bus near Pulwama on Thursday.", ["Police"]),
        ("An IED exploded under an FC vehicle in the Jhaho area of Awaran District on Friday.", ["Military"]),
        ("Gunmen fired on a passenger van in Kurram on Monday.", ["Transportation"]),
        # a force's word retypes a facility the lexicon types by default ("checkpoint": military)
        ("Taliban fighters attacked a police checkpoint in Ghazni province overnight.", ["Police"]),
        ("Militants attacked a checkpoint in Ghazni province overnight.", ["Military"]),
        # "their vehicle": the force's, when its people are the ones the sentence says were hit
        (
            "Two soldiers were killed and three injured when their vehicle hit a roadside bomb in Kech district.",
            ["Military"],
        ),
        ("Two policemen were killed when gunmen fired at their vehicle in Quetta.", ["Police"]),
        # ... not when others were hit with them, nor when the police only tell of it
        (
            "Two soldiers and a civilian were killed when their vehicle hit a roadside bomb in Kech.",
            ["Transportation"],
        ),
        (
            "Police said that the trader was sitting near his home when armed men shot him in Quetta.",
            ["Private Citizens & Property"],
        ),
        # a convoy is of what it is made of or carries
        ("Gunmen ambushed a convoy of supply trucks near Djibo on Tuesday.", ["Transportation"]),
        ("Militants ambushed a convoy of security forces near Pulwama on Tuesday.", ["Military"]),
        ("Militants ambushed a convoy near Pulwama on Tuesday.", ["Military"]),
        # where the hit were coming from is no target: the people are
        (
            "Suspected jihadists killed 58 civilians returning from a weekly market in western Niger on Monday.",
            ["Private Citizens & Property"],
        ),
        # a convoy is of the type of whom it carries
        (
            "Gunmen ambushed a convoy carrying Chinese engineers near Gwadar on Sunday.",
            ["Business"],
        ),
    ],
)
def test_a_home_is_typed_by_whose_it_is(tmp_path, text, target_types):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert list(inc["target_types"]) == target_types


def test_a_target_phrase_s_of_is_no_part_of_the_target(tmp_path):
    _doc, (inc,) = incidents_in(
        tmp_path,
        "Unidentified miscreants lobbed a hand grenade at the residence of a legislator in Thoubal district.",
    )
    assert [t["text"] for t in inc["targets"]] == ["residence"]


@pytest.mark.parametrize(
    "text, targets, target_types",
    [
        # where the victim was going or coming from is no target: the official was
        (
            "SANAA - Gunmen shot dead a senior security official in the southern port city of Aden on Sunday as he "
            "left his home, security sources said.",
            [],
            ["Government (General)"],
        ),
        (
            "Gunmen shot dead a teacher on his way to the mosque in Pulwama on Monday, police said.",
            [],
            ["Educational Institution"],
        ),
        # ... and gives the target type when no one hit is named
        (
            "An IDP identified as Gul Zaman was shot dead by unidentified assailants while he was on his way home "
            "in Bannu District on April 5.",
            ["home"],
            ["Private Citizens & Property"],
        ),
        # a side's word before its helper's names whose helper the victim was, a private citizen
        (
            "Maoists abducted a Police informer from his house in Gadchiroli District on June 5 and shot him dead.",
            [],
            ["Private Citizens & Property"],
        ),
        # where the wounded were taken is no target
        (
            "KARACHI, Jan 12 - The death toll from Friday's bombing of a Sufi shrine in Sehwan rose to 88 on Sunday "
            "after six more of the wounded died in hospital, officials said.",
            ["Sufi shrine"],
            ["Religious Figures/Institutions"],
        ),
        # "left" without a possessive: what the blast did to the building, which it hit
        (
            "The blast left the police station in ruins, killing two policemen in Quetta, officials said.",
            ["police station"],
            ["Police"],
        ),
        # a facility beside the attack stands as its target when nothing else was hit
        (
            "A bomb exploded near a police station in Quetta on 2 June 2023, killing four people.",
            ["police station"],
            ["Police"],
        ),
        # ... and gives way to a facility hit outright
        (
            "Militants attacked a checkpoint near a school in Bannu on Monday, injuring two soldiers.",
            ["checkpoint", "school"],
            ["Military"],
        ),
    ],
)
def test_a_facility_s_setting_decides_whether_it_was_hit(tmp_path, text, targets, target_types):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert [t["text"] for t in inc["targets"]] == targets
    assert list(inc["target_types"]) == target_types
