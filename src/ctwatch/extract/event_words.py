"""The event words of interactions: our lexicon (``data/interactions.toml``), verbs derived from the CAMEO
dictionary (``cameo_verbs.tsv``), verb files an analyst adds (``$CTWATCH_VERBS``, with patterns: the words
around a verb that change its code), and amounts with their currency ("$7 Billion", "Rs 2bn")."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from .. import datafiles
from ..model import Amount

# dictionary verbs whose joint subjects act on each other ("X and Y renewed ties")
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}

# common verbs the CAMEO dictionary codes that rarely carry an event between actors in news prose
STOP_VERBS = frozenset(
    {
        "said",
        "says",
        "say",
        "take",
        "takes",
        "took",
        "taken",
        "make",
        "made",
        "makes",
        "get",
        "got",
        "give",
        "gave",
        "given",
        "go",
        "went",
        "come",
        "came",
        "see",
        "saw",
        "put",
        "set",
        "hold",
        "held",
        "keep",
        "kept",
        "bring",
        "brought",
        "find",
        "found",
        "show",
        "shown",
        "showed",
        "move",
        "moved",
        "turn",
        "turned",
        "work",
        "working",
        "worked",
        "works",
        "call",
        "called",
        "counter",
        "order",
        "according",
        "impact",
        "need",
        "needs",
        "face",
        "facing",
        "faces",
        "plan",
        "plans",
        "planned",
        "planning",
        "leaving",
        "failing",
        "converging",
        "lead",
        "leads",
        "leading",
    }
)


@dataclass(frozen=True)
class EventWord:
    phrase: str
    type: str
    mode: str
    cameo: str
    symmetric: bool
    derived: bool = False  # from the CAMEO dictionary: counts only where the word is a verb
    reverse: str = ""  # the target's event in return, coded too ("arrived in X": X hosts the visit)
    subject_hit: bool = False  # a pattern's verb whose subject was hit ("a convoy hit a roadside bomb")


Slots = tuple[tuple[tuple[str, ...], ...], ...]  # a pattern's slots > their alternatives > the words of each
Pattern = tuple[Slots, int, "EventWord"]  # slots, weight (words asked for), the event they code


def _key(phrase: str) -> str:
    """How a phrase is looked up: lower case, hyphens and runs of white space as one space."""
    return re.sub(r"[\s\-]+", " ", phrase.lower())


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, EventWord]
    longest: int  # words in the longest phrase
    modality: dict[str, tuple[str, ...]]
    currency: dict[str, str]
    light: frozenset[str] = frozenset()  # verbs whose event-word object is the event ("issued an ultimatum")
    arrivals: frozenset[str] = frozenset()  # verb + preposition whose object is the host ("arrived in")
    acts: frozenset[str] = frozenset()  # nouns whose possessor is a party ("Turkey's efforts")
    stative: frozenset[str] = frozenset()  # participles whose passive subject acts ("were engaged in")
    things: frozenset[str] = frozenset()  # nouns a nationality word names a thing of ("Russian language")
    plans: frozenset[str] = frozenset()  # nouns an act is planned as ("a plot by X to bomb")
    attempts: frozenset[str] = frozenset()  # ... and nouns that are such plans when foiled ("foiled a bid")
    foiled: frozenset[str] = frozenset()  # verbs that foil a plan
    # a verb form's patterns: the words around it that change its code ("restore * diplomatic ties")
    patterns: dict[str, tuple[Pattern, ...]] = dataclasses.field(default_factory=dict)


_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    event: EventWord


def find_events(text: str, lex: Lexicon | None = None) -> list[Hit]:
    """Event phrases in a text, longest first at each position, not overlapping (a dictionary lookup of
    word n-grams: fast with thousands of entries, unlike one big regular expression)."""
    lex = lex or lexicon()
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    out: list[Hit] = []
    i = 0
    while i < len(words):
        for n in range(min(lex.longest, len(words) - i), 0, -1):
            key = " ".join(w for _s, _e, w in words[i : i + n])
            ev = lex.events.get(key)
            if ev is not None:
                start, end = words[i][0], words[i + n - 1][1]
                out.append(Hit(start, end, text[start:end], ev))
                i += n
                break
        else:
            i += 1
    return out


@cache
def lexicon() -> Lexicon:
    data = datafiles.toml("interactions.toml")
    events: dict[str, EventWord] = {}
    for e in data["event"]:
        for w in e["words"]:
            key = _key(w)
            events.setdefault(key, EventWord(key, e["type"], e["mode"], e["cameo"], bool(e.get("symmetric"))))
    # verbs derived from the CAMEO dictionary fill in where our own entries are silent
    for row in datafiles.tsv("cameo_verbs.tsv"):
        word, cameo, kind, mode = (*row, "")[:4]
        if word in STOP_VERBS:
            continue
        # an intent (CAMEO 03: "pledged", "promised") is one side's; meeting and cooperating take two
        symmetric = kind in SYMMETRIC_TYPES and not cameo.startswith("03")
        events.setdefault(word, EventWord(word, kind, mode or kind.lower(), cameo, symmetric, True))
    own: dict[str, list[Pattern]] = {}
    for entry in data.get("pattern", []):  # our own verbs whose code depends on the words around them
        for verb in entry["verbs"]:
            key = _key(verb)
            ev = EventWord(
                key,
                entry["type"],
                entry["mode"],
                entry["cameo"],
                bool(entry.get("symmetric")),
                subject_hit=bool(entry.get("subject_hit")),
            )
            # a verb only its patterns code
            events.setdefault(key, dataclasses.replace(ev, cameo="---", subject_hit=False))
            own.setdefault(key, []).extend((*_compile(pattern), ev) for pattern in entry["patterns"])
    patterns, listed = _extra_verbs(events)
    for key, found in own.items():
        if key in listed:
            continue  # an analyst's verb file reads the verbs it lists, our patterns for them stand aside
        patterns[key] = tuple(sorted(found, key=lambda x: -x[1]))
    return Lexicon(
        events=events,
        patterns=patterns,
        longest=max(len(k.split()) for k in events),
        modality={k: tuple(v) for k, v in data["modality"].items()},
        currency={k.lower(): v for k, v in data["currency"].items()},
        light=frozenset(data.get("light", {}).get("verbs", [])),
        arrivals=frozenset(data.get("arrivals", {}).get("phrases", [])),
        acts=frozenset(data.get("acts", {}).get("nouns", [])),
        stative=frozenset(data.get("stative", {}).get("words", [])),
        things=frozenset(data.get("things", {}).get("nouns", [])),
        plans=frozenset(data.get("plans", {}).get("nouns", [])),
        attempts=frozenset(data.get("plans", {}).get("attempts", [])),
        foiled=frozenset(data.get("plans", {}).get("foiled", [])),
    )


def _compile(pattern: str) -> tuple[Slots, int]:
    """A pattern ("* diplomatic_ties|military_ties") as slots of alternatives of words, and its weight (how
    many words it asks for: the most specific pattern is tried first)."""
    slots = tuple(
        tuple(tuple(alt.split("_")) for alt in slot.split("|")) if slot != "*" else (("*",),)
        for slot in pattern.split()
    )
    return slots, sum(len(s[0]) for s in slots if s not in ((("*",),), (("%",),)))


def _extra_verbs(events: dict[str, EventWord]) -> tuple[dict[str, tuple[Pattern, ...]], set[str]]:
    """Verb dictionaries an analyst adds as data: TSV files in the format of ``cameo_verbs.tsv`` with an
    optional fifth column, a pattern (see ``datafiles.parse_verb_dictionary``), named by $CTWATCH_VERBS
    (several: separated by ":"). Their entries win over the bundled ones; code "---" marks a form that
    codes only through its patterns. Returns the patterns by verb form and every form the files list."""

    found: dict[str, list[Pattern]] = {}
    listed: set[str] = set()
    phrases_of: dict[str, list[str]] = {}  # our own phrases by their first word ("arrived" -> "arrived in")
    for key, ev in events.items():
        if " " in key and not ev.derived:
            phrases_of.setdefault(key.split(" ", 1)[0], []).append(key)
    for _path, text in datafiles.analyst_files("CTWATCH_VERBS"):
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            word, cameo, kind, mode, pattern = (*line.split("\t"), "", "", "", "")[:5]
            listed.add(word)
            cameo, _colon, reverse = cameo.partition(":")
            ev = EventWord(
                word,
                kind or "OTHER",
                mode or (kind or "other").lower(),
                cameo,
                kind in SYMMETRIC_TYPES,
                reverse=reverse,
            )
            if not pattern:
                events[word] = ev
                for ours in phrases_of.pop(word, []) if " " not in word else []:
                    events.pop(ours, None)  # "arrived" from the file replaces our "arrived in"
                continue
            events.setdefault(word, dataclasses.replace(ev, cameo="---"))
            found.setdefault(word, []).append((*_compile(pattern), ev))
    return {k: tuple(sorted(v, key=lambda x: -x[1])) for k, v in found.items()}, listed


def _in_order(slots: Slots, words: list[str]) -> bool:
    """Do the slots' words occur in this order among ``words`` (other words may come between)?"""
    at = 0
    for slot in slots:
        for j in range(at, len(words)):
            alt = next((a for a in slot if tuple(words[j : j + len(a)]) == a), None)
            if alt is not None:
                at = j + len(alt)
                break
        else:
            return False
    return True


