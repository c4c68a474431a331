"""Who did it: the perpetrators of incidents in reports we wrote, and how each is tied to the attack."""

import pytest

from .test_incidents import incidents_in, perps

pytestmark = pytest.mark.slow


# South Asian groups beyond Pakistan's, named as wire copy names them (reports we wrote): group, country, and
# how the report ties the group to the attack (the attack clause of "..., police said" states who acted)
SOUTH_ASIA = [
    (
        "BIJAPUR, March 4, 2024 (Wire) - Cadres of the Communist Party of India-Maoist (CPI-Maoist) shot dead "
        "two villagers in Bijapur District of Chhattisgarh on Sunday night, police said.",
        "cpi-maoist",
        "IND",
        "stated",
    ),
    (
        "TINSUKIA, May 6, 2023 (Wire) - Militants of the United Liberation Front of Asom-Independent (ULFA-I) "
        "shot dead a trader at his shop in Tinsukia District of Assam on Friday evening, police said.",
        "ulfa-i",
        "IND",
        "stated",
    ),
    (
        "WILLIAMNAGAR, June 3, 2022 (Wire) - Suspected GNLA militants abducted a coal businessman from his "
        "home in East Garo Hills District of Meghalaya on Thursday, police said.",
        "gnla",
        "IND",
        "suspected",
    ),
    (
        "GAIBANDHA, April 11, 2016 (Wire) - Militants of the Jamaat-ul-Mujahideen Bangladesh hurled a crude "
        "bomb at a police checkpoint in Gaibandha District on Sunday, wounding two constables, police said.",
        "jmb",
        "BGD",
        "stated",
    ),
    (
        "COLOMBO, January 5, 2008 (Wire) - A bomb exploded on a crowded bus near Colombo on Friday, killing "
        "12 passengers. The military blamed the LTTE for the attack.",
        "ltte",
        "LKA",
        "suspected",
    ),
]


@pytest.mark.parametrize(("text", "group", "country", "attribution"), SOUTH_ASIA)
def test_south_asian_groups_resolve_to_registry_actors(tmp_path, text, group, country, attribution):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (group, attribution) in perps(inc)
    assert inc["location"]["country"] == country


@pytest.mark.parametrize(
    "text",
    [
        # a passive's subject is who was hit: the group named there did not act
        "KUPWARA, May 3, 2023 (Wire) - A commander of the Lashkar-e-Taiba was killed in an encounter with "
        "security forces in Kupwara District on Tuesday, police said.",
        "KARACHI, June 8, 2021 (Wire) - A local leader of the Tehrik-i-Taliban Pakistan was shot dead by "
        "unidentified gunmen in Landhi on Monday, police said.",
    ],
)
def test_a_group_named_in_a_passive_subject_is_not_stated_as_perpetrator(tmp_path, text):
    _doc, incs = incidents_in(tmp_path, text)
    assert incs
    for inc in incs:
        assert not {(a, k) for a, k in perps(inc) if a in ("let", "ttp") and k == "stated"}


