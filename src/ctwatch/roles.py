"""A learned tagger of incident role fillers (MUC-4's perpetrator individual and organisation, target,
victim, weapon) over the MiniLM encoder's word-piece vectors: a small bidirectional GRU reads the whole
document, so a word's role can depend on what the rest of the text says about it.

``ctwatch train muc4`` fits it on MUC-4's training documents (every occurrence of a gold filler's strings is
marked) and writes ``data/models/muc4_roles.pt`` (fp16 weights, 25 MB): an ensemble of four networks whose
tag probabilities are averaged, two from each of two recipes: **tuned** (``fit``: the encoder's upper three
layers are fine-tuned with the network, and saved beside it) and **frozen** (``fit_frozen``: the network
alone over the encoder's own layers). ``ctwatch bench muc4`` scores it. Inference runs on CPU."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from . import coref, datafiles, encoder, filler_types, incident_split, incident_types
from .errors import BenchError, DataError
from .filler_types import FillerTypes
from .incident_split import SplitModel

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
TAGS = ("O", *(f"{p}-{r}" for r in ROLES for p in ("B", "I")))
MODEL_FILE = "models/muc4_roles.pt"
HIDDEN = 128
_EDGE = set("()[]{}\"'`,.;:!?-")
BATCH = 8  # documents per step
SEEDS = (0, 1)  # each recipe of the shipped ensemble trains one member from each of these seeds
LEARNING_RATE = 3e-3
UPPER_LEARNING_RATE = 5e-5  # the encoder's upper layers, tuned with the tagger
EPOCHS = 6
FROZEN_BATCH = 16  # the frozen recipe: the network alone, over the encoder's own layers
FROZEN_EPOCHS = 10
PROJECT = 256


@dataclass(frozen=True)
class Filler:
    role: str
    text: str
    start: int
    end: int
    score: float


def _net() -> Any:
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.project = nn.Sequential(nn.Dropout(0.2), nn.Linear(encoder.DIM, PROJECT), nn.GELU())
            self.rnn = nn.GRU(PROJECT, HIDDEN, batch_first=True, bidirectional=True)
            self.out = nn.Sequential(nn.Dropout(0.2), nn.Linear(2 * HIDDEN, len(TAGS)))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h, _ = self.rnn(self.project(x))
            return self.out(h)

    return Tagger()


def gold_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Every occurrence of every gold filler string of a GTT/GRIT record, longest first on overlaps."""
    text = record["doctext"]
    found: list[tuple[int, int, str]] = []
    sources = [record["extracts"]] if "extracts" in record else record.get("templates", [])
    for t in sources:
        for role in ROLES:
            for ent in t.get(role, []):
                for mention in ent:
                    s = mention[0].strip()
                    if not s:
                        continue
                    for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text):
                        found.append((m.start(), m.end(), role))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = np.zeros(len(text) + 1, dtype=bool)
    out = []
    for a, b, role in found:
        if not taken[a:b].any():
            taken[a:b] = True
            out.append((a, b, role))
    return sorted(out)


def piece_tags(offsets: np.ndarray, spans: Iterable[tuple[int, int, str]]) -> np.ndarray:
    tags = np.zeros(len(offsets), dtype=np.int64)
    for a, b, role in spans:
        inside = [i for i, (s, e) in enumerate(offsets) if s >= a and e <= b and e > s]
        for k, i in enumerate(inside):
            tags[i] = TAGS.index(f"{'B' if k == 0 else 'I'}-{role}")
    return tags


_LOOSE_START = frozenset({"and", "or", "of", "by", "at", "to", "for", "with", "on"})
_LOOSE_END = _LOOSE_START | {"in", "owned", "the", "a", "an", "such", "as", "including"}


def _trim_words(text: str, a: int, b: int) -> tuple[int, int]:
    """A span without the white space and function words at its edges ("explosives and", "branch of",
    "of democratic leaders"): a filler is a noun phrase."""
    while True:
        span = text[a:b]
        a += len(span) - len(span.lstrip())
        b = a + len(span.strip())
        words = text[a:b].split()
        if len(words) > 1 and words[-1].lower() in _LOOSE_END:
            b = a + text[a:b].rstrip().rfind(words[-1])
            continue
        if len(words) > 1 and words[0].lower() in _LOOSE_START:
            a += len(words[0])
            continue
        return a, b


