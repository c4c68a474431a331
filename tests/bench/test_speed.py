"""The speed benchmark runs end to end on a tiny corpus and reports every figure (values are not asserted:
speed lives in benchmarks, not tests)."""

import json

import pytest

from ctwatch.bench.speed import run
from ctwatch.errors import BenchError

pytestmark = pytest.mark.slow


def test_speed_bench_reports_its_figures(tmp_path):
    docs = [
        "guerrillas attacked a bus in san salvador today, killing three people.",
        "a bomb exploded near a police station in lima, police said.",
    ]
    (tmp_path / "dev.json").write_text(
        "\n".join(json.dumps({"docid": str(i), "doctext": t}) for i, t in enumerate(docs))
    )
    fig = run(tmp_path, n_docs=2)
    assert fig["documents"] == 2 and fig["incidents"] >= 2
    for key in ("docs_per_hour", "words_per_second", "peak_rss_mb", "spacy_docs_per_hour"):
        assert fig[key] > 0


def test_speed_bench_needs_muc4(tmp_path):
    with pytest.raises(BenchError, match="MUC-4"):
        run(tmp_path, n_docs=2)
