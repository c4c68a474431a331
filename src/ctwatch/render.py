"""Plain-text views of incident records for the terminal: a table, and one incident in full with its
claims side by side and its evidence sentences."""

from __future__ import annotations

from typing import Any

_BOUND_WORDS = ("more", "over", "at least", "dozens", "scores", "hundreds", "above", "upwards")


def count(c: dict[str, Any] | None, full: bool = False) -> str:
    """101+ for "more than hundred"; with ``full``, the range of reports too: 84 (28-101)."""
    if not c or (c.get("best") is None and c.get("low") is None and c.get("high") is None):
        return "-"
    best, low, high = c.get("best"), c.get("low"), c.get("high")
    shown = str(best if best is not None else low if low is not None else high)
    if (
        high is None
        and low is not None
        and best == low
        and low != 1
        and (c.get("text") or "").lower().startswith(_BOUND_WORDS)
    ):
        shown += "+"
    if full and low is not None and high is not None and low != high:
        shown += f" ({low}-{high})"
    return shown


def _place(loc: dict[str, Any]) -> str:
    return ", ".join(x for x in (loc.get("name"), loc.get("country")) if x) or "unknown"


def table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no incidents"
    lines = [
        f"{'ID':<20} {'DATE':<10} {'STATUS':<10} {'PLACE':<22} {'TYPE':<22} {'KILLED':>7} {'WOUNDED':>7} "
        f"{'SRC':>3}  PERPETRATOR"
    ]
    for r in rows:
        date = r["date"].get("start") or (
            "after " + r["date"]["not_before"] if r["date"].get("not_before") else "unknown"
        )
        perps = ", ".join(f"{p['name']} ({p['attribution']})" for p in r["perpetrators"]) or "-"
        sources = r.get("n_documents", 1)
        lines.append(
            f"{r['id'][:20]:<20} {date[:10]:<10} {r['status'][:10]:<10} {_place(r['location'])[:22]:<22} "
            f"{'/'.join(r['attack_types'])[:22]:<22} {count(r['killed']):>7} {count(r['wounded']):>7} "
            f"{sources:>3}  {perps[:60]}"
        )
    return "\n".join(lines)


def describe(r: dict[str, Any]) -> str:
    loc, date = r["location"], r["date"]
    lines = [
        f"incident {r['id']}  ({r['status']}, confidence {r['confidence']}, "
        f"{len(r.get('claims', [])) or 1} claims from {r.get('n_documents', 1)} documents)",
        f"  what:    {', '.join(r['attack_types'])}; weapons {', '.join(r['weapon_types'])}",
        f"  targets: {', '.join(r['target_types']) or '-'}",
        f"  where:   {loc.get('name') or 'unknown'}"
        + (f", {loc['admin1']}" if loc.get("admin1") else "")
        + (f", {loc['country']}" if loc.get("country") else "")
        + (
            f"  ({loc['lat']:.4f}, {loc['lon']:.4f}; {loc['precision']})"
            if loc.get("lat") is not None
            else ""
        )
        + (f"  - {loc['reason']}" if loc.get("reason") else ""),
        f"  when:    {date.get('start') or 'unknown'}"
        + (f' ("{date["text"]}")' if date.get("text") else "")
        + (f", not before {date['not_before']}" if date.get("not_before") else "")
        + (f"  - {date['reason']}" if date.get("reason") else ""),
        f"  killed:  {count(r['killed'], full=True)}   wounded: {count(r['wounded'], full=True)}",
    ]
    if r.get("policy"):
        lines.append(f"  figures: {r['policy']}")
    for p in r["perpetrators"]:
        lines.append(f"  perpetrator: {p['name']} [{p['attribution']}, {p['confidence']}] - {p['reason']}")
    for v in r["victims"]:
        lines.append(
            f"  victim:  {v['text']}" + (f" (nationality {v['nationality']})" if v.get("nationality") else "")
        )
    claims = r.get("claims", [])
    if claims:
        lines.append("  claims (oldest first):")
        lines.append(
            f"    {'PUBLISHED':<10} {'KILLED':>7} {'WOUNDED':>7}  {'PLACE':<20} {'DATE':<10}  SOURCE / PERPETRATOR"
        )
        for c in claims:
            tags = "".join(
                f" [{t}]"
                for t, on in (
                    ("copy", c.get("duplicate_of")),
                    ("official", c.get("official")),
                    (c.get("genre") or "", c.get("genre") == "opinion"),
                )
                if on
            )
            perps = ", ".join(f"{p['name']} ({p['attribution']})" for p in c.get("perpetrators", []))
            lines.append(
                f"    {(c.get('published') or '?'):<10} {count(c['killed']):>7} {count(c['wounded']):>7}  "
                f"{(c.get('place') or '-')[:20]:<20} {(c['date'].get('start') or '-'):<10}  "
                f"{c.get('title') or c.get('source')}{tags}" + (f" / {perps}" if perps else "")
            )
    lines.append("  evidence:")
    for e in r["evidence"]:
        lines.append(f"    [{e['start']}:{e['end']}] {e['text']}")
    return "\n".join(lines)
