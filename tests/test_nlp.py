"""The spaCy stage with our entity ruler, and truecasing of caseless text."""

import pytest

from ctwatch.model import Document
from ctwatch.nlp import Analyse, is_caseless, truecase

from .conftest import WRAPPED

pytestmark = pytest.mark.slow


def analyse(text):
    return Analyse()(Document.from_text(text))


def mentions(doc):
    return {(m.text, m.label, m.actor_id) for m in doc.mentions}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Police blamed Tehrik-i-Taliban Pakistan for the attack.",
            ("Tehrik-i-Taliban Pakistan", "ACTOR", "ttp"),
        ),
        ("The blast hit the Police Lines mosque.", ("Police Lines", "FAC", "place:Police Lines Peshawar")),
        ("Officials said the TTP was behind it.", ("TTP", "ACTOR", "ttp")),
        ("The IMF approved the loan.", ("IMF", "ACTOR", "imf")),
        ("Chinese engineers were hurt.", ("Chinese", "NORP", "CHN")),
        (
            "ISKP claimed the Kabul airport attack.",
            ("Kabul airport", "FAC", "place:Hamid Karzai International Airport"),
        ),
    ],
)
def test_ruler_keeps_names_whole(text, expected):
    assert expected in mentions(analyse(text))


def test_common_words_stay_words():
    found = mentions(analyse("Let us see if it is true that the US will help."))
    assert ("US", "GPE", "USA") in found
    assert not any(m[0] in ("us", "Let", "it") for m in found)


def test_sentences_and_offsets():
    doc = analyse("Title line\n\nFirst sentence here. Second one follows.\nThird line.")
    assert [s.text for s in doc.sentences] == [
        "Title line",
        "First sentence here.",
        "Second one follows.",
        "Third line.",
    ]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "guerrillas of the farabundo marti national liberation front attacked a bus in san salvador today.",
        "GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A BUS IN SAN SALVADOR TODAY.",
    ],
)
def test_caseless_text_still_finds_names(text):
    doc = analyse(text)
    found = {(m.text.lower(), m.label) for m in doc.mentions}
    assert ("farabundo marti national liberation front", "ACTOR") in found
    assert ("san salvador", "GPE") in found
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)


def test_truecase_keeps_length_and_capitalises_names():
    text = "a bomb exploded in peshawar. the ttp claimed it. the mobile phone rang."
    out = truecase(text)
    assert len(out) == len(text)
    assert "Peshawar" in out and "TTP" in out and "The" in out
    assert "mobile phone" in out  # a place name that is also a word stays a word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest known name at a word start wins
        ("troops moved into new york city at dawn.", "Troops moved into New York City at dawn."),
        ("the army entered dera ismail khan on monday.", "The army entered Dera Ismail Khan on monday."),
        # a name runs to a word's end, not into a longer word
        ("the lashkar-e-taibas were seen.", "The lashkar-e-taibas were seen."),
        # a name that ends in a bracket is a name before any character
        ("cadres of the cpi (maoist) attacked a post.", "Cadres of the CPI (Maoist) attacked a post."),
        (
            "the tehrik-i-taliban pakistan (ttp), said police.",
            "The Tehrik-i-Taliban Pakistan (TTP), said police.",
        ),
        # a name that ends in a full stop is a name, and no sentence starts after it
        ("the u.s. embassy was hit, the u.n. said.", "The U.S. embassy was hit, the U.N. said."),
        ("m-19 and is-k men attacked. u.s. troops came.", "M-19 and IS-K men attacked. U.S. troops came."),
    ],
)
def test_truecase_names_of_several_words(text, expected):
    assert truecase(text) == expected


def test_an_alias_marked_lower_ok_false_is_not_truecased():
    from ctwatch.actors import registry

    assert registry().lookup("ANA").id == "afg-ana" and not registry().get("afg-ana").lower_ok
    # "ANA" is the Afghan National Army as written; "ana" in caseless text is a woman's name
    assert truecase("witnesses said ana maria was hurt. the crpf fired.") == (
        "Witnesses said ana maria was hurt. The CRPF fired."
    )


def test_is_caseless():
    assert is_caseless("all lower case text about an attack in the city")
    assert is_caseless("ALL UPPER CASE TEXT ABOUT AN ATTACK IN THE CITY")
    assert not is_caseless("Normal text about an attack in Quetta, Pakistan.")


