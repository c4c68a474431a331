"""Exports of stored incidents: CSV (one row per incident, GTD-like columns), JSON and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

CSV_COLUMNS = [
    "id",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "location_precision",
    "attack_type1",
    "attack_type2",
    "target_type1",
    "target_type2",
    "weapon_type1",
    "perpetrators",
    "attribution",
    "killed_best",
    "killed_low",
    "killed_high",
    "wounded_best",
    "wounded_low",
    "wounded_high",
    "confidence",
    "evidence",
    "document_id",
    "document_source",
    "document_title",
]


def _row(rec: dict[str, Any]) -> dict[str, Any]:
    loc, date = rec.get("location", {}), rec.get("date", {})
    at, tt, wt = rec.get("attack_types", []), rec.get("target_types", []), rec.get("weapon_types", [])
    perps = rec.get("perpetrators", [])
    return {
        "id": rec["id"],
        "status": rec["status"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "place": loc.get("name"),
        "admin1": loc.get("admin1"),
        "country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "attack_type1": at[0] if at else None,
        "attack_type2": at[1] if len(at) > 1 else None,
        "target_type1": tt[0] if tt else None,
        "target_type2": tt[1] if len(tt) > 1 else None,
        "weapon_type1": wt[0] if wt else None,
        "perpetrators": "; ".join(p["name"] for p in perps),
        "attribution": "; ".join(p["attribution"] for p in perps),
        **{f"{k}_{b}": rec.get(k, {}).get(b) for k in ("killed", "wounded") for b in ("best", "low", "high")},
        "confidence": rec.get("confidence"),
        "evidence": " … ".join(e["text"] for e in rec.get("evidence", [])),
        "document_id": rec.get("document_id"),
        "document_source": rec.get("document_source"),
        "document_title": rec.get("document_title"),
    }


def to_csv(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for rec in records:
        w.writerow(_row(rec))
    return buf.getvalue()


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps({"incidents": records}, ensure_ascii=False, indent=2)


def to_geojson(records: list[dict[str, Any]]) -> str:
    """Incidents with coordinates as Point features; the others are left out and counted in ``skipped``."""
    features, skipped = [], 0
    for rec in records:
        loc = rec.get("location", {})
        if loc.get("lat") is None or loc.get("lon") is None:
            skipped += 1
            continue
        props = {k: v for k, v in _row(rec).items() if k not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "id": rec["id"],
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": props,
            }
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features, "skipped": skipped}, ensure_ascii=False, indent=2
    )


FORMATS = {"csv": to_csv, "json": to_json, "geojson": to_geojson}
