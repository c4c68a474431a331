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
from .cli_common import WORKERS_OPTION, _err, _run
from .cli_lab import bench, data, train
from .errors import CtwatchError, InputError
from .render import describe, table

EXIT_PARTIAL = 2  # some inputs could not be read; the rest were processed

DB_OPTION = click.option(
    "--db",
    default=lambda: os.environ.get("CTWATCH_DB", "ctwatch.db"),
    show_default="ctwatch.db or $CTWATCH_DB",
    help="SQLite file of the store.",
)


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
@WORKERS_OPTION
def ingest(
    targets: tuple[str, ...], db: str, max_bytes: int, allow_private: bool, quiet: bool, workers: int
) -> None:
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
                workers=workers,
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
@WORKERS_OPTION
def extract(targets: tuple[str, ...], fmt: str, max_bytes: int, allow_private: bool, workers: int) -> None:
    """Extract records from documents without storing them; prints the SCHEMA.md object."""

    def go() -> int:
        from .core import Report
        from .core import extract as run_extract

        stdin = sys.stdin.buffer.read() if "-" in targets else None
        report = Report()
        result = run_extract(
            list(targets),
            max_bytes=max_bytes,
            allow_private=allow_private,
            stdin=stdin,
            report=report,
            workers=workers,
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


# maintainers' and measurers' commands (data, train, bench) live in cli_lab.py
main.add_command(data)
main.add_command(train)
main.add_command(bench)


if __name__ == "__main__":  # pragma: no cover
    main()
