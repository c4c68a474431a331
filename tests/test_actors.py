import pytest

from ctwatch.actors import Actor, Registry, Role, load, norm, registry


@pytest.mark.parametrize(
    "name, actor_id",
    [
        ("TTP", "ttp"),
        ("Tehrik-i-Taliban", "ttp"),
        ("Tehreek-e-Taliban Pakistan", "ttp"),
        ("Pakistani Taliban", "ttp"),
        ("Pakistan Taleban", "ttp"),  # the spelling of some wires; "Taleban" alone is the Afghan Taliban
        ("Taleban", "taliban"),
        ("tehrik i taliban pakistan", "ttp"),
        ("Jamaat-ul-Ahrar", "jamaat-ul-ahrar"),
        ("ISIS", "isis"),
        ("Daesh", "isis"),
        ("ISKP", "isis-k"),
        ("Islamic State Khorasan Province", "isis-k"),
        ("the Taliban", "taliban"),
        ("Islamic Emirates of Afghanistan", "taliban"),
        ("interim Taliban government", "taliban"),
        ("al-Qaida", "al-qaeda"),
        ("AQIS", "aqis"),
        ("Haqqani network", "haqqani"),
        ("Lashkar-e-Tayyiba", "let"),
        ("JeM", "jem"),
        ("Lashkar-e-Jhangvi", "lej"),
        ("BLA", "bla"),
        ("The Resistance Front", "let"),  # designated by the US as an alias of LeT
        ("Houthis", "houthis"),
        ("ISWAP", "iswap"),
        ("Jama'at Nusrat al-Islam wal-Muslimin", "jnim"),
        ("Pakistan Rangers", "pak-rangers"),
        ("Balochistan Levies", "pak-levies"),
        ("CoBRA", "ind-crpf"),
        ("Baloch Liberation Front", "blf"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("Pakistan", "PAK"),
        ("Afghanistan", "AFG"),
        ("IMF", "imf"),
        ("World Bank", "world-bank"),
        ("NATO", "nato"),
        ("Shanghai Cooperation Organisation", "sco"),
        ("US State Department", "us-state-department"),
        ("SSG", "pak-ssg"),
        # India's, Bangladesh's and Afghanistan's security forces
        ("CRPF", "ind-crpf"),
        ("J&K Police", "ind-jkp"),
        ("Assam Rifles", "ind-ar"),
        ("Rapid Action Battalion", "bgd-rab"),
        ("Afghan National Army", "afg-ana"),
    ],
)
def test_lookup(name, actor_id):
    actor = registry().lookup(name)
    assert actor is not None, name
    assert actor.id == actor_id


def test_unknown_name_is_none():
    assert registry().lookup("Sons of the Quiet Valley") is None


@pytest.mark.parametrize(
    "word, country", [("Chinese", "CHN"), ("Pakistani", "PAK"), ("Afghan", "AFG"), ("American", "USA")]
)
def test_demonyms(word, country):
    assert registry().demonym(word).id == country


def test_every_country_is_there():
    countries = [a for a in registry().actors.values() if a.kind == "state"]
    assert len(countries) >= 193
    assert all(len(a.id) == 3 and a.id.isupper() for a in countries)


def test_designations_are_dated_with_sources():
    ttp = registry().get("ttp")
    lists = {d.list: d.since for d in ttp.designations}
    assert lists["US FTO"] == "2010-09-01"
    assert lists["UN 1267"].startswith("2011")
    for actor in registry().actors.values():
        for d in actor.designations:
            assert d.source, actor.id
            assert d.since and len(d.since) == 10


def test_taliban_role_depends_on_date():
    taliban = registry().get("taliban")
    assert taliban.kind_on("2019-05-01") == "armed_group"
    assert taliban.kind_on("2022-05-01") == "government"
    assert taliban.kind_on(None) == "armed_group"


def test_factions_point_to_parents():
    assert registry().get("jamaat-ul-ahrar").parent == "ttp"
    assert registry().get("isis-k").parent == "isis"


@pytest.mark.parametrize(
    ("parent", "country", "children"),
    [
        ("isis", "AFG", {"isis-k"}),
        ("al-qaeda", "SOM", {"al-shabaab"}),
        ("al-qaeda", "MLI", {"jnim"}),
        ("ttp", "PAK", {"jamaat-ul-ahrar", "hizb-ul-ahrar"}),
        ("al-shabaab", "SOM", set()),
    ],
)
def test_a_group_s_children_are_those_whose_parent_it_is(parent, country, children):
    assert {a.id for a in registry().children(parent) if a.country == country} >= children
    assert all(a.parent == parent for a in registry().children(parent))
    if not children:
        assert registry().children(parent) == []


def test_record_shape_matches_schema():
    rec = registry().get("ttp").record()
    assert set(rec) >= {"id", "name", "aliases", "kind", "country", "designations"}
    assert rec["designations"][0]["list"] == "US FTO"


def test_norm():
    assert norm("The Tehrik-i-Taliban") == norm("tehrik i taliban")


def test_registry_from_objects():
    reg = Registry(
        [
            Actor(
                "x",
                "Example Front",
                "armed_group",
                aliases=("EF",),
                roles=(Role("party", since="2020-01-01"),),
            )
        ]
    )
    assert reg.lookup("ef").id == "x"
    assert reg.get("x").kind_on("2021-01-01") == "party"


def test_people_come_from_persons_file_with_dated_roles():
    from ctwatch.actors import PERSONS_PREFIX, registry

    reg = registry()
    museveni = reg.lookup("Yoweri Museveni")
    assert museveni is not None and (museveni.kind, museveni.country) == ("person", "UGA")
    assert any(r.note == "GOV" and r.since == "1986-01-26" for r in museveni.roles)
    assert reg.lookup("Pakistan").id == "PAK"  # a person's alias never takes a country's name
    # thousands of people stay out of the entity ruler: the tagger's PERSON names find them
    assert not any(aid.startswith(PERSONS_PREFIX) for _t, _l, aid in reg.names())


def test_people_file_holds_no_territories_and_places_never_resolve_to_people():
    from ctwatch.actors import PERSONS_PREFIX, registry

    reg = registry()
    for place in ("Gaza", "Guam", "Greenland"):
        found = reg.lookup(place)
        assert found is None or not found.id.startswith(PERSONS_PREFIX), place
    body = reg.lookup("Inter-Services Intelligence")
    assert body is not None and (body.kind, body.country) == ("government", "PAK")
    assert reg.lookup("White House", people=False) is None or not reg.lookup(
        "White House", people=False
    ).id.startswith(PERSONS_PREFIX)


@pytest.mark.parametrize(
    "text, state",
    [
        ("Afganistan", "AFG"),  # a letter left out
        ("Pakistaan", "PAK"),  # one added
        ("Banglasesh", "BGD"),  # one changed
        ("Nigerai", "NGA"),  # two swapped
        ("Austrlia", None),  # one letter from Australia and from Austria: no guess
        ("Iraan", None),  # too short to guess from
        ("Pakistan", None),  # spelt right: lookup's business
        ("Philadelphiaa", None),  # no state near it
    ],
)
def test_misspelt_state(text, state):
    from ctwatch.actors import registry

    actor = registry().misspelt_state(text)
    assert (actor.id if actor else None) == state


def test_the_ruler_reads_a_hyphened_name_written_with_spaces_too():
    from ctwatch.actors import registry

    names = {(text, actor_id) for text, _label, actor_id in registry().names()}
    assert {("Tehreek-e-Taliban Pakistan", "ttp"), ("Tehreek e Taliban Pakistan", "ttp")} <= names
    assert ("Lashkar e Jhangvi", "lej") in names
    assert not any(text == "M 19" for text, _id in names)  # a hyphen before a figure stays


def test_ambiguous_aliases_are_read_normalised():
    from ctwatch.actors import registry

    ssp = registry().get("ssp")
    assert ssp is not None and ssp.ambiguous == frozenset({"ssp"})


@pytest.mark.parametrize(
    ("name", "regions", "actor_id"),
    [
        # Manipur's news calls the PLA of Manipur by the name of China's army
        ("the People's Liberation Army", {"IND", "manipur"}, "pla-manipur"),
        ("Peoples Liberation Army", {"manipur"}, "pla-manipur"),
        ("PLA", {"IND", "manipur"}, "pla-manipur"),
        # elsewhere in India, or anywhere else, the name is not the local group's
        ("PLA", {"IND", "ladakh"}, None),
        ("the People's Liberation Army", {"CHN"}, None),
        ("the People's Liberation Army", set(), None),
        ("Lashkar-e-Taiba", {"manipur"}, None),
    ],
)
def test_a_local_alias_stands_for_its_actor_only_in_its_region(name, regions, actor_id):
    actor = registry().local(name, regions)
    assert (actor.id if actor else None) == actor_id


def test_local_aliases_are_read_with_their_regions_normalised(tmp_path, monkeypatch):
    own = tmp_path / "actors.toml"
    own.write_text(
        '[[actor]]\nid = "example-kcp"\nname = "Example Communist Party"\nkind = "armed_group"\n'
        'country = "IND"\nlocal_aliases = ["ECP"]\nlocal_to = ["Manipur", "IND"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CTWATCH_ACTORS", str(own))
    reg = load()
    ecp = reg.get("example-kcp")
    assert ecp is not None and ecp.local_to == frozenset({"manipur", "IND"}) and ecp.local_aliases == ("ECP",)
    assert reg.local("the ECP", {"IND"}) is ecp and reg.has_local_alias("ecp")
    assert reg.local("ECP", {"PAK"}) is None and reg.lookup("ECP") is None  # a local alias only
