import dataclasses

import pytest

from ctwatch.model import (
    Count,
    Document,
    Filler,
    Incident,
    Perpetrator,
    Place,
    Skip,
    Span,
    Victim,
    When,
    content_hash,
    from_dict,
    to_dict,
)


def test_content_hash_is_stable_and_separates_parts():
    assert content_hash("a") == content_hash("a")
    assert content_hash("ab") != content_hash("a", "b")
    assert len(content_hash("x")) == 64


def test_from_text_normalises_and_hashes():
    a = Document.from_text("Bomb  blast\r\nin Quetta.\n\n\n\nPolice said.")
    b = Document.from_text("Bomb blast\nin Quetta.\n\nPolice said.  ")
    assert a.text == "Bomb blast\nin Quetta.\n\nPolice said."
    assert a.id == b.id == content_hash(a.text)


def test_document_is_frozen():
    doc = Document.from_text("text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "other"  # type: ignore[misc]


def test_round_trip_of_a_full_document():
    inc = Incident(
        id="inc_1",
        status="reported",
        date=When("2023-01-30", "2023-01-30", "day", "on Monday", reason="relative"),
        location=Place("Peshawar", "Khyber Pakhtunkhwa", "PAK", 34.0, 71.57, "city", 1168197),
        attack_types=("Bombing/Explosion",),
        target_types=("Police",),
        weapon_types=("Explosives",),
        perpetrators=(Perpetrator("ttp", "Tehrik-i-Taliban Pakistan", "suspected", 0.4, "named", "TTP"),),
        victims=(Victim("police officials", None, "PAK"),),
        targets=(Filler("mosque", "Religious Figures/Institutions", "Place of Worship", 3, 9),),
        killed=Count(101, 101, None, "more than hundred"),
        evidence=(Span(0, 10, "A bombing."),),
    )
    doc = dataclasses.replace(
        Document.from_text("A bombing."),
        incidents=(inc,),
        skips=(Skip("incidents", "ValueError", "x"),),
        sentences=(Span(0, 10, "A bombing."),),
    )
    data = to_dict(doc)
    assert data["incidents"][0]["killed"] == {
        "best": 101,
        "low": 101,
        "high": None,
        "text": "more than hundred",
    }
    back = Document.from_dict(data)
    assert back == doc
    assert isinstance(back.incidents[0].evidence[0], Span)


def test_from_dict_ignores_unknown_keys():
    span = from_dict(Span, {"start": 1, "end": 2, "text": "x", "extra": True})
    assert span == Span(1, 2, "x")


def test_sentence_of():
    doc = dataclasses.replace(
        Document.from_text("One. Two."), sentences=(Span(0, 4, "One."), Span(5, 9, "Two."))
    )
    assert doc.sentence_of(6) == 1
    assert doc.sentence_of(100) == -1