def test_a_group_named_to_describe_another_is_no_perpetrator(tmp_path):
    """The CPI-Maoist, named with its acronym only to say whose splinter group the PLFI is, did not act."""
    _doc, (inc,) = incidents_in(
        tmp_path,
        "Suspected cadres of the People's Liberation Front of India (PLFI), a splinter group of the Communist "
        "Party of India Maoist (CPI Maoist), shot dead a trader in Khunti District on May 24.",
    )
    assert {a for a, _k in perps(inc)} == {"plfi"}


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        # the acronym written without brackets after the group it describes
        (
            "Cadres of the PLFI, a splinter group of the Communist Party of India Maoist CPI Maoist, shot dead a "
            "trader in Khunti District on May 24.",
            {"plfi"},
        ),
        # whose helper the victim was thought to be: the victim's side, not a suspect
        (
            "Suspected Communist Party of India Maoist (CPI Maoist) cadres killed a villager on the suspicion of "
            "being a Jharkhand Jan Mukti Parishad (JJMP) supporter in Gumla District on July 6.",
            {"cpi-maoist"},
        ),
        # a Senior Superintendent of Police, not Sipah-e-Sahaba Pakistan
        (
            "Militants shot dead two policemen in Karachi on Monday. SSP Rao Anwar said the attackers fled.",
            {"militants"},
        ),
        # who tells of the attack: the spokesman of a group that claims nothing
        (
            "A bomb exploded at a mosque in Kabul on Wednesday, killing 25 worshippers. Taliban officials said "
            "the explosives had been hidden in a bag.",
            set(),
        ),
        # but a group suspected in so many words stays suspected
        (
            "A bomb exploded at a mosque in Kabul on Wednesday, killing 25 worshippers. Officials suspect the "
            "Taliban.",
            {"taliban"},
        ),
        # whose people were hit: the group of the dead, not a suspect
        (
            "Gunmen killed two senior members of Ahl e Sunnat Wal Jamaat (ASWJ) in Islamabad on January 3.",
            {"gunmen"},
        ),
        (
            "Unidentified assailants shot dead a leader belonging to the Sipah e Sahaba Pakistan (SSP) in "
            "Karachi on Monday.",
            {"unidentified assailants"},
        ),
        ("Three Tehreek e Taliban Pakistan (TTP) militants were killed in Karachi on March 8.", set()),
        # ... or, in a headline, said to have been killed
        ("Three militants said killed in Karachi", set()),
        # ... while a group that did it stays
        (
            "Suspected TTP militants killed two policemen in Bannu on Monday.",
            {"ttp"},
        ),
        # a group named to describe another ("al Qaeda-linked") is no suspect
        (
            "Gunmen killed 20 villagers in Mopti region on Sunday, officials said, blaming the al Qaeda-linked "
            "group JNIM.",
            {"gunmen", "jnim"},
        ),
        # a sentence set apart ("Separately") adds no suspect to the incident before, nor "In another
        # incident" takes the group of the one before
        (
            "Unidentified gunmen shot dead two Rangers personnel in Orangi Town of Karachi on Monday.\n\n"
            "Separately, the Counter Terrorism Department arrested three suspected militants of the banned "
            "Lashkar e Jhangvi.",
            {"unidentified gunmen"},
        ),
        (
            "Militants attacked a Levies checkpost in Mastung District on Tuesday, killing three personnel. The "
            "Balochistan Liberation Army claimed responsibility. In another incident, a Frontier Corps soldier "
            "was injured in an improvised explosive device blast in Kech District.",
            {"militants", "bla"},
        ),
        # attackers only said to be about are no suspects by that; said to be responsible, they are
        (
            "Two soldiers were killed in a bombing near Tarmiyah. No group claimed the attack, but Islamic "
            "State militants are active in the area.",
            {"isis"},
        ),
        (
            "Two soldiers were killed in a bombing near Tarmiyah. Police said militants were responsible for "
            "the attack.",
            {"militants"},
        ),
        # a headline's dead are no attackers: "shot dead" with no one after it, "killed" read as a modifier
        ("2 Pak militants shot dead in Karachi", set()),
        ("Eight militants killed as rebels attack army check-post in North Waziristan", {"rebels"}),
        # the police's claim to have killed a group's cadres is no claim of the group's; nor does a force
        # raised against a group name it
        (
            "Two Maoists were killed in an exchange of fire with security forces in Sukma District of "
            "Chhattisgarh. Police claimed to have gunned down at least 15 Maoists.",
            set(),
        ),
        (
            "Three CPI-Maoist cadres were killed by the anti Maoist Special Operation Group in an encounter in "
            "Kalahandi District of Odisha.",
            set(),
        ),
        (
            "Nepal's Maoists won the election in Kathmandu after a decade of fighting that killed 17,000 people.",
            set(),
        ),
    ],
)
def test_who_is_named_but_did_not_act(tmp_path, text, perpetrators):
    _doc, incs = incidents_in(tmp_path, text)
    assert {a for inc in incs for a, _k in perps(inc)} == perpetrators


