"""Benchmarks: accuracy against gold sets and speed, run with ``ctwatch bench ...`` (never in tests)."""

from pathlib import Path

from ..errors import BenchError


def read_text(path: Path) -> str:
    """A gold file's text, or a one-line error naming it when it is not UTF-8 text."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BenchError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
