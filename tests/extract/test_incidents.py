"""Incident extraction on a golden set of articles we wrote ourselves, and on hand-built sentences."""

from pathlib import Path

import pytest

from ctwatch.core import extract
from ctwatch.datafiles import data_dir
from ctwatch.geo import haversine_km

pytestmark = pytest.mark.slow
GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
SAMPLE = data_dir() / "sample"


def incidents_of(path):
    (doc,) = extract([str(path)])["documents"]
    return doc, doc["incidents"]


def incidents_in(tmp_path, text):
    """The incidents of a report we write on the spot, read as a file as `ctwatch extract` would."""
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return incidents_of(p)


def perps(inc):
    return {(p["actor_id"] or p["name"].lower(), p["attribution"]) for p in inc["perpetrators"]}


# file, index, status, attack, target, place, lat/lon, date, killed (best, low, high), wounded best, perpetrators
GOLD = [
    (
        GOLDEN / "two-incidents.txt",
        0,
        "reported",
        "Bombing/Explosion",
        "Police",
        "Bannu",
        (32.99, 70.60),
        "2023-08-02",
        (3, 3, 3),
        2,
        set(),
    ),
    (
        GOLDEN / "two-incidents.txt",
        1,
        "reported",
        "Armed Assault",
        "NGO",
        "Bajaur",
        (34.78, 71.53),
        "2023-08-02",
        (1, 1, 1),
        None,
        {("gunmen", "stated")},
    ),
    (
        GOLDEN / "upper-case-wire.txt",
        0,
        "reported",
        "Bombing/Explosion",
        "Business",
        "Quetta",
        (30.18, 67.00),
        "2023-05-14",
        (12, 12, None),
        31,
        {("ttp", "claimed"), ("suicide bomber", "stated")},
    ),
    (
        GOLDEN / "lower-case-wire.txt",
        0,
        "reported",
        "Bombing/Explosion",
        "Utilities",
        "San Salvador",
        (13.69, -89.19),
        "1990-03-12",
        (None, None, None),
        0,
        {("fmln", "stated")},
    ),
    (
        GOLDEN / "plot-and-denial.txt",
        0,
        "hypothetical",
        "Bombing/Explosion",
        "Religious Figures/Institutions",
        "Lahore",
        (31.55, 74.34),
        None,
        (None, None, None),
        None,
        {("men", "stated"), ("jamaat-ul-ahrar", "denied")},
    ),
    (
        GOLDEN / "embassy-kidnapping.txt",
        0,
        "reported",
        "Hostage Taking (Kidnapping)",
        "Government (Diplomatic)",
        "Kabul",
        (34.53, 69.17),
        "2024-02-20",
        (None, None, None),
        None,
        {("armed men", "stated")},
    ),
    (
        SAMPLE / "quetta-checkpost-blast.txt",
        0,
        "reported",
        "Bombing/Explosion",
        "Police",
        "Quetta",
        (30.18, 67.00),
        "2023-03-06",
        (5, 5, 5),
        12,
        {("bla", "claimed")},
    ),
    (
        SAMPLE / "peshawar-mosque-toll.txt",
        0,
        "reported",
        "Bombing/Explosion",
        "Religious Figures/Institutions",
        "Police Lines Peshawar",
        (34.00, 71.54),
        "2023-01-31",
        (59, 59, None),
        151,
        {("jamaat-ul-ahrar", "claimed"), ("ttp", "denied"), ("suicide bomber", "stated")},
    ),
    (
        SAMPLE / "north-waziristan-ambush.html",
        0,
        "reported",
        "Armed Assault",
        "Military",
        "North Waziristan",
        (32.95, 70.10),
        "2023-04-17",
        (4, 4, 4),
        2,
        {("militants", "stated"), ("ttp", "suspected")},
    ),
]


@pytest.mark.parametrize(
    "path, index, status, attack, target, place, latlon, date, killed, wounded, who",
    GOLD,
    ids=[f"{g[0].stem}-{g[1]}" for g in GOLD],
)
def test_golden(path, index, status, attack, target, place, latlon, date, killed, wounded, who):
    doc, incs = incidents_of(path)
    inc = incs[index]
    assert inc["status"] == status
    assert attack in inc["attack_types"]
    assert target in inc["target_types"]
    assert inc["location"]["name"] == place
    assert haversine_km(inc["location"]["lat"], inc["location"]["lon"], *latlon) < 25
    assert inc["date"]["start"] == date
    assert (inc["killed"]["best"], inc["killed"]["low"], inc["killed"]["high"]) == killed
    assert inc["wounded"]["best"] == wounded
    assert perps(inc) == who
    for ev in inc["evidence"]:
        assert doc["text"][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    "path, count",
    [
        (GOLDEN / "two-incidents.txt", 2),
        (GOLDEN / "upper-case-wire.txt", 1),
        (GOLDEN / "plot-and-denial.txt", 1),
        (SAMPLE / "quetta-checkpost-blast.txt", 1),
        (SAMPLE / "peshawar-mosque-toll.txt", 1),
    ],
)
def test_one_incident_per_event(path, count):
    _doc, incs = incidents_of(path)
    assert len(incs) == count


def test_opinion_background_is_historical_and_prediction_hypothetical():
    doc, incs = incidents_of(SAMPLE / "opinion-regional-security.md")
    assert doc["genre"] == "opinion"
    by_status = {}
    for i in incs:
        by_status.setdefault(i["status"], []).append(i)
    (nine_eleven,) = by_status["historical"]
    assert nine_eleven["date"]["start"] == "2001-09-11"
    assert by_status["hypothetical"], "'militants will attack again' is a prediction"
    (peshawar,) = by_status["reported"]
    assert peshawar["killed"]["low"] == 81 and peshawar["date"]["precision"] == "month"


