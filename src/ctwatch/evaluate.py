"""``ctwatch eval GOLD RUN``: score a run of ctwatch against gold, field by field.

GOLD is MUC-4 gold in the GTT form (templates) or GRIT's entity-level form (extracts), as in
``../shared/eval/muc4``. RUN is what ctwatch wrote: the SCHEMA.md object of ``ctwatch extract --format json``
over the gold file itself (its documents keep each record's ``docid``), or the predictions file of
``ctwatch bench muc4 --out``. Printed: GTT template P/R/F1 per field (incident type and the five roles),
when the gold has templates, and CEAF-REE P/R/F1 per role (against ``grit/<name>`` beside GOLD when it is
there, as ``bench muc4`` does)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .bench import gtt, ree
from .bench.muc4 import grit_gold, read_gold, templates_of
from .errors import BenchError
from .model import Incident, from_dict


def _doc_key(doc: dict[str, Any]) -> str | None:
    meta = doc.get("meta") or {}
    if meta.get("record_id"):
        return str(meta["record_id"])
    source = str(doc.get("source") or "")
    return source.rsplit(":", 1)[-1] if ":" in source else None


def read_run(path: Path) -> dict[str, Any]:
    """Predictions keyed by document id, from a ``bench muc4`` predictions file or ctwatch's extract JSON."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = {"documents": [json.loads(line) for line in text.splitlines() if line.strip()]}
        except json.JSONDecodeError as exc:
            raise BenchError(f"{path}: neither JSON nor JSON Lines ({exc})") from exc
    except OSError as exc:
        raise BenchError(f"{path}: cannot read ({exc.strerror})") from exc
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        out: dict[str, Any] = {}
        for doc in data["documents"]:
            key = _doc_key(doc) if isinstance(doc, dict) else None
            if key is None:
                continue
            incidents = [from_dict(Incident, i) for i in doc.get("incidents", []) if isinstance(i, dict)]
            out[key] = {"pred_templates": templates_of(incidents)}
        if not out:
            raise BenchError(f"{path}: no document names its gold record (extract the gold file itself)")
        return out
    if isinstance(data, dict) and all(
        isinstance(v, dict) and ("pred_templates" in v or "pred_extracts" in v) for v in data.values()
    ):
        return data
    raise BenchError(
        f"{path}: not a ctwatch run (extract --format json) nor a predictions file (bench muc4 --out)"
    )


def _row(tally: gtt.Tally) -> dict[str, float]:
    p, r, f = tally.prf()
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def score(gold_path: Path, run_path: Path) -> dict[str, Any]:
    """Per-field tables: ``gtt`` (when the gold has templates) and ``ceaf_ree``, each with a micro row."""
    records = read_gold(gold_path)
    pred = read_run(run_path)
    known = {gtt.doc_key(r["docid"]) for r in records}
    matched = sum(gtt.doc_key(k) in known for k in pred)
    if not matched:
        raise BenchError(f"{run_path}: none of its documents is in {gold_path}")
    out: dict[str, Any] = {"documents": len(records), "documents_in_run": matched}
    if "templates" in records[0]:
        s = gtt.score(gtt.load_gold(records), gtt.load_pred(pred))
        out["gtt"] = {**{k: _row(v) for k, v in s.fields.items()}, "micro": _row(s.micro)}
    grit = grit_gold(gold_path)  # GRIT's entity-level gold for the same split, as bench muc4 uses
    e = ree.score(ree.load_gold(read_gold(grit) if grit else records), ree.load_pred(pred))
    out["ceaf_ree"] = {**{k: _row(v) for k, v in e.fields.items()}, "micro": _row(e.micro)}
    return out


def table(result: dict[str, Any]) -> str:
    lines = [f"documents {result['documents']}, in the run {result['documents_in_run']}"]
    for name in ("gtt", "ceaf_ree"):
        if name not in result:
            continue
        lines += ["", f"{name.upper().replace('_', '-'):<14}{'P':>8}{'R':>8}{'F1':>8}"]
        for field, row in result[name].items():
            lines.append(f"{field:<14}{row['precision']:>8.2f}{row['recall']:>8.2f}{row['f1']:>8.2f}")
    return "\n".join(lines)