# a claim told in the present tense, as headlines and statements tell it (reports we wrote)
PRESENT_CLAIMS = [
    ("Pakistani Taliban claim responsibility for bombing that killed 12 in Peshawar", "ttp"),
    (
        "Gunmen killed two soldiers in Karachi on Monday. The Pakistani Taliban claim responsibility for the attack.",
        "ttp",
    ),
    (
        "A bomb killed five people in Quetta on Friday. The BLA, taking responsibility in a statement, named a convoy.",
        "bla",
    ),
    ("TTP claims attack on school in Peshawar", "ttp"),
]


@pytest.mark.parametrize(("text", "group"), PRESENT_CLAIMS)
def test_a_claim_in_the_present_tense_is_a_claim(tmp_path, text, group):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (group, "claimed") in perps(inc)


def test_dismissed_claims_claim_nothing(tmp_path):
    _doc, (inc,) = incidents_in(
        tmp_path, "Police dismissed claims that the army was behind the attack in Quetta."
    )
    assert not any(a == "claimed" for _who, a in perps(inc))


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        # a group's men are the group, not unidentified attackers beside it; "suspected" makes it a suspicion
        (
            "Suspected Boko Haram gunmen abducted 12 farmers near Damboa in Nigeria on Friday.",
            {("boko-haram", "suspected")},
        ),
        # ... and their name may end in a word of the group's ("New People's Army rebels", not "Army rebels")
        (
            "MANILA - Suspected New People's Army rebels ambushed an army patrol in Northern Samar province on "
            "Tuesday, killing three soldiers, the military said.",
            {("npa", "suspected")},
        ),
        # the lead after a dateline is its own sentence: the kidnappers are not the city's apposition
        (
            "ZAMBOANGA, Philippines, May 2 (Wire) - Suspected Abu Sayyaf militants kidnapped two fishermen off "
            "Sulu province on Wednesday.",
            {("abu-sayyaf", "suspected")},
        ),
        # the subject of the clause that tells the attack, when the main clause tells who was hit
        (
            "Two policemen were killed when TTP militants attacked a checkpost in Bannu on Monday.",
            {("ttp", "stated")},
        ),
        # a group that says its fighters did it claims it, however long the saying
        (
            "MOGADISHU, March 4 - At least nine people were killed when al-Shabaab fighters stormed a hotel near "
            "the presidential palace on Saturday evening, police said. Al-Shabaab said in a statement on its "
            "radio station that its fighters had carried out the attack.",
            {("al-shabaab", "claimed")},
        ),
        # attackers named by a noun that the police blame in the sentence after: suspected, and not hit
        (
            "NARATHIWAT - A roadside bomb struck a ranger patrol in Rueso district on Saturday, wounding four "
            "rangers. Police blamed separatist insurgents.",
            {("separatist insurgents", "suspected")},
        ),
        # where the group's men are stated to have attacked, so is the group, merely named in a clause
        (
            "COTABATO - Two soldiers were killed when Abu Sayyaf gunmen fired on their truck in Patikul town, "
            "Sulu, on Friday.",
            {("abu-sayyaf", "stated")},
        ),
        # a group that says its fighters did it claims it
        (
            "A suicide car bomb exploded outside a hotel in Mogadishu on Friday, killing 15 people. Al Shabaab "
            "said its fighters carried out the attack.",
            {("al-shabaab", "claimed")},
        ),
        # a known group's name the parser splits is that group, not an unknown one named by its first word
        (
            "A bomb exploded in a crowded market in Parachinar, killing 24 people. Lashkar-e-Jhangvi claimed the "
            "attack, saying it targeted Shiites to avenge the killing of Sunnis in Syria.",
            {("lej", "claimed")},
        ),
        # a group that says it targeted the victims claims the attack
        (
            "A suicide bomber struck a crowded park in Lahore, killing 70 people. Jamaat-ul-Ahrar, a faction of "
            "the Pakistani Taliban, said it had targeted Christians.",
            {("jamaat-ul-ahrar", "claimed"), ("suicide bomber", "stated")},
        ),
        # a group that says it carried out the attack claims it
        (
            "Two suicide bombers attacked crowds outside Kabul airport, killing 170 people. Islamic State Khorasan "
            "Province said it carried out the attack.",
            {("isis-k", "claimed"), ("suicide bombers", "stated")},
        ),
        # a government blames a group: that government is no word of the group's ("the Taliban government")
        (
            "A truck bomb exploded at a busy junction in Mogadishu, killing 587 people. The government blamed al "
            "Shabaab, which did not claim it.",
            {("al-shabaab", "suspected")},
        ),
        # a group named to describe the one that did it: an affiliate's parent, a clause about the group
        (
            "Jihadists killed 14 soldiers in an ambush near Boni in central Mali. The Group to Support Islam and "
            "Muslims (JNIM), al Qaeda's affiliate in the Sahel, claimed the attack.",
            {("jnim", "claimed"), ("jihadists", "stated")},
        ),
        # ... and "the group's affiliate" that claims it is the group's one affiliate in the story's country
        (
            "A suicide bomber blew himself up outside a mosque in Kunduz, killing 46 worshippers. The Islamic "
            "State's affiliate claimed responsibility.",
            {("isis-k", "claimed"), ("suicide bomber", "stated")},
        ),
        (
            "An al Qaeda affiliate claimed a bombing in Mogadishu that killed 12 people.",
            {("al-shabaab", "claimed")},
        ),
        ("An al Qaeda affiliate claimed a bombing that killed 12 people.", set()),
        (
            "Rebels of the Allied Democratic Forces killed 22 villagers in the Beni territory of North Kivu. The army "
            "blamed the ADF, a Ugandan group that has pledged allegiance to Islamic State.",
            {("adf", "stated"), ("rebels", "stated")},
        ),
        # a group named again with a firmer tie keeps it
        (
            "A car bomb exploded at a police academy in Bogota, killing 21 people. The government blamed the "
            "National Liberation Army (ELN), which later claimed the attack.",
            {("eln", "claimed")},
        ),
        # unnamed attackers a cue suspects
        (
            "Four people were injured when militants hurled a grenade at a shop in Turbat. A police official "
            "suspected that Baloch separatists could be behind the attack.",
            {("militants", "stated"), ("baloch separatists", "suspected")},
        ),
        # a group whose own name says "Forces" is the group, not a state's forces
        (
            "KHARTOUM - Fighters of the Rapid Support Forces shelled a market in El Fasher on Monday, killing 15 "
            "civilians, activists said.",
            {("rsf", "stated")},
        ),
        (
            "The Revolutionary Armed Forces of Colombia attacked a police post in Cauca, killing two policemen.",
            {("farc", "stated")},
        ),
        # a group's local name at the head of a report from its region, with no word before it
        (
            "RAIPUR - Maoists blew up a mine-protected vehicle with an IED in Dantewada, killing 10 jawans, "
            "police said.",
            {("cpi-maoist", "stated")},
        ),
        # the South Asian "miscreants" are unnamed attackers
        (
            "IMPHAL - Unidentified miscreants lobbed a hand grenade at the residence of a legislator in Thoubal "
            "district late on Saturday.",
            {("unidentified miscreants", "stated")},
        ),
        (
            "ADDIS ABABA - Fighters of the Oromo Liberation Army kidnapped 17 passengers from a bus near Gimbi, "
            "police said on Thursday.",
            {("ola", "stated")},
        ),
        # a group whose militant was killed, and which claims the attack, claims it
        (
            "An Assam Rifles trooper and a PLA militant were killed in an encounter in Chandel District of "
            "Manipur on Monday. The PLA claimed that its cadres carried out the attack.",
            {("pla-manipur", "claimed")},
        ),
        # the people a number "of" counts are the attackers it is the subject for
        (
            "Dozens of militants attacked an army post in North Waziristan before dawn on Sunday, killing four "
            "soldiers, the military said.",
            {("militants", "stated")},
        ),
        # a denial belongs to its own clause, not to a group named in the clause before ", and"
        (
            "A bomb exploded at a wedding party in Nangarhar province late on Tuesday, killing seven guests. Islamic "
            "State militants are active in the province, and the Taliban denied involvement.",
            {("taliban", "denied")},
        ),
        # ... but attackers who destroyed several things did this attack
        (
            "The fighting is centered in the neighbourhoods of the capital, where the rebels reportedly blew up "
            "several electricity poles with dynamite.",
            {("rebels", "stated")},
        ),
        # a claim after a sentence on the wounded's care belongs to the attack
        (
            "A bomb exploded near a police checkpost in Quetta on Monday, killing five people. Rescue teams shifted "
            "the injured to the Civil Hospital. The Balochistan Liberation Army claimed responsibility for the "
            "attack in a statement.",
            {("bla", "claimed")},
        ),
        # herdsmen who attack are attackers
        (
            "Fulani herdsmen attacked farming villages in Benue state on Sunday night, killing 43 people, the "
            "state governor said.",
            {("fulani herdsmen", "stated")},
        ),
        # attackers said to have carried out other attacks before are background, no suspects
        (
            "A suicide bomber targeted a police truck in Quetta on Tuesday, killing 14 people. No group claimed "
            "responsibility, but Baloch separatists have carried out similar attacks in the province.",
            {("suicide bomber", "stated")},
        ),
        # whom the army accuses of the deed is suspected of it
        (
            "The army accused the rebels of killing 12 villagers in Beni on Monday.",
            {("rebels", "suspected")},
        ),
        # a hyphened modifier is named whole
        (
            "Two motorcycle-borne gunmen shot dead a local leader of the ruling party outside his home in Dera "
            "Ismail Khan on Thursday and escaped, police said.",
            {("motorcycle-borne gunmen", "stated")},
        ),
        # a claim through "one of its members"; the Islamic State's affiliate in an Afghan story is ISKP
        (
            "An explosion tore through a mosque in Kunduz during Friday prayers, killing at least 50 worshippers. "
            "The Islamic State group's local affiliate said one of its members detonated a suicide vest.",
            {("isis-k", "claimed")},
        ),
        # groups of other theatres the registry knows
        (
            "Militants of the Kuki National Army torched 15 houses in a village in Churachandpur district.",
            {("kna", "stated"), ("militants", "stated")},
        ),
        (
            "Suspected BRN insurgents shot dead two rangers in Narathiwat province on Thursday.",
            {("brn", "suspected")},
        ),
        # a group whose camps an attack was "on" is what was hit, no suspect
        ("Iran launched missile strikes on Jaish al-Adl bases in Balochistan province on Tuesday.", set()),
    ],
)
def test_who_did_it_in_wire_copy(tmp_path, text, perpetrators):
    _doc, incs = incidents_in(tmp_path, text)
    assert {p for inc in incs for p in perps(inc)} == perpetrators