def test_feed_entries_each_get_their_incident():
    result = extract([str(SAMPLE / "wire-feed.rss")])
    statuses = [[i["status"] for i in d["incidents"]] for d in result["documents"]]
    assert statuses == [["reported"], ["hypothetical"]]
    kidnap = result["documents"][0]["incidents"][0]
    assert "Hostage Taking (Kidnapping)" in kidnap["attack_types"]
    assert kidnap["location"]["name"] == "Turbat"


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Unidentified gunmen shot dead Abdul Wahid and Gul Khan in Quetta on Monday.", 2, None),
        ("Gunmen killed Abdul Wahid in Turbat on Monday, police said.", 1, None),
        ("Two men were shot at in Khuzdar on Monday. Siraj Ahmed died on the spot.", 1, None),
        ("A bomb blast in a Quetta market injured Abdul Wahid on Monday.", None, 1),
        # the named man is the killer here, not the dead
        ("Police said Abdul Wahid killed three people in Quetta on Monday.", 3, None),
    ],
)
def test_people_named_as_the_dead_are_counted(tmp_path, text, killed, wounded):
    _doc, incs = incidents_in(tmp_path, text)
    assert [(i["killed"]["best"], i["wounded"]["best"]) for i in incs] == [(killed, wounded)]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a later sentence naming the dead tells of no second incident
        (
            "A head constable was killed in firing by unidentified assailants at Pindora Chungi in Islamabad on "
            "February 12. The slain policeman was identified as Head Constable Imtiaz.",
            [("Armed Assault",)],
        ),
        # "the murder" names the shooting told before: the same incident, and no second kind of attack
        (
            "Two gunmen shot dead a trader in Khuzdar District on Monday, reports Dawn. Police arrested a "
            "suspect over the murder on Tuesday.",
            [("Armed Assault",)],
        ),
        (
            "Three boys were shot dead by a group of Maoists in Ranchi District on April 18. The Officer in "
            "Charge of the Bero Police Station confirmed the triple murder.",
            [("Armed Assault",)],
        ),
        # but the abducted, freed, still tell of their kidnapping
        (
            "The abducted engineers were freed by the Maoists in Malkangiri District on Monday.",
            [("Hostage Taking (Kidnapping)",)],
        ),
        # arms found after an attack are no attack of their own, plural or not; the kidnappings a claim refers to
        # are those told before it
        (
            "Maoists fired at a party rally in Jhargram on November 6 and injured one party worker. A motorbike, "
            "a pistol and four IEDs were found in the forest nearby during the combing operation that followed.",
            [("Armed Assault",)],
        ),
        (
            "Militants abducted five passengers from a bus in Zhob District on January 4, reports Dawn. No group "
            "claimed responsibility for the kidnappings.",
            [("Hostage Taking (Kidnapping)",)],
        ),
    ],
)
def test_the_dead_named_again_are_the_same_incident(tmp_path, text, types):
    _doc, incs = incidents_in(tmp_path, text)
    assert [tuple(i["attack_types"]) for i in incs] == types


