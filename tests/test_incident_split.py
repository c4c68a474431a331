import json

import pytest

from ctwatch import incident_split, roles
from ctwatch.errors import DataError
from ctwatch.incident_split import NUMERIC, Anchor, SplitModel

TWO_PARAGRAPHS = (
    "militants bombed a fuel depot near the port this morning, the police said.    on thursday night, a second "
    "device destroyed a radio mast in the hills north of the city, cutting broadcasts for hours."
)


def at(text, words, role="Target"):
    return Anchor(text.index(words), role, words)


@pytest.mark.parametrize(
    "text, a, b, expect",
    [
        (
            "guerrillas attacked the town hall and the police station.",
            ("town hall", "Target"),
            ("police station", "Target"),
            {"sentences": 0, "paragraphs": 0, "same_sentence": 1, "same_paragraph": 1, "targets": 1},
        ),
        (
            TWO_PARAGRAPHS,
            ("fuel depot", "Target"),
            ("radio mast", "Target"),
            {"sentences": 1, "paragraphs": 1, "same_sentence": 0, "same_paragraph": 0, "targets": 1},
        ),
        (
            "a bomb hit the bank. a guard died.",
            ("bank", "Target"),
            ("guard", "Victim"),
            {"sentences": 1, "paragraphs": 0, "same_sentence": 0, "target_and_victim": 1, "victims": 0},
        ),
    ],
)
def test_where_two_anchors_stand(text, a, b, expect):
    x = dict(zip(NUMERIC, incident_split.numeric(text, at(text, *a), at(text, *b), 0), strict=True))
    assert {k: x[k] for k in expect} == expect


def test_the_words_between_two_anchors_near_each_when_far_apart():
    text = "the bank " + "word " * 100 + "the hotel"
    found = incident_split.words(text, at(text, "bank"), at(text, "hotel"))
    assert "bank" in found and "word word" in found  # the gap's first and last 200 characters
    near = incident_split.words(
        "a bank and a hotel", Anchor(2, "Target", "bank"), Anchor(13, "Target", "hotel")
    )
    assert near == {"bank", "and", "bank and"}


def paragraph_splitter():
    """A hand-set model: the same incident unless a paragraph lies between."""
    return SplitModel({}, {NUMERIC.index("paragraphs"): -6.0}, 3.0)


def test_anchors_group_by_incident():
    text = (
        "gunmen shot the mayor and his driver.    in cali a bomb destroyed a bank.    a guard was hurt there."
    )
    anchors = [at(text, "mayor", "Victim"), at(text, "driver", "Victim"), at(text, "bank"), at(text, "guard")]
    m = paragraph_splitter()
    assert m.same(text, anchors[0], anchors[1]) > 0.9 and m.same(text, anchors[1], anchors[2]) < 0.1
    # the guard is a paragraph past the bank and two past the driver: a group of its own
    assert m.groups(text, anchors) == [[0, 1], [2], [3]]
    assert m.groups(text, [anchors[2], anchors[0], anchors[1]]) == [[1, 2], [0]]  # read in text order


def test_a_split_template_shares_its_groups_and_places_its_gunmen_and_weapons():
    text = "fmln rebels bombed a bank with dynamite.    later, gunmen shot a guard with rifles."
    template = {
        "incident_type": "attack",
        "PerpInd": [["rebels"], ["gunmen"]],
        "PerpOrg": [["fmln"]],
        "Target": [["bank"]],
        "Victim": [["guard"]],
        "Weapon": [["dynamite"], ["rifles"]],
    }
    starts = {
        (r, w): text.index(w)
        for r in roles.ROLES
        for w in ("rebels", "gunmen", "fmln", "bank", "guard", "dynamite", "rifles")
    }
    first, second = incident_split.split(template, text, starts, paragraph_splitter())
    assert first["Target"] == [["bank"]] and first["Victim"] == [] and first["Weapon"] == [["dynamite"]]
    assert second["Victim"] == [["guard"]] and second["Target"] == [] and second["Weapon"] == [["rifles"]]
    assert first["PerpOrg"] == second["PerpOrg"] == [["fmln"]]  # the group behind both
    assert first["PerpInd"] == [["rebels"]] and second["PerpInd"] == [["gunmen"]]  # each where it is read
    assert {first["incident_type"], second["incident_type"]} == {"attack"}
    one = {**template, "Victim": []}  # a single anchor: nothing to split
    assert incident_split.split(one, text, starts, paragraph_splitter()) == [one]


def test_templates_split_with_a_splitter():
    from ctwatch.roles import Filler

    text = "eln rebels bombed a bank.    a week later the eln bombed a hotel."
    fillers = [
        Filler("PerpOrg", "eln", 0, 3, 0.9),
        Filler("PerpInd", "rebels", 4, 10, 0.9),
        Filler("Target", "bank", text.index("bank"), text.index("bank") + 4, 0.9),
        Filler("Target", "hotel", text.index("hotel"), text.index("hotel") + 5, 0.9),
    ]
    likely = {"relevant": 0.9, "bombing": 0.9}
    (whole,) = roles.templates(fillers, likely, text)
    assert whole["Target"] == [["bank"], ["hotel"]]
    bank, hotel = roles.templates(fillers, likely, text, paragraph_splitter())
    assert bank["Target"] == [["bank"]] and hotel["Target"] == [["hotel"]]
    assert bank["PerpOrg"] == hotel["PerpOrg"] == [["eln"]]
    assert bank["PerpInd"] == [["rebels"]] and hotel["PerpInd"] == []


