"""Which role fillers of one report name the same entity: the same words, one an acronym of the other
("FMLN" and "Farabundo Marti National Liberation Front", "MRTA" and "Tupac Amaru Revolutionary Movement": an
acronym from the Spanish name has the English initials in another order), or two names of one actor in the
actor dictionary (``data/actors.toml``: "the Extraditables" and "the Medellin Cartel").

MUC-4's entity-level scoring (CEAF-REE) aligns predicted and gold entities one to one, so two names of one
group read as two entities cost a spurious one; ``roles.extracts`` groups fillers with ``clusters``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from .actors import registry

_ARTICLES = frozenset({"a", "an", "the"})
# words that give a name no initial ("Liberation Tigers of Tamil Eelam": LTTE)
_CONNECTIVES = frozenset({"of", "the", "and", "for", "de", "del", "la", "el", "los", "las", "y"})
_ACRONYM = (2, 6)  # letters an acronym may have
_JOINS = frozenset({"-", "--", "/", "–", "—"})  # a dash between two names makes one (an alliance)
_TOKEN = re.compile(r"[^\s()\[\],;:]+")  # a name's words, with their hyphens and apostrophes
T = TypeVar("T")


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text.lower()).split() if w not in _ARTICLES]


def acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` is one word whose letters are the initials of ``long``'s words (connectives such as
    "of" and "de" aside), in any order, with at most one initial left out of the acronym."""
    letters, words = "".join(_words(short)), _words(long)
    if len(_words(short)) != 1 or not (_ACRONYM[0] <= len(letters) <= _ACRONYM[1]) or len(words) < 2:
        return False
    if not letters.isalpha():
        return False
    initials = Counter(w[0] for w in words if w not in _CONNECTIVES)
    return not Counter(letters) - initials and len(letters) >= sum(initials.values()) - 1


def group_within(name: str) -> tuple[int, int] | None:
    """Where, inside a longer name the actor dictionary does not know, the longest run of its words stands
    that names a known armed group ("castroite eln", "the nelson mandela cell of the eln", "mrta activists":
    MUC-4's gold gives the group by its name, so a filler read with such words around it is the group).
    None when the whole name is known or no shorter run is a group."""
    reg = registry()
    if reg.lookup(name, people=False) is not None:
        return None
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(name)]
    for width in range(len(spans) - 1, 0, -1):
        for i in range(len(spans) - width + 1):
            a, b = spans[i][0], spans[i + width - 1][1]
            # the run's words and one word each side of it
            near = {name[x:y] for x, y in spans[max(i - 1, 0) : i + width + 1]}
            if name[a:b].lower().endswith("'s") or near & _JOINS:
                continue  # "the eln's camilist union" is a part of the group; "fmln - fdr" an alliance
            actor = reg.lookup(name[a:b], people=False)
            if actor is not None and actor.kind == "armed_group":
                article = re.match(r"(?i)(?:the|an?)\s+", name[a:b])  # "the eln" is named "eln"
                return (a + article.end() if article else a), b
    return None


def same_entity(a: str, b: str, actors: bool = True) -> bool:
    """Whether two names of one report's fillers (of one role) name the same entity."""
    wa, wb = _words(a), _words(b)
    if wa == wb or acronym_of(a, b) or acronym_of(b, a):
        return True
    if not actors:
        return False
    reg = registry()
    x, y = reg.lookup(a, people=False), reg.lookup(b, people=False)
    return x is not None and x is y


def clusters(items: Sequence[T], name: Callable[[T], str], actors: bool = True) -> list[list[T]]:
    """``items`` grouped by the entity their names name, in order of first mention; an item joins the first
    group holding a name of the same entity."""
    groups: list[list[T]] = []
    for item in items:
        for group in groups:
            if any(same_entity(name(item), name(other), actors) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups
