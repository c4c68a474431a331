"""What every ``ctwatch`` command shares: one-line errors and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from .errors import CtwatchError


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


WORKERS_OPTION = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help=(
        "Processes running the pipeline (each loads its own models, about 0.8 GB); same output as one. "
        "Documents of one news site stay in one process, in order."
    ),
)
