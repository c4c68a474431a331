import json

import pytest

from ctwatch import filler_types, roles
from ctwatch.errors import BenchError, DataError
from ctwatch.filler_types import FillerTypes

# reports we wrote, each telling of incidents of two types
BUSES = (
    "rebels set fire to three buses in the capital on monday.    on tuesday a bomb exploded at the offices "
    "of the electric company, destroying the building."
)
ENGINEERS = (
    "guerrillas blew up a power pylon near the dam overnight with dynamite, the army said.    the same group "
    "kidnapped two engineers who were driving to the plant and took them to the mountains."
)


def feats(text, words, kind, kinds, role="Target"):
    start = text.index(words)
    return filler_types.features(
        text, role, start, start + len(words), filler_types.cue_starts(text), kind, kinds
    )


@pytest.mark.parametrize(
    "text, words, kind, expect",
    [
        (BUSES, "buses", "arson", {"nearest": 1.0, "in_sentence": 1.0, "before": 1.0, "after": 0.0}),
        # the bomb of the next paragraph stands within 150 characters after the buses
        (BUSES, "buses", "bombing", {"nearest": 0.0, "in_sentence": 0.0, "before": 0.0, "after": 1.0}),
        (
            BUSES,
            "offices of the electric company",
            "bombing",
            {"nearest": 1.0, "in_sentence": 1.0, "before": 1.0, "after": 0.0},
        ),
        (ENGINEERS, "engineers", "kidnapping", {"nearest": 1.0, "in_sentence": 1.0, "before": 1.0}),
        (
            ENGINEERS,
            "power pylon",
            "bombing",
            {"nearest": 1.0, "in_sentence": 1.0, "before": 0.0, "after": 1.0},
        ),
    ],
)
def test_where_the_cues_of_a_type_stand(text, words, kind, expect):
    x = feats(text, words, kind, ["arson", "bombing", "kidnapping"])
    assert {k: x[k] for k in expect} == expect
    assert x[f"type={kind}"] == 1.0 and x[f"role=Target|{kind}"] == 1.0
    assert all(f"word={w}|{kind}" in x for w in words.split() if len(w) > 1)


def test_a_type_no_cue_names_is_far():
    x = feats("gunmen shot a guard.", "guard", "robbery", ["attack", "robbery"])
    assert x["rank=1"] == 1.0 and x["nearest"] == 0.0 and x["log_ratio"] > 1.0


@pytest.mark.parametrize(
    "text, words, role, kinds, expect",
    [
        (BUSES, "buses", "Target", ["arson", "bombing"], "arson"),
        (BUSES, "offices of the electric company", "Target", ["arson", "bombing"], "bombing"),
        (ENGINEERS, "engineers", "Victim", ["bombing", "kidnapping"], "kidnapping"),
        # "blew up" names no type; the dynamite after the pylon does
        (ENGINEERS, "power pylon", "Target", ["bombing", "kidnapping"], "bombing"),
        (ENGINEERS, "dynamite", "Weapon", ["bombing", "kidnapping"], "bombing"),
    ],
)
def test_the_shipped_model_on_our_reports(text, words, role, kinds, expect):
    start = text.index(words)
    cues = filler_types.cue_starts(text)
    m = filler_types.model()
    assert m.choose(text, role, start, start + len(words), kinds, cues) == expect
    assert m.choose(text, role, start, start + len(words), kinds[::-1], cues) == expect  # order-free


def our_records():
    """MUC-4-shaped records we wrote, with templates of two types."""

    def rec(text, *templates):
        return {
            "docid": str(hash(text)),
            "doctext": text,
            "templates": [
                {"incident_type": kind, **{r: [[[w, text.index(w)]] for w in ws] for r, ws in t.items()}}
                for kind, t in templates
            ],
        }

    return [
        rec(
            BUSES,
            ("arson", {"Target": ["buses"]}),
            ("bombing", {"Target": ["offices of the electric company"]}),
        ),
        rec(
            ENGINEERS,
            ("bombing", {"Target": ["power pylon"], "Weapon": ["dynamite"], "PerpInd": ["guerrillas"]}),
            ("kidnapping", {"Victim": ["engineers"], "PerpInd": ["guerrillas"]}),
        ),
        rec("a bomb wrecked the bank.", ("bombing", {"Target": ["bank"]})),  # one type: no rows
    ]


def test_training_rows_are_labelled_by_the_types_holding_each_filler():
    rows, labels = filler_types.training_rows(our_records())
    # two fillers x two types in the first report; four fillers x two types in the second
    assert len(rows) == len(labels) == 12
    by = {
        (next(k for k in r if k.startswith("type=")), *[k for k in r if k.startswith("word=")]): y
        for r, y in zip(rows, labels, strict=True)
    }
    assert by[("type=arson", "word=buses|arson")] == 1 and by[("type=bombing", "word=buses|bombing")] == 0
    # the guerrillas are in both of the second report's templates
    assert (
        by[("type=bombing", "word=guerrillas|bombing")]
        == by[("type=kidnapping", "word=guerrillas|kidnapping")]
        == 1
    )


def test_fit_writes_a_model_that_loads(tmp_path):
    out = tmp_path / "kinds.json"
    fig = filler_types.fit(our_records() * 3, out, "test")
    assert fig["rows"] == 36 and json.loads(out.read_text())["about"] == "test"
    m = FillerTypes.load(out)
    assert 0.0 < m.likely(feats(BUSES, "buses", "arson", ["arson", "bombing"])) < 1.0
    assert (
        m.choose(
            BUSES,
            "Target",
            BUSES.index("buses"),
            BUSES.index("buses") + 5,
            ["bombing", "arson"],
            filler_types.cue_starts(BUSES),
        )
        == "arson"
    )


def test_fit_needs_reports_with_two_types(tmp_path):
    with pytest.raises(BenchError, match="two incident types"):
        filler_types.fit(our_records()[2:], tmp_path / "x.json", "test")


@pytest.mark.parametrize("content", ["", "[]", '{"weights": {}}', "not json"])
def test_a_broken_model_file_says_how_to_rebuild_it(tmp_path, content):
    bad = tmp_path / "kinds.json"
    bad.write_text(content)
    with pytest.raises(DataError, match=r"kinds.json: not a ctwatch filler-type model .*--only split"):
        FillerTypes.load(bad)


def test_templates_send_each_filler_to_the_type_the_chooser_picks():
    from ctwatch.roles import Filler

    text = BUSES
    fillers = [
        Filler("Target", w, text.index(w), text.index(w) + len(w), 0.9)
        for w in ("buses", "offices of the electric company")
    ]
    likely = {"relevant": 0.9, "arson": 0.8, "bombing": 0.7}
    always_bombing = FillerTypes({"type=bombing": 5.0}, 0.0)
    by_model = {
        t["incident_type"]: t["Target"]
        for t in roles.templates(fillers, likely, text, None, filler_types.model())
    }
    assert by_model == {"arson": [["buses"]], "bombing": [["offices of the electric company"]]}
    forced = {
        t["incident_type"]: t["Target"] for t in roles.templates(fillers, likely, text, None, always_bombing)
    }
    assert forced == {"arson": [], "bombing": [["buses"], ["offices of the electric company"]]}