def test_who_tells_is_not_who_was_hit(tmp_path):
    _doc, incs = incidents_in(
        tmp_path,
        "A landmine planted by Maoists exploded near Sanadengli village in Rayagada District on December 27, "
        "injuring a commando. According to the Police, 20 Maoists planned the ambush.",
    )
    assert [v["text"] for i in incs for v in i["victims"]] == ["commando"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        # who did it is not who was hit: the agent of a passive, the subject of an attack with an object
        (
            "A shopkeeper was shot dead by unidentified militants in Sopore town of Baramulla District on Monday.",
            ["shopkeeper"],
        ),
        (
            "A boy was injured when an explosive device planted by militants went off in Bajaur Agency on Friday.",
            ["boy"],
        ),
        (
            "Unidentified gunmen opened fire on a Police party in Dera Ismail Khan on Sunday, killing two "
            "constables.",
            ["Police party", "constables"],
        ),
        # ... but people who suffer injuries or lose their lives are hit, and a headline's subject is too
        (
            "Four villagers sustained bullet injuries when Maoist cadres fired at a weekly market in Kanker "
            "District on Thursday.",
            ["villagers"],
        ),
        ("Three soldiers killed in landmine blast in Sukma District on Saturday.", ["soldiers"]),
        # a word for people that names no target type names people hit when whose people they were is named;
        # a bare word, "others" and attackers do not
        (
            "SRINAGAR - Militants hurled a grenade at a CRPF bunker in Sopore on Monday evening, injuring two CRPF "
            "personnel.",
            ["CRPF personnel"],
        ),
        (
            "Three security guards were killed and five others injured when gunmen stormed a bank in Quetta. "
            "Police killed two attackers.",
            [],
        ),
        (
            "EL-ARISH - Militants attacked a checkpoint south of Rafah in North Sinai on Saturday, killing five "
            "Egyptian conscripts, security sources said.",
            ["Egyptian conscripts"],
        ),
        # a force's word before another noun describes it: the informer was hit, not the police
        (
            "Maoist cadres killed a Police informer in Malkangiri District on Tuesday.",
            ["Police informer"],
        ),
        (
            "As many as 11 Police informers were killed by Maoist cadres in Chhattisgarh this year.",
            ["Police informers"],
        ),
        (
            "A remote controlled blast hit the official vehicle of a tehsildar in Mastung District on Monday, "
            "injuring his driver.",
            ["driver"],
        ),
        # a person word read with what follows it in the lexicon ("leader of the") is the person
        ("Gunmen shot dead the leader of a farmers' union in Kanker District on Monday.", ["leader"]),
        # who suspects or arrests is not hit, nor a headline's source after a colon
        ("Two policemen were killed in Bannu on Monday. Police suspected the TTP.", ["policemen"]),
        ("Bomb kills three Pakistani soldiers in Bannu: officials", ["Pakistani soldiers"]),
        # a force named by its men ("four Rangers") is hit; the force acting is not
        (
            "Two Lashkar e Jhangvi militants confessed to killing four Rangers in Karachi on December 6.",
            ["Rangers"],
        ),
        (
            "Two Levies personnel were injured when militants attacked a check post in Kech District.",
            ["Levies personnel"],
        ),
        ("Rangers arrested three target killers after a shootout in Lyari on Monday.", []),
        # the other side of a fight is not hit unless said so; nor are those told of it
        ("Three Pakistani soldiers killed in gunfight with militants in Bannu", ["Pakistani soldiers"]),
        (
            "Two militants were killed in an encounter with security forces in Shopian District on Thursday.",
            ["militants"],
        ),
        (
            "Gunmen killed 20 civilians in Mopti region on Sunday, a local official told reporters.",
            ["civilians"],
        ),
        # who is only described ("are active", "were asleep") is not hit; who is among the dead is
        (
            "Two soldiers were killed in a bombing near Tarmiyah. No group claimed the attack, but Islamic "
            "State militants are active in the area.",
            ["soldiers"],
        ),
        (
            "A bomb went off at the gate of a house in Swabi District when his family members were asleep.",
            [],
        ),
        ("Two policemen were among the dead in the Quetta blast on Monday.", ["policemen"]),
        # ... nor those a report cites
        (
            "Insurgents beheaded more than 50 people in Cabo Delgado province, state media reported on Monday, "
            "citing police.",
            ["people"],
        ),
        # ... nor those before the next sentence's verb of saying
        (
            "A bomb exploded near a police van in Peshawar on Tuesday, killing three policemen. No group claimed "
            "responsibility.",
            ["policemen"],
        ),
        # those after a comma are not who tells, and a hideout is no person
        (
            "Fighters shelled a market in El Fasher on Monday, killing 15 civilians, activists said.",
            ["civilians"],
        ),
        ("Pakistan forces kill 15 militants, destroy four hideouts in Orakzai Agency", ["militants"]),
        # a group's people named by a word for people and the group after "of"
        (
            "Gunmen killed two senior members of the Ahle Sunnat Wal Jamaat in Quetta on Friday.",
            ["senior members"],
        ),
        (
            "Unidentified assailants shot dead an official of Levies Force outside his home in Orakzai Agency.",
            ["official"],
        ),
        # headlines: "shot dead" with no one after it, a casualty word read as the modifier of the dead
        ("Pakistani police officer shot dead in Peshawar", ["Pakistani police officer"]),
        ("Two civilians killed, three injured in Kashmir shelling", ["civilians"]),
        # ... but "shot dead a soldier ... reports Daily Times" keeps the gunmen out
        (
            "Unidentified militants shot dead a Frontier Corps soldier in Bannu District on May 22 reports Daily "
            "Times",
            ["Frontier Corps soldier"],
        ),
        # who escapes an attack was its target
        ("Former interior minister escapes suicide attack in Charsadda", ["minister"]),
        # who fights is no one hit, though the parser finds no object ("gunmen holed up": the gunmen's verb)
        (
            "Security forces were still fighting gunmen holed up in a hotel in Mogadishu on Sunday after an "
            "overnight siege that killed 12 people, police said.",
            ["people"],
        ),
        # the attackers described by the group they are linked to, whose root the parser makes "linked"
        (
            "Insurgents linked to the Islamic State ambushed a convoy of trucks near Palma in Cabo Delgado, "
            "killing seven drivers.",
            ["drivers"],
        ),
        # the people a seizure takes, not "passengers hostage"
        ("Gunmen held 30 passengers hostage on a bus in Balochistan.", ["passengers"]),
        # the people a number "of" counts take its role: "Dozens of militants attacked" names the attackers
        (
            "Dozens of militants attacked an army post in North Waziristan before dawn on Sunday, killing four "
            "soldiers, the military said.",
            ["soldiers"],
        ),
        # ... wherever a gathering of them stands: the agent of a passive, the attackers of a noun
        (
            "Two policemen were injured in a gun attack by a group of militants in Panjgur District on Monday.",
            ["policemen"],
        ),
        # who had a narrow escape was the target
        (
            "A team of Andhra Pradesh Police had a narrow escape when Maoists triggered a landmine in Visakhapatnam.",
            ["Andhra Pradesh Police"],
        ),
        # who is accused of the deed, and whom the claim was sent to, are no one hit
        ("The army accused the rebels of killing 12 villagers in Beni on Monday.", ["villagers"]),
        (
            "At least nine people were injured in a bomb blast targeting a police van in Charsadda on Monday. The "
            "Pakistani Taliban claimed responsibility for the attack in an email sent to journalists.",
            ["people"],
        ),
        (
            "Militants attacked an army post in North Waziristan, killing four soldiers. The Pakistani Taliban "
            "claimed the attack in a message to journalists.",
            ["soldiers"],
        ),
        # the subject of "responded ... and killed" acted
        (
            "Two soldiers were martyred when terrorists opened fire on a checkpost in Khyber district on Monday. "
            "Troops responded effectively and killed three terrorists.",
            ["soldiers", "terrorists"],
        ),
        # "an aid worker held hostage": the parser reads him as holding a hostage, but he was held
        (
            "Kidnappers released an Italian aid worker held hostage for 18 months in Somalia after a ransom was "
            "paid, officials said.",
            ["Italian aid worker"],
        ),
        # people "of" a unit that is no known name were hit; a schoolgirl is a person hit
        (
            "A landmine exploded under a police vehicle in Gadchiroli district on Wednesday, killing 15 commandos "
            "of the C-60 unit and their driver.",
            ["commandos", "driver"],
        ),
        (
            "Gunmen opened fire on a school bus in Swat, wounding a schoolgirl and her driver.",
            ["schoolgirl", "driver"],
        ),
        # a force's name before the person word ("a Police official") is whose he was; "according to a" and
        # "informed a" name who told
        (
            "Unidentified armed assailants shot dead a Police official on Jail Road in Quetta on July 20.",
            ["Police official"],
        ),
        (
            "Gunmen shot dead two traders in Quetta on May 25, according to a Police official.",
            ["traders"],
        ),
        (
            "Armed Maoists abducted six tractor drivers in Lakhisarai District on February 8, informed a Police "
            "officer.",
            ["drivers"],
        ),
    ],
)
def test_who_was_hit_not_who_did_it(tmp_path, text, victims):
    _doc, incs = incidents_in(tmp_path, text)
    assert [v["text"] for i in incs for v in i["victims"]] == victims


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the attackers' word gives no target type; the people hit do
        ("Militants attacked a police post in Bannu on Monday, killing two policemen.", ["Police"]),
        (
            "Suspected militants shot dead a Hazara man in Quetta on December 8.",
            ["Private Citizens & Property"],
        ),
        # nor does the other side of a fight, or who only told of it
        (
            "Two militants were killed in an encounter with security forces in Kupwara District, officials said.",
            ["Terrorists/Non-State Militia"],
        ),
        ("Pakistan military kills 32 militants in North Waziristan", ["Terrorists/Non-State Militia"]),
        # a word for people that describes a place hit is that place's type
        ("Militants attacked a Police picket in Hyderabad on Sunday.", ["Police"]),
        ("Unidentified persons blew up a tube well in Bara tehsil on September 29.", []),
        # a force's name qualifying the thing hit leaves it hit; the last word of a group's name does not
        ("Militants fired at an Army vehicle in Baramulla District on March 9.", ["Military"]),
        ("Militants attacked the Balochistan Liberation Army camp in Kohlu on Monday.", []),
    ],
)
def test_target_types_come_from_who_was_hit(tmp_path, text, types):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert inc["target_types"] == types


