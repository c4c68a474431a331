import pytest

from ctwatch.errors import BinaryInput, DecodeError, EmptyInput
from ctwatch.text import dateline_apart, decode, looks_binary, normalise, paragraphs, unwrapped

from .conftest import WRAPPED


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\r\nb", "a\nb"),
        ("  spaced\t\tout  ", "spaced out"),
        ("p1\n\n\n\np2", "p1\n\np2"),
        ("\ufeffbom", "bom"),
        ("ctrl\x07char", "ctrlchar"),
        ("cafe\u0301", "café"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_decode_utf8_and_bom():
    assert decode("Peshawar – blast".encode(), "f") == "Peshawar – blast"
    assert decode(b"\xef\xbb\xbfhello", "f") == "hello"
    assert decode("héllo wörld".encode("utf-16"), "f") == "héllo wörld"


def test_decode_detects_a_legacy_encoding():
    text = "Le café près de la mosquée a été détruit par une bombe à Peshawar, selon la police. " * 5
    assert decode(text.encode("cp1252"), "f") == text


def test_decode_declared_charset_wins():
    assert decode("naïve".encode("latin-1"), "f", declared="latin-1") == "naïve"


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInput),
        (b"   \n\t ", EmptyInput),
        (bytes(range(256)) * 8, BinaryInput),
        (b"\x00\x01\x02binary\x00", BinaryInput),
    ],
)
def test_decode_refuses(data, error):
    with pytest.raises(error) as info:
        decode(data, "some/file.txt")
    assert info.value.source == "some/file.txt"


def test_undecodable_bytes_are_a_decode_error():
    junk = bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 40
    with pytest.raises((DecodeError, BinaryInput)) as info:
        decode(junk, "junk.txt")
    assert "junk.txt" in str(info.value)


def test_looks_binary():
    assert looks_binary(b"\x00\x00\x00")
    assert not looks_binary(b"plain text\n")


def test_paragraphs_offsets():
    text = "Title\n\nFirst para.\nSecond para."
    paras = paragraphs(text)
    assert [p.text for p in paras] == ["Title", "First para.", "Second para."]
    assert all(text[p.start : p.end] == p.text for p in paras)


# texts we wrote whose line breaks are meant, beside the hard-wrapped report
HEADLINES = (
    "Gunmen kill two policemen at checkpoint in northwest Pakistan city\n"
    "Death toll from Peshawar checkpoint attack rises to three: officials\n"
    "Police search tribal district after checkpoint shooting in Peshawar\n"
    "(Updating toll, adding search)"
)
FEED = (
    "Two policemen were shot dead at a checkpoint in Peshawar on Sunday, police said.\n"
    "Gunmen on a motorcycle fled towards Khyber district after the attack on the post.\n"
    "A search operation was launched in the area on Monday morning by the police."
)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (WRAPPED, 3),  # three wraps; the break before the blank line and the blank line stay
        (HEADLINES, 0),  # lines of like length, but each a headline of its own
        (FEED, 0),  # one paragraph a line, each a sentence
        (WRAPPED.upper(), 0),  # capitals alone: no run-on lines in lower case to tell wraps by
        ("Militants attacked a post in\nPeshawar on Monday.", 0),  # too few lines to tell
        ("", 0),
    ],
)
def test_unwrapped_joins_hard_wraps_only(text, joined):
    out = unwrapped(text)
    assert len(out) == len(text)  # offsets into it are offsets into the text
    assert out.count("\n") == text.count("\n") - joined
    assert [i for i, c in enumerate(text) if c != out[i]] == [
        i for i, c in enumerate(text) if c == "\n" and out[i] == " "
    ]


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (
            "ZAMBOANGA, Philippines, May 2 (Wire) - Suspected militants kidnapped two fishermen.",
            "ZAMBOANGA, Philippines, May 2 (Wire) . Suspected militants kidnapped two fishermen.",
        ),
        ("KARACHI: Two Rangers were shot dead.", "KARACHI. Two Rangers were shot dead."),
        (
            "SRINAGAR, October 12: Two militants were killed.",
            "SRINAGAR, October 12. Two militants were killed.",
        ),
        ("QUETTA -- A blast hit a market.", "QUETTA .  A blast hit a market."),
        ("QUETTA, March 8, 2023 - The BLA claimed it.", "QUETTA, March 8, 2023 . The BLA claimed it."),
        # no dateline: a colon or a dash inside a sentence stays
        ("The US said: talks will resume.", "The US said: talks will resume."),
        ("Police said - as before - nothing.", "Police said - as before - nothing."),
    ],
)
def test_a_dateline_is_set_apart_at_the_same_length(text, apart):
    assert dateline_apart(text) == apart
    assert len(apart) == len(text)
