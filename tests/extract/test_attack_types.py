"""Attack types where the rules stop: the learned classifier fills the types no trigger word names."""

import json

import pytest
from click.testing import CliRunner

from ctwatch.classify import LABELS, TextClassifier, cue_lexicon_key, read_tsv
from ctwatch.cli import main
from ctwatch.datafiles import path as data_path
from ctwatch.extract.attack_types import MODEL_FILE, examples_key, learned, passage, training_examples
from ctwatch.model import Document, Incident
from ctwatch.stages import default_pipeline

from ..conftest import SHARED

LEARNED = "from the learned classifier"
SEARCH = (
    "Two militants were killed by troops in a village of Kupwara District on March 3, officials said. Arms and "
    "ammunition were recovered from the site."
)
GUNFIGHT = (
    "Two soldiers and a militant were killed in an exchange of fire in a village of Kupwara District on March 3, "
    "officials said. The gunfight went on for several hours before the area was searched."
)
ENCOUNTER = "Two Maoists were killed in an encounter with the Police in Gaya District on January 24."
MARKET = (
    "A shopkeeper was killed and two customers were injured when unidentified militants opened indiscriminate "
    "fire on a market in the limits of a police station in Karachi on May 4. The assailants fled on a motorcycle."
)
BOMBER = (
    "QUETTA: A suicide bomber blew himself up outside a court in Quetta on Tuesday, killing five people, "
    "police said."
)
VAGUE = "Two people were killed in the violence in the district on Monday, officials said."


@pytest.fixture(scope="module")
def pipe():
    return default_pipeline()


@pytest.mark.parametrize(
    "text, types, by_classifier",
    [
        (SEARCH, ("Armed Assault",), True),  # "killed" names no type; the troops and the arms tell it
        (GUNFIGHT, ("Armed Assault",), False),  # "exchange of fire" and "gunfight" name it
        (ENCOUNTER, ("Armed Assault",), False),  # South Asian news: an encounter is a gunfight
        (MARKET, ("Armed Assault",), False),  # "opened indiscriminate fire" names it
        (BOMBER, ("Bombing/Explosion",), False),  # the rules typed it: left as it is
        (VAGUE, ("Unknown",), False),  # nothing to tell the type by: still unknown
    ],
)
def test_untyped_incidents_get_the_classifier_s_type(pipe, text, types, by_classifier):
    (incident,) = pipe(Document.from_text(text)).incidents
    assert incident.attack_types == types
    assert (LEARNED in incident.reason) is by_classifier


def test_without_the_stage_the_rules_leave_the_type_unknown():
    rules = default_pipeline(names=("analyse", "genre", "incidents"))
    (incident,) = rules(Document.from_text(SEARCH)).incidents
    assert incident.attack_types == ("Unknown",)


def test_typed_incidents_and_empty_text_are_left_alone():
    typed = Incident(id="i", status="reported", attack_types=("Assassination",))
    assert learned(typed, GUNFIGHT) is typed
    untyped = Incident(id="u", status="reported", attack_types=("Unknown",))
    assert learned(untyped, "  ") is untyped
    assert learned(untyped, GUNFIGHT).attack_types == ("Armed Assault",)


def test_an_incident_s_passage_ends_where_the_next_one_begins(pipe):
    doc = pipe(Document.from_text(f"{BOMBER} {GUNFIGHT}"))
    first, second = sorted(doc.incidents, key=lambda i: i.evidence[0].start)
    assert passage(doc, first).strip() == BOMBER.removeprefix("QUETTA: ")  # the dateline is no sentence of it
    assert passage(doc, second).startswith("Two soldiers") and passage(doc, second).endswith("searched.")
    assert second.attack_types == ("Armed Assault",)


def test_bench_satp_scores_the_pipeline(tmp_path):
    tsv = tmp_path / "satp.tsv"
    rows = [(GUNFIGHT, "1\t0\t0\t0"), (MARKET, "1\t0\t0\t0"), (BOMBER, "0\t1\t0\t0"), (VAGUE, "0\t0\t0\t1")]
    tsv.write_text("".join(f"{t}\t{labels}\n" for t, labels in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "satp", str(tsv), "--extractor", "pipeline", "--json"])
    assert result.exit_code == 0, result.output
    fig = json.loads(result.output)
    assert fig["extractor"] == "pipeline" and fig["n"] == 4
    assert fig["f1_armed"] == fig["f1_bombing"] == fig["f1_other"] == 1.0
    assert fig["f1_hostage"] == 0.0  # no paragraph of that label, none predicted


