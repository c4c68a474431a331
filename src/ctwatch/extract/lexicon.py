"""The incident lexicon (``data/incidents.toml``) compiled into word-boundary regular expressions.

Every category is one alternation, longest phrase first, matched on lower-cased text; a match maps back to
the entry that holds the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import datafiles
from ..errors import DataError


@dataclass(frozen=True, slots=True)
class Entry:
    phrase: str
    attack: str = "Unknown"
    weapon: str = "Unknown"
    weapon_subtype: str | None = None
    specific: bool = True
    type: str = ""
    subtype: str | None = None
    kind: str = "facility"
    not_before: frozenset[str] = frozenset()  # a trigger is none when one of these words follows it closely
    not_after: frozenset[str] = frozenset()  # ... or comes closely before it
    not_passive: frozenset[str] = frozenset()  # ... or ends its clause as a passive verb ("were recovered")
    not_under: frozenset[str] = frozenset()  # ... or hangs from one of these verbs ("arrested ... in a raid")
    instrument: bool = False  # the trigger names the weapon itself ("bomb"), not the act ("blast"): a filler
    owner: bool = True  # a person word whose kind types what it owns ("the Prime Minister's house")
    outcome: bool = False  # a trigger that tells what became of someone ("a bullet-riddled body was found")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


class Matcher:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = {e.phrase: e for e in entries}
        alts = sorted(self.entries, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"[\s\-]+") for a in alts)
        self.pattern = re.compile(rf"(?<![\w-])({body})(?![\w-])", re.I)

    def find(self, text: str, offset: int = 0) -> list[Hit]:
        out = []
        for m in self.pattern.finditer(text):
            key = re.sub(r"[\s\-]+", " ", m.group(1).lower())
            entry = self.entries.get(key) or self.entries.get(m.group(1).lower())
            if entry is None:
                continue
            out.append(Hit(m.start() + offset, m.end() + offset, m.group(1), entry))
        return out


def _phrase(word: str) -> str:
    """How the Matcher keys a word: lower case, a hyphen read as a space ("car-bomb" is "car bomb")."""
    return re.sub(r"[\s\-]+", " ", word.lower())


def _phrases(words: list[str], **kw: Any) -> list[Entry]:
    return [Entry(phrase=_phrase(w), **kw) for w in words]


@dataclass(frozen=True)
class Lexicon:
    triggers: Matcher
    targets: Matcher
    killed: Matcher
    wounded: Matcher
    victims: frozenset[str]
    groups: frozenset[str]  # a body of people: "a Police party", "a security forces convoy"
    associates: frozenset[str]  # a side's helper: "a Police informer" is no policeman
    counted_only: frozenset[str]  # "five others were injured": counted, named no one
    associate_type: str  # ... but a private citizen
    held_as: frozenset[str]  # "held 30 passengers hostage": the passengers, not a kind of hostage
    escaped: frozenset[str]  # "escaped an attack": its subject was the target
    fighting: frozenset[str]  # "were fighting gunmen": its subject fights
    telling: frozenset[str]  # "suspected that ...": its subject tells
    accusing: frozenset[str]  # "accused the rebels of killing ...": its object is suspected
    gatherings: frozenset[str]  # "a group of militants": the people take the group's role
    saying: frozenset[str]  # "..., police said": a report's frame
    sources: re.Pattern[str]  # "officials said": a person word before them names who tells
    office_titles: frozenset[str]
    attribution: dict[str, Matcher]
    hypothetical: Matcher
    anaphoric: Matcher
    past: Matcher  # "Ten years after the ... bombing": an attack long past
    another: Matcher  # "In another incident", "Separately": a sentence telling of a new incident
    roundup: Matcher  # "killed in separate incidents": a sentence summing up the incidents told after it
    generic: Matcher
    historical: tuple[tuple[Matcher, dict[str, Any]], ...]
    perpetrators: Matcher
    other_deeds: frozenset[str]  # "have carried out similar attacks": other attacks than the one told
    operations: Matcher
    beside: re.Pattern[str]  # "near a checkpoint": the facility is where, not what, was hit
    away: re.Pattern[str]  # "as he left his home": where the victims came from or went, never a target
    after: re.Pattern[str]  # "rushed to the hospital": where the hit were taken, no target at all
    owned_by_force: frozenset[str]  # target types whose word before a vehicle makes it theirs ("FC vehicle")
    force_kinds: dict[str, str]  # a registry actor's kind -> the target type of what it owns ("a CRPF bus")
    carriers: frozenset[str]  # typed by what follows "of": "a convoy of pilgrims"
    reference: re.Pattern[str]  # "the first two attacks", "both attacks": incidents told before, by place
    ordinals: dict[str, int]  # "first": 1, "last": -1
    counts: dict[str, int]  # "two": 2
    steps_of: dict[str, frozenset[str]]  # a kind of attack -> those of the incidents it may be a step of


def _reference(table: dict[str, Any]) -> re.Pattern[str]:
    """ "the first two attacks" (ordinal, count), "both attacks", "all three blasts" (count), "the second
    blast" (ordinal): incidents of a report named by their place in it."""

    def alt(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    nouns, ordinals, counts = alt(table["nouns"]), alt(table["ordinals"]), alt(table["counts"])
    return re.compile(
        rf"\b(?:the\s+(?P<ordinal>{ordinals})(?:\s+(?P<count>{counts}))?"
        rf"|(?P<both>both)(?:\s+(?:of\s+)?the)?|(?P<all>all)(?:\s+(?:of\s+)?the)?(?:\s+(?P<all_count>{counts}))?)"
        rf"\s+(?:{nouns})\b",
        re.I,
    )


def _before(words: list[str]) -> re.Pattern[str]:
    """Words that end a text, with up to two words between them and its end ("left his ")."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\s+(?:\w+\s+){{0,2}}$", re.I)


def _sayers(verbs: list[str]) -> re.Pattern[str]:
    """A text that opens with a verb of saying, up to two words on and not across a comma or a sentence's end
    ("officials said"; not "killing three policemen. No group claimed")."""
    body = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"^[^\w,;.!?]*(?:\w+\s+){{0,2}}?({body})\b", re.I)


def _people(nouns: list[str]) -> frozenset[str]:
    """Words that name people hit: the lexicon's victim nouns, ``person_nouns.txt`` and nationality words."""
    demonyms = {w for row in datafiles.tsv("demonyms.tsv") for w in row[1].split("|")}
    return frozenset(w.lower() for w in [*nouns, *datafiles.words("person_nouns.txt"), *demonyms])


_TRIGGER_KEYS = frozenset(
    {
        "words",
        "attack",
        "weapon",
        "weapon_subtype",
        "specific",
        "not_before",
        "not_after",
        "not_passive",
        "not_under",
        "instruments",
        "outcome",
    }
)
_TARGET_KEYS = frozenset({"words", "type", "subtype", "kind", "owner"})


def _known_keys(entries: list[dict[str, Any]], table: str, known: frozenset[str]) -> None:
    """A misspelt key ("not_pasive") would be read as absent and silently change what the rules find."""
    for entry in entries:
        unknown = sorted(set(entry) - known)
        if unknown:
            raise DataError(
                f"{datafiles.path('incidents.toml')}: [[{table}]] {entry.get('words', ['?'])[:1]} has unknown key(s) "
                f"{', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )


def _listed_once(entries: list[dict[str, Any]], table: str) -> None:
    """A word in two entries of a table would be read by the later alone (a Matcher keeps one entry a
    phrase), the earlier's copy silently dead."""
    first: dict[str, str] = {}
    for entry in entries:
        for phrase in {_phrase(w) for w in entry["words"]}:
            if phrase in first:
                raise DataError(
                    f"{datafiles.path('incidents.toml')}: [[{table}]] {entry['words'][:1]} lists {phrase!r}, as "
                    f"[[{table}]] {[first[phrase]]} does; keep it in one"
                )
        first.update((_phrase(w), entry["words"][0]) for w in entry["words"])


@cache
def lexicon() -> Lexicon:
    data = datafiles.toml("incidents.toml")
    _known_keys(data["trigger"], "trigger", _TRIGGER_KEYS)
    _known_keys(data["target"], "target", _TARGET_KEYS)
    _listed_once(data["trigger"], "trigger")
    _listed_once(data["target"], "target")
    triggers: list[Entry] = []
    for t in data["trigger"]:
        things = set(t.get("instruments", ()))
        if stray := sorted(things - set(t["words"])):
            raise DataError(
                f"{datafiles.path('incidents.toml')}: [[trigger]] {t['words'][:1]}: instruments "
                f"{', '.join(stray)} are not among its words"
            )
        common: dict[str, Any] = {
            "attack": t["attack"],
            "weapon": t["weapon"],
            "weapon_subtype": t.get("weapon_subtype"),
            "specific": t.get("specific", True),
            "not_before": frozenset(w.lower() for w in t.get("not_before", ())),
            "not_after": frozenset(w.lower() for w in t.get("not_after", ())),
            "not_passive": frozenset(w.lower() for w in t.get("not_passive", ())),
            "not_under": frozenset(w.lower() for w in t.get("not_under", ())),
            "outcome": t.get("outcome", False),
        }
        triggers += _phrases([w for w in t["words"] if w not in things], **common)
        triggers += _phrases([w for w in t["words"] if w in things], instrument=True, **common)
    targets: list[Entry] = []
    for t in data["target"]:
        targets += _phrases(
            t["words"],
            type=t["type"],
            subtype=t.get("subtype"),
            kind=t.get("kind", "facility"),
            owner=t.get("owner", True),
        )
    cas = data["casualties"]
    return Lexicon(
        triggers=Matcher(triggers),
        targets=Matcher(targets),
        killed=Matcher(_phrases(cas["killed"])),
        wounded=Matcher(_phrases(cas["wounded"])),
        victims=_people(data["victims"]["nouns"]),
        groups=frozenset(data["victims"]["groups"]),
        associates=frozenset(data["victims"]["associates"]),
        counted_only=frozenset(data["victims"]["counted_only"]),
        associate_type=data["victims"]["associate_type"],
        held_as=frozenset(data["victims"]["held_as"]),
        escaped=frozenset(data["victims"]["escaped"]),
        fighting=frozenset(data["victims"]["fighting"]),
        telling=frozenset(data["victims"]["telling"]),
        accusing=frozenset(data["victims"]["accusing"]),
        gatherings=frozenset(data["victims"]["gatherings"]) | frozenset(data["victims"]["groups"]),
        saying=frozenset(data["saying"]["frames"]),
        sources=_sayers(data["saying"]["sources"]),
        office_titles=frozenset(w.lower() for w in data["offices"]["titles"]),
        attribution={k: Matcher(_phrases(v)) for k, v in data["attribution"].items()},
        hypothetical=Matcher(_phrases(data["status"]["hypothetical"])),
        anaphoric=Matcher(_phrases(data["status"]["anaphoric"])),
        past=Matcher(_phrases(data["status"]["past"])),
        another=Matcher(_phrases(data["status"]["another"])),
        roundup=Matcher(_phrases(data["status"]["roundup"])),
        generic=Matcher(_phrases(data["generic"]["phrases"])),
        historical=tuple((Matcher(_phrases(h["names"])), h) for h in data.get("historical", [])),
        perpetrators=Matcher(_phrases(data["perpetrator_nouns"]["words"])),
        other_deeds=frozenset(data["perpetrator_nouns"]["other_deeds"]),
        operations=Matcher(_phrases(data["operations"]["words"])),
        beside=_before(data["target_setting"]["beside"]),
        away=_before(data["target_setting"]["away"]),
        after=_before(data["target_setting"]["after"]),
        owned_by_force=frozenset(data["target_owner"]["compound_types"]),
        force_kinds=dict(data["target_owner"]["force_kinds"]),
        carriers=frozenset(data["target_owner"]["carriers"]),
        reference=_reference(data["reference"]),
        ordinals=dict(data["reference"]["ordinals"]),
        counts=dict(data["reference"]["counts"]),
        steps_of={k: frozenset(v) for k, v in data["retelling"]["steps_of"].items()},
    )
