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
from . import read_text


def _pipeline(names: tuple[str, ...] = ("analyse", "genre")) -> Any:
    from ..stages import default_pipeline

    p = default_pipeline(on_error="skip", names=names)
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
            bool(x.source.actor_id or x.source.country) + bool(x.target.actor_id or x.target.country),
            x.confidence,
        ),
    )


def event_type(text: str) -> str | None:
    """The PLOVER type of the first event word in a sentence, whoever its parties are."""
    from ..extract.interactions import find_events

    hits = find_events(text)
    return hits[0].event.type if hits else None


def _code(actor_id: str | None, sector: str | None = None, day: str | None = None) -> str | None:
    """A CAMEO-style actor code: country (or IGO), then the acting sector when one is named ("NGO~": a
    sector written before the country). On a ``day``, a dated role's code wins (the latest begun)."""
    from ..actors import registry

    if actor_id is None:
        return None
    actor = registry().get(actor_id)
    if actor is None:
        return actor_id
    if actor.kind == "igo":
        return "IGO"
    country = actor.country or actor.id
    if day and actor.roles:
        current = [
            r
            for r in actor.roles
            if (r.since or "") <= day and (r.until is None or day <= r.until) and r.country
        ]
        if current:
            country = str(max(current, key=lambda r: r.since or "").country)
    if sector and sector.endswith("~"):
        return sector[:-1] + country
    if sector and country.endswith(sector):
        return country  # "White House officials": USAGOV already names the government
    return country + (sector or "")


def _codes(ref: Any, day: str | None = None) -> list[str]:
    """Every code an actor stands for: PETRARCH's dictionaries give some several ("FRO/BIL/SAM"); a side
    the coder left unknown is "---"."""
    if ref.actor_id is None:
        return ["---" + (ref.sector or "")]  # unknown, or known only by what it is ("an official": ---GOV)
    code = _code(ref.actor_id, ref.sector, day) or ""
    if "/" not in code:
        return [code]
    sector = ref.sector or ""
    return [part + sector if sector and not part.endswith(sector) else part for part in code.split("/")]


def _wanted(record: dict[str, Any]) -> dict[str, list[str]]:
    """The country codes that count as right for each side. "SRC/TAR" in the markup marks a compound
    actor that is both ("Jordan and Britain agreed"): its target is any of the sources; no target at all
    ("Hizbollah declared a unilateral ceasefire") is right only when the coder names none."""
    cameo = {"JAP": "JPN"}

    def codes(side: str) -> list[str]:
        return [cameo.get(a.get("code", "")[:3], a.get("code", "")[:3]) for a in record.get(side) or []]

    source, target = codes("source"), codes("target")
    if not target and "SRC/TAR" in record.get("textInfo", {}).get("markup", ""):
        target = source
    return {"source": source, "target": target}


def plover(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise BenchError(f"{path}: missing (PLOVER gold lies in ../shared/eval/plover/)")
    try:
        records = [r for r in json.loads(read_text(path)) if r.get("text") and r.get("event") != "DOCUMENT"]
    except (json.JSONDecodeError, AttributeError) as exc:
        raise BenchError(f"{path}: not a PLOVER gold JSON list ({exc})") from exc
    from ..extract.interactions import extract

    labels = {row[0]: row[1] for row in datafiles.tsv("plover_labels.tsv")}
    pipe = _pipeline()
    right = Counter[str]()
    confusion = Counter[tuple[str, str]]()
    for r in records:
        gold = labels.get(r["event"], r["event"])
        doc = pipe(Document.from_text(r["text"], published=r.get("date")))
        x = _best(tuple(extract(doc, partial=True)))
        pred = x.event_type if x else (event_type(r["text"]) or "NONE")
        right["event"] += pred == gold
        confusion[(gold, pred)] += 1
        for side, want in _wanted(r).items():
            ref = getattr(x, side) if x else None
            got = (_code(ref.actor_id) or ref.country) if ref else None
            right[side] += got in want if want else got is None
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
    """PETRARCH's small validation dictionary as a ctwatch actors TOML file: each entry an actor, its code
    as its country, its dated codes ("[HOBGOV 19950601-19990815]") as date-bounded roles."""
    path = folder / "dictionaries" / "PETR.Validate.actors.txt"
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's dictionaries lie in ../shared/eval/petrarch2/)")
    entries: list[dict[str, Any]] = []
    for name, aliases, code, dated in datafiles.parse_actor_dictionary(
        path.read_text(encoding="utf-8", errors="replace")
    ):
        read = [datafiles._role(re.sub(r"\s*([<>\-])\s*", r"\1", c.strip())) for c in dated]
        entries.append(
            {
                "names": [name, *aliases],
                "code": code.split()[0].upper() if code else "",
                "roles": [r for r in read if r is not None],
            }
        )
    lines = []
    for i, e in enumerate(entries):
        undated = [c + s for c, s, a, b in e["roles"] if not (a or b)]
        code = e["code"] or (undated or [c + s for c, s, *_ in e["roles"]] or [""])[0]
        names = [n.title() for n in e["names"] if n]
        if not code or code.startswith("-") or not names:
            continue
        roles = [
            {"kind": "state", "since": a, "until": b, "country": c + s} for c, s, a, b in e["roles"] if a or b
        ]
        lines += [
            "[[actor]]",
            f"id = {json.dumps(f'petr:{code}:{i}')}",
            f"name = {json.dumps(names[0])}",
            'kind = "state"',
            f"country = {json.dumps(code)}",
            f"aliases = {json.dumps(names[1:])}",
            *(f"roles = [{', '.join(_toml_inline(r) for r in roles)}]",)[: 1 if roles else 0],
            "",
        ]
    return _temp("\n".join(lines), ".toml")


def _toml_inline(d: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k} = {json.dumps(v)}" for k, v in d.items() if v is not None) + "}"