def test_a_short_name_is_a_known_person_only_beside_the_persons_country():
    from ctwatch.stages import default_pipeline

    pipe = default_pipeline(names=("analyse",))
    pipe.setup()

    def person(text):
        doc = pipe(Document.from_text(text))
        return {m.text: m.actor_id for m in doc.mentions if m.label == "PERSON"}

    assert person("Yoweri Museveni spoke in Uganda on Monday.") == {"Yoweri Museveni": "ci:yoweri-museveni"}
    # the same two words with no Uganda in sight could be anyone of that name
    assert person("Yoweri Museveni spoke on Monday.") == {"Yoweri Museveni": None}


def test_a_hard_wrapped_report_reads_as_its_paragraphs():
    wrapped = WRAPPED
    doc = analyse(wrapped)
    assert doc.text == wrapped  # the stored text keeps its line breaks; the reading joins the wraps
    assert len(doc.paragraphs) == 2
    assert [s.text.split()[:3] for s in doc.sentences] == [
        ["PESHAWAR,", "June", "2,"],  # the dateline, set apart from the lead
        ["Two", "policemen", "were"],
        ["The", "attackers", "fled"],
        ["No", "group", "has"],
    ]
    for s in [*doc.sentences, *doc.paragraphs]:
        assert doc.text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Blast kills two in Pakistan's Karachi\nBlasts, scattered violence leave dozens dead on election day",
            "Karachi",
        ),
        (
            "Blast near mosque kills three in Pakistan's Peshawar\nThree preachers killed in mosque attack: police",
            "Peshawar",
        ),
    ],
)
def test_no_name_runs_over_a_paragraph_break(text, place):
    doc = analyse(text)
    assert not any("\n" in m.text for m in doc.mentions)
    assert (place, "GPE") in {(m.text, m.label) for m in doc.mentions}


@pytest.mark.parametrize(
    ("text", "place"),
    [  # headlines we wrote, where the small English NER calls a city a person, a people or a product
        ("Gunmen kill two policemen in Sialkot", "Sialkot"),  # PERSON
        ("Suicide bomber kills six in Punjab", "Punjab"),  # NORP
        ("Grenade attack injures five in Peshawar bazaar", "Peshawar"),  # PRODUCT
        ("Four killed as bomb hits Quetta bus", "Quetta"),  # ORG
    ],
)
def test_a_known_place_mislabelled_is_a_place(text, place):
    assert (place, "GPE") in {(m.text, m.label) for m in analyse(text).mentions}


@pytest.mark.parametrize(
    ("text", "places"),
    [  # a route named by its two ends, which spaCy tags as one facility or organisation
        ("Gunmen stopped a bus on the Abuja-Kaduna highway on Friday.", ["Abuja", "Kaduna"]),
        ("Gunmen attacked a bus on the Quetta-Karachi highway on Friday.", ["Quetta", "Karachi"]),
        ("Indo-Pakistan talks resumed on Friday.", []),  # no road: no places of its words
    ],
)
def test_a_route_named_by_its_ends_gives_both_places(text, places):
    assert [m.text for m in analyse(text).mentions if m.label == "GPE" and m.text != "Pakistan"] == places


@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [  # sentences we wrote in the style of South Asian wire copy; the small English NER tags the district a
        # person, the town before "district" an organisation
        (
            "A policeman was shot dead in the Chando Khel area of Lakki Marwat District on January 9.",
            "Lakki Marwat District",
            "Chando Khel",  # a village the gazetteer does not know, before "area": left as tagged
        ),
        (
            "Gunmen shot dead two polio workers in the Tank district of Khyber Pakhtunkhwa on Saturday.",
            "Tank",
            None,
        ),
        # ... or tags nothing, beside a place it did tag
        (
            "Indian security forces killed three suspected militants in a gunfight in the Kupwara district of "
            "Kashmir on Friday, the army said.",
            "Kupwara district",
            None,
        ),
    ],
)
def test_a_district_named_as_one_is_a_place(text, place, not_place):
    found = {(m.text, m.label) for m in analyse(text).mentions}
    assert (place, "GPE") in found
    assert not_place is None or (not_place, "GPE") not in found


def test_a_person_the_gazetteer_does_not_know_stays_a_person():
    found = {(m.text, m.label) for m in analyse("Police arrested Ahmed Raza in Lahore on Friday.").mentions}
    assert {("Ahmed Raza", "PERSON"), ("Lahore", "GPE")} <= found


def test_a_batch_longer_than_the_parse_cache_is_read_whole():
    from ctwatch.nlp import _CACHE_SIZE

    docs = [Document.from_text(f"Report {n} was filed in Lahore.") for n in range(_CACHE_SIZE + 20)]
    out = list(Analyse().pipe([*docs, docs[0]]))  # the first again, long gone from the cache by then
    assert [d.id for d in out] == [d.id for d in [*docs, docs[0]]]
    assert all(("Lahore", "GPE") in {(m.text, m.label) for m in d.mentions} for d in out)