# reports we wrote: two incidents apart, and single incidents with two anchors
@pytest.mark.parametrize(
    "text, anchors, groups",
    [
        (TWO_PARAGRAPHS, [("fuel depot", "Target"), ("radio mast", "Target")], [[0], [1]]),
        (
            "a bomb exploded at the offices of the newspaper el dia on tuesday.    in a separate incident on "
            "friday, unknown men shot and killed judge carlos perez in medellin.",
            [("offices of the newspaper el dia", "Target"), ("judge carlos perez", "Victim")],
            [[0], [1]],
        ),
        (
            "guerrillas attacked the town hall and the police station of san miguel with rifles and grenades "
            "early today.",
            [("town hall", "Target"), ("police station", "Target")],
            [[0, 1]],
        ),
        (
            "gunmen killed mayor jose ruiz and his driver outside his home on monday.",
            [("mayor jose ruiz", "Victim"), ("driver", "Victim")],
            [[0, 1]],
        ),
    ],
)
def test_the_shipped_splitter_on_our_reports(text, anchors, groups):
    found = incident_split.model().groups(text, [at(text, w, r) for w, r in anchors])
    assert found == groups


def our_records():
    """MUC-4-shaped records we wrote: two with separate incidents, two with one incident and two targets."""

    def rec(text, *templates):
        def ent(w):
            return [[w, text.index(w)]]

        return {
            "docid": str(hash(text)),
            "doctext": text,
            "templates": [
                {"incident_type": "bombing", **{r: [ent(w) for w in t.get(r, [])] for r in roles.ROLES}}
                for t in templates
            ],
        }

    return [
        rec(TWO_PARAGRAPHS, {"Target": ["fuel depot"]}, {"Target": ["radio mast"]}),
        rec(
            "a bomb wrecked the bank on monday.    on friday another bomb hit the mayor's office.",
            {"Target": ["bank"]},
            {"Target": ["mayor's office"]},
        ),
        rec("rebels bombed the bridge and the dam.", {"Target": ["bridge", "dam"]}),
        rec("a car bomb hit the hotel and killed a porter.", {"Target": ["hotel"], "Victim": ["porter"]}),
        rec(
            "nothing happened today.",
        ),
    ]


def test_training_pairs_are_labelled_by_shared_templates():
    rows, bags, labels = incident_split.training_pairs(our_records())
    assert labels == [0, 0, 1, 1]
    assert len(rows) == len(bags) == 4 and all(len(r) == len(NUMERIC) for r in rows)


def test_fit_writes_a_model_that_loads(tmp_path):
    out = tmp_path / "split.json"
    fig = incident_split.fit(our_records() * 3, out, "test")
    assert fig["pairs"] == 12 and fig["same_incident"] == 6
    m = SplitModel.load(out)
    assert json.loads(out.read_text())["numeric"] == list(NUMERIC)
    text = TWO_PARAGRAPHS
    assert 0.0 < m.same(text, at(text, "fuel depot"), at(text, "radio mast")) < 1.0


def test_fit_needs_both_kinds_of_pairs(tmp_path):
    from ctwatch.errors import BenchError

    with pytest.raises(BenchError, match="same and of different"):
        incident_split.fit(our_records()[2:], tmp_path / "x.json", "test")


@pytest.mark.parametrize("content", ["", "[]", '{"vocabulary": {}}', "not json"])
def test_a_broken_model_file_says_how_to_rebuild_it(tmp_path, content):
    bad = tmp_path / "split.json"
    bad.write_text(content)
    with pytest.raises(DataError, match=r"split.json: not a ctwatch incident splitter .*--only split"):
        SplitModel.load(bad)


def train_split(tmp_path, records):
    """`ctwatch train muc4 --only split` on ``records``: the figures it prints."""
    from click.testing import CliRunner

    from ctwatch.cli import main

    gold = tmp_path / "train.json"
    gold.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["train", "muc4", str(gold), "--only", "split", "--out-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_train_muc4_only_split_from_the_command_line(tmp_path):
    from ctwatch import filler_types
    from tests.test_filler_types import our_records as two_type_records

    fig = train_split(tmp_path, our_records() * 2 + two_type_records())
    assert fig["split_pairs"] == 8 + 2 and fig["filler_type_rows"] == 12  # "split" fits both models
    assert SplitModel.load(tmp_path / incident_split.MODEL_FILE).intercept != 0.0
    assert filler_types.FillerTypes.load(tmp_path / filler_types.MODEL_FILE).weights
    assert not (tmp_path / roles.MODEL_FILE).exists()  # the tagger was not trained


def test_gold_mentions_without_offsets_are_looked_up():
    text = "a bomb wrecked the bank.    later a bomb hit the hotel."
    record = {
        "doctext": text,
        "templates": [
            {"incident_type": "bombing", "Target": [[["bank"]]]},  # no offset
            {"incident_type": "bombing", "Target": [[["hotel", text.index("hotel")]]]},
            {"incident_type": "bombing", "Target": [[["the airport"]]]},  # not in the text: no anchor
        ],
    }
    rows, _, labels = incident_split.training_pairs([record])
    assert labels == [0] and rows[0][NUMERIC.index("paragraphs")] == 1


def test_train_muc4_split_without_reports_of_two_types_fits_the_splitter_alone(tmp_path):
    from ctwatch import filler_types

    fig = train_split(tmp_path, our_records() * 2)
    assert fig["split_pairs"] == 8 and "two incident types" in fig["filler_types_skipped"]
    assert (tmp_path / incident_split.MODEL_FILE).exists()
    assert not (tmp_path / filler_types.MODEL_FILE).exists()
