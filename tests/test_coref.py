"""Which fillers of one report name the same entity."""

import pytest

from ctwatch import coref


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("FMLN", "Farabundo Marti National Liberation Front", True),  # Spanish order, one initial spare
        ("the MRTA", "Tupac Amaru Revolutionary Movement", True),
        ("FPMR", "Manuel Rodriguez Patriotic Front", True),
        ("ELN", "National Liberation Army", True),
        ("LTTE", "Liberation Tigers of Tamil Eelam", True),  # "of" is no initial
        ("the fmln", "FMLN", True),  # the same words once articles go
        ("the Extraditables", "Medellin Cartel", True),  # two names of one actor in data/actors.toml
        ("FMLN", "National Guard", False),
        ("ARENA", "Nationalist Republican Alliance", False),  # syllables, not initials: only the dictionary
        ("NG", "National Guard Headquarters Building", False),  # too many initials left out
        ("guerrillas", "guerrilla column", False),  # coreferent, but no rule here can tell
        ("car bomb", "bus bomb", False),
        ("A1", "Armed One", False),  # letters only
        ("F", "Front", False),  # one letter is no acronym
    ],
)
def test_same_entity(a, b, same):
    assert coref.same_entity(a, b) is same
    assert coref.same_entity(b, a) is same


def test_without_the_actor_dictionary_only_words_and_acronyms_join():
    assert not coref.same_entity("the Extraditables", "Medellin Cartel", actors=False)
    assert coref.same_entity("FMLN", "Farabundo Marti National Liberation Front", actors=False)


def test_clusters_keep_the_order_of_first_mention():
    names = ["Farabundo Marti National Liberation Front", "FPMR", "FMLN", "Manuel Rodriguez Patriotic Front"]
    assert coref.clusters(names, str) == [
        ["Farabundo Marti National Liberation Front", "FMLN"],
        ["FPMR", "Manuel Rodriguez Patriotic Front"],
    ]
    assert coref.clusters([], str) == []


@pytest.mark.parametrize(
    "name, group",
    [
        ("castroite eln", "eln"),
        ("mrta activists", "mrta"),
        ("the nelson mandela cell of the eln", "eln"),
        ("pro-che guevara group tupac amaru revolutionary movement", "tupac amaru revolutionary movement"),
        ("sinister medellin cartel", "medellin cartel"),
        ("the Manuel Rodriguez Patriotic Front commandos", "Manuel Rodriguez Patriotic Front"),
        ("eln", None),  # known as it is
        ("tupac amaru revolutionary movement", None),
        ("the eln's camilist union", None),  # a part of the group, in its own right
        ("fmln - fdr", None),  # an alliance
        ("the honduran army", None),  # no armed group of the dictionary inside
        ("heavily armed men", None),
    ],
)
def test_a_known_group_inside_a_longer_name(name, group):
    found = coref.group_within(name)
    assert (name[found[0] : found[1]] if found else None) == group
