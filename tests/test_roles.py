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
    # a likely incident with no sure filler still gets one template, of its likeliest type
    (bare,) = roles.templates([Filler("Victim", "x", 0, 1, 0.1)], likely, text)
    assert bare == {"incident_type": "bombing", **{role: [] for role in roles.ROLES}}
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
    docs = ["gunmen killed the mayor with rifles.", "the army captured guerrillas near the dam."] * 2
    examples = [roles.example(d, [(0, 6, "PerpInd")]) for d in docs]
    member = roles.fit(examples, epochs=1)
    assert member.upper is not None  # the encoder's upper layers were tuned with the network
    path = tmp_path / "tagger.pt"
    assert roles.save([member], path) > 0
    again = roles.RoleTagger.load(path)
    encoded = again.encode(docs[0])
    assert again.probabilities(encoded).shape == (len(encoded[0].offsets), len(TAGS))
    assert roles.example("", []) is None


def test_tuning_moves_the_upper_layers_but_not_the_shared_lower_ones():
    from ctwatch import encoder

    text = "gunmen killed the mayor."
    member = roles.fit([roles.example(text, [(0, 6, "PerpInd")])], epochs=2)
    own, tuned = encoder.encode_each(text, [None, member.upper])
    half = encoder.DIM // 2
    assert np.allclose(own.states[:, :half], tuned.states[:, :half])
    assert not np.allclose(own.states[:, half:], tuned.states[:, half:])


def test_the_encoder_reads_as_the_whole_model_does():
    import torch

    from ctwatch import encoder

    text = "the fmln blew up a power tower in usulutan. " * 60  # several overlapping windows
    tokenizer, model = encoder._load()
    ids, _ = encoder.pieces(text)
    low = encoder.lower(ids)
    batch = torch.zeros_like(low.mask)
    for w, (a, b) in enumerate(encoder._windows(len(ids))):
        batch[w, : b - a + 2] = torch.tensor([tokenizer.cls_token_id, *ids[a:b], tokenizer.sep_token_id])
    with torch.inference_mode():
        out = model(input_ids=batch, attention_mask=low.mask, output_hidden_states=True)
    whole = torch.cat([out.hidden_states[k] for k in encoder.LAYERS], -1)[low.window, low.position]
    assert len(low.hidden) > 2
    assert np.allclose(encoder.encode(text).states, whole.numpy(), atol=1e-4)


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

    text = "gunmen killed the mayor."
    enc = encoder.encode(text)
    tuned = roles.fit([roles.example(text, [])], epochs=1, seed=0)
    frozen = roles.fit_frozen([enc], [np.zeros(len(enc.offsets), dtype=np.int64)], epochs=1, seed=1)
    members = [tuned, frozen]  # the two recipes of the shipped ensemble
    path = tmp_path / "two.pt"
    roles.save(members, path)
    both = roles.RoleTagger.load(path)
    assert len(both.members) == 2
    assert [m.upper is None for m in both.members] == [False, True]
    each = []
    for m in members:
        alone = roles.RoleTagger([m])
        each.append(alone.probabilities(alone.encode(text)))
    assert np.allclose(both.probabilities(both.encode(text)), (each[0] + each[1]) / 2, atol=5e-3)  # fp16


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
        ("residences of democratic leaders such as", "residences of democratic leaders"),
        ("targets including", "targets"),
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


@pytest.mark.parametrize(
    ("span", "role", "kept"),
    [
        ("roberto roascio of milan", "Victim", "roberto roascio"),
        ("mayor of medellin", "Victim", "mayor"),
        ("one of the agents", "Victim", "one of the agents"),  # a part of a group: the phrase is the name
        ("members of fredemo", "Victim", "members of fredemo"),
        ("3 of the passengers", "Victim", "3 of the passengers"),
        ("headquarters of the 1st infantry brigade", "Target", "headquarters of the 1st infantry brigade"),
        ("members of the fmln", "PerpInd", "members of the fmln"),
    ],
)
def test_a_victim_is_named_without_what_follows_of(span, role, kept):
    text = f"they shot {span} today"
    start = text.index(span)
    pieces, at = [], start
    for word in span.split():
        at = text.index(word, at)
        pieces.append([at, at + len(word)])
        at += len(word)
    offsets = np.array(pieces)
    probs = np.zeros((len(offsets), len(TAGS)))
    probs[0, TAGS.index(f"B-{role}")] = 1.0
    probs[1:, TAGS.index(f"I-{role}")] = 1.0
    (found,) = roles.decode(text, offsets, probs)
    assert (found.role, found.text) == (role, kept)
    assert text[found.start : found.end] == kept


