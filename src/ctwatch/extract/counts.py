"""Casualty figures from phrases: "at least 59", "more than hundred", "dozens", "a commando was injured".

Every figure is a ``Count`` with low/best/high: "more than 100" bounds below (low 101), "up to 30" above
(high 30), "between 20 and 30" both; vague words map to the smallest number they promise ("dozens" is at
least 24). A figure is tied to the casualty word ("killed", "injured") nearest to it in the same clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..dates import MONTH
from ..model import Count
from .lexicon import Hit, lexicon

UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "couple": 2,
    "pair": 2,
}
# a scale multiplies what comes before it: "a dozen" 12 and "two dozen" 24, not 13 and 14 as units would sum
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "a few": 2,
    "few": 2,
    "a number": 2,
    "some": 2,
}
_NUMWORD = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_NUMWORD})(?:[\s\-]+(?:and[\s\-]+)?(?:{_NUMWORD}))*))"
QUANTITY = re.compile(
    rf"(?<![\w$£€])(?P<qual>more than|over|above|at least|as many as|up to|nearly|almost|about|around|"
    rf"approximately|some|roughly|an estimated|estimated|close to|fewer than|less than|no fewer than|"
    rf"no less than|upwards of|at most)?\s*"
    rf"(?:(?P<vague>dozens|scores|hundreds|thousands|several|a few|a number)|"
    rf"(?:between\s+(?P<lo>{_NUM})\s+(?:and|to)\s+(?P<hi>{_NUM}))|"
    rf"(?:(?P<rlo>\d+)\s*(?:-|–|to)\s*(?P<rhi>\d+))|(?P<num>{_NUM}))(?![\w%$])",
    re.I,
)
NOT_PEOPLE = re.compile(
    r"^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|km|kilometres?|kilometers?|miles?|"
    r"metres?|meters?|percent|per cent|%|kg|kilograms?|tons?|times|o'clock|am|pm|a\.m\.|p\.m\.|billion|"
    r"rupees|dollars|vehicles?|houses?|buildings?|shops?|rounds?|bombs?(?!\s+disposal)|rockets?|grenades?|attacks?|incidents?)\b",
    re.I,
)


_MONTH_BEFORE = re.compile(rf"\b{MONTH}\s+$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s+{MONTH}(?:\s|,|$)", re.I)


def words_to_int(text: str) -> int | None:
    text = text.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s\-]+", text):
        if w == "and" or not w:
            continue
        if w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    count: Count


# a figure in brackets right after a name or a person is an age: "Fakhrul Islam (46)", "(aged 46)"
_AGE = re.compile(r"(?:[A-Za-z]\s*\(\s*(?:aged\s+)?|\(\s*aged\s+)$")


def quantities(text: str) -> list[Quantity]:
    out = []
    for m in QUANTITY.finditer(text):
        if not m.group(0).strip():
            continue
        after = text[m.end() : m.end() + 20]
        if NOT_PEOPLE.match(after) or re.match(r"\s*(?:/|:|\.\d)", after):
            continue
        if m.group("num") and (
            _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _MONTH_AFTER.match(after)
        ):
            continue  # "on June 14", "14 June": a day, not people
        if _AGE.search(text[max(0, m.start() - 40) : m.start()]) and re.match(r"\s*\)", after):
            continue  # "Fakhrul Islam (46)", "his son (12)": an age
        qual = (m.group("qual") or "").lower()
        low = high = best = None
        if m.group("vague"):
            low = best = VAGUE[m.group("vague").lower()]
        elif m.group("lo"):
            low, high = words_to_int(m.group("lo")), words_to_int(m.group("hi"))
            best = low
        elif m.group("rlo"):
            low, high = int(m.group("rlo")), int(m.group("rhi"))
            best = low
            if high < low:  # "4-3" is a score or a date, not a range
                continue
        else:
            n = words_to_int(m.group("num"))
            if n is None:
                continue
            if 1900 <= n <= 2100 and m.group("num").isdigit() and not qual:
                continue  # a year
            word = m.group("num").lower()
            if word in ("a", "an", "one", "single") and not qual:
                low = best = high = 1
            elif qual in ("more than", "over", "above", "upwards of"):
                low = best = n + 1
            elif qual in ("at least", "no fewer than", "no less than"):
                low = best = n
            elif qual in ("up to", "as many as", "at most"):
                high = best = n
            elif qual in ("fewer than", "less than"):
                high = n - 1
                best = None
            else:
                low = high = best = n
                if qual:
                    low = high = None  # "about 30": a best guess, not a bound
        out.append(
            Quantity(m.start(), m.end(), m.group(0).strip(), Count(best, low, high, m.group(0).strip()))
        )
    return out


# "bomb kills one in Peshawar", "kills one, wounds three": "one" alone right after the casualty word
_ONE_ALONE = re.compile(r"(?i)\s*(?:$|[,.;:)]|(?:in|at|near|on|as|after|during|while|and|outside|inside)\b)")
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among those)\s+$", re.I)
_PART_OF_START = re.compile(r"(?:including|among them|among whom|of whom|of them|among those)\b", re.I)
RISE = re.compile(
    r"\b(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|stood at|stands at|passed)\s+(?:to\s+)?$"
)
_ARTICLE = re.compile(r"^(?:a|an|one|single)$", re.I)
_TOLL_TO = re.compile(r"\b(?:toll|tally|number of (?:the )?dead)\s+(?:\w+\s+)?to\s+$", re.I)


def raised_toll(sentence: str, count: Count) -> bool:
    """Whether a sentence gives its figure of the dead as a toll that has risen ("the death toll rose to 17",
    "taking the toll to 20"): an update of the figure told before, not a figure of its own."""
    if count.text is None:
        return False
    at = sentence.find(count.text)
    before = sentence[max(0, at - 40) : at] if at >= 0 else ""
    return bool(RISE.search(before) or _TOLL_TO.search(before))


def _before_mark(sentence: str, q: Quantity, marks: Sequence[tuple[int, int]]) -> bool:
    """Whether a casualty word follows the figure past at most three words of a noun phrase ("7 others
    wounded", "three peace volunteers injured")."""
    at = q.end
    for _ in range(4):
        if any(a >= at and not sentence[at:a].strip() for a, _b in marks):
            return True
        word = re.match(r"\s+([A-Za-z][\w'-]*)", sentence[at:])
        if word is None or word.group(1).lower() in _NOT_NOUNS:
            return False
        at += word.end()
    return False


def _is_person_phrase(text: str, q: Quantity, limit: int = 4) -> bool:
    """Is the quantity followed (within a few words, before any casualty word) by a word that names people?"""
    words = re.findall(r"[\w'-]+", text[q.end : q.end + 60].lower())[:limit]
    if words and words[0] in ("dead", "killed", "injured", "wounded", "others", "other", "people"):
        return True
    lex = lexicon()
    for w in words:
        if lex.killed.find(w) or lex.wounded.find(w):
            return False  # "killed, 4 kids injured in Indian firing": the people named after are not 4's
        if victim_noun(w):
            return True
    return False


# "Two SF personnel, identified as Abdul Shakoor and Izhar, were killed": the names between are left out
_IDENTIFIED = re.compile(
    # a list of names ("identified as Qasim Ali, Ashfaq and Akhtar Ali, were"), not a second person named
    r",\s*(?:identified as|named)\b(?:(?!\b(?:identified|named|an?|his|her|their)\b)[^;:()]){1,120}?,"
    r"(?=\s+(?:were|was|have been|had been)\b)"
    r"|,\s*(?:identified as|named|aged|both|all)\b[^,;:()]{1,80}?(?:,|(?=\s+(?:were|was|have been|had been)\b))",
    re.I,
)


# "At least 70 people, many of them women and children, were killed", "... people, including women and
# children, were killed": who was among them stands between the figure and its casualty word and is left out
_AMONG_THEM = re.compile(
    r",\s*(?:(?:many|most|some|all|several|half)\s+of\s+(?:them|whom)|including|among them|mostly|mainly)\b"
    r"[^,;:()]{1,80},(?=\s+(?:were|was|have been|had been|are|died)\b)",
    re.I,
)


# "Three Tehreek e Taliban Pakistan (TTP) militants were killed": a name's acronym after it stands between the
# figure and its people
_ACRONYM = re.compile(r"(?<=[A-Za-z])\s+\([A-Z][A-Za-z&-]{1,9}\)(?=\s)")


def casualties(sentence: str) -> tuple[Count, Count]:
    """(killed, wounded) stated in one sentence; empty Counts where none is given."""
    sentence = _ACRONYM.sub("", _AMONG_THEM.sub("", _IDENTIFIED.sub("", sentence)))
    lex = lexicon()
    qs = quantities(sentence)
    died = [
        h for h in lex.killed.find(sentence) if not _COURT.search(sentence[max(0, h.start - 40) : h.end + 9])
    ]
    hits = {  # "succumbed to his injuries" is a death, not an injury
        "killed": died,
        "wounded": [
            w for w in lex.wounded.find(sentence) if not any(k.start <= w.start < k.end for k in died)
        ],
    }
    marks = [(h.start, h.end) for found in hits.values() for h in found]  # every casualty word
    result: dict[str, Count] = {}
    for kind, found in hits.items():
        for hit in found:
            # "no one was killed", "no casualties"
            if re.search(
                r"\b(?:no one|nobody|no)\s+(?:\w+\s+){0,2}$",
                sentence[max(0, hit.start - 25) : hit.start],
                re.I,
            ):
                result.setdefault(kind, Count(0, 0, 0, sentence[max(0, hit.start - 12) : hit.end].strip()))
                continue
            if kind in result:
                continue
            q = _nearest(sentence, qs, hit.start, hit.end, toll="toll" in hit.text.lower(), marks=marks)
            listed = _listed(sentence, hit.start, marks) if q is None or q.end <= hit.start else None
            if listed is None and hit.text.lower() in _ACTIVE:
                listed = _listed_after(sentence, hit.end)
            if listed is not None and (q is None or (listed.best or 0) > (q.count.best or 0)):
                result[kind] = listed  # "two soldiers, three militants killed": five
            elif q is not None:
                result[kind] = _with_noun(sentence, q)
        one = _one_named(sentence, found[0]) if found and kind not in result else None
        if one is not None:  # "bomb kills soldier", "police official killed": one
            result[kind] = one
    return result.get("killed", Count()), result.get("wounded", Count())


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*)){0,5}\s+")