def test_a_surname_that_is_also_a_town_stays_a_person():
    # "Delgado" is a town in the gazetteer and the surname of people the registry knows
    found = {(m.text, m.label) for m in analyse("Police said Delgado was shot dead in Lima.").mentions}
    assert ("Delgado", "GPE") not in found


@pytest.mark.parametrize(
    ("text", "place"),
    [  # headlines we wrote where the small English NER tags no place, or a place and a noun as a name
        ("Pakistan Taleban claim responsibility for Peshawar attack", "Peshawar"),  # nothing tagged
        ("Militants attack Peshawar checkpoint", "Peshawar"),  # nothing tagged
        ("TTP claims attack on Peshawar school", "Peshawar"),  # "Peshawar school" ORG
    ],
)
def test_a_known_place_the_ner_missed_is_a_place(text, place):
    found = {(m.text, m.label) for m in analyse(text).mentions}
    assert (place, "GPE") in found
    assert not any(label == "ORG" and place in name for name, label in found)


def test_a_name_in_capitals_stays_a_name():
    found = {(m.text, m.label) for m in analyse("Gunmen attacked the Karachi University campus.").mentions}
    assert ("Karachi University", "ORG") in found  # a name, not the city and a noun


def test_a_missed_place_fills_a_gap_only():
    from ctwatch.nlp import _entities, get_nlp, place_names

    text = "An officer of the Elite Force of Bannu was shot dead in Swabi District on Monday."
    sdoc = get_nlp()(text)
    swabi = sdoc.char_span(text.index("Swabi"), text.index(" on Monday"), label="GPE")
    sdoc.ents = [swabi]  # the sentence names where it happened: Bannu, the unit's home, is not added
    assert [text[a:b] for a, b, _label, _id in _entities(sdoc, text, place_names(), [(0, len(text))])] == [
        "Swabi District"
    ]
    sdoc.ents = []  # a sentence that names no place gets the one the gazetteer knows
    found = [
        (text[a:b], label) for a, b, label, _id in _entities(sdoc, text, place_names(), [(0, len(text))])
    ]
    assert ("Bannu", "GPE") in found


@pytest.mark.parametrize(
    ("text", "town", "where", "place"),
    [
        # Panjgur, a town of Balochistan whose population the gazetteer does not give
        (
            "Gunmen attacked a checkpost in Panjgur on Monday, officials in Quetta said.",
            "Panjgur",
            "Quetta",
            True,
        ),
        # a town of Meghalaya of 25,000 people
        (
            "A landmine exploded near Williamnagar on Friday, police in Meghalaya said.",
            "Williamnagar",
            "Meghalaya",
            True,
        ),
        # a village of under 15,000 people that shares its name with a colony of Quetta
        ("Gunmen attacked a shop in Jam on Monday, officials in Quetta said.", "Jam", "Quetta", False),
        # towns of the name lie in the United States, not in the country the report's places point to
        (
            "Gunmen attacked a checkpost in Eagle on Monday, officials in Quetta said.",
            "Eagle",
            "Quetta",
            False,
        ),
        # after no preposition of place
        ("Panjgur said on Monday that officials in Quetta were safe.", "Panjgur", "Quetta", False),
        # after "the town of", or before "town": a settlement's word names it
        (
            "Insurgents stormed the town of Panjgur overnight, officials in Quetta said.",
            "Panjgur",
            "Quetta",
            True,
        ),
        ("Insurgents stormed Panjgur town overnight, officials in Quetta said.", "Panjgur", "Quetta", True),
    ],
)
def test_a_town_after_in_at_or_near_tagged_as_no_place(text, town, where, place):
    from ctwatch.nlp import get_nlp

    sdoc = get_nlp()(text)
    # as the small English NER may tag them: the town an organisation
    sdoc.ents = [
        sdoc.char_span(text.index(town), text.index(town) + len(town), label="ORG"),
        sdoc.char_span(text.index(where), text.index(where) + len(where), label="GPE"),
    ]
    doc = Analyse()._fill(Document.from_text(text), sdoc)
    assert ((town, "GPE") in {(m.text, m.label) for m in doc.mentions}) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short name that holds punctuation is matched token by token, as written
        ("The U.S. embassy was closed.", [("U.S.", "GPE", "USA")]),
        ("The U. S. Army said so.", [("U. S.", "GPE", "USA")]),
        ("MQM-H activists were arrested.", [("MQM-H", "ACTOR", "mqm-h")]),
        ("M-19 guerrillas took the town.", [("M-19", "ACTOR", "m19")]),
        ("IS-K claimed the blast.", [("IS-K", "ACTOR", "isis-k")]),
    ],
)
def test_a_short_name_with_punctuation_is_read_as_written(text, expected):
    assert [m for m in mentions(analyse(text)) if m[2]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # South Asian wire copy drops the hyphens: the Pakistani Taliban, not the Afghan Taliban and a state
        ("Tehreek e Taliban Pakistan claimed the attack.", ("Tehreek e Taliban Pakistan", "ACTOR", "ttp")),
        ("Two Hizb ul Mujahideen militants were killed.", ("Hizb ul Mujahideen", "ACTOR", "hm")),
        ("Lashkar e Jhangvi claimed the bombing.", ("Lashkar e Jhangvi", "ACTOR", "lej")),
    ],
)
def test_a_name_written_without_its_hyphens_is_the_name(text, expected):
    found = mentions(analyse(text))
    assert expected in found
    assert [m for m in found if m[2] and m != expected] == []


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        # in Pakistan's news "SSP" is most often a Senior Superintendent of Police
        ("Senior Superintendent of Police (SSP) Rao Anwar said the attackers fled.", None),
        ("SSP Operations said police had arrested three suspects.", None),
        # and Sipah-e-Sahaba Pakistan where the report names the group
        ("A leader of the Sipah e Sahaba Pakistan (SSP) was shot dead in Karachi.", "ssp"),
        # "RSF" is Reporters sans frontieres too
        ("RSF, the press freedom group, condemned the killing of a journalist.", None),
    ],
)
def test_an_ambiguous_alias_is_its_actor_only_beside_another_of_its_names(text, actor_id):
    assert {m.actor_id for m in analyse(text).mentions if m.text in ("SSP", "RSF")} == {actor_id}


