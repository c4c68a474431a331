"""The default pipeline: which stages run, in which order. The one place stages are registered."""

from __future__ import annotations

from collections.abc import Callable

from .extract.attack_types import LearnedAttackTypes
from .extract.genre import Genre
from .extract.incidents import IncidentExtractor
from .extract.interactions import InteractionExtractor
from .nlp import Analyse
from .pipeline import Pipeline, Stage

STAGES: dict[str, Callable[[], Stage]] = {
    "analyse": Analyse,
    "genre": Genre,
    "incidents": IncidentExtractor,
    "attack_types": LearnedAttackTypes,
    "interactions": InteractionExtractor,
}
DEFAULT = ("analyse", "genre", "incidents", "attack_types", "interactions")


def default_pipeline(on_error: str = "raise", names: tuple[str, ...] = DEFAULT) -> Pipeline:
    return Pipeline([STAGES[n]() for n in names], on_error=on_error)