# MUC-4 names a victim without what follows "of" ("roberto roascio", not "roberto roascio of milan"): 3 of the
# training split's 652 gold victim names hold an "of", two of them after a part or a number ("one of the agents")
_PARTITIVE = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "several", "many"}
    | {"most", "all", "each", "none", "both", "any", "members", "member", "group", "part"}
    | {"dozens", "hundreds"}
)


def _victim_end(text: str, a: int, b: int) -> int:
    """Where a victim's name ends: before an "of" that does not follow a part or a number."""
    cut = text.find(" of ", a, b)
    head = text[a:cut].split() if cut > a else []
    if not head or head[-1].lower() in _PARTITIVE or head[-1].isdigit():
        return b
    return cut


def decode(text: str, offsets: np.ndarray, probs: np.ndarray) -> list[Filler]:
    """Spans from per-piece tag probabilities: a span opens at a B (or a stray I) and runs over its I's;
    spans always cover whole words (pieces glued to their first or last piece are taken in). "O" is weighed
    down (``O_WEIGHT``) before the likeliest tag is taken: a piece the members think may well be a filler's is
    read as one, and the span's score (its pieces' mean role probability) decides whether it is kept."""
    weighed = probs.copy()
    weighed[:, 0] *= O_WEIGHT
    best = weighed.argmax(-1)
    out: list[Filler] = []
    i, n = 0, len(best)
    while i < n:
        tag = TAGS[best[i]]
        if tag == "O":
            i += 1
            continue
        role = tag[2:]
        j = i + 1
        inside = TAGS.index(f"I-{role}")
        while j < n and (best[j] == inside or (offsets[j][0] == offsets[j - 1][1] and best[j] != 0)):
            j += 1
        while j < n and offsets[j][0] == offsets[j - 1][1]:  # finish a word cut in word pieces
            j += 1
        first = i
        while first > 0 and offsets[first][0] == offsets[first - 1][1]:  # "##ln" of "fmln": the whole word
            first -= 1
        a, b = int(offsets[first][0]), int(offsets[j - 1][1])
        while a < b and text[a] in _EDGE:  # '(fmln)', '"the extraditables",': the words only
            a += 1
        while b > a and text[b - 1] in _EDGE:
            b -= 1
        a, b = _trim_words(text, a, b)
        if role == "Victim":
            b = _victim_end(text, a, b)
        if text[b - 2 : b] in ("'s", "’s") and b - 2 > a:
            b -= 2  # "the fmln's": the group, not its possession
        opened = text.find("(", a, b)
        if opened > a and ")" not in text[opened:b]:
            b = opened  # "liberation front (fmln": the name before an unclosed bracket
            while b > a and (text[b - 1] in _EDGE or text[b - 1].isspace()):
                b -= 1
        if a == b:
            i = j
            continue
        score = float(probs[i:j, 1:].max(-1).mean())
        out.append(Filler(role, text[a:b], a, b, score))
        i = j
    return out


def _upper() -> Any:
    """A trainable copy of the encoder's layers above the shared lower ones."""
    import copy

    _, model = encoder._load()
    return copy.deepcopy(model.encoder.layer[encoder.LOWER :])


@dataclass
class Member:
    """One tagger network and the upper encoder layers it was tuned with (None: the encoder's own)."""

    net: Any
    upper: Any = None