def test_an_officer_s_title_is_no_victim_and_no_place(tmp_path):
    """'Superintendent of Police' names an officer: the police were not hit, and 'Police' is no town in
    Poland."""
    _doc, incs = incidents_in(
        tmp_path,
        "The trader was murdered for refusing to pay the rebels, Dantewada Additional Superintendent of "
        "Police (ASP), Mohan Rao said.",
    )
    assert incs
    for inc in incs:
        assert "police" not in {v["text"].lower() for v in inc["victims"]}
        assert (inc["location"] or {}).get("country") == "IND"  # Dantewada, not Police in Poland


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # seizing arms in a raid is no kidnapping
        (
            "Police seized two rifles and a pistol during a raid in Kupwara District on Tuesday, and one militant "
            "was killed in the exchange of fire.",
            "Armed Assault",
        ),
        (
            "Two Maoists were killed in an encounter with the Police in Gaya District on January 24.",
            "Armed Assault",
        ),
        (
            "Militants abducted two engineers from a construction site in Gwadar on Monday.",
            "Hostage Taking (Kidnapping)",
        ),
        # blowing something up is a bombing in GTD's terms, not a facility attack
        ("Maoists blew up a railway track in Sundergarh District on January 9.", "Bombing/Explosion"),
        # harm by hands, sticks or stones is GTD's unarmed assault
        (
            "Maoists beat up a villager in Gaya District on Sunday, branding him an informer.",
            "Unarmed Assault",
        ),
        (
            "A teacher died after being physically assaulted by militants in Chandel District on March 1.",
            "Unarmed Assault",
        ),
        ("A mob lynched a shopkeeper accused of blasphemy in Sialkot on Friday.", "Unarmed Assault"),
        # arson as South Asian wire copy words it
        (
            "Maoist cadres set ablaze three trucks at a road construction site in Latehar District on Friday.",
            "Facility/Infrastructure Attack",
        ),
        (
            "Militants set a government school ablaze in Kupwara District on Tuesday night.",
            "Facility/Infrastructure Attack",
        ),
        # a force named "Rifles" is who was hit, not the weapon
        (
            "Three Assam Rifles personnel were injured in an IED explosion in Chandel District on November 15.",
            "Bombing/Explosion",
        ),
        (
            "A grenade exploded near a Rashtriya Rifles camp in Kupwara District on Monday. Personnel of the "
            "Rashtriya Rifles and the Police cordoned off the area.",
            "Bombing/Explosion",
        ),
        # "opened fire" with a word between
        (
            "A school guard was injured when two armed assailants opened indiscriminate fire at a private school in "
            "Bahawalnagar District on October 30.",
            "Armed Assault",
        ),
        # the weapon itself still is one
        ("Militants armed with rifles stormed a village in Kupwara District on Monday.", "Armed Assault"),
        # people seized in a village are taken hostage
        (
            "Militants came to the village and seized three teachers in Kupwara District on Monday.",
            "Hostage Taking (Kidnapping)",
        ),
        # a bomb that went off is a bombing, though a second one was recovered
        (
            "A bomb exploded near a market in Imphal on Monday, and a second bomb was later recovered nearby.",
            "Bombing/Explosion",
        ),
        # gunmen who abduct and hurt no one kidnap; "gunmen" is who, not an armed assault
        (
            "Gunmen abducted 42 students from a boarding school in Kagara, Niger state, on Wednesday night.",
            "Hostage Taking (Kidnapping)",
        ),
    ],
)
def test_attack_types_of_south_asian_reports(tmp_path, text, attack):
    _doc, incs = incidents_in(tmp_path, text)
    assert {t for inc in incs for t in inc["attack_types"]} == {attack}


@pytest.mark.parametrize(
    "text",
    [
        # plain politics
        "Pakistan and the United States held talks on trade in Islamabad on Monday. "
        "Both sides agreed to meet again next month.",
        # generic talk of terrorism
        "Terrorist activities have escalated in the region. The war on terror shaped a decade of policy.",
        # arms recovered are no bombing
        "Police recovered two hand grenades, an IED and a pistol from a hideout in Kupwara District on Tuesday.",
        # nor is an inventory of what was recovered, however long the list before the grenade
        "The recoveries from the hideout in Kupwara District included one rifle, three magazines, 62 rounds of "
        "ammunition, two radio sets and one hand grenade.",
        # punctuated or not
        "The arms and ammunition recovered from the slain militants include four AK 47 rifles 15 AK magazines 400 "
        "rounds one UBGL seven UBGL rounds four hand grenades two GPS devices and one compass.",
        # nor a list of things that ends "were recovered"
        "A 10 kg IED, 200 metres of wire and two detonators were later recovered from a hideout in Bijapur "
        "District on Monday.",
        "Three kilograms of explosives with detonators, two pistols and a motorcycle were recovered from the house "
        "in Sheikhupura District.",
        # nor arms that "were seized"
        "One AK-56 rifle and 20 rounds of ammunition were seized from the slain militants in Rohtas District.",
        # nor security forces' raid told by the arrests made and the arms recovered in it
        "Security forces arrested five suspected militants of the Tehreek-e-Taliban Pakistan in a raid in "
        "Peshawar on Monday and recovered explosives and suicide vests, the CTD said.",
        # nor a cache of guns
        "Security forces on Tuesday recovered a huge cache of arms and ammunition, including 20 AK rifles and 5,000 "
        "rounds, from a hideout in the Bajaur tribal district.",
        # nor a law or a unit named after explosives
        "Police registered a case under the Explosive Substances Act against two men in Jessore District on Monday.",
    ],
)
def test_texts_that_report_no_incident(tmp_path, text):
    _doc, incs = incidents_in(tmp_path, text)
    assert incs == []