def test_a_filler_inside_a_longer_one_of_its_role_is_the_same_entity():
    text = "gunmen shot mario ortega lozano; ortega died. the fmln and the fmln front denied it."

    def at(words, role, score=0.9, after=0):
        start = text.index(words, after)
        return Filler(role, words, start, start + len(words), score)

    fillers = [
        at("mario ortega lozano", "Victim"),
        at("ortega", "Victim", 0.8, after=20),  # inside the full name: left out
        at("ortega", "PerpInd", 0.8, after=20),  # another role: kept
        at("the fmln", "PerpOrg"),  # not inside "fmln" (the same words once articles go): kept...
        at("fmln", "PerpOrg", after=60),
    ]
    (only,) = roles.templates(fillers, {"relevant": 0.9, "attack": 0.9}, text)
    assert only["Victim"] == [["mario ortega lozano"]]
    assert only["PerpInd"] == [["ortega"]]
    assert only["PerpOrg"] == [["the fmln"]]  # ...and one entity with it, as the scorers read them


@pytest.mark.parametrize(
    "readings, kept",
    [
        ([("Victim", 0.3)], False),  # read once, unsure
        ([("Victim", 0.3), ("Victim", 0.3)], True),  # 1 - 0.7 * 0.7 = 0.51
        ([("Victim", 0.3), ("PerpInd", 0.3)], False),  # readings in other roles are no evidence
        ([("Victim", 0.9), ("Victim", 0.01)], True),  # a weak reading takes nothing from a sure one
    ],
)
def test_a_name_read_several_times_pools_its_readings(readings, kept):
    text = "the mayor met the mayor"
    fillers = [
        Filler(role, "the mayor", at, at + 9, score)
        for (role, score), at in zip(readings, (0, 14), strict=False)
    ]
    (only,) = roles.templates(fillers, {"relevant": 0.9, "attack": 0.9}, text)
    assert (only["Victim"] == [["the mayor"]]) is kept
    scores = [f.score for f in roles.pooled(fillers)]
    assert all(p >= f.score for p, f in zip(scores, fillers, strict=True))


def read(text, words, role, score):
    """A reading of the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return Filler(role, words, start, start + len(words), score)


def test_extracts_give_each_entity_once_by_its_surest_name():
    text = "the farabundo marti national liberation front (fmln) bombed a bus; the fmln said so. a car too."
    fillers = [
        read(text, "farabundo marti national liberation front", "PerpOrg", 0.7),
        read(text, "fmln", "PerpOrg", 0.9),
        read(text, "bus", "Target", 0.8),
        read(text, "car", "Target", 0.3),  # not sure enough
    ]
    assert roles.extracts(fillers, {"relevant": 0.9, "bombing": 0.9}) == {
        "PerpInd": [],
        "PerpOrg": [["fmln"]],
        "Target": [["bus"]],
        "Victim": [],
        "Weapon": [],
    }
    assert roles.extracts(fillers, {"relevant": 0.1, "bombing": 0.9}) == {r: [] for r in roles.ROLES}


@pytest.mark.parametrize(
    "o, role, read",
    [
        (0.9, 0.1, False),  # "O" far likelier: not a filler
        (0.5, 0.3, True),  # "O" likelier, but less than 1 / O_WEIGHT times: read as a filler
        (0.3, 0.5, True),
    ],
)
def test_decode_weighs_o_down(o, role, read):
    text = "gunmen fled"
    offsets = np.array([[0, 6], [7, 11]])
    probs = np.zeros((2, len(TAGS)))
    probs[:, 0] = 1.0
    probs[0, 0], probs[0, TAGS.index("B-PerpInd")] = o, role
    found = [(f.role, f.text, round(f.score, 2)) for f in roles.decode(text, offsets, probs)]
    assert found == ([("PerpInd", "gunmen", role)] if read else [])


def test_a_group_read_with_words_around_its_name_is_the_group():
    text = "castroite eln guerrillas bombed the pipeline; the eln said so. mrta activists were seen."
    fillers = [
        read(text, "castroite eln", "PerpOrg", 0.3),
        Filler("PerpOrg", "eln", text.index("the eln") + 4, text.index("the eln") + 7, 0.3),
        read(text, "mrta activists", "PerpInd", 0.9),  # only organisations are renamed
        read(text, "pipeline", "Target", 0.9),
    ]
    named = roles.named_groups(fillers)
    assert [(f.text, text[f.start : f.end]) for f in named[:2]] == [("eln", "eln"), ("eln", "eln")]
    assert named[2] == fillers[2] and named[3] == fillers[3]
    # the two readings of the ELN now pool: 1 - 0.7 * 0.7 = 0.51, sure enough
    (only,) = roles.templates(fillers, {"relevant": 0.9, "bombing": 0.9}, text)
    assert only["PerpOrg"] == [["eln"]] and only["PerpInd"] == [["mrta activists"]]
