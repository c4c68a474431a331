"""MUC-4 incident types of a report: the regressions and networks averaged, training, saving, loading, and bad
model files."""

import numpy as np
import pytest

from ctwatch import classify, encoder, incident_types, roles
from ctwatch.errors import DataError
from ctwatch.incident_types import TypeReader

LABELS = ("relevant", "attack", "bombing")
# Our own short reports: two tell of an incident, two do not.
REPORTS = [
    (
        "masked gunmen shot the district judge outside his home in the hill town last night.",
        [1, 1, 0],
        [(0, 13, "PerpInd"), (19, 37, "Victim")],
    ),
    (
        "a parcel bomb exploded at the telephone exchange, wrecking the switchboard.",
        [1, 0, 1],
        [(9, 13, "Weapon"), (30, 48, "Target")],
    ),
    ("the assembly debated the coffee tariff and adjourned until tuesday.", [0, 0, 0], []),
    ("the central bank kept its lending rate unchanged for a third month.", [0, 0, 0], []),
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("types")
    texts = [t for t, _, _ in REPORTS] * 2
    labels = [y for _, y, _ in REPORTS] * 2
    classify.fit(texts, labels, LABELS, out / "types.json", "test", c=1.0)
    encoded = [encoder.encode(t) for t in texts]
    tags = [roles.piece_tags(e.offsets, s) for e, (_, _, s) in zip(encoded, REPORTS * 2, strict=True)]
    rows = np.asarray(labels, dtype=np.float32)
    net = incident_types.fit_net([e.states for e in encoded], rows, tags, len(roles.TAGS), epochs=2)
    assert incident_types.save_nets([net], LABELS, len(roles.TAGS), out / "types.pt") > 0
    return out


def test_the_networks_and_regressions_are_averaged(trained):
    both = TypeReader.load(trained / "types.json")
    alone = TypeReader(both.regressions, [], LABELS)
    assert len(both.nets) == 1 and alone.nets == []
    text = REPORTS[0][0]
    p, q = both.probabilities(text), alone.probabilities(text)
    assert tuple(p) == LABELS and all(0.0 <= v <= 1.0 for v in p.values())
    import torch

    states = encoder.encode(text).states
    with torch.inference_mode():
        logits, tags = both.nets[0](torch.from_numpy(states)[None], torch.ones((1, len(states))))
    assert tags.shape == (1, len(states), len(roles.TAGS))
    sigmoid = torch.sigmoid(logits[0]).tolist()
    for k, s in zip(LABELS, sigmoid, strict=True):
        assert p[k] == pytest.approx((1 - incident_types.NET_WEIGHT) * q[k] + incident_types.NET_WEIGHT * s)


def test_the_callers_reading_gives_the_same_probabilities(trained):
    reader = TypeReader.load(trained / "types.json")
    text = REPORTS[1][0]
    assert reader.probabilities(text, encoder.encode(text).states) == pytest.approx(
        reader.probabilities(text)
    )
    assert reader.probabilities("") == reader.regressions.probabilities(
        ""
    )  # nothing for the networks to read


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (None, "no such incident-type network"),
        (b"", "not a ctwatch incident-type network"),
        (b"\x00\x01garbage", "not a ctwatch incident-type network"),
    ],
)
def test_a_broken_network_file_is_named(trained, tmp_path, content, cause):
    (tmp_path / "types.json").write_bytes((trained / "types.json").read_bytes())
    bad = tmp_path / "types.pt"
    if content is not None:
        bad.write_bytes(content)
    with pytest.raises(DataError, match=cause) as err:
        TypeReader.load(tmp_path / "types.json")
    message = str(err.value)
    assert str(bad) in message and "ctwatch train muc4 --only types" in message and "\n" not in message


def test_networks_for_other_labels_are_refused(trained, tmp_path):
    import torch

    saved = torch.load(trained / "types.pt", weights_only=True)
    saved["labels"] = ["relevant", "bombing", "attack"]
    (tmp_path / "types.json").write_bytes((trained / "types.json").read_bytes())
    torch.save(saved, tmp_path / "types.pt")
    with pytest.raises(DataError, match="differ from"):
        TypeReader.load(tmp_path / "types.json")


def test_networks_without_a_tag_head_learn_labels_alone():
    texts = [t for t, _, _ in REPORTS]
    states = [encoder.encode(t).states for t in texts]
    rows = np.asarray([y for _, y, _ in REPORTS], dtype=np.float32)
    net = incident_types.fit_net(states, rows, epochs=1)
    import torch

    assert net.tag is None
    logits, tags = net(torch.from_numpy(states[0])[None], torch.ones((1, len(states[0]))))
    assert logits.shape == (1, len(LABELS)) and tags is None
    empty = [encoder.encode("").states] * 2
    with pytest.raises(DataError, match="every training text is empty"):
        incident_types.fit_net(empty, rows[:2])


def test_the_shipped_reader_averages_both():
    reader = roles.type_model()
    assert len(reader.nets) == len(incident_types.SEEDS)
    assert reader.labels == roles.TYPE_LABELS


KINDS = [
    ("attack", "gunmen fired on the customs post at the river crossing, wounding a guard."),
    ("bombing", "a pipe bomb went off beside the bus depot gate before dawn."),
    ("kidnapping", "armed men abducted the agronomist from his jeep on the valley road."),
    ("arson", "rebels set fire to the grain warehouse of the cooperative."),
    ("robbery", "a gang held up the savings bank and escaped with the payroll."),
    ("forced work stoppage", "the front ordered truckers off the highway for three days under threat."),
    ("", "the trade minister signed a textile agreement with two neighbours."),
]


def test_train_muc4_only_types_from_the_command_line(tmp_path):
    import json

    from click.testing import CliRunner

    from ctwatch.cli import main

    records = [
        {"docid": f"OURS-{i}", "doctext": text, "templates": [{"incident_type": kind}] if kind else []}
        for i, (kind, text) in enumerate(KINDS)
    ]
    gold = tmp_path / "train.json"
    gold.write_text("\n".join(json.dumps(r) for r in records * 2), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["train", "muc4", str(gold), "--only", "types", "--out-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    fig = json.loads(result.output)
    assert fig["types_bytes"] > 0 and fig["type_nets_bytes"] > 0
    reader = TypeReader.load(tmp_path / incident_types.TYPES_FILE)
    assert len(reader.nets) == len(incident_types.SEEDS) and reader.labels == roles.TYPE_LABELS
    assert not (tmp_path / roles.MODEL_FILE).exists()  # the tagger was not trained