def test_ids_are_stable_across_runs(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("A bomb exploded in Quetta on 2 June 2023, killing four people.", encoding="utf-8")
    first = extract([str(p)])["documents"][0]["incidents"]
    second = extract([str(p)])["documents"][0]["incidents"]
    assert [i["id"] for i in first] == [i["id"] for i in second] and first


@pytest.mark.parametrize(
    "text, status, modality",
    [
        (
            "A bomb exploded near a police station in Quetta on 2 June 2023, killing four people.",
            "reported",
            "asserted",
        ),
        (
            "The army denied that guerrillas attacked the presidential farm in Escuintla.",
            "reported",
            "denied",
        ),
        ("Militants will attack the convoy in Bannu, officials warned.", "hypothetical", "predicted"),
        ("Gunmen could attack the market in Peshawar during the festival.", "hypothetical", "hypothetical"),
        # an attack told as long past is background
        (
            "LAHORE - Ten years after the Data Darbar bombing, families of the victims say they are still waiting "
            "for justice.",
            "historical",
            "asserted",
        ),
        (
            "Some three years ago two marines died following a bombing of a market in Callao.",
            "historical",
            "asserted",
        ),
        # a named attack of years before, as a court case retells it
        (
            "The National Investigation Agency filed a chargesheet against 12 accused in the 2019 Pulwama suicide "
            "attack that killed 40 CRPF personnel.",
            "historical",
            "asserted",
        ),
        # what governs the act told first decides: a vow of more attacks later in the sentence plans no shooting
        (
            "Gunmen shot dead a polio worker in Peshawar on Monday and the group's spokesman vowed to carry out "
            "more attacks.",
            "reported",
            "asserted",
        ),
        # "September 11" alone is a day, not the attacks of 2001; "the September 11 attacks" are those
        (
            "Four persons were injured when a grenade hurled by militants exploded on the roof of a house in Imphal "
            "East District on September 11.",
            "reported",
            "asserted",
        ),
        (
            "The September 11 attacks killed nearly 3,000 people in New York and Washington.",
            "historical",
            "asserted",
        ),
        # ... but "in the past 24 hours" is recent
        (
            "Three soldiers were killed in a roadside bomb blast in Kurram in the past 24 hours, officials said.",
            "reported",
            "asserted",
        ),
    ],
)
def test_incident_modality(tmp_path, text, status, modality):
    p = tmp_path / "m.txt"
    p.write_text(text, encoding="utf-8")
    _doc, (inc,) = incidents_of(p)
    assert (inc["status"], inc["modality"]) == (status, modality)


def test_a_local_papers_namesake_is_its_own_town():
    """A story naming only "Paris" is placed in the province its news source's earlier stories name."""
    from ctwatch.model import Document
    from ctwatch.stages import default_pipeline

    pipeline = default_pipeline()
    pipeline.setup()
    story = "A gunman opened fire at a church in Paris on Sunday, killing two worshippers, police said."
    docs = [
        Document.from_text(
            "County commissioners across Texas met on Tuesday to discuss road repairs.",
            url="https://www.lamarherald.example/news/1",
        ),
        Document.from_text(story, url="https://www.lamarherald.example/news/2"),
        Document.from_text(story, url="https://elsewhere.example/world/2"),
    ]
    places = [[(i.location.name, i.location.admin1) for i in d.incidents] for d in pipeline.pipe(docs)]
    assert places == [[], [("Paris", "Texas")], [("Paris", "Ile-de-France")]]


def test_a_hard_wrapped_report_gives_the_incident_its_unwrapped_text_gives(tmp_path):
    lines = [
        "QUETTA, March 6, 2023 - Five policemen were killed and twelve others were",
        "injured when a suicide bomber blew himself up near a police truck in the",
        "Bolan district of Balochistan on Monday, officials said. The banned",
        "Balochistan Liberation Army claimed responsibility for the attack in a",
        "statement sent to reporters.",
    ]
    (wrapped_doc, (wrapped,)) = incidents_in(tmp_path, "\n".join(lines))
    (flat_doc, (flat,)) = incidents_in(tmp_path, " ".join(lines))
    assert wrapped_doc["title"] is None  # the first line of a wrapped paragraph is no title
    for key in ("status", "attack_types", "location", "killed", "wounded", "date"):
        assert wrapped[key] == flat[key], key
    assert wrapped["wounded"]["best"] == 12 and ("bla", "claimed") in perps(wrapped)
    for ev in wrapped["evidence"]:
        assert wrapped_doc["text"][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Militants kidnapped four labourers from the Kharan area on Monday, police said.", "Kharan"),
        (
            "The engineer, who was abducted on May 24 from Quetta, was released after a ransom was paid.",
            "Quetta",
        ),
        # "from" names where the fire came from, not where the incident happened
        ("Three rockets fired from Kandahar landed in Chaman, killing two children.", "Chaman"),
    ],
)
def test_where_a_kidnapping_took_its_victims_from_is_where_it_happened(tmp_path, text, place):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert inc["location"]["name"] == place


def test_a_force_named_by_its_men_is_the_victims_force(tmp_path):
    _doc, incs = incidents_in(
        tmp_path,
        "Four Sindh Rangers personnel were shot dead by unidentified assailants in Karachi on Monday.",
    )
    assert [(v["actor_id"], v["nationality"]) for i in incs for v in i["victims"]] == [("pak-rangers", "PAK")]


