"""The learned attack-type classifier: trained here on sentences we write, read back as JSON, and the
pure-Python inference agreeing with scikit-learn's own predictions."""

import json

import pytest

from ctwatch.classify import (
    LABELS,
    MODEL_FILE,
    TextClassifier,
    cue_lexicon_key,
    evaluate,
    model,
    rebuild_command,
    train,
)
from ctwatch.datafiles import path as data_path
from ctwatch.errors import BenchError, DataError
from ctwatch.extract.attack_types import MODEL_FILE as PASSAGES_FILE
from ctwatch.incident_types import TYPES_FILE

ROWS = [
    ("Militants opened fire on a police post and a gunfight followed", 1, 0, 0, 0),
    ("Security forces shot dead two militants in an encounter", 1, 0, 0, 0),
    ("Gunmen opened fire on a patrol and the troops returned fire", 1, 0, 0, 0),
    ("A bomb exploded near the market and the blast injured ten", 0, 1, 0, 0),
    ("An IED planted on the road exploded under a police vehicle", 0, 1, 0, 0),
    ("A grenade was hurled at the bazaar and it exploded", 0, 1, 0, 0),
    ("Maoists abducted a villager at gunpoint from his house", 0, 0, 1, 0),
    ("Militants kidnapped two engineers and took them to the hills", 0, 0, 1, 0),
    ("The abducted trader was released after ransom by the abductors", 0, 0, 1, 0),
    ("Extremists torched a school building and set vehicles ablaze", 0, 0, 0, 1),
    ("A mob beat a worker and torched machines at the project site", 0, 0, 0, 1),
    ("Cadres set ablaze a mobile tower and torched two trucks", 0, 0, 0, 1),
]


@pytest.fixture
def tsv(tmp_path):
    path = tmp_path / "train.tsv"
    lines = [f"{t}\t{a}\t{b}\t{c}\t{d}" for t, a, b, c, d in ROWS * 2]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_train_predict_evaluate(tsv, tmp_path):
    out = tmp_path / "m.json"
    info = train(tsv, out)
    assert info["rows"] == 24 and out.exists()
    assert info["nets_bytes"] > 0 and out.with_suffix(".pt").exists()  # the networks averaged with it
    m = TextClassifier.load(out)
    assert m.labels == LABELS
    assert m.predict("Gunmen opened fire and shot dead a policeman in a gunfight") == ["Armed Assault"]
    assert m.predict("A bomb exploded and the blast damaged shops") == ["Bombing/Explosion"]
    fig = evaluate(tsv, m)
    assert fig["macro_f1"] == 1.0 and fig["n"] == 24


def test_inference_matches_scikit_learn(tsv, tmp_path):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    out = tmp_path / "m.json"
    train(tsv, out, nets=False)
    m = TextClassifier.load(out)
    from scipy.sparse import csr_matrix, hstack

    from ctwatch.classify import lexicon_cues

    texts = [r[0] for r in ROWS]
    assert m.cues and "attack:Bombing/Explosion" in m.cues  # the lexicon's view is part of the features
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2)
    vec.fit(texts * 2)

    def features(batch):
        cues = csr_matrix([[1.0 if c in lexicon_cues(t) else 0.0 for c in m.cues] for t in batch])
        return hstack([vec.transform(batch), cues]).tocsr()

    x = features(texts * 2)
    for k, label in enumerate(LABELS):
        y = [r[1 + k] for r in ROWS] * 2
        lr = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000, random_state=0).fit(x, y)
        for text, p in zip(texts, lr.predict_proba(features(texts))[:, 1], strict=True):
            assert m.probabilities(text)[label] == pytest.approx(p, abs=1e-3)


def test_shipped_model_loads():
    m = model()
    assert len(m.nets) == 2  # the regressions averaged with two networks
    probs = m.probabilities("A suicide bomber blew himself up near a police checkpost")
    assert set(probs) == set(LABELS)
    assert max(probs, key=probs.get) == "Bombing/Explosion"


@pytest.mark.parametrize("name", [MODEL_FILE, PASSAGES_FILE, TYPES_FILE])
def test_shipped_models_were_fitted_on_today_s_lexicon(name):
    """The shipped SATP, attack-type stage and MUC-4 type models read the incident lexicon's cues; once its
    trigger or target words change, `ctwatch train` gives another model than the shipped one, so the change
    must retrain it."""
    p = data_path(name)
    recorded = TextClassifier.load(p).cue_lexicon
    assert recorded == cue_lexicon_key(), f"{name} was fitted on another lexicon: run `{rebuild_command(p)}`"


def test_the_cue_fingerprint_follows_the_lexicon(tsv, tmp_path):
    out = tmp_path / "m.json"
    train(tsv, out, nets=False)
    assert TextClassifier.load(out).cue_lexicon == cue_lexicon_key() != ""


def test_the_trained_pair_is_read_together(tsv, tmp_path):
    from ctwatch.incident_types import NET_WEIGHT, TypeReader

    out = tmp_path / "m.json"
    train(tsv, out)
    both = TypeReader.load(out)
    text = "Militants opened fire on a police post"
    alone = both.regressions.probabilities(text)
    averaged = both.probabilities(text)
    assert averaged != alone and all(0 <= v <= 1 for v in averaged.values())
    assert all(abs(averaged[k] - alone[k]) <= NET_WEIGHT for k in LABELS)
    assert evaluate(tsv, both)["n"] == 24


def test_bad_inputs(tmp_path):
    with pytest.raises(BenchError):
        evaluate(tmp_path / "missing.tsv")
    empty = tmp_path / "empty.tsv"
    empty.write_text("no tabs here\n", encoding="utf-8")
    with pytest.raises(BenchError, match="no rows"):
        evaluate(empty)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"nope": 1}), encoding="utf-8")
    with pytest.raises(DataError, match="bad.json"):
        TextClassifier.load(bad)


def test_odd_gold_rows_are_left_out_and_named(tmp_path):
    """A SATP file is read row by row: a binary file is one clear error; a row without four 0/1 labels is
    left out and named; a tab inside the paragraph stays in it (the labels are the last four fields)."""
    from click.testing import CliRunner

    from ctwatch.classify import read_tsv
    from ctwatch.cli import main

    binary = tmp_path / "bin.tsv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xb6\xff\x00")
    with pytest.raises(BenchError, match="bin.tsv: not UTF-8 text"):
        read_tsv(binary)
    tsv = tmp_path / "satp.tsv"
    tsv.write_text(
        "Militants shot dead a trader\tin Turbat.\t1\t0\t0\t0\n"
        "A bomb went off near a market\t0\t1\n"
        "\n"
        "Maoists abducted a contractor.\t0\t0\t1\tx\n"
        "A grenade hit a police post.\t0\t1\t0\t0\n",
        encoding="utf-8",
    )
    skipped: list[str] = []
    texts, labels = read_tsv(tsv, skipped)
    assert texts == ["Militants shot dead a trader\tin Turbat.", "A grenade hit a police post."]
    assert labels == [[1, 0, 0, 0], [0, 1, 0, 0]]
    assert [s.split(": ")[0] for s in skipped] == [f"{tsv}:2", f"{tsv}:4"]
    result = CliRunner().invoke(main, ["bench", "satp", str(tsv), "--json"])
    assert result.exit_code == 0, result.output
    assert f"warning: {tsv}:2: not a paragraph and four 0/1 labels" in result.output  # stderr, mixed in
    assert json.loads(result.output.splitlines()[-1])["n"] == 2
