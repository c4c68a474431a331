"""Dates: publication dates from metadata, and event dates from the text.

An event date comes from the text itself ("August 15, 2021"), or relative to the publication date
("on Monday", "yesterday"), or stays unknown with the words that hinted at it kept ("recent"). It is never
invented: with no publication date a relative phrase resolves to nothing, and the ``reason`` says so.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from .model import When

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
DATE_PATTERNS = [
    ("ymd", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}}|\d{{2}})\b", re.I)),
    ("my", re.compile(rf"\b(?:in\s+|since\s+|during\s+)?{MONTH}\s+(\d{{4}})\b", re.I)),
    ("y", re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b", re.I)),
]
_WD = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
RELATIVE = re.compile(
    rf"\b(?:(?P<word>yesterday|today|tonight|last night|this morning)|"
    rf"(?P<wd1>{_WD})(?:\s+(?:night|morning|evening|afternoon))?['’]s|"
    rf"on\s+(?:the\s+)?(?:night\s+of\s+)?(?P<wd2>{_WD})|"
    rf"(?P<wd3>{_WD})\s+(?:night|morning|evening|afternoon))\b",
    re.I,
)
# "said on Thursday", "told reporters on Monday": when the news was given, not when the event happened
_SPEECH_BEFORE = re.compile(
    r"\b(said|says|told(?:\s+\w+)?|announced|confirmed|stated|added|reported|registered(?:\s+\w+){0,2})\s+$",
    re.I,
)
VAGUE = re.compile(
    r"\b(recent(?:ly)?|last (?:week|month|year)|earlier this (?:week|month|year)|on the eve)\b", re.I
)


def parse_published(value: str | None) -> str | None:
    """A publication date as YYYY-MM-DD from ISO, RFC 822 or loose forms; None when unparseable."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(value)
    return found[0][2].start if found and found[0][2].precision == "day" else None


def _year(raw: str) -> int:
    y = int(raw)
    if y < 100:
        y += 1900 if y > 50 else 2000
    return y


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, When]]:
    """Explicit dates in a stretch of text: (start, end, When), in order, not overlapping."""
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groups()
            when: When | None = None
            if kind == "ymd":
                day = _day(int(g[0]), int(g[1]), int(g[2]))
                when = When(day, day, "day", m.group(), reason="explicit date") if day else None
            elif kind == "mdy":
                day = _day(int(g[2]), MONTHS[g[0].lower().rstrip(".")], int(g[1]))
                when = When(day, day, "day", m.group(), reason="explicit date") if day else None
            elif kind == "dmy":
                day = _day(_year(g[2]), MONTHS[g[1].lower().rstrip(".")], int(g[0]))
                when = When(day, day, "day", m.group(), reason="explicit date") if day else None
            elif kind == "my":
                y, mo = int(g[1]), MONTHS[g[0].lower().rstrip(".")]
                if 1900 <= y <= 2100:
                    last = (dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
                    when = When(f"{y:04d}-{mo:02d}-01", last, "month", m.group(), reason="explicit month")
            else:
                y = int(g[0])
                when = When(f"{y}-01-01", f"{y}-12-31", "year", m.group(), reason="explicit year")
            if when:
                found.append((m.start(), m.end(), when))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[0])


_DATELINE_PREFIX = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40},\s+[^\n()\-\u2013\u2014]{3,40}?\s*(?:\([^)\n]{1,40}\)\s*)?[-\u2013\u2014]+\s+"
)


def resolve(text: str, published: str | None, anchor: int | None = None) -> When:
    """The event date a sentence gives: explicit first, then relative to publication, else unknown.

    A wire dateline's date ("QUETTA, March 6, 2023 (Wire) - ...") dates the story, not the event."""
    original = text
    text = _DATELINE_PREFIX.sub("", text, count=1)
    found = find_dates(text)
    if found:
        return found[0][2]
    cut = len(original) - len(text)
    rels = [
        m
        for m in RELATIVE.finditer(text)
        if not (m.group("wd2") and _SPEECH_BEFORE.search(text[max(0, m.start() - 40) : m.start()]))
    ]
    if anchor is not None:  # the phrase nearest the attack word dates the attack
        rels.sort(key=lambda m: abs(m.start() + cut - anchor))
    rel = rels[0] if rels else None
    if rel:
        phrase = rel.group(0)
        if not published:
            return When(text=phrase, reason="relative to a publication date the document does not give")
        pub = dt.date.fromisoformat(published)
        word = phrase.lower()
        if word.startswith(("today", "tonight", "this morning")):
            day = pub
        elif word.startswith(("yesterday", "last night")):
            day = pub - dt.timedelta(days=1)
        else:
            name = rel.group("wd1") or rel.group("wd2") or rel.group("wd3")
            wd = WEEKDAYS.index(name.lower())
            day = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
        return When(day.isoformat(), day.isoformat(), "day", phrase, reason="relative to publication date")
    vague = VAGUE.search(text)
    if vague:
        return When(text=vague.group(0), reason="vague time reference; no date given")
    if published:
        return When(text=None, reason="no date in the text; publication date not assumed")
    return When(reason="no date in the text")


_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s+(?P<date>[^()\n]{4,30}?)\s*(?:\(|[-\u2013\u2014]|$)", re.M
)


def dateline(text: str) -> str | None:
    """The date of a wire dateline ("QUETTA, March 6, 2023 (Wire) - ...") in the first lines, if explicit."""
    for m in _DATELINE.finditer(text[:600]):
        found = find_dates(m.group("date"))
        if found and found[0][2].precision == "day":
            return found[0][2].start
    return None
