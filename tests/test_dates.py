import pytest

from ctwatch.dates import dateline, find_dates, parse_published, resolve


@pytest.mark.parametrize(
    "text, published, start, precision",
    [
        ("After the fall of Kabul on August 15, 2021, the country...", None, "2021-08-15", "day"),
        ("on 3 jan 90 guerrillas attacked", None, "1990-01-03", "day"),
        ("The blast on 2023-01-30 killed", None, "2023-01-30", "day"),
        ("in January 2023, which killed", None, "2023-01-01", "month"),
        ("since 2019 the group has", None, "2019-01-01", "year"),
        ("exploded on Monday, killing five", "2023-03-08", "2023-03-06", "day"),
        ("attacked a convoy yesterday", "2023-03-08", "2023-03-07", "day"),
        ("gunmen struck last night", "2023-03-08", "2023-03-07", "day"),
        ("exploded on Monday, killing five", None, None, "unknown"),
        ("A recent bombing in Peshawar", None, None, "unknown"),
        ("A bombing in Peshawar", "2023-03-08", None, "unknown"),
    ],
)
def test_resolve(text, published, start, precision):
    when = resolve(text, published)
    assert when.start == start
    assert when.precision == precision
    assert when.reason


def test_never_invents_a_date_without_publication():
    when = resolve("on Tuesday a blast", None)
    assert when.start is None and when.text == "on Tuesday"
    assert "publication" in when.reason


def test_month_range_end():
    ((_, _, when),) = find_dates("in February 2024")
    assert (when.start, when.end) == ("2024-02-01", "2024-02-29")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-02-01T10:00:00Z", "2023-02-01"),
        ("Thu, 11 May 2023 08:00:00 GMT", "2023-05-11"),
        ("March 6, 2023", "2023-03-06"),
        ("not a date", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("QUETTA, March 6, 2023 (Wire) - A bomb", "2023-03-06"),
        ("Headline\n\nKARACHI, October 7, 2024 (Wire) - text", "2024-10-07"),
        ("No dateline here, just text.", None),
    ],
)
def test_dateline(text, expected):
    assert dateline(text) == expected