def _petrarch_verbs(folder: Path, plover_map: Path) -> str:
    """PETRARCH's validation verb dictionary (verbs and their patterns) as a ctwatch verbs TSV file."""
    path = folder / "dictionaries" / "PETR.Validate.verbs.txt"
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's dictionaries lie in ../shared/eval/petrarch2/)")
    to_plover = datafiles.cameo_to_plover(plover_map) if plover_map.exists() else {}
    lines = []
    for form, code, pattern in datafiles.parse_verb_dictionary(
        path.read_text(encoding="utf-8", errors="replace")
    ):
        main = code.split(":")[0]
        if code != "---" and not main[:2].isdigit():
            continue
        mapped = datafiles.plover_of(to_plover, main)
        kind = mapped[0] if mapped else "OTHER"
        lines.append(f"{form}\t{code}\t{kind if code != '---' else ''}\t\t{pattern}")
    return _temp("\n".join(lines), ".tsv")


def _petrarch_agents(folder: Path) -> str:
    """PETRARCH's validation agents ("Deputy Prime Minister" -> ~GOV) as a ctwatch sectors TSV file."""
    path = folder / "dictionaries" / "PETR.Validate.agents.txt"
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's dictionaries lie in ../shared/eval/petrarch2/)")
    text = path.read_text(encoding="utf-8", errors="replace")
    macros = {
        m.group(1): [w.strip() for w in m.group(2).split(",")]
        for m in re.finditer(r"^(![A-Z]+!)\s*=\s*(.+)$", text, re.M)
    }
    lines = ["!replace"]  # the suite's agents stand in for our sector words: its expectations follow them
    for raw in text.splitlines():
        line = raw.split("#")[0].strip()
        m = re.match(r"^([A-Z!][^\[{]*?)\s*(\{[^}]*\})?\s*\[\s*([^\]]+?)\s*\]", line)
        if not m:
            continue
        code = m.group(3)
        sector = code[1:] if code.startswith("~") else code  # "NGO~" stays: written before the country
        names = [m.group(1).strip()]
        for macro, words in macros.items():
            names = [n.replace(macro, w) if macro in n else n for n in names for w in words]
        plural = [p for p in (m.group(2) or "").strip("{}").split() if p]
        for name in dict.fromkeys(
            [*names, *plural] + ([] if m.group(2) is not None else [n + "S" for n in names])
        ):
            lines.append(f"{name.replace('_', ' ').lower()}\t{sector}")
    return _temp("\n".join(lines), ".tsv")


def _temp(text: str, suffix: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as tmp:
        tmp.write(text)
    return tmp.name


def petrarch(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise BenchError(f"{path}: missing (PETRARCH2's records lie in ../shared/eval/petrarch2/)")
    try:
        records = [json.loads(line) for line in read_text(path).splitlines() if line.strip()]
    except json.JSONDecodeError as exc:
        raise BenchError(f"{path}: not JSON Lines of PETRARCH2 records ({exc})") from exc
    if not records:
        raise BenchError(f"{path}: no PETRARCH2 records")
    folder = path.parent
    extra = {
        "CTWATCH_ACTORS": _petrarch_actors(folder),
        "CTWATCH_VERBS": _petrarch_verbs(folder, folder.parent / "plover" / "CAMEO2PLOVER-2021.txt"),
        "CTWATCH_SECTORS": _petrarch_agents(folder),
    }
    saved = {k: os.environ.get(k) for k in extra}
    for k, v in extra.items():
        os.environ[k] = os.pathsep.join(p for p in (saved[k], v) if p)
    from .. import actors, nlp
    from ..extract import interactions

    def clear() -> None:
        actors.registry.cache_clear()
        nlp.get_nlp.cache_clear()
        nlp._case_table.cache_clear()
        interactions.lexicon.cache_clear()
        interactions._sectors.cache_clear()

    clear()
    try:
        from ..extract.interactions import extract

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
            day = datafiles._yymmdd(str(r.get("date", "")))
            doc = pipe(Document.from_text(r["text"], published=day))
            got = {
                (s, t, (x.cameo or "")[:2])
                for x in extract(doc, partial=True)
                for s in _codes(x.source, day)
                for t in _codes(x.target, day)
            }
            hit = len(want & got)
            found += hit
            expected += len(want)
            by_category[r.get("category", "?")] += hit
            missed[r.get("category", "?")] += len(want) - hit
    finally:
        for k, was in saved.items():
            if was is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = was
        clear()
        for v in extra.values():
            os.unlink(v)
    return {
        "triples_found": found,
        "triples_expected": expected,
        "share": round(found / expected, 4) if expected else 0.0,
        "missed_by_construction": dict(missed.most_common()),
    }
