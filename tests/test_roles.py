"""The learned MUC-4 role tagger: gold marking, decoding, templates, and the shipped model on our own text."""

import numpy as np
import pytest

from ctwatch import roles
from ctwatch.roles import TAGS, Filler

RECORD = {
    "docid": "TST9-MUC4-0001",
    "doctext": "urban guerrillas exploded a bomb at the power substation. the guerrillas fled.",
    "templates": [
        {
            "incident_type": "bombing",
            "PerpInd": [[["urban guerrillas", 0], ["guerrillas", 63]]],
            "PerpOrg": [],
            "Target": [[["power substation", 40]]],
            "Victim": [],
            "Weapon": [[["bomb", 28]]],
        }
    ],
}


def test_gold_spans_mark_every_occurrence_longest_first():
    spans = roles.gold_spans(RECORD)
    text = RECORD["doctext"]
    assert [(text[a:b], r) for a, b, r in spans] == [
        ("urban guerrillas", "PerpInd"),  # not "guerrillas" inside it
        ("bomb", "Weapon"),
        ("power substation", "Target"),
        ("guerrillas", "PerpInd"),
    ]


def test_piece_tags_and_decode_round_trip():
    text = "urban guerrillas bombed it"
    offsets = np.array([[0, 5], [6, 16], [17, 21], [21, 23], [24, 26]])  # "bomb" + "##ed" pieces
    tags = roles.piece_tags(offsets, [(0, 16, "PerpInd")])
    assert [TAGS[t] for t in tags] == ["B-PerpInd", "I-PerpInd", "O", "O", "O"]
    probs = np.zeros((5, len(TAGS)))
    probs[np.arange(5), tags] = 0.9
    probs[2, TAGS.index("B-Weapon")] = 0.8  # a span that starts inside a word takes the rest of the word
    probs[2, 0] = 0.1
    found = roles.decode(text, offsets, probs)
    assert [(f.role, f.text) for f in found] == [("PerpInd", "urban guerrillas"), ("Weapon", "bombed")]


def test_templates_need_fillers_and_a_likely_incident():
    text = "a bomb exploded at the bank on monday morning. hours later, gunmen attacked a bus and killed the driver."

    def at(words, role, score=0.9, text_as=None):
        start = text.index(words)
        return Filler(role, text_as or words, start, start + len(words), score)

    fillers = [
        at("bomb", "Weapon"),
        at("bomb", "Weapon", text_as="the Bomb"),  # the same entity as the scorers read it
        at("bank", "Target", 0.8),
        at("gunmen", "PerpInd"),
        at("driver", "Victim", 0.7),
        at("bus", "Victim", 0.1),  # unsure: dropped
    ]
    likely = {"relevant": 0.9, "bombing": 0.8, "attack": 0.6, "kidnapping": 0.1}
    bombing, attack = roles.templates(fillers, likely, text)
    assert bombing["incident_type"] == "bombing" and attack["incident_type"] == "attack"
    # each filler joins the template whose type is named nearest to it
    assert bombing["Weapon"] == [["bomb"]] and bombing["Target"] == [["bank"]] and bombing["PerpInd"] == []
    assert attack["PerpInd"] == [["gunmen"]] and attack["Victim"] == [["driver"]]
    assert roles.templates(fillers, {**likely, "relevant": 0.05}, text) == []
    assert roles.templates([Filler("Victim", "x", 0, 1, 0.1)], likely, text) == []
    (only,) = roles.templates(fillers, {"relevant": 0.9, "attack": 0.9}, text)
    assert only["Weapon"] == [["bomb"]] and only["Victim"] == [["driver"]]


def test_type_labels():
    assert roles.type_labels(RECORD) == [1, 0, 1, 0, 0, 0, 0]
    assert roles.type_labels({"templates": [{"incident_type": "attack / bombing"}]})[:3] == [1, 1, 1]
    assert roles.type_labels({"templates": []}) == [0] * 7


@pytest.fixture(scope="module")
def tagger():
    return roles.tagger()


@pytest.mark.parametrize(
    "text, role, words",
    [
        (
            "salvadoran guerrillas of the fmln blew up an electric power tower with dynamite in usulutan "
            "department last night, the army reported.",
            "Weapon",
            "dynamite",
        ),
        (
            "a group of heavily armed men kidnapped businessman carlos mendoza as he left his office in "
            "bogota this morning, police said.",
            "Victim",
            "carlos mendoza",
        ),
    ],
)
def test_the_shipped_tagger_reads_our_reports(tagger, text, role, words):
    found = {(f.role, f.text) for f in tagger.fillers(text) if f.score >= roles.FILLER_THRESHOLD}
    assert any(r == role and words in t for r, t in found), found


