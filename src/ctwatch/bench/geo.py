"""``ctwatch bench geo XML``: toponym resolution with gold toponyms given (LGL, TR-News and GeoWebNews XML).

For each gold toponym that has coordinates, ctwatch's geocoder resolves the phrase, using the countries
and provinces of the article's other toponyms as context (as it does for a document) and, where an article
gives its web address, the home its news source's earlier articles show (``geo.SourcePlaces``; articles are
read in the order they were fetched, so a source's first articles have none). Reported:
accuracy within 161 km (100 miles), mean error, and AUC as in Gritta et al.: the mean of ln(1 + error km)
over ln(20039), unresolved toponyms counted at 20,039 km (lower is better)."""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..errors import BenchError

MAX_KM = 20039.0


def _toponyms(article: ET.Element) -> list[tuple[str, float, float]]:
    out = []
    for t in article.iter("toponym"):
        phrase = t.findtext("phrase") or t.findtext("extractedName") or ""
        lat = t.findtext("gaztag/lat") or t.findtext("latitude")
        lon = t.findtext("gaztag/lon") or t.findtext("longitude")
        if phrase.strip() and lat and lon:
            try:
                out.append((phrase.strip(), float(lat), float(lon)))
            except ValueError:
                continue
    return out


def run(path: Path, limit: int | None = None) -> dict[str, Any]:
    from .. import geo

    if not path.exists():
        raise BenchError(f"{path}: missing (geoparsing gold lies in ../shared/eval/geoparsing/)")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise BenchError(f"{path}: not XML ({exc})") from exc
    geo.warm()
    errors: list[float] = []
    sources = geo.SourcePlaces()
    articles = sorted(root.iter("article"), key=lambda a: a.findtext("dltime") or "")
    for article in articles:
        tops = _toponyms(article)
        if not tops:
            continue
        key = geo.source_key(article.findtext("url") or article.findtext("domain"))
        home = sources.home(key)
        sources.add(key, (p for p, _la, _lo in tops))
        context = geo.contexts(p for p, _la, _lo in tops)
        for phrase, lat, lon in tops:
            place = geo.resolve(phrase, context[phrase], home)
            if place.lat is None or place.lon is None:
                errors.append(MAX_KM)
            else:
                errors.append(geo.haversine_km(place.lat, place.lon, lat, lon))
            if limit and len(errors) >= limit:
                break
        if limit and len(errors) >= limit:
            break
    if not errors:
        raise BenchError(f"{path}: no toponyms with gold coordinates")
    return {
        "n": len(errors),
        "acc_at_161km": round(sum(e <= 161 for e in errors) / len(errors), 4),
        "auc": round(statistics.fmean(math.log(1 + e) / math.log(MAX_KM) for e in errors), 4),
        "mean_error_km": round(statistics.fmean(errors), 1),
        "unresolved": sum(e >= MAX_KM for e in errors),
    }
