"""Document genre (news, opinion, report, other) from title and body cues in ``data/genre.toml``."""

from __future__ import annotations

import dataclasses
import re

from .. import datafiles
from ..model import Document


def _count(cues: list[str], text: str) -> int:
    return sum(len(re.findall(rf"(?<!\w){re.escape(c)}(?!\w)", text)) for c in cues)


def classify(title: str | None, text: str) -> tuple[str, str]:
    """(genre, reason)."""
    cues = datafiles.toml("genre.toml")
    head = (title or text.split("\n", 1)[0])[:300].lower()
    body = text[:20000].lower()
    for genre in ("opinion", "report"):
        hit = next(
            (c for c in cues[genre].get("title", []) if re.search(rf"(?<!\w){re.escape(c)}(?!\w)", head)),
            None,
        )
        if hit:
            return genre, f"title says {hit!r}"
    scores = {g: _count(cues[g].get("body", []), body) for g in ("opinion", "report", "news")}
    words = max(1, len(body.split()))
    if scores["opinion"] >= 2 and scores["opinion"] > scores["news"]:
        return "opinion", f"{scores['opinion']} opinion cues in {words} words"
    if scores["report"] >= 2 and words > 1500:
        return "report", f"{scores['report']} report cues"
    if scores["news"] >= 1 or re.search(r"^[A-Z][A-Za-z .]+(?:,\s*[A-Za-z .]+)?\s*[:(—–-]", text[:200]):
        return "news", "reporting cues or a dateline"
    return ("news" if words < 1500 else "other"), "no strong cue; short factual text read as news"


class Genre:
    """Stage: sets ``Document.genre``."""

    name: str = "genre"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("genre",)

    def __call__(self, doc: Document) -> Document:
        genre, reason = classify(doc.title, doc.text)
        return dataclasses.replace(doc, genre=genre, meta={**doc.meta, "genre_reason": reason})
