"""Which role fillers of one report name the same entity: the same words, one an acronym of the other
("FMLN" and "Farabundo Marti National Liberation Front", "MRTA" and "Tupac Amaru Revolutionary Movement": an
acronym from the Spanish name has the English initials in another order), or two names of one actor in the
actor dictionary (``data/actors.toml``: "the Extraditables" and "the Medellin Cartel").

MUC-4's entity-level scoring (CEAF-REE) aligns predicted and gold entities one to one, so two names of one
group read as two entities cost a spurious one; ``roles.extracts`` groups fillers with ``clusters``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from .actors import registry

_ARTICLES = frozenset({"a", "an", "the"})
# words that give a name no initial ("Liberation Tigers of Tamil Eelam": LTTE)
_CONNECTIVES = frozenset({"of", "the", "and", "for", "de", "del", "la", "el", "los", "las", "y"})
_ACRONYM = (2, 6)  # letters an acronym may have
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
