"""``ctwatch bench plover`` and ``ctwatch bench petrarch``: the interaction coder against PLOVER gold
records and against PETRARCH2's own unit-test sentences (fictional actors, loaded from its dictionaries)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from .. import datafiles
from ..errors import BenchError
from ..model import Document, Interaction


def _pipeline() -> Any:
    from ..stages import default_pipeline

    p = default_pipeline(on_error="skip", names=("analyse", "genre", "interactions"))
    p.setup()
    return p


def _best(xs: tuple[Interaction, ...]) -> Interaction | None:
    if not xs:
        return None
    return max(
        xs,
        key=lambda x: (
            x.modality == "asserted",
            bool(x.source.actor_id) + bool(x.target.actor_id),
            x.confidence,
        ),
    )


def event_type(text: str) -> str | None:
    """The PLOVER type of the first event word in a sentence, whoever its parties are."""
    from ..extract.interactions import find_events

    hits = find_events(text)
    return hits[0].event.type if hits else None


def _code(actor_id: str | None, sector: str | None = None) -> str | None:
    """A CAMEO-style actor code: country (or IGO), then the acting sector when one is named."""
    from ..actors import registry

    if actor_id is None:
        return None
    actor = registry().get(actor_id)
    if actor is None:
        return actor_id
    if actor.kind == "igo":
        return "IGO"
    return (actor.country or actor.id) + (sector or "")


def plover(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise BenchError(f"{path}: missing (PLOVER gold lies in ../shared/eval/plover/)")
    try:
        records = [
            r
            for r in json.loads(path.read_text(encoding="utf-8"))
            if r.get("text") and r.get("event") != "DOCUMENT"
        ]
    except (json.JSONDecodeError, AttributeError) as exc:
        raise BenchError(f"{path}: not a PLOVER gold JSON list ({exc})") from exc
    labels = {row[0]: row[1] for row in datafiles.tsv("plover_labels.tsv")}
    cameo = {"JAP": "JPN"}
    pipe = _pipeline()
    right = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    for r in records:
        gold = labels.get(r["event"], r["event"])
        doc = pipe(Document.from_text(r["text"], published=r.get("date")))
        x = _best(doc.interactions)
        pred = x.event_type if x else (event_type(r["text"]) or "NONE")
        right["event"] += pred == gold
        confusion[(gold, pred)] += 1
        for side in ("source", "target"):
            want = [cameo.get(a.get("code", "")[:3], a.get("code", "")[:3]) for a in r.get(side, [])]
            got = _code(getattr(x, side).actor_id) if x else None
            right[side] += bool(want) and got in want
    n = len(records)
    misses = [f"{g}->{p} x{c}" for (g, p), c in confusion.most_common() if g != p][:8]
    return {
        "n": n,
        "event_type_accuracy": round(right["event"] / n, 4),
        "source_accuracy": round(right["source"] / n, 4),
        "target_accuracy": round(right["target"] / n, 4),
        "top_confusions": misses,
    }


# ---- PETRARCH2's suite --------------------------------------------------------------------------------


def _petrarch_actors(folder: Path) -> str:
    """PETRARCH's small validation dictionary as a ctwatch actors TOML file (each code an actor)."""
    path = folder / "dictionaries" / "PETR.Validate.actors.txt"
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's dictionaries lie in ../shared/eval/petrarch2/)")
    by_code: dict[str, list[str]] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("<"):
            continue
        if line.startswith("+") and current:
            by_code[current].append(line[1:].replace("_", " ").strip())
            continue
        m = re.match(r"^([^\[]+?)\s*\[([^\]]+)\]", line)
        if m and not m.group(2).startswith("-"):
            code = m.group(2).split()[0].upper()
            current = code
            by_code.setdefault(code, []).append(m.group(1).replace("_", " ").strip())
    lines = []
    for code, names in by_code.items():
        names = [n.title() for n in names if n]
        lines += [
            "[[actor]]",
            f"id = {json.dumps('petr:' + code)}",
            f"name = {json.dumps(names[0])}",
            'kind = "state"',
            f"country = {json.dumps(code)}",
            f"aliases = {json.dumps(names[1:])}",
            "",
        ]
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(lines))
    return tmp.name


def petrarch(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's records lie in ../shared/eval/petrarch2/)")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = _petrarch_actors(path.parent)
    old = os.environ.get("CTWATCH_ACTORS")
    os.environ["CTWATCH_ACTORS"] = os.pathsep.join(p for p in (old, extra) if p)
    from .. import actors, nlp

    actors.registry.cache_clear()
    nlp.get_nlp.cache_clear()
    nlp._case_table.cache_clear()
    try:
        pipe = _pipeline()
        found = expected = 0
        by_category = Counter[str]()
        missed = Counter[str]()
        for r in records:
            want = {
                (e.get("sourcecode", "---"), e.get("targetcode", "---"), e["eventcode"][:2])
                for e in r.get("expected", [])
                if "sourcecode" in e and "eventcode" in e
            }
            if not want:
                continue
            doc = pipe(Document.from_text(r["text"]))
            got = {
                (_code(x.source.actor_id) or "", _code(x.target.actor_id) or "", (x.cameo or "")[:2])
                for x in doc.interactions
            }
            hit = len(want & got)
            found += hit
            expected += len(want)
            by_category[r.get("category", "?")] += hit
            missed[r.get("category", "?")] += len(want) - hit
    finally:
        if old is None:
            os.environ.pop("CTWATCH_ACTORS", None)
        else:
            os.environ["CTWATCH_ACTORS"] = old
        actors.registry.cache_clear()
        nlp.get_nlp.cache_clear()
        nlp._case_table.cache_clear()
        os.unlink(extra)
    return {
        "triples_found": found,
        "triples_expected": expected,
        "share": round(found / expected, 4) if expected else 0.0,
        "missed_by_construction": dict(missed.most_common()),
    }