@pytest.mark.parametrize(
    ("text", "name", "actor_id"),
    [
        # Manipur's news names its PLA as China's army is named
        (
            "Cadres of the People's Liberation Army ambushed an Assam Rifles patrol in Chandel District of "
            "Manipur on Friday.",
            "the People's Liberation Army",
            "pla-manipur",
        ),
        ("The PLA claimed responsibility for the blast in Imphal West District.", "PLA", "pla-manipur"),
        # India's Maoists in the news of the states where they fight; not Nepal's
        (
            "A trooper was injured when the Maoists triggered a pressure bomb in Sukma District of Chhattisgarh.",
            "Maoists",
            "cpi-maoist",
        ),
        (
            "Two Maoist cadres were killed in an encounter in Gadchiroli District on Monday.",
            "Maoist",
            "cpi-maoist",
        ),
        ("A strike called by the Maoists shut shops in Kathmandu on Monday.", "Maoists", None),
        # a place whose namesakes all lie in India, one of them in a state where the Maoists fight
        ("Maoists blew up a bridge in Bijapur on Tuesday.", "Maoists", "cpi-maoist"),
        ("Maoists torched a villager's house in Bijapur District.", "Maoists", "cpi-maoist"),
        # ... but not where the report names another country outright
        ("Maoists from Bijapur held a rally in Kathmandu, Nepal, on Monday.", "Maoists", None),
        # elsewhere it is China's army, or no actor the registry knows
        (
            "China's People's Liberation Army fired missiles into the sea near Taiwan on Thursday.",
            "People's Liberation Army",
            "ci:peoples-liberation-army",
        ),
        ("The PLA crossed the Line of Actual Control in Ladakh, India said.", "PLA", None),
        # wire copy's "Congo" is the DRC in a report from the DRC, the Republic elsewhere
        (
            "BENI, Congo - Rebels killed 22 villagers in the Beni territory of North Kivu province overnight.",
            "Congo",
            "COD",
        ),
        ("BRAZZAVILLE, Congo - Police in Brazzaville arrested ten people on Monday.", "Congo", "COG"),
        # a report from Manipur that names China too keeps China's army
        (
            "The People's Liberation Army moved troops near the border, officials in Imphal and Beijing said.",
            "The People's Liberation Army",
            "ci:peoples-liberation-army",
        ),
    ],
)
def test_a_local_alias_is_its_actor_in_a_report_from_its_region(text, name, actor_id):
    assert {m.actor_id for m in analyse(text).mentions if m.text == name} == {actor_id}
