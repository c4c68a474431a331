"""Incident types of a whole text, learned: MUC-4's report types (whether a report tells of at least one
incident, "relevant", and of which types: attack, bombing, kidnapping, arson, robbery, forced work
stoppage) and SATP's attack types of a paragraph (``classify.LABELS``).

Two readers are averaged (``NET_WEIGHT``): the TF-IDF and lexicon-cue logistic regressions of ``classify``
(a JSON file, inference in plain Python) and small networks over the MiniLM encoder's reading of the whole
text, saved beside it with the suffix ``.pt`` (``data/models/muc4_types.json`` and ``muc4_types.pt``,
``satp_attack_types.json`` and ``satp_attack_types.pt``). Each network projects the encoder's piece vectors,
runs a bidirectional GRU over the text and pools its states (maximum and mean) into one sigmoid per label.
For MUC-4 a second head learns to tag every piece with its role-filler tag, as the role tagger does: knowing
where a report's perpetrators, targets and victims are is what tells a report on an incident from one on
politics or army operations, and the labels alone (1,300 reports) teach that poorly. ``ctwatch train muc4
--only types`` and ``ctwatch train satp`` fit both readers from the training splits."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from . import datafiles, encoder
from .errors import DataError

TYPES_FILE = "models/muc4_types.json"  # its networks: the same name with the suffix .pt (``nets_beside``)
NET_WEIGHT = 0.5  # the networks' share of the averaged probabilities, the regressions' the rest
SEEDS = (0, 1)  # one network per seed; their probabilities are averaged
EPOCHS = 8
BATCH = 8  # reports a step
LEARNING_RATE = 2e-3
WARM_UP = 0.05  # share of the steps over which the learning rate rises, before it falls linearly to the end
PROJECT = 256
HIDDEN = 128
TAG_WEIGHT = 1.0  # the tagging head's share of the loss


def _net(labels: int, tags: int) -> Any:
    import torch
    from torch import nn

    class DocTypes(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = nn.Dropout(0.2)
            self.project = nn.Linear(encoder.DIM, PROJECT)
            self.rnn = nn.GRU(PROJECT, HIDDEN, batch_first=True, bidirectional=True)
            self.out = nn.Linear(4 * HIDDEN, labels)
            self.tag = nn.Linear(2 * HIDDEN, tags) if tags else None  # used only while training

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
            """Label logits (batch, labels) and, with a tag head, piece tag logits (batch, pieces, tags)."""
            h, _ = self.rnn(torch.relu(self.project(self.drop(x))))
            h = self.drop(h)
            m = mask[..., None]
            top = h.masked_fill(m == 0, -1e4).max(1).values
            mean = (h * m).sum(1) / m.sum(1).clamp(min=1)
            return self.out(torch.cat([top, mean], -1)), None if self.tag is None else self.tag(h)

    return DocTypes()


def _batch(states: Sequence[np.ndarray], ids: Sequence[int]) -> tuple[Any, Any]:
    import torch

    longest = max(len(states[i]) for i in ids)
    x = torch.zeros((len(ids), longest, encoder.DIM))
    mask = torch.zeros((len(ids), longest))
    for r, i in enumerate(ids):
        x[r, : len(states[i])] = torch.from_numpy(np.asarray(states[i], dtype=np.float32))
        mask[r, : len(states[i])] = 1
    return x, mask


def fit_net(
    states: Sequence[np.ndarray],
    labels: np.ndarray,
    tags: Sequence[np.ndarray] | None = None,
    n_tags: int = 0,
    seed: int = 0,
    epochs: int = EPOCHS,
    progress: bool = False,
) -> Any:
    """One network on texts as the encoder reads them (``states``) and their label rows (0/1); with ``tags``
    (``roles.piece_tags`` of each text; -1 is ignored) and their number, it learns to tag pieces as well."""
    import torch
    from tqdm import tqdm

    from .roles import _batches, _loss

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    n_tags = n_tags if tags is not None else 0
    net = _net(labels.shape[1], n_tags)
    opt = torch.optim.AdamW(net.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    label_loss, tag_loss = torch.nn.BCEWithLogitsLoss(), _loss()
    read = [i for i in range(len(states)) if len(states[i])]
    batches = [[read[k] for k in b] for b in _batches([len(states[i]) for i in read], BATCH)]
    if not batches:
        raise DataError("no text to learn incident types from: every training text is empty")
    total, step = epochs * len(batches), 0
    for _ in tqdm(range(epochs), disable=not progress, desc="epochs"):
        net.train()
        for b in rng.permutation(len(batches)):
            ids = batches[b]
            x, mask = _batch(states, ids)
            frac = step / total
            scale = frac / WARM_UP if frac < WARM_UP else 1 - frac
            for group in opt.param_groups:
                group["lr"] = LEARNING_RATE * max(scale, 0.02)
            logits, tag_logits = net(x, mask)
            loss = label_loss(logits, torch.from_numpy(labels[ids].astype(np.float32)))
            if tags is not None and tag_logits is not None:
                y = torch.full(mask.shape, -1, dtype=torch.long)
                for r, i in enumerate(ids):
                    y[r, : len(tags[i])] = torch.from_numpy(np.asarray(tags[i], dtype=np.int64))
                loss = loss + TAG_WEIGHT * tag_loss(tag_logits.reshape(-1, n_tags), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            step += 1
    return net.eval()


def nets_beside(path: Path) -> Path:
    """Where the networks of the regressions in ``path`` are kept."""
    return path.with_suffix(".pt")


def fit_and_save(
    texts: Sequence[str],
    labels: np.ndarray,
    names: Sequence[str],
    out: Path,
    tags: Sequence[np.ndarray] | None = None,
    n_tags: int = 0,
    states: Sequence[np.ndarray] | None = None,
    progress: bool = False,
) -> int:
    """Fit one network per seed in ``SEEDS`` and write them to ``out``; ``states`` are the encoder's readings
    of ``texts`` when the caller has them."""
    from tqdm import tqdm

    encoder.require()
    if states is None:
        states = [encoder.encode(t).states for t in tqdm(texts, disable=not progress, desc="encoding")]
    nets = [fit_net(states, labels, tags, n_tags, seed=seed, progress=progress) for seed in SEEDS]
    return save_nets(nets, names, n_tags, out)


def save_nets(nets: Sequence[Any], labels: Sequence[str], n_tags: int, out: Path) -> int:
    """Write the networks in half precision with the labels they give."""
    import torch

    states = [{k: v.half() for k, v in n.state_dict().items()} for n in nets]
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"labels": list(labels), "tags": n_tags, "nets": states}, out)
    return out.stat().st_size


@dataclass
class TypeReader:
    """The averaged incident-type probabilities of a report; without networks (``nets`` empty), the
    regressions' alone."""

    regressions: Any  # classify.TextClassifier
    nets: list[Any]
    labels: tuple[str, ...]

    @classmethod
    def load(cls, path: Path | None = None) -> TypeReader:
        """The regressions in ``path`` (default: MUC-4's) and the networks beside them (``nets_beside``)."""
        from .classify import TextClassifier, rebuild_command

        path = path or datafiles.path(TYPES_FILE)
        regressions = TextClassifier.load(path)
        p = nets_beside(path)
        how = rebuild_command(p)
        if not p.is_file():
            raise DataError(f"{p}: no such incident-type network; build it with `{how}`")
        encoder.require()
        import torch

        bad = (OSError, RuntimeError, KeyError, ValueError, TypeError, EOFError, pickle.UnpicklingError)
        try:
            saved = torch.load(p, map_location="cpu", weights_only=True)
            labels = tuple(saved["labels"])
            nets = []
            for state in saved["nets"]:
                net = _net(len(labels), int(saved["tags"]))
                net.load_state_dict({k: v.float() for k, v in state.items()})
                nets.append(net.eval())
        except bad as exc:
            cause = " ".join(str(exc).split())
            raise DataError(
                f"{p}: not a ctwatch incident-type network ({cause}); rebuild it with `{how}`"
            ) from exc
        if labels != regressions.labels:
            raise DataError(
                f"{p}: labels {labels} differ from {regressions.labels} of the regressions; rebuild both with `{how}`"
            )
        return cls(regressions, nets, labels)

    def probabilities(self, text: str, states: np.ndarray | None = None) -> dict[str, float]:
        """Each label's probability; ``states`` is the encoder's reading of ``text`` when the caller has it
        (``encoder.encode(text).states``), else it is read here."""
        first = self.regressions.probabilities(text)
        if not self.nets:
            return first
        import torch

        if states is None:
            states = encoder.encode(text).states
        if len(states) == 0:
            return first
        x = torch.from_numpy(np.asarray(states, dtype=np.float32))[None]
        mask = torch.ones((1, len(states)))
        with torch.inference_mode():
            second = torch.stack([torch.sigmoid(n(x, mask)[0][0]) for n in self.nets]).mean(0).tolist()
        return {
            k: (1 - NET_WEIGHT) * first[k] + NET_WEIGHT * p for k, p in zip(self.labels, second, strict=True)
        }


@cache
def reader() -> TypeReader:
    return TypeReader.load()