@pytest.mark.parametrize(
    ("text", "attack", "target", "victims", "killed"),
    [
        # a missile fired at a ship: a bombing of a maritime target, its crew the dead
        (
            "ADEN - Houthi rebels fired two anti-ship missiles at a Liberian-flagged cargo ship in the Red Sea on "
            "Monday, setting it on fire, the U.S. military said. Three crew members were killed.",
            "Bombing/Explosion",
            "Maritime",
            ["crew members"],
            3,
        ),
        # a beheading is an armed assault with a blade, and its dead are counted
        (
            "Militants raided a village in Cabo Delgado province on Tuesday, beheading four villagers, officials said.",
            "Armed Assault",
            "Private Citizens & Property",
            ["villagers"],
            4,
        ),
        # India's words for its soldiers and paramilitaries: "jawans", "troopers"
        (
            "Two CRPF troopers were killed when Maoists triggered an IED blast in Sukma District on Monday.",
            "Bombing/Explosion",
            "Military",
            ["CRPF troopers"],
            2,
        ),
        # a vehicle driven into people: GTD's unarmed assault
        (
            "BERLIN - A man drove a truck into a crowded Christmas market in Berlin, killing 12 people.",
            "Unarmed Assault",
            "Business",
            ["people"],
            12,
        ),
        # plural suicide bombers, rocket-propelled grenades, machetes
        (
            "ANKARA - Two suicide bombers struck a peace rally outside the main train station, killing 103 people.",
            "Bombing/Explosion",
            "Government (General)",
            ["people"],
            103,
        ),
        (
            "Boko Haram insurgents fired rocket-propelled grenades into Maiduguri, killing 10 people.",
            "Bombing/Explosion",
            "Private Citizens & Property",
            ["people"],
            10,
        ),
        (
            "Rebels of the Allied Democratic Forces killed 22 villagers with machetes in Beni on Monday.",
            "Armed Assault",
            "Private Citizens & Property",
            ["villagers"],
            22,
        ),
        # South Asian copy's "martyring" counts the dead; a lexicon phrase's "of" is no part of the target
        (
            "ISLAMABAD - A remote-controlled bomb struck a Frontier Corps convoy in Kech district on Tuesday, "
            "martyring three soldiers, the ISPR said.",
            "Bombing/Explosion",
            "Military",
            ["soldiers"],
            3,
        ),
        # peacekeepers: GTD files international organisations under Government (Diplomatic)
        (
            "A suicide car bomb hit a United Nations base in Aguelhok, killing 10 Chadian peacekeepers.",
            "Bombing/Explosion",
            "Government (Diplomatic)",
            ["Chadian peacekeepers"],
            10,
        ),
        # an attack that was beaten back is an attack; a throat slit a killing; a village head, a labourer
        (
            "Militants tried to storm an army camp in Bannu on Monday but were beaten back, killing one soldier.",
            "Armed Assault",
            "Military",
            ["soldier"],
            1,
        ),
        (
            "Jihadists overran an army post in the Mopti region of Mali on Sunday, killing 12 soldiers.",
            "Armed Assault",
            "Military",
            ["soldiers"],
            12,
        ),
        (
            "Unknown assailants slit the throat of a sarpanch in Tillaberi on Monday.",
            "Armed Assault",
            "Government (General)",
            ["sarpanch"],
            None,
        ),
        (
            "Militants shot dead a migrant labourer from Bihar in Pulwama district on Thursday.",
            "Armed Assault",
            "Private Citizens & Property",
            ["labourer"],
            1,
        ),
    ],
)
def test_words_of_other_theatres(tmp_path, text, attack, target, victims, killed):
    _doc, incs = incidents_in(tmp_path, text)
    assert len(incs) == 1
    assert incs[0]["attack_types"] == [attack]
    assert target in incs[0]["target_types"]
    assert "Transportation" not in incs[0]["target_types"]  # "drove a truck into": the truck is no target
    assert [v["text"] for v in incs[0]["victims"]] == victims
    assert incs[0]["killed"]["best"] == killed


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        # the act is no weapon: an ambush, a gunfight, a blast
        ("Separatist fighters killed four gendarmes in an ambush in Kumba on Sunday, the army said.", []),
        ("Two militants were killed in an exchange of fire with police in Shopian on Tuesday.", []),
        ("A bomb blast in a crowded market in Quetta killed five people on Thursday.", ["bomb"]),
        # a weapon's short name in brackets after its long one is the same weapon
        (
            "Two soldiers were injured when an improvised explosive device (IED) exploded in Kupwara on Monday.",
            ["improvised explosive device"],
        ),
        # an adverb before the article is no part of the weapon's name
        (
            "Police defused one device. Later a bomb exploded in a bus in Dhaka, injuring six people.",
            ["bomb"],
        ),
        (
            "Gunmen armed with assault rifles stormed a hotel in Mogadishu, killing 12 people.",
            ["assault rifles"],
        ),
    ],
)
def test_weapons_are_the_things_used_not_the_act(tmp_path, text, weapons):
    _doc, incs = incidents_in(tmp_path, text)
    assert len(incs) == 1
    assert [w["text"] for w in incs[0]["weapons"]] == weapons


