import pytest

from ctwatch import geo
from ctwatch.geo import haversine_km


@pytest.mark.parametrize(
    "name, country, lat, lon, precision",
    [
        ("Peshawar", "PAK", 34.01, 71.57, "city"),
        ("Quetta", "PAK", 30.18, 67.00, "city"),
        ("Kabul", "AFG", 34.53, 69.17, "city"),
        ("Karachi", "PAK", 24.86, 67.01, "city"),
        ("Khyber Pakhtunkhwa", "PAK", 34.5, 72.0, "admin1"),
        ("Balochistan", "PAK", 28.5, 65.5, "admin1"),
        ("North Waziristan", "PAK", 32.95, 70.1, "admin2"),
        ("Police Lines", "PAK", 34.00, 71.54, "point"),
        ("Kabul airport", "AFG", 34.57, 69.21, "point"),
        ("Noshki", "PAK", 29.55, 66.02, "city"),  # GeoNames spells it Nushki
        ("Jaffarabad", "PAK", 28.37, 68.35, "admin2"),  # GeoNames: Jafarabad District
        ("Dir", "PAK", 35.21, 71.88, "city"),
        ("Razmak", "PAK", 32.60, 69.85, "city"),
        # Somalia's regions as English news names them (curated: "Shabelle" alone is a zone of Ethiopia)
        ("Lower Shabelle", "SOM", 1.72, 44.77, "admin1"),
        ("Middle Shabelle", "SOM", 2.78, 45.50, "admin1"),
        ("Hiraan", "SOM", 4.74, 45.20, "admin1"),
        ("Galgaduud", "SOM", 5.54, 46.39, "admin1"),
    ],
)
def test_resolve(name, country, lat, lon, precision):
    place = geo.resolve(name, {"PAK", "AFG"})
    assert place.country == country
    assert place.precision == precision
    assert haversine_km(place.lat, place.lon, lat, lon) < 25


@pytest.mark.parametrize(
    "name, country, lat, lon",
    [
        ("Fallujah", "IRQ", 33.35, 43.79),  # GeoNames: Al Fallujah (the article)
        ("Hasakah", "SYR", 36.50, 40.75),  # Al Hasakah
        ("Qamishli", "SYR", 37.05, 41.23),  # Al Qamishli
        ("Afrin", "SYR", 36.51, 36.87),  # 'Afrin (a leading ayn)
        ("Misrata", "LBY", 32.38, 15.09),  # Misratah (a final h)
        ("Douma", "SYR", 33.57, 36.40),  # Duma (ou as u), the Syrian one, not Duma in China
        ("Hodeidah", "YEM", 14.80, 42.95),  # Al Hudaydah (o as u, ei as ay, the article)
        ("Kobani", "SYR", 36.89, 38.35),  # curated: GeoNames knows it only as Ayn al Arab
        ("Eastern Ghouta", "SYR", 33.55, 36.45),  # curated region
    ],
)
def test_arabic_place_names_as_english_news_spells_them(name, country, lat, lon):
    place = geo.resolve(name, set())
    assert place.country == country, place
    assert haversine_km(place.lat, place.lon, lat, lon) < 25


def test_arabic_spellings_never_turn_a_place_elsewhere_arab():
    assert geo.resolve("Paris", set()).country == "FRA"  # found as written: no other spelling is tried
    assert geo.resolve("Xqzville", set()).lat is None  # no spelling of it is an Arab town either
    forms = geo._arabic_forms("Fallujah")
    assert {"Al Fallujah", "Falluja", "Al Falluja"} <= set(forms) and "Fallujah" not in forms


@pytest.mark.parametrize(
    "name, context, country, admin1",
    [
        ("Ohioans", {"USA"}, "USA", "Ohio"),  # a people's word: the place it is of
        ("Dagestani", {"RUS"}, "RUS", "Dagestan, Respublika"),
        ("South Ossetian", set(), "GEO", "South Ossetia"),
        ("Mt. Pleasant", {"USA", "michigan"}, "USA", "Michigan"),  # an abbreviation written out
    ],
)
def test_demonyms_and_abbreviations(name, context, country, admin1):
    place = geo.resolve(name, context)
    assert (place.country, place.admin1) == (country, admin1), place


def test_continents_and_country_points():
    europe = geo.resolve("Europe")
    assert europe.lat is not None and haversine_km(europe.lat, europe.lon, 48.69, 9.14) < 25
    canada = geo.resolve("Canada")
    assert haversine_km(canada.lat, canada.lon, 60.0, -96.0) < 25
    assert geo.resolve("Tex").country != "USA" or geo.resolve("Texan").admin1 == "Texas"
    # a region is the region, not a namesake town (Middle East, Maryland)
    middle_east = geo.resolve("Middle East")
    assert middle_east.country != "USA" and haversine_km(middle_east.lat, middle_east.lon, 27.0, 44.0) < 25