class RoleTagger:
    """One or more members (tagger networks with the upper layers they read through); with several, their
    tag probabilities are averaged."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = list(members)
        for m in self.members:
            m.net.eval()
            if m.upper is not None:
                m.upper.eval()

    @classmethod
    def load(cls, path: Path | None = None) -> RoleTagger:
        encoder.require()
        import torch

        p = path or datafiles.path(MODEL_FILE)
        members = []
        try:
            saved = torch.load(p, map_location="cpu", weights_only=True)
            for state in saved.get("members", [saved]):
                net = _net()
                upper = None
                if "tagger" in state:  # tuned upper layers saved beside the network; else the network alone
                    upper = _upper()
                    upper.load_state_dict({k: v.float() for k, v in state["upper"].items()})
                    state = state["tagger"]
                net.load_state_dict({k: v.float() for k, v in state.items()})
                members.append(Member(net, upper))
        except (OSError, RuntimeError, KeyError, ValueError, EOFError, pickle.UnpicklingError) as exc:
            raise DataError(
                f"{p}: not a ctwatch role tagger ({exc}); rebuild it with `ctwatch train muc4`"
            ) from exc
        return cls(members)

    def encode(self, text: str) -> list[encoder.Encoded]:
        """The text's piece vectors as each member reads them."""
        return encoder.encode_each(text, [m.upper for m in self.members])

    def probabilities(self, encoded: Sequence[encoder.Encoded]) -> np.ndarray:
        """Mean tag probabilities per piece, from each member's reading (``encode``)."""
        import torch

        if len(encoded[0].offsets) == 0:
            return np.zeros((0, len(TAGS)), dtype=np.float32)
        with torch.inference_mode():
            probs = [
                torch.softmax(m.net(torch.from_numpy(e.states)[None])[0], -1)
                for m, e in zip(self.members, encoded, strict=True)
            ]
        return torch.stack(probs).mean(0).numpy()

    def fillers(self, text: str) -> list[Filler]:
        return self.read(text)[0]

    def read(self, text: str) -> tuple[list[Filler], np.ndarray | None]:
        """The text's fillers, and the encoder's own reading of it when a member reads through the encoder's
        own layers (the incident-type networks read the same, ``incident_types``)."""
        encoded = self.encode(text)
        plain = next((e.states for m, e in zip(self.members, encoded, strict=True) if m.upper is None), None)
        return decode(text, encoded[0].offsets, self.probabilities(encoded)), plain


@cache
def tagger() -> RoleTagger:
    return RoleTagger.load()


@dataclass(frozen=True)
class Example:
    """A training document: its windows after the encoder's shared lower layers and its piece tags."""

    lowered: encoder.Lowered
    tags: np.ndarray


def example(text: str, spans: Iterable[tuple[int, int, str]]) -> Example | None:
    """A training example of a text and its role spans (None for a text with no pieces)."""
    ids, offsets = encoder.pieces(text)
    if not ids:
        return None
    low = encoder.lower(ids)
    kept = encoder.Lowered(low.hidden.half().clone(), low.mask.clone(), low.window, low.position)
    return Example(kept, piece_tags(offsets, spans))


def _loss() -> Any:
    """Cross-entropy over piece tags, "O" weighted half, padding ignored."""
    import torch

    weight = torch.ones(len(TAGS))
    weight[0] = 0.5
    return torch.nn.CrossEntropyLoss(weight=weight, ignore_index=-1)


def _batches(lengths: Sequence[int], size: int) -> list[np.ndarray]:
    """Batches of documents of similar length: the GRU steps through the longest one of each batch."""
    by_length = np.argsort(lengths, kind="stable")
    return [by_length[k : k + size] for k in range(0, len(by_length), size)]


def fit(
    examples: Sequence[Example],
    epochs: int = EPOCHS,
    seed: int = 0,
    progress: bool = False,
) -> Member:
    """Train a tagger network and, with it, the encoder's upper layers on documents and their piece tags:
    each batch of documents runs through the upper layers window by window, each piece keeps its best
    window's vector, and the network reads whole documents."""
    encoder.require()
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net, upper = _net(), _upper()
    net.train()
    upper.train()
    opt = torch.optim.AdamW(
        [
            {"params": upper.parameters(), "lr": UPPER_LEARNING_RATE},
            {"params": net.parameters(), "lr": LEARNING_RATE},
        ],
        weight_decay=1e-2,
    )
    base = [g["lr"] for g in opt.param_groups]
    loss_fn = _loss()
    batches = _batches([len(e.tags) for e in examples], BATCH)
    total, step = epochs * len(batches), 0
    for _ in tqdm(range(epochs), disable=not progress, desc="epochs"):
        for b in rng.permutation(len(batches)):
            docs = [examples[i] for i in batches[b]]
            width = max(d.lowered.hidden.shape[1] for d in docs)
            hidden = torch.cat([_pad(d.lowered.hidden.float(), width) for d in docs])
            mask = torch.cat([_pad(d.lowered.mask, width) for d in docs])
            states = torch.cat([hidden, encoder.run_layers(upper, hidden, mask)], dim=-1)
            longest = max(len(d.tags) for d in docs)
            x = torch.zeros((len(docs), longest, encoder.DIM))
            y = torch.full((len(docs), longest), -1, dtype=torch.long)
            first = 0
            for r, d in enumerate(docs):
                window = torch.from_numpy(d.lowered.window) + first
                x[r, : len(d.tags)] = states[window, torch.from_numpy(d.lowered.position)]
                y[r, : len(d.tags)] = torch.from_numpy(d.tags)
                first += d.lowered.hidden.shape[0]
            # linear warm-up over the first 5% of steps, then linear decay
            done = step / total
            scale = done / 0.05 if done < 0.05 else (1 - done) / 0.95
            for g, lr in zip(opt.param_groups, base, strict=True):
                g["lr"] = lr * max(scale, 0.02)
            loss = loss_fn(net(x).reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*upper.parameters(), *net.parameters()], 1.0)
            opt.step()
            step += 1
    return Member(net.eval(), upper.eval())