def test_the_shipped_type_model_tells_incidents_from_other_news():
    m = roles.type_model()
    attack = m.probabilities(
        "terrorists exploded a car bomb outside the police station, killing four policemen."
    )
    other = m.probabilities(
        "the finance minister presented the budget to congress and discussed coffee exports."
    )
    assert attack["relevant"] > other["relevant"]
    assert attack["bombing"] > attack["kidnapping"]


def test_fit_save_load_round_trip(tmp_path):
    from ctwatch import encoder

    docs = ["gunmen killed the mayor with rifles.", "the army captured guerrillas near the dam."] * 2
    encoded = [encoder.encode(d) for d in docs]
    tags = [roles.piece_tags(e.offsets, [(0, 6, "PerpInd")]) for e in encoded]
    net = roles.fit(encoded, tags, epochs=1)
    path = tmp_path / "tagger.pt"
    assert roles.save(net, path) > 0
    again = roles.RoleTagger.load(path)
    assert again.probabilities(encoded[0]).shape == (len(encoded[0].offsets), len(TAGS))


def test_a_broken_model_file_is_named(tmp_path):
    from ctwatch.errors import DataError

    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a model")
    with pytest.raises(DataError, match="bad.pt"):
        roles.RoleTagger.load(bad)


def test_spans_are_whole_words_without_their_punctuation():
    text = "said (fmln) did"
    offsets = np.array([[0, 4], [5, 6], [6, 8], [8, 10], [10, 11], [12, 15]])  # "(", "fm", "##ln", ")"
    probs = np.zeros((6, len(TAGS)))
    probs[:, 0] = 1.0
    probs[3, 0], probs[3, TAGS.index("B-PerpOrg")] = 0.0, 0.9  # opens on "##ln"
    (found,) = roles.decode(text, offsets, probs)
    assert (found.role, found.text, found.start, found.end) == ("PerpOrg", "fmln", 6, 10)


def test_an_ensemble_averages_its_members(tmp_path):
    from ctwatch import encoder

    enc = encoder.encode("gunmen killed the mayor.")
    nets = [roles.fit([enc], [np.zeros(len(enc.offsets), dtype=np.int64)], epochs=1, seed=s) for s in (0, 1)]
    path = tmp_path / "two.pt"
    roles.save(nets, path)
    both = roles.RoleTagger.load(path)
    assert len(both.nets) == 2
    each = [roles.RoleTagger(n).probabilities(enc) for n in nets]
    assert np.allclose(both.probabilities(enc), (each[0] + each[1]) / 2, atol=2e-3)  # fp16 weights


def test_without_torch_the_error_says_what_to_install(monkeypatch):
    import sys

    from ctwatch.errors import DataError

    monkeypatch.setitem(sys.modules, "torch", None)  # as if torch were not installed
    with pytest.raises(DataError, match=r"pip install 'ctwatch\[learned\]'"):
        roles.RoleTagger.load()


@pytest.mark.parametrize(
    "span, kept",
    [
        ("explosives and", "explosives"),
        ("branch of", "branch"),
        ("of democratic leaders", "democratic leaders"),
        ("jeffrey brent ball ", "jeffrey brent ball"),
        ("gas station owned", "gas station"),
        ("liberation front", "liberation front"),
    ],
)
def test_fillers_lose_loose_words_at_their_edges(span, kept):
    from ctwatch.roles import _trim_words

    text = f"xx {span} yy"
    a, b = _trim_words(text, 3, 3 + len(span))
    assert text[a:b] == kept


def test_decode_drops_possessives_and_unclosed_brackets():
    text = "the fmln's attack by the liberation front (fmln"
    pieces, at = [], 0
    for piece in ("the", "fmln", "'s", "attack", "by", "the", "liberation", "front", "(", "fmln"):
        at = text.index(piece, at)
        pieces.append([at, at + len(piece)])
        at += len(piece)
    offsets = np.array(pieces)
    probs = np.zeros((len(offsets), len(TAGS)))
    probs[:, 0] = 0.9
    for i, tag in ((1, "B-PerpOrg"), (2, "I-PerpOrg"), (6, "B-PerpOrg"), (7, "I-PerpOrg"), (8, "I-PerpOrg")):
        probs[i, TAGS.index(tag)] = 1.0
    probs[9, TAGS.index("I-PerpOrg")] = 1.0
    found = [f.text for f in roles.decode(text, offsets, probs)]
    assert found == ["fmln", "liberation front"]