def _pattern_words(text: str) -> list[str]:
    """Lower-cased words, a contraction split as the Penn Treebank does ("didn't" -> "did", "n't")."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w.endswith("n't") and len(w) > 3:
            out += [w[:-3], "n't"]
        else:
            out.append(w)
    return out


def pattern_event(
    lex: Lexicon, text: str, hit: Hit, compound: tuple[bool, bool] | None = None
) -> EventWord | None:
    """The event a verb codes given the words around it: its most specific matching pattern, else its own
    entry; None when the form codes nothing by itself and no pattern matches. Patterns may ask for a
    compound actor ("%") before or after the verb: without ``compound`` (is the source, is the target
    several actors?) that slot is ignored, and a pattern of only "% *" is passed over; with it, only
    patterns asking for a compound side that is one are read (None when none matches)."""
    own = lex.patterns.get(hit.event.phrase, ())
    if not own:  # most event words have no patterns: no need to read the words around them
        return None if compound is not None or hit.event.cameo == "---" else hit.event
    ev = matched_pattern(lex, text, hit, compound)
    if ev is not None:
        return ev if ev.cameo != "---" else None
    if compound is not None:
        return None
    return hit.event if hit.event.cameo != "---" else None


def matched_pattern(
    lex: Lexicon, text: str, hit: Hit, compound: tuple[bool, bool] | None = None
) -> EventWord | None:
    """The event of a verb's most specific pattern that the words around it match (``pattern_event``), its
    cameo "---" where the pattern says the verb codes nothing there; None when no pattern matches."""
    own = lex.patterns.get(hit.event.phrase, ())
    if not own:
        return None
    words_before = _pattern_words(text[: hit.start])[-10:]
    words_after = _pattern_words(text[hit.end :])[:12]
    pct, star_slot = (("%",),), (("*",),)
    for slots, _weight, ev in own:
        star = slots.index(star_slot)
        wants = (pct in slots[:star], pct in slots[star + 1 :])
        if compound is not None:
            if not any(wants) or any(w and not c for w, c in zip(wants, compound, strict=True)):
                continue
        elif any(wants) and len(slots) == 2:
            continue
        words = tuple(s for s in slots if s != pct)
        star = words.index(star_slot)
        if _in_order(words[star + 1 :], words_after) and _in_order(words[:star], words_before):
            return ev
    return None


# "in the past 24 hours", "in the past week", "in the past year": a recent span, not the past the cue means (as
# "in the past five years" is)
_RECENT_SPAN = re.compile(
    r"\s+(?:(?:\d+|few|several|couple of|two|three|four|five|six|seven|ten)\s+)?(?:hours?|days?|weeks?|months?|year)\b",
    re.I,
)


def past_cue(text: str) -> str | None:
    """The cue of ``[modality] historical`` a text tells the past by ("years ago", "in the 1990s", "in the
    past", "in the past five years"), or None; "in the past 24 hours", "in the past week" are recent."""
    low = text.lower()
    for cue in lexicon().modality["historical"]:
        at = low.find(cue)
        while at >= 0:
            if not (cue == "in the past" and _RECENT_SPAN.match(low, at + len(cue))):
                return cue
            at = low.find(cue, at + 1)
    return None


# ---- amounts ------------------------------------------------------------------------------------------

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SC = r"(thousand|million|billion|trillion|crore|lakh|mn|bn|tn|k|m|b)?"
AMOUNT = re.compile(
    rf"(?P<cur1>US\$|\$|€|£|Rs\.?|PKR|USD|EUR|AFN)\s*{_NUM}\s*{_SC}\b"
    rf"|{_NUM}\s*{_SC}\s*(?P<cur2>dollars|US dollars|rupees|euros|afghanis|yuan|USD|PKR|EUR)\b",
    re.I,
)


def amounts(text: str) -> list[tuple[int, int, Amount]]:
    out = []
    cur_map = lexicon().currency
    for m in AMOUNT.finditer(text):
        if m.group("cur1"):
            raw_cur, num, scale = m.group("cur1"), m.group(2), m.group(3)
        else:
            raw_cur, num, scale = m.group("cur2"), m.group(4), m.group(5)
        cur = cur_map.get(raw_cur.lower().replace("us dollars", "dollars"), raw_cur.upper())
        value = float(num.replace(",", "")) * _SCALE.get((scale or "").lower(), 1)
        out.append((m.start(), m.end(), Amount(round(value, 2), cur)))
    return out