def test_a_group_stated_through_its_men_says_why(tmp_path):
    _doc, (inc,) = incidents_in(
        tmp_path,
        "COTABATO - Two soldiers were killed when Abu Sayyaf gunmen fired on their truck in Patikul town, Sulu, "
        "on Friday.",
    )
    (p,) = inc["perpetrators"]
    assert (p["actor_id"], p["attribution"], p["reason"]) == (
        "abu-sayyaf",
        "stated",
        "its men named as the attackers",
    )


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a group the registry does not know, claiming the attack as the subject of the claim: its name, unresolved
        (
            "Militants shot dead a migrant labourer in Pulwama district on Thursday, police said. The Kashmir "
            "Freedom Fighters, a little-known group, claimed the killing in a post on social media.",
            ("kashmir freedom fighters", "claimed"),
        ),
        (
            "A bomb killed three soldiers in Kidal on Monday. A group calling itself the Sahel Liberation Front "
            "claimed responsibility.",
            ("sahel liberation front", "claimed"),
        ),
        # a known group stays the registry's
        (
            "A bomb exploded at a market in Quetta on Monday. The Balochistan Liberation Army claimed "
            "responsibility.",
            ("bla", "claimed"),
        ),
        # what the police claimed is no claim of the attack
        ("Gunmen killed two guards in Tillaberi. Police claimed to have arrested the attackers.", None),
    ],
)
def test_a_group_unknown_to_the_registry_that_claims_the_attack_is_named(tmp_path, text, claimant):
    _doc, (inc,) = incidents_in(tmp_path, text)
    claimed = {p for p in perps(inc) if p[1] == "claimed"}
    assert claimed == ({claimant} if claimant else set())