def fit_frozen(
    encoded: Sequence[encoder.Encoded],
    tags: Sequence[np.ndarray],
    epochs: int = FROZEN_EPOCHS,
    seed: int = 0,
    progress: bool = False,
) -> Member:
    """Train a tagger network alone on documents as the encoder reads them (``encoder.encode``, no layer
    tuned): the second recipe of the shipped ensemble."""
    encoder.require()
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = _net()
    opt = torch.optim.AdamW(net.parameters(), lr=LEARNING_RATE, weight_decay=1e-2)
    loss_fn = _loss()
    batches = _batches([len(t) for t in tags], FROZEN_BATCH)
    for _ in tqdm(range(epochs), disable=not progress, desc="epochs"):
        net.train()
        for b in rng.permutation(len(batches)):
            idx = batches[b]
            longest = max(len(tags[i]) for i in idx)
            x = torch.zeros((len(idx), longest, encoder.DIM))
            y = torch.full((len(idx), longest), -1, dtype=torch.long)
            for r, i in enumerate(idx):
                x[r, : len(tags[i])] = torch.from_numpy(encoded[i].states)
                y[r, : len(tags[i])] = torch.from_numpy(tags[i])
            loss = loss_fn(net(x).reshape(-1, len(TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
    return Member(net.eval())


def _pad(t: Any, width: int) -> Any:
    import torch

    return torch.nn.functional.pad(
        t, (0, 0, 0, width - t.shape[1]) if t.dim() == 3 else (0, width - t.shape[1])
    )


def save(members: Sequence[Member], out: Path) -> int:
    """Write the members of an averaged ensemble in half precision."""
    import torch

    def half(module: Any) -> dict[str, Any]:
        return {k: v.half() for k, v in module.state_dict().items()}

    states = [
        half(m.net) if m.upper is None else {"tagger": half(m.net), "upper": half(m.upper)} for m in members
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"members": states}, out)
    return out.stat().st_size


# ---- MUC-4: training, and templates from fillers ------------------------------------------------------

INCIDENT_TYPES = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")
TYPE_LABELS = ("relevant", *INCIDENT_TYPES)
FILLER_THRESHOLD = 0.45  # a filler's mean tag probability; chosen on MUC-4 dev (docs/accuracy.md)
O_WEIGHT = 0.4  # decode weighs "O" down by this before taking a piece's likeliest tag; chosen on MUC-4 dev
RELEVANT_THRESHOLD = 0.2  # a report this likely to hold an incident gets a template, with fillers or without
SECOND_TYPE = 0.4  # a further template for each other incident type at least this likely


def type_labels(record: dict[str, Any]) -> list[int]:
    kinds = [t["incident_type"] for t in record.get("templates", [])]
    return [int(bool(kinds)), *(int(any(k in t for t in kinds)) for k in INCIDENT_TYPES)]


def _inside(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` run, in order, inside the longer ``long``."""
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def pooled(fillers: list[Filler]) -> list[Filler]:
    """Each filler scored by every reading of its name in its role in the report: a name read as a victim
    three times at 0.3 is likelier one than a name read once at 0.3 (noisy-or: 1 - the product of 1 - score;
    dev GTT 50.61 -> 51.21 and CEAF-REE 51.95 -> 52.76, better at every filler threshold from 0.4 to 0.5)."""
    from .bench.gtt import norm

    keys = [(f.role, norm(f.text)) for f in fillers]
    doubt: dict[tuple[str, str], float] = {}
    for f, key in zip(fillers, keys, strict=True):
        doubt[key] = doubt.get(key, 1.0) * (1.0 - f.score)
    return [replace(f, score=max(f.score, 1.0 - doubt[key])) for f, key in zip(fillers, keys, strict=True)]


def named_groups(fillers: list[Filler]) -> list[Filler]:
    """Perpetrator organisations read with words around a known armed group's name, as that group: "mrta
    activists" is the MRTA, "castroite eln" the ELN (``coref.group_within``; dev GTT 52.45 -> 52.88,
    CEAF-REE 52.76 -> 53.33)."""
    out = []
    for f in fillers:
        inner = coref.group_within(f.text) if f.role == "PerpOrg" else None
        if inner is not None:
            a, b = inner
            f = replace(f, text=f.text[a:b], start=f.start + a, end=f.start + b)
        out.append(f)
    return out


def _sure(fillers: list[Filler]) -> list[Filler]:
    """The fillers sure enough to keep (scored by all their readings, ``pooled``, once known groups are
    named alone, ``named_groups``), less those whose words run inside a longer sure filler of the same role
    ("ortega" in "mario ortega lozano": the same entity)."""
    from .bench.gtt import norm

    sure = [f for f in pooled(named_groups(fillers)) if f.score >= FILLER_THRESHOLD and norm(f.text)]
    words = [norm(f.text).split() for f in sure]
    return [
        f
        for f, w in zip(sure, words, strict=True)
        if not any(g.role == f.role and _inside(w, v) for g, v in zip(sure, words, strict=True))
    ]


def extracts(
    fillers: list[Filler], types: dict[str, float], actors: bool = True
) -> dict[str, list[list[str]]]:
    """A report's role-filler entities, MUC-4's entity-level form (GRIT's ``pred_extracts``, scored by
    CEAF-REE): the sure fillers of a report likely to hold an incident, grouped per role by the entity they
    name (``coref.clusters``: "FMLN" and "Farabundo Marti National Liberation Front" are one); each entity is
    given by its surest name (an entity counts only when every name given for it is one of the gold entity's,
    so one name risks least)."""
    out: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    if types.get("relevant", 0.0) < RELEVANT_THRESHOLD:
        return out
    sure = _sure(fillers)
    for role in ROLES:
        groups = coref.clusters([f for f in sure if f.role == role], lambda f: f.text, actors)
        out[role] = [[max(g, key=lambda f: f.score).text] for g in groups]
    return out


def templates(
    fillers: list[Filler],
    types: dict[str, float],
    text: str = "",
    splitter: SplitModel | None = None,
    chooser: FillerTypes | None = None,
) -> list[dict[str, Any]]:
    """MUC-4 templates of one report: none unless it likely holds an incident; one for the likeliest incident
    type (without fillers when none is sure) and one more for each other likely type. With several templates,
    each filler joins the type a ``chooser`` finds likeliest for it (``filler_types``), or without one the
    type the text names nearest to it (``data/muc4_cues.toml``). A filler
    whose words run inside a longer sure filler of the same role ("ortega" in "mario ortega lozano") is
    the same entity and is left out. With a ``splitter``, a template whose targets and victims belong to
    several incidents becomes one per incident (``incident_split``); at most ``MAX_TEMPLATES`` in all."""
    from .bench.gtt import norm
    from .bench.muc4 import MAX_TEMPLATES

    if types.get("relevant", 0.0) < RELEVANT_THRESHOLD:
        return []
    sure = _sure(fillers)
    ranked = sorted(INCIDENT_TYPES, key=lambda t: -types.get(t, 0.0))
    chosen = [ranked[0], *(t for t in ranked[1:] if types.get(t, 0.0) >= SECOND_TYPE and sure)][:3]
    where = filler_types.cue_starts(text) if len(chosen) > 1 else {}

    def home(f: Filler) -> str:
        if chooser is not None:
            return chooser.choose(text, f.role, f.start, f.end, chosen, where)
        return min(
            chosen, key=lambda t: min((abs(c - f.start) for c in where.get(t, [])), default=len(text) + 1)
        )

    found: dict[str, dict[str, list[list[str]]]] = {t: {r: [] for r in ROLES} for t in chosen}
    seen: set[tuple[str, str, str]] = set()
    starts: dict[tuple[str, str], int] = {}  # where each kept filler is first read
    for f in sure:
        kind = home(f) if len(chosen) > 1 else chosen[0]
        key = (kind, f.role, norm(f.text))
        if key not in seen:
            seen.add(key)
            found[kind][f.role].append([f.text])
            starts.setdefault((f.role, f.text), f.start)
    out = [{"incident_type": t, **found[t]} for t in chosen]
    if splitter is not None:
        out = [part for t in out for part in incident_split.split(t, text, starts, splitter)]
    return out[:MAX_TEMPLATES]


PARTS = ("tagger", "types", "split")  # what `ctwatch train muc4` fits; --only picks some


def train_muc4(
    train_path: Path,
    out_dir: Path | None = None,
    epochs: int = EPOCHS,
    progress: bool = False,
    parts: Sequence[str] = PARTS,
) -> dict[str, Any]:
    """Fit the learned MUC-4 extractors named in ``parts`` on GTT-format training records: the role tagger
    (about 80 minutes on two cores), the incident-type regressions and networks (about 10), and the incident
    splitter and filler-type chooser (seconds)."""
    from tqdm import tqdm

    from . import classify
    from .bench.muc4 import read_gold

    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise DataError(f"unknown MUC-4 model {', '.join(unknown)}: choose from {', '.join(PARTS)}")
    records = read_gold(train_path)
    out_dir = out_dir or datafiles.data_dir()
    fig: dict[str, Any] = {"documents": len(records)}
    encoded: list[encoder.Encoded] = []  # the encoder's own reading: the frozen members and the type networks
    tags: list[np.ndarray] = []
    if "tagger" in parts or "types" in parts:
        encoded = [encoder.encode(r["doctext"]) for r in tqdm(records, disable=not progress, desc="encoding")]
        tags = [piece_tags(e.offsets, gold_spans(r)) for e, r in zip(encoded, records, strict=True)]
    if "tagger" in parts:
        examples = [
            ex
            for r in tqdm(records, disable=not progress, desc="encoding")
            if (ex := example(r["doctext"], gold_spans(r))) is not None
        ]
        members = [fit(examples, epochs=epochs, seed=seed, progress=progress) for seed in SEEDS]
        del examples
        members += [fit_frozen(encoded, tags, seed=seed, progress=progress) for seed in SEEDS]
        fig["tagged_pieces"] = int(sum(int((t > 0).sum()) for t in tags))
        fig["tagger_bytes"] = save(members, out_dir / MODEL_FILE)
    if "types" in parts:
        about = (
            "ctwatch MUC-4 incident types of a report (relevant = holds at least one incident): TF-IDF and "
            "incident-lexicon cues + logistic regression per label, trained by `ctwatch train muc4` on "
            f"{train_path.name} ({len(records)} docs)"
        )
        texts, labels = [r["doctext"] for r in records], [type_labels(r) for r in records]
        types = classify.fit(
            texts, labels, TYPE_LABELS, out_dir / incident_types.TYPES_FILE, about, c=3.0, cues=True
        )
        fig["types_bytes"] = types["bytes"]
        fig["type_nets_bytes"] = incident_types.fit_and_save(
            texts,
            np.asarray(labels, dtype=np.float32),
            TYPE_LABELS,
            incident_types.nets_beside(out_dir / incident_types.TYPES_FILE),
            tags=tags,
            n_tags=len(TAGS),
            states=[e.states for e in encoded],
            progress=progress,
        )
    if "split" in parts:
        about = (
            "ctwatch MUC-4 incident splitting: how likely two targets/victims of a report belong to the same "
            "incident, logistic regression over pairs of gold anchors, trained by `ctwatch train muc4` on "
            f"{train_path.name} ({len(records)} docs)"
        )
        split = incident_split.fit(records, out_dir / incident_split.MODEL_FILE, about)
        fig.update(split_pairs=split["pairs"], split_bytes=split["bytes"])
        about = (
            "ctwatch MUC-4 filler types: how likely a template of each of a report's incident types holds a "
            "role filler, logistic regression over where each type's cue words stand, trained by `ctwatch "
            f"train muc4` on the gold fillers of {train_path.name}'s reports with several types"
        )
        try:
            kinds = filler_types.fit(records, out_dir / filler_types.MODEL_FILE, about)
            fig.update(filler_type_rows=kinds["rows"], filler_type_bytes=kinds["bytes"])
        except BenchError as exc:  # a corpus of one incident type per report: the splitter alone
            fig["filler_types_skipped"] = str(exc)
    return fig


def type_model() -> incident_types.TypeReader:
    return incident_types.reader()