def test_missiles_held_or_threatened_are_no_attack(tmp_path):
    text = (
        "The government said the rebels had received more than 300 surface-to-air missiles from abroad and "
        "threatened to use ground-to-air missiles against the capital."
    )
    _doc, incs = incidents_in(tmp_path, text)
    assert incs == []


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "Gunmen killed two senior members of the Ahle Sunnat Wal Jamaat in Quetta on Friday.",
            [("ssp", None)],
        ),
        (
            "Unidentified assailants shot dead an official of Levies Force outside his home in Orakzai Agency.",
            [("pak-levies", "PAK")],
        ),
        # a group's people among the people hit
        (
            "DAMASCUS - A car bomb exploded near a checkpoint in the northern town of Azaz, killing 11 people "
            "including four members of the Syrian National Army, a war monitor said.",
            [("sna", None)],
        ),
        # the group after "of" qualifies another noun: not the driver's group
        (
            "The driver of NATO oil container was killed when militants set ablaze the container in Bolan.",
            [],
        ),
    ],
)
def test_a_group_s_people_hit_carry_its_id(tmp_path, text, victims):
    _doc, incs = incidents_in(tmp_path, text)
    assert [(v["actor_id"], v["nationality"]) for i in incs for v in i["victims"] if v["actor_id"]] == victims


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # the gazetteer's only Palma is Mallorca's: a town abroad is not where it happened when the sentence
        # names a place in a country the story names
        (
            "Insurgents ambushed a convoy of trucks near Palma in Mozambique's Cabo Delgado province, killing "
            "seven drivers.",
            "Cabo Delgado",
            "MOZ",
        ),
        (
            "Six persons were injured when an explosive device went off at Bonn Hanjan in the Rajpora area of "
            "Pulwama District on Monday.",
            "Pulwama",
            "IND",
        ),
        # the country across a border is not where it happened
        (
            "Eleven soldiers were killed when militants attacked their base in Tillaberi near the border with "
            "Mali on Thursday.",
            "Tillabéri",
            "NER",
        ),
        (
            "Maoists ambushed a joint team of CoBRA and CRPF in the Karamdeeh forests of Latehar District "
            "bordering Chhattisgarh, killing a constable.",
            "Lātehār",
            "IND",
        ),
        # ... and "the Southern side" names no province of Zambia
        (
            "Militants attacked an Assam Rifles patrol along the Imphal Jiribam road on the Southern side of "
            "the Kotlan post on March 19.",
            "Imphal",
            "IND",
        ),
        # a town the gazetteer lacks under its English name, curated (data/places_extra.tsv)
        (
            "DAMASCUS - A car bomb exploded near a checkpoint in the northern town of Azaz, killing 11 people, a "
            "war monitor said.",
            "Azaz",
            "SYR",
        ),
    ],
)
def test_a_town_abroad_gives_way_to_a_place_in_the_story_s_country(tmp_path, text, place, country):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["name"], inc["location"]["country"]) == (place, country)


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a country's name joined to a participle qualifies who acted, and is no place of the attack
        (
            "A Saudi-led coalition airstrike hit a market in Saada province on Friday, killing 20 civilians.",
            "Sa'dah Governorate",
            "YEM",
        ),
        ("US-backed forces shelled a village near Raqqa on Monday, killing 12 people.", "Ar Raqqah", "SYR"),
        # ... while two countries joined name their border
        (
            "Militants attacked a checkpoint on the Pakistan-Afghanistan border on Monday, killing two soldiers.",
            "Pakistan",
            "PAK",
        ),
    ],
)
def test_a_country_qualifying_the_attackers_is_no_place(tmp_path, text, place, country):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["name"], inc["location"]["country"]) == (place, country)


@pytest.mark.parametrize(
    ("text", "place", "precision"),
    [
        # a small town's dateline is filed near the event: its province refines a place its words give as a country
        (
            "TILLABERI, Niger - Gunmen on motorbikes killed 12 villagers at a market in western Niger on Sunday.",
            "Tillabéri",
            "admin1",
        ),
        (
            "DAMBOA, Nigeria - Boko Haram fighters shot dead 30 farmers in northeastern Nigeria on Saturday.",
            "Borno",
            "admin1",
        ),
        # ... not a large city's, where reporters sit
        (
            "NIAMEY, Niger - Gunmen on motorbikes killed 12 villagers at a market in western Niger on Sunday.",
            "Niger",
            "country",
        ),
        (
            "MAIDUGURI, Nigeria - Boko Haram fighters shot dead 30 farmers in northeastern Nigeria on Saturday.",
            "Nigeria",
            "country",
        ),
        # ... nor one in another country than the incident's
        (
            "GAO, Mali - Suspected jihadists shot dead 20 civilians in central Burkina Faso.",
            "Burkina Faso",
            "country",
        ),
    ],
)
def test_a_small_town_s_dateline_refines_a_country_to_its_province(tmp_path, text, place, precision):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert (inc["location"]["name"], inc["location"]["precision"]) == (place, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a hotel in Mogadishu, killing 20 people and taking 12 hostages.",
        "A gunman shot dead a guard and kidnapped two engineers in Quetta.",
    ],
)
def test_a_kidnapping_with_people_shot_or_killed_is_an_armed_assault_too(tmp_path, text):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert set(inc["attack_types"]) == {"Armed Assault", "Hostage Taking (Kidnapping)"}