def test_bench_satp_pipeline_takes_no_model(tmp_path):
    tsv = tmp_path / "satp.tsv"
    tsv.write_text(f"{GUNFIGHT}\t1\t0\t0\t0\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["bench", "satp", str(tsv), "--extractor", "pipeline", "--model", str(tsv)]
    )
    assert result.exit_code == 2 and "--model is for --extractor learned" in result.output


def test_the_stage_s_model_is_fitted_on_paragraphs_and_their_untyped_passages():
    texts = [f"{BOMBER} {SEARCH}", GUNFIGHT, VAGUE]
    labels = [[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]]
    xs, ys = training_examples(texts, labels)
    # the bombing and the gunfight are typed by their trigger words; the search's killing and the vague
    # killing are not, and each adds its passage with its paragraph's labels
    assert xs[:3] == texts and ys[:3] == labels
    assert [x.strip() for x in xs[3:]] == [SEARCH, VAGUE]
    assert ys[3:] == [[1, 1, 0, 0], [0, 0, 0, 1]]
    assert examples_key(xs, ys) == examples_key(list(xs), list(ys)) != examples_key(xs[:3], ys[:3])


def test_train_satp_writes_the_stage_s_model(tmp_path):
    rows = [
        (GUNFIGHT, "1\t0\t0\t0"),
        (SEARCH, "1\t0\t0\t0"),
        (MARKET, "1\t0\t0\t0"),
        (BOMBER, "0\t1\t0\t0"),
        ("A bomb exploded near the market in Quetta on Tuesday, killing two people.", "0\t1\t0\t0"),
        ("Maoists abducted two villagers from a village in Gaya District on March 3.", "0\t0\t1\t0"),
        ("Militants kidnapped a trader from his house in Kupwara District on May 4.", "0\t0\t1\t0"),
        ("Maoists set ablaze a tractor and two trucks in Gaya District on January 24.", "0\t0\t0\t1"),
        (VAGUE, "0\t0\t0\t1"),
    ]
    tsv = tmp_path / "satp.tsv"
    tsv.write_text("".join(f"{t}\t{labels}\n" for t, labels in rows * 2), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["train", "satp", str(tsv), "--only", "passages", "--out-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / MODEL_FILE
    assert not (tmp_path / "models" / "satp_attack_types.json").exists()  # --only passages fits that alone
    raw = json.loads(out.read_text(encoding="utf-8"))
    xs, ys = training_examples(*read_tsv(tsv))
    assert len(xs) == 18 + 2 * 2  # SEARCH and VAGUE leave an untyped incident each, twice over
    assert raw["examples"] == examples_key(xs, ys)
    m = TextClassifier.load(out)
    assert m.labels == LABELS and m.cue_lexicon == cue_lexicon_key()
    assert learned(Incident(id="u", status="reported"), SEARCH, m).attack_types == ("Armed Assault",)


@pytest.mark.slow
def test_the_shipped_stage_model_is_what_train_satp_gives_today():
    """The stage's model is fitted on what the rules read in SATP's training paragraphs, so a change to the
    rules that changes one untyped passage there must refit it (`ctwatch train satp --only passages`)."""
    train_tsv = SHARED / "eval" / "satp" / "train.tsv"
    if not train_tsv.exists():
        pytest.skip("../shared/eval is not present")
    raw = json.loads(data_path(MODEL_FILE).read_text(encoding="utf-8"))
    hint = "run `ctwatch train satp --only passages`"
    assert raw["cue_lexicon"] == cue_lexicon_key(), f"{MODEL_FILE} was fitted on another lexicon: {hint}"
    assert raw["examples"] == examples_key(*training_examples(*read_tsv(train_tsv))), (
        f"the rules changed: {hint}"
    )