# words a headline leaves between a figure and its casualty word: "four polio vaccinators shot dead"
_NOUN_GAP = re.compile(r"^\s*(?:[A-Za-z][\w'-]*\s+){1,3}$")
_NOT_NOUNS = frozenset(
    {"of", "in", "at", "on", "after", "before", "the", "a", "an", "and", "or", "by", "for", "from", "with"}
    | {"to", "as", "were", "was", "are", "is", "have", "has", "had", "been", "who", "which", "that", "said"}
)
# what a headline or a report puts between who was hit and the casualty word: "two said killed"
_SAID = r"(?:were|was|are|is|have been|has been|had been|got|said|reportedly|feared|believed|reported)"
_BE = re.compile(rf"(?:\s+{_SAID})+\s*$", re.I)
_PLURAL = frozenset(
    {"people", "police", "personnel", "troops", "children", "others", "persons", "staff", "family"}
    | {"household", "passers-by"}
)


def victim_noun(word: str) -> bool:
    """Whether a word names people hit ("soldier", "soldiers"; ``[victims]`` in data/incidents.toml)."""
    victims = lexicon().victims
    w = word.lower()
    return w in victims or w.rstrip("s") in victims


def _counted_people(word: str) -> bool:
    """A word naming people hit after a figure in a list: a victim noun, or "Police" ("17 Police and CRPF
    personnel")."""
    return victim_noun(word) or word.lower() in _PLURAL