@pytest.mark.parametrize(
    "name, context, lat, lon, country",
    [
        # seas and oceans, not the US counties named after them
        ("Atlantic", {"USA"}, 10.0, -25.0, None),
        ("Pacific Ocean", {"USA"}, 0.0, -160.0, None),
        ("Indian Ocean", {"IND"}, -20.0, 80.0, None),  # not India
        ("Arabian Sea", {"PAK"}, 15.0, 65.0, None),
        ("Strait of Hormuz", {"IRN"}, 26.57, 56.25, None),
        # regions of conflict news, not a namesake town or a neighbouring state
        ("Latin America", {"USA"}, -11.5, -75.5, None),  # not the United States through "America"
        ("Horn of Africa", set(), 8.2, 42.2, None),  # not Horn in Germany
        ("Levant", {"USA"}, 33.15, 38.3, None),  # not Levant in Maine
        ("Sinai", set(), 29.5, 33.8, "EGY"),  # not Sinai in Ecuador
        ("Golan Heights", set(), 33.0, 35.75, "SYR"),
        ("Kurdistan", set(), 36.0, 44.3, "IRQ"),
        ("South Asia", set(), 21.5, 79.0, None),  # not Asia's middle
        # landmarks, not the towns that share their names
        ("White House", {"USA"}, 38.90, -77.04, "USA"),
        ("Heathrow", set(), 51.47, -0.45, "GBR"),
        # an abbreviation in capitals is never a town of that name: EU is not Eu in Normandy
        ("EU", {"FRA"}, 49.84, 9.90, None),
        # Canadian Press abbreviations of the provinces, and "BC"
        ("B.C.", set(), 50.66, -121.76, "CAN"),
        ("BC", set(), 50.66, -121.76, "CAN"),
        ("Alta.", set(), 52.96, -114.32, "CAN"),  # not Alta in Norway
        # a part of the United Kingdom named outright is that part, not the kingdom's middle
        ("England", set(), 52.66, -1.27, "GBR"),
        ("England", {"USA"}, 52.66, -1.27, "GBR"),  # and, as the kingdom would, not England in Arkansas
    ],
)
def test_seas_landmarks_and_abbreviations(name, context, lat, lon, country):
    place = geo.resolve(name, context)
    assert place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) < 25, place
    assert (place.country or None) == country


def test_two_capitals_name_no_town():
    assert geo.resolve("ON").precision == "unknown"  # not On in Belgium
    assert geo.resolve("UK").country == "GBR"  # the registry's states still resolve
    assert geo.resolve("KP").admin1 == "Khyber Pakhtunkhwa"


def test_namesakes_follow_the_documents_country():
    # Hyderabad is a big city in India and another in Sindh, Pakistan
    assert geo.resolve("Hyderabad", {"PAK"}).country == "PAK"
    assert geo.resolve("Hyderabad", {"IND"}).country == "IND"


def test_part_of_a_name():
    place = geo.resolve("Karachi airport", {"PAK"})
    assert place.name == "Karachi" and "Karachi" in place.reason


def test_a_common_word_in_a_phrase_is_a_place_only_in_the_documents_country():
    # "Police" is a town in Poland, "Hub" one in Balochistan: inside a longer phrase such a word is taken
    # for a place only where the document's country backs it
    assert geo.resolve("Additional Superintendent of Police").country is None
    assert geo.resolve("Additional Superintendent of Police", {"IND"}).country is None
    assert geo.resolve("Hub, Baluchistan", {"PAK"}).name == "Hub"


def test_unknown_place_is_marked_not_guessed():
    place = geo.resolve("Xqzzyvale", {"PAK"})
    assert place.precision == "unknown" and place.lat is None


def test_country_fallback_has_coordinates():
    place = geo.country_place("AFG")
    assert place.precision == "country" and place.lat is not None
    assert 29 < place.lat < 39 and 60 < place.lon < 75


def test_context_of_names():
    ctx = geo.contexts(["Peshawar", "Pakistan", "Paris"])
    assert "PAK" in ctx["Peshawar"] and "PAK" in ctx["Paris"]
    # each mention's context comes from the others: Paris does not vote for its own France
    assert "FRA" not in ctx["Paris"] and "FRA" in ctx["Peshawar"]


@pytest.mark.parametrize(
    "where, key",
    [
        ("https://www.TheParisNews.example/local/2009/03/fire", "theparisnews.example"),
        ("http://news.postbulletin.example/a?id=1", "news.postbulletin.example"),
        ("/data/reports/bannu.txt", None),
        ("https://user:pw@Host.Example:8080/p", "host.example"),
        ("http://[broken", None),  # a hostile or broken address is no source, never an error
        ("", None),
        (None, None),
    ],
)
def test_source_key(where, key):
    assert geo.source_key(where) == key


def test_a_sources_home_weighs_in_on_namesakes():
    sources = geo.SourcePlaces()
    assert sources.home("parisnews.example") == frozenset()
    sources.add("parisnews.example", ["Texas", "Paris"])  # "Paris" names no province outright
    sources.add("parisnews.example", ["Dallas"])
    home = sources.home("parisnews.example")
    assert home == {"USA", "texas"}
    assert sources.home("other.example") == frozenset()
    # cases: the document's own places, what Paris resolves to (province, country)
    for context, admin1, country in [
        (set(), "Texas", "USA"),  # nothing else in the story: the paper's own town
        ({"USA"}, "Texas", "USA"),
        ({"FRA"}, "Ile-de-France", "FRA"),  # the story's own places still win
        ({"USA", "tennessee"}, "Tennessee", "USA"),
    ]:
        place = geo.resolve("Paris", context, home)
        assert (place.admin1, place.country) == (admin1, country), context
    assert geo.resolve("Paris").country == "FRA"
    assert "source" in geo.resolve("Paris", set(), home).reason


def test_a_source_home_is_a_share_of_its_documents():
    sources = geo.SourcePlaces(share=0.5)
    for names in (["Texas"], ["Ohio"], ["Ohio"], ["Ohio", "Paris"]):
        sources.add("x.example", names)
    assert sources.home("x.example") == {"USA", "ohio"}  # Texas: 1 of 4 documents


@pytest.mark.parametrize(
    "names, named",
    [
        (["Gaya District"], {"IND", "bihar"}),  # "Gaya" alone lies in India, Niger and Nigeria
        (["Gaya"], set()),
        (["Gadchiroli District"], {"IND", "maharashtra"}),
    ],
)
def test_a_unit_s_word_names_its_one_region(names, named):
    assert geo.regions_named(names) == named