@pytest.mark.parametrize(
    ("text", "attacks", "target_type", "weapon_type", "killed"),
    [
        # acid thrown at people: GTD's unarmed assault with a chemical weapon
        (
            "Unknown assailants threw acid on two schoolgirls on their way to school in Kandahar city on "
            "Wednesday, police said.",
            ["Unarmed Assault"],
            "Educational Institution",
            "Chemical",
            None,
        ),
        # a hostage standoff named outright is a barricade incident, and the storming before it its step
        (
            "Gunmen stormed a hotel in Mogadishu late on Saturday, taking guests hostage. At least 21 people were "
            "killed before security forces ended the 14-hour hostage standoff, the government said.",
            ["Armed Assault", "Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)"],
            "Business",
            "Firearms",
            21,
        ),
        # a body found shot: someone was shot
        (
            "Police found the bullet-riddled body of a man in a field near Turbat on Sunday.",
            ["Armed Assault"],
            "Private Citizens & Property",
            "Firearms",
            None,
        ),
        # places of work and those at work: a cafe, lorries, an earth mover, coal miners
        (
            "A suicide bomber blew himself up at a crowded cafe in Mogadishu, killing nine people.",
            ["Bombing/Explosion"],
            "Business",
            "Explosives",
            9,
        ),
        (
            "Militants torched two lorries carrying supplies near Torkham on Monday.",
            ["Facility/Infrastructure Attack"],
            "Transportation",
            "Incendiary",
            None,
        ),
        (
            "Suspected Maoists set fire to an earth mover engaged in road construction near Dantewada.",
            ["Facility/Infrastructure Attack"],
            "Business",
            "Incendiary",
            None,
        ),
        (
            "Gunmen killed four coal miners in Harnai district of Balochistan on Sunday.",
            ["Armed Assault"],
            "Business",
            "Firearms",
            4,
        ),
        (
            "A worshipper was killed when gunmen opened fire on a mosque in Peshawar.",
            ["Armed Assault"],
            "Religious Figures/Institutions",
            "Firearms",
            1,
        ),
        # people held captive are kidnapped; a polling station is an election's target, GTD's Government (General)
        (
            "Gunmen held 23 passengers captive for nine days after stopping their bus near Kaduna, police said.",
            ["Hostage Taking (Kidnapping)"],
            "Transportation",
            "Firearms",
            None,
        ),
        (
            "Militants attacked a polling station in Bannu district on Saturday, killing two policemen and "
            "wounding three voters.",
            ["Unknown"],
            "Government (General)",
            "Unknown",
            2,
        ),
        # a petrol bomb is an incendiary, not an explosive; travellers are private citizens
        (
            "Suspected militants hurled a petrol bomb at the house of a councillor in Imphal West district on "
            "Wednesday night.",
            ["Facility/Infrastructure Attack"],
            "Government (General)",
            "Incendiary",
            None,
        ),
        (
            "Bandits abducted 12 travellers near Kaduna on Saturday.",
            ["Hostage Taking (Kidnapping)"],
            "Private Citizens & Property",
            "Unknown",
            None,
        ),
        # throats slit are an armed assault with a sharp instrument; a suicide vest a suicide bombing
        (
            "Boko Haram fighters tied up 14 farmers near Maiduguri on Tuesday before slitting their throats.",
            ["Armed Assault"],
            "Private Citizens & Property",
            "Melee",
            None,
        ),
        (
            "A suicide bomber detonated an explosives-laden belt at a checkpoint in Baghdad, killing nine people.",
            ["Bombing/Explosion"],
            "Military",
            "Explosives",
            9,
        ),
        # plurals name what their singular names: grenades thrown beside gunfire are a bombing too
        (
            "Militants hurled two grenades and fired indiscriminately at a police van in Baramulla District "
            "on March 9. The officers escaped unhurt.",
            ["Bombing/Explosion", "Armed Assault"],
            "Police",
            "Explosives",
            None,
        ),
        (
            "Maoists planted IEDs on the road to Bhejji in Sukma District and set them off as a patrol passed on "
            "Monday, wounding four troopers.",
            ["Bombing/Explosion"],
            "Military",
            "Explosives",
            None,
        ),
        (
            "Militants blew up two schools in Bara tehsil of Khyber Agency on Sunday night.",
            ["Bombing/Explosion"],
            "Educational Institution",
            "Explosives",
            None,
        ),
        (
            "Unidentified miscreants torched three mosques in Jos on Friday.",
            ["Facility/Infrastructure Attack"],
            "Religious Figures/Institutions",
            "Incendiary",
            None,
        ),
    ],
)
def test_acts_and_targets_the_lexicon_names(tmp_path, text, attacks, target_type, weapon_type, killed):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert inc["attack_types"] == attacks
    assert target_type in inc["target_types"]
    assert weapon_type in inc["weapon_types"]
    assert inc["killed"]["best"] == killed


def test_who_found_the_bodies_was_not_hit(tmp_path):
    _doc, (inc,) = incidents_in(
        tmp_path, "Police recovered the bodies of two men who had been shot dead in Turbat on Sunday."
    )
    assert inc["victims"] == [] and "Police" not in inc["target_types"]
    assert inc["killed"]["best"] == 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a later sentence's risen toll updates the figure told before
        (
            "A suicide bomber targeted a police truck near a market in Quetta on Tuesday, killing at least 14 "
            "people, officials said. The death toll from the blast rose to 17 on Wednesday after three of the "
            "wounded died in hospital.",
            17,
        ),
        (
            "A bomb exploded in a market in Peshawar on Monday, killing 12 people. Three more of the wounded died "
            "overnight, taking the toll to 15.",
            15,
        ),
        # ... but a smaller figure told later is a part of the dead, not a new toll
        (
            "A bomb exploded in a market in Peshawar on Monday, killing 12 people. Police said 3 of the dead were "
            "children.",
            12,
        ),
    ],
)
def test_a_risen_toll_updates_the_dead(tmp_path, text, killed):
    _doc, (inc,) = incidents_in(tmp_path, text)
    assert inc["killed"]["best"] == killed


def test_on_the_same_day_opens_another_incident(tmp_path):
    _doc, incs = incidents_in(
        tmp_path,
        "A Hindu trader was shot dead in Shikarpur district on Sunday. His family said he had been receiving "
        "extortion calls. On the same day, two policemen were injured in an attack on a police post in Jacobabad.",
    )
    assert [(i["location"]["name"], i["killed"]["best"], i["wounded"]["best"]) for i in incs] == [
        ("Shikarpur", 1, None),
        ("Jacobabad", None, 2),
    ]


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        # a roundup sums up the incidents told after it: each is one of its own, in the roundup's city
        (
            "At least eight persons were killed in separate incidents in Karachi on August 25, police said. A "
            "religious scholar was shot dead near a mosque in Orangi Town. Two brothers were gunned down in Lyari. In "
            "another incident, five people were killed when gunmen opened fire on a tea stall in Baldia Town.",
            [("Karachi", 1), ("Karachi", 2), ("Karachi", 5)],
        ),
        # ... and stays the one incident when nothing after it tells of an attack
        (
            "The Maoists killed two persons in separate incidents in Gadchiroli District on March 27, police said. "
            "The victims were identified as Suryabhan Tembhurne and Panchamsingh Koreti.",
            [("Gadchiroli", 2)],
        ),
    ],
)
def test_a_roundup_is_the_incidents_it_sums_up(tmp_path, text, incidents):
    _doc, incs = incidents_in(tmp_path, text)
    assert [(i["location"]["name"], i["killed"]["best"]) for i in incs] == incidents


def test_a_roundup_names_who_did_each_incident_it_sums_up(tmp_path):
    _doc, incs = incidents_in(
        tmp_path,
        "Maoists killed three villagers in separate incidents in Bijapur District on April 6, police said. A villager "
        "was shot dead in Gangaloor village. Two others were hacked to death in Usoor on the same night.",
    )
    assert [(i["killed"]["best"], perps(i)) for i in incs] == [
        (1, {("cpi-maoist", "stated")}),
        (2, {("cpi-maoist", "stated")}),
    ]
