import pytest

from ctwatch.errors import BinaryInput, DecodeError, EmptyInput
from ctwatch.text import decode, looks_binary, normalise, paragraphs


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