def _shares_figure(words: Sequence[str]) -> bool:
    """Whether the words after "and" in a list of casualties name more people of the figure before them:
    "CRPF personnel" in "17 Police and CRPF personnel" (a word or two, the last naming people hit, no verb)."""
    return (
        1 <= len(words) <= 2
        and victim_noun(words[-1])
        and not _singular(words[-1])
        and not any(w.lower().endswith(("ing", "ed")) for w in words)
    )


def _singular(word: str) -> bool:
    w = word.lower()
    return w in lexicon().victims and w not in _PLURAL and not w.endswith(("s", "men"))


def _marked(marks: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a casualty word lies within ``start:end``."""
    return any(start <= a and b <= end for a, b in marks)


# a figure, a name of up to four capitalised words and up to two more words, its people: "Seven District Reserve
# Guard jawans", "two senior Police officials"
_COUNTED = re.compile(
    rf"\b(?P<num>{_NUM})\s+(?P<noun>(?:(?-i:[A-Z][\w'-]*)\s+){{0,4}}(?:[A-Za-z][\w'-]*\s+){{0,2}}[A-Za-z][\w'-]*)$",
    re.I,
)
_ALONE = re.compile(r"(?:[A-Za-z][\w'-]*\s+){0,2}(?P<noun>[A-Za-z][\w'-]*)")


# what may stand before a list item's figure ("at least 10 CRPF personnel"); a verb that opens an item opens a clause
_LEAD = re.compile(
    r"\s*(?:at least|at most|about|around|some|nearly|almost|over|more than|up to|another|all|all the)\s+",
    re.I,
)
_VERB_FIRST = re.compile(r"\s*(?:leaving|injuring|wounding|killing)\s+", re.I)


def _before_participle(part: str) -> str:
    """A list item up to a participle after its people: "a police guard" of "a police guard escorting them"."""
    words = list(re.finditer(r"[A-Za-z][\w'-]*", part))
    for k in range(1, len(words)):
        if words[k].group().lower().endswith("ing") and _counted_people(words[k - 1].group()):
            return part[: words[k].start()].rstrip()
    return part


# "U.S.", "U.N.": the dots of an abbreviation end no list (the same length, so offsets hold)
_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _unstopped(text: str) -> str:
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", "_"), text)


def _listed(sentence: str, start: int, marks: Sequence[tuple[int, int]]) -> Count | None:
    """The sum of a list of casualties just before a casualty word: "two soldiers, three militants killed"
    (five), "six militants, soldier killed" (seven), "17 Police and CRPF personnel injured" (17: people of one
    figure). Each item is a figure with its people or one person named alone; None unless there are two or
    more."""
    plain = _BE.sub("", sentence[:start])
    head = _unstopped(plain)
    cut = max(head.rfind(c) for c in '.;:()"')
    # "six were killed and 17 injured": the list begins after the casualty word before it
    cut = max([cut, *(b - 1 for a, b in marks if cut < a and b <= len(head))])
    clause = head[cut + 1 :]
    spans, at = [], cut + 1  # each item's place in the sentence, split at commas and "and"
    joins = [""]  # what joins each item to the one before it
    for sep in re.finditer(r",\s*|\s+and\s+", clause):
        spans.append((at, cut + 1 + sep.start()))
        joins.append(sep.group().strip())
        at = cut + 1 + sep.end()
    spans.append((at, len(head)))
    items: list[int] = []
    first = len(head)
    shared = False  # the item after this one named more people of its figure ("17 Police and CRPF personnel")
    for (a, b), join in zip(reversed(spans), reversed(joins), strict=True):
        part = head[a:b].strip()
        a += len(head[a:b]) - len(head[a:b].lstrip())
        if not items and not shared:
            part = _before_participle(part)  # "... and a police guard escorting them were shot dead": 3
        if _PART_OF_START.match(part):
            return None  # "eight others, including two Policemen": the two are among the eight
        verb = _VERB_FIRST.match(part)
        if verb is not None:  # "killing two soldiers and leaving an officer and four others injured": 5
            part, a = part[verb.end() :], a + verb.end()
        counted, alone = _COUNTED.search(part), _ALONE.fullmatch(part)
        lead = part[: counted.start()] if counted is not None else ""
        # words before the figure that are no qualifier open the list: "Clashes leave 8 soldiers, 21 militants
        # dead", "X was among 17 Police and CRPF personnel"; not "Seven Maoists, involved in the attack in which
        # seven CRPF personnel were killed" (14)
        opens = verb is not None or (bool(lead.strip()) and not _LEAD.fullmatch(lead))
        if counted is not None and _counted_people(counted.group("noun").split()[-1]):
            n = words_to_int(counted.group("num"))
            if n is None:
                break
            if shared and n < 2:
                break  # "a policeman and CRPF personnel": how many is not said
            items.append(n)
            first, shared = a + counted.start(), False
            if opens:
                break
        elif alone is not None and _singular(alone.group("noun")) and not shared:
            items.append(1)
            first = a
            if opens:
                break
        elif alone is not None and join == "and" and not shared and _shares_figure(part.split()):
            shared = True  # "CRPF personnel": counted with the figure before "and", if there is one
            items.append(0)
        else:
            break
    if shared:
        items.pop()  # no figure before the people it was to share
    if len(items) < 2:  # two items, or one figure shared by two kinds of people
        return None
    return Count(sum(items), sum(items), sum(items), plain[first:].strip())


# a court's death sentence is no death: "sentenced to death", "death penalty", "death row"
_COURT = re.compile(
    r"(?:sentenced|condemned|sentencing)\s+(?:[\w'-]+\s+){0,3}to death\b|\bdeath\s+(?:sentences?|penalty|row)\b",
    re.I,
)
_ONE_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?:he|she)\s+(?:(?:was|had been|has been|is|later|also|reportedly)\s+)*"
    r"(?:(?!not\b|never\b)[a-z]+\s+)?$",
    re.I,
)
# the casualty verbs whose object is who was hit ("bomb kills soldier")
_ACTIVE = frozenset(
    {"kills", "killed", "killing", "kill", "injures", "injured", "injuring", "wounds", "wounded", "wounding"}
    | {"shot dead", "shoot dead", "shoots dead", "shooting dead", "gunned down", "gun down", "guns down"}
    | {"gunning down", "massacred", "assassinated", "lynched", "beheaded"}
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?\S+$", re.I)
_DETERMINERS = frozenset({"the", "his", "her", "their", "its"})
_ITEM_END = _NOT_NOUNS | {"near", "outside", "inside", "during", "while", "when", "into", "along", "across"}


def _listed_after(sentence: str, end: int) -> Count | None:
    """The sum of a list of people hit right after an active casualty verb: "killed three soldiers and a
    civilian" (four), "shot dead a policeman and his son" (two). Each item is a figure with its people or one
    person; None unless there are two or more."""
    plain = sentence[end : end + 160]
    rest = re.split(r"[.;:()\[\]\"]", _unstopped(plain))[0]
    if re.match(r"\s*(?:,|and\b)", rest, re.I) or _PASSIVE.search(sentence[:end]):
        return None  # "six were killed and 17 injured": no object follows the verb
    items: list[list[str]] = [[]]
    joins = [""]  # what joins each item to the one before it
    for tok in re.findall(r"[A-Za-z0-9][\w'-]*|,", rest):
        if tok == "," or tok.lower() == "and":
            if items[-1]:
                items.append([])
                joins.append(tok.lower())
        else:
            items[-1].append(tok)
    total = n_items = 0
    at_least = False  # a figure of the list bounds it below only: "at least 170 Afghans and 13 ..."
    shared_ok = False  # the item before had a figure that the next one may share
    lex = lexicon()
    for words, join in zip(items, joins, strict=True):
        if words and (lex.killed.find(words[0]) or lex.wounded.find(words[0]) or lex.triggers.find(words[0])):
            break  # "shot dead a shopkeeper and wounded his nephew": another verb, its own count
        if words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        opening = " ".join(words[:3])
        lead = _LEAD.match(opening + " ")  # "at least 170 Afghans and 13 U.S. service members"
        if lead is not None and lead.end() < len(opening):
            words = words[len(lead.group().split()) :]
            at_least = at_least or " ".join(lead.group().split()).lower() in ("at least", "over", "more than")
        n = None
        if len(words) == 1 and words[0].lower() in ("him", "her"):
            total, n_items, shared_ok = total + 1, n_items + 1, False  # "killing him and his driver"
            continue
        if words and words[0].lower() in ("a", "an", "one"):
            n, words = 1, words[1:]
        else:
            figure = max((j for j in (1, 2, 3) if words_to_int(" ".join(words[:j])) is not None), default=0)
            if figure:
                n, words = words_to_int(" ".join(words[:figure])), words[figure:]
        if "of" in words[1:]:  # "15 commandos of the C-60 unit and their driver": whose people they were
            words = words[: words.index("of", 1)]
        tail = next(
            (
                k
                for k, w in enumerate(words)
                if w.lower() in _ITEM_END
                or w.lower() in lex.saying
                or (k and w.lower().endswith("ing") and _counted_people(words[k - 1]))
            ),
            None,
        )
        if tail is not None and words[tail].lower() in lex.saying:
            break  # "killing 305 people, the public prosecutor said": who tells is no one hit
        words = words[:tail]  # "his son in Bannu", "a policeman escorting them": the list ends with this item
        if not 1 <= len(words) <= 3 or not _counted_people(words[-1]):
            break
        if n is None and not _singular(words[-1]):
            if join == "and" and shared_ok and _shares_figure(words):
                shared_ok = False  # "17 Police and CRPF personnel": more people of the figure before
                continue
            break  # "killed militants and a soldier": how many militants is not said
        total += 1 if n is None else n
        n_items += 1
        shared_ok = n is not None
        if tail is not None:
            break
    if n_items < 2:
        return None
    return Count(total, total, None if at_least else total, plain[: len(rest)].strip())


def _one_named(sentence: str, hit: Hit) -> Count | None:
    """One person named alone by a casualty word: "police official killed", "bomb kills soldier", "shot him
    dead", "killing her"."""
    if re.search(r"\b(?:him|her)\b", hit.text, re.I):
        return Count(1, 1, 1, hit.text)
    subject = _ONE_SUBJECT.search(sentence[: hit.start])  # "he was stabbed to death", "she later died"
    if subject and (
        hit.text.lower() not in _ACTIVE or re.search(r"\b(?:was|been|is)\b", subject.group(0), re.I)
    ):
        return Count(1, 1, 1, hit.text)  # not "he killed": he is the killer
    head = _BE.sub("", sentence[: hit.start])
    before = re.findall(r"[A-Za-z][\w'-]*", head[-40:])
    if before and not head.rstrip().endswith((",", ";", ":")) and _singular(before[-1]):
        return Count(1, 1, 1, before[-1])
    after = re.match(r"\s+((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)", sentence[hit.end : hit.end + 50])
    if after and hit.text.lower() in _ACTIVE:
        words = []  # the noun phrase after the verb: "kills local Awami party councillor in Swat"
        for i, w in enumerate(after.group(1).split()):
            if i == 0 and w.lower() in ("him", "her"):
                return Count(1, 1, 1, f"{hit.text} {w}")
            if i == 0 and w.lower() in ("of", "the"):
                continue  # "claim killing of Pakistani journalist"
            if w.lower() in _NOT_NOUNS:
                break
            words.append(w)
        noun = next((w for w in reversed(words) if victim_noun(w)), None)
        if noun is not None and _singular(noun) and not any(w.lower() in UNITS for w in words):
            return Count(1, 1, 1, noun)
    return None


def _with_noun(sentence: str, q: Quantity) -> Count:
    """For "a commando was injured" keep the words up to the noun as the count's text."""
    if not _ARTICLE.match(q.text):
        return q.count
    end = None  # the last word of people among the next four: "a Pakistani SSG commando"
    for m in list(re.finditer(r"[\w'-]+", sentence[q.end : q.end + 60]))[:4]:
        if victim_noun(m.group()):
            end = q.end + m.end()
        elif end is not None and m.group().lower() in _NOT_NOUNS:
            break
    if end is None:
        return q.count
    return Count(q.count.best, q.count.low, q.count.high, sentence[q.start : end])


def _nearest(
    sentence: str,
    qs: list[Quantity],
    start: int,
    end: int,
    toll: bool = False,
    marks: Sequence[tuple[int, int]] = (),
) -> Quantity | None:
    best: tuple[int, Quantity] | None = None
    for q in qs:
        if q.start >= end and (_marked(marks, end, q.start) or _before_mark(sentence, q, marks)):
            continue  # "killed, 7 wounded", "kills a policeman, injures 10 others": the figure is the other's
        if q.end <= start and _marked(marks, q.end, start):
            continue  # "7 wounded and 2 killed": 7 is the wounded's
        if (
            toll
            and q.start >= end
            and not _ARTICLE.match(q.text)
            and (
                len(sentence[end : q.start]) <= 30
                or re.search(
                    r"\b(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|stood at|stands at)\s+(?:to\s+)?$",
                    sentence[end : q.start],
                )
            )
        ):
            dist = len(sentence[end : q.start])
            if best is None or dist < best[0]:
                best = (dist, q)
            continue
        if (
            q.start >= end
            and not _ARTICLE.match(q.text)
            and RISE.search(sentence[end : q.start])
            and (len(sentence[end : q.start]) <= 90 and not re.search(r"[;:]", sentence[end : q.start]))
        ):  # "the number of people killed in Monday's bombing rose to 44"
            dist = len(sentence[end : q.start])
            if best is None or dist < best[0]:
                best = (dist, q)
            continue
        if q.start >= end:  # "killing five people", "killed more than hundred police officials"
            gap = sentence[end : q.start]
            if (
                len(gap) > 40
                or re.search(r"[;:]|\b(?:and|but|while|after|before|when|including|among|by)\b", gap)
                or ("," in gap and _PASSIVE.search(sentence[:end]))
            ):
                continue  # "shot dead by three gunmen": the three did it
            if _ARTICLE.match(q.text) and not (
                _is_person_phrase(sentence, q, 3)
                or (q.text.lower() == "one" and not gap.strip() and _ONE_ALONE.match(sentence[q.end :]))
            ):
                continue
            if not _ARTICLE.match(q.text) and not (_is_person_phrase(sentence, q) or not gap.strip()):
                continue
            dist = len(gap)
        elif q.end <= start:  # "five people were killed", "59 dead", "a commando was injured"
            if _PART_OF.search(sentence[max(0, q.start - 30) : q.start]):
                continue  # "five people, including two children, were killed": the two are among the five
            gap = sentence[q.end : start]
            # a force's name after "of" counts as one word: "A head constable of the Central Reserve Police
            # Force was killed"
            if len(_OF_NAME.sub(" of X ", gap)) > 50 or re.search(
                r"[;:]|\b(?:and|but|while|after|before|when)\b", gap
            ):
                continue
            if not (
                _is_person_phrase(sentence, q, 5)
                or not gap.strip()
                or re.match(rf"^\s*(?:more\s+)?(?:{_SAID}|people)\b", gap)
                or (_NOUN_GAP.match(gap) and not set(gap.lower().split()) & _NOT_NOUNS)
            ):
                continue
            if _ARTICLE.match(q.text) and not _is_person_phrase(sentence, q, 4):
                continue
            dist = len(gap) + 5
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, q)
    return best[1] if best else None
