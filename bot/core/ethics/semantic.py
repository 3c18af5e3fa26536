"""The semantic layer of the ethics review: nearest labelled exemplars under the shipped MiniLM.

Rules catch what they name; creators write the same request a hundred other ways. Each class
in knowledge/ethics/exemplars.yaml lists prompts written from the public usage policies; the
prompt is embedded once and compared with all of them. A class raises its concern when its
nearest exemplars are closer than the class threshold (tuned on the dev split only) and closer
than the nearest SAFE exemplars by the file's margin: the safe exemplars are negative anchors
that share the alarming words ("kill the lights", "a bomb of colour", a child's birthday).

Cost: the exemplar matrix is embedded once per exemplar file and kept in the data directory
(`ethics-exemplars-<hash>.npy`), so a warm process pays one query encoding per review. The
embedding model is only reached through `bot.core.retrieval.embeddings.embed`, imported on first
use, so importing this module (or the ethics package) loads no model and no numpy.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.core import cached_re as re
from bot.core.ethics.confirm import (
    Anchor,
    Lookalikes,
    SafeGap,
    load_lookalikes,
    lookalikes_path,
)
from bot.core.ethics.probe import Probe, ProbeScorer, load_probe
from bot.core.ethics.rules import _CJK, NEVER_FRAMED_AWAY, Category, Concern, ConcernSeverity
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, load_hashed_yaml

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

EXEMPLARS_FILE = "exemplars.yaml"
CACHE_PREFIX = "ethics-exemplars-"
TRIGGER_MAX_CHARS = 80
LONG_PROMPT_WORDS = 28
"""From this many words on, a prompt is also read passage by passage (`passages`)."""
PASSAGE_WORDS = 18
MAX_PASSAGES = 10
SENTENCE_WORDS = 40
"""A sentence up to this many words is also read whole when its clauses do not fit one
passage (`sentences`)."""
MAX_SENTENCES = 4
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE_BREAK = re.compile(r"(?<=[.!?;:])\s+|\s*,\s+|\s+(?:and then|then|while|before|after)\s+")
_matrices: dict[str, np.ndarray] = {}
"""Exemplar matrices already loaded in this process, by cache key: every engine (a test's, a
second knowledge directory with the same exemplars) shares one."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExemplarClass(_Strict):
    """One concern the semantic layer can raise, with the prompts that illustrate it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Category
    severity: ConcernSeverity
    threshold: float = Field(gt=0.0, lt=1.0)
    sources: list[str] = Field(min_length=1)
    why: str = Field(min_length=10)
    instead: str = Field(min_length=10)
    examples: list[str] = Field(min_length=3)
    requires: list[str] = Field(default_factory=list)
    """Rules-layer groups (lexicon.yaml) of which one must be in the prompt for this class to
    raise anything: "sexual content involving a minor" needs some sign of a minor, intimate
    imagery of a real person needs some sign of a real person. Nearness in meaning alone
    confuses an adult lingerie advert with the abuse it resembles."""
    requires_also: list[str] = Field(default_factory=list)
    """Rules-layer groups of which one must ALSO be in the prompt (with one of `requires`):
    intimate imagery of a real person needs a sign of the person and a sign of the intimacy
    (nudity, lingerie, a hidden camera). Without it, a retirement card of a coworker drawn from
    her own photos sits near the intimate-imagery exemplars by its people and photos alone."""
    lowered_by: list[str] = Field(default_factory=list)
    """Rules-layer groups that frame the whole prompt as awareness, support or education (a
    scam-awareness explainer, a recovery story): when one is in the prompt, this class's
    concern is raised one step lower (a stop as a caution), as the rules lower theirs. The
    exemplars weigh what a prompt is about, not what it is for: an explainer on how a bank
    scam works sits right next to the scam."""
    cleared_by: list[str] = Field(default_factory=list)
    """Rules-layer groups that say the people shown are invented or played (actors, made-up
    names, a generic bank): together with a `lowered_by` frame the concern drops to a note.
    A scam-awareness film with actors deceives nobody; either sign alone is too easy to
    borrow ("an awareness video" of a real person, "actors" in a real-looking hoax)."""
    kept_by: list[str] = Field(default_factory=list)
    """Rules-layer groups that keep the concern at its severity although a `lowered_by` frame
    is there: a "documentary" that ends by calling on viewers to do it again is not an
    explainer. The frame says what the prompt claims to be; the call says what it does."""

    probed: bool = True
    """Whether the probe (probe.json) is trained on this class. A class added for the reach it
    gives the semantic layer and the look-alike check (sexual, elections-news, brand,
    disclosure: session 24) is left out: the probe is a softmax, and a new class near old ones
    takes their probability (on the dev rows three probe-only stops were lost when these
    four were trained in). An unprobed class has no probe verdict either way."""

    eased_by: list[list[str]] = Field(default_factory=list)
    """Rules-layer evidence of the harm's structure, as lists of groups of which one each
    must be in the prompt (all the lists): when it all holds, the class fires `Exemplars.ease`
    below its threshold. The rules see who is targeted and who the clip is made to reach
    (a private person, their group chat), the exemplars what is done to them; a prompt whose
    grammar already says "a real private person, shown to their circle" needs less nearness
    in meaning to say "humiliated" than one that says neither."""

    def eased(self, present: Callable[[str], bool] | None) -> bool:
        """Whether every list of `eased_by` has one of its groups in the prompt."""
        return bool(self.eased_by) and present is not None and all(
            any(present(g) for g in needed) for needed in self.eased_by)

    def admits(self, present: Callable[[str], bool] | None) -> bool:
        """Whether the prompt carries the signs this class needs before it may raise anything
        (`requires`, then `requires_also`); without `present` only a class needing none."""
        if not self.requires and not self.requires_also:
            return True
        if present is None:
            return False
        return all(not needed or any(present(g) for g in needed)
                   for needed in (self.requires, self.requires_also))


class Exemplars(_Strict):
    sources: dict[str, str]
    margin: float = Field(default=0.0, ge=-1.0, le=1.0)
    probe_agreement: float = Field(default=0.1, ge=0.0, le=1.0)
    """How far below a class's threshold its nearest exemplars may be for the probe's
    verdict on that class to count (see `_agrees`)."""
    top_k: int = Field(default=2, ge=1, le=10)
    near_band: float = Field(default=0.0, ge=0.0, le=0.2)
    clear_margin: float = Field(default=1.0, ge=0.0, le=1.0)
    """A class also raises its concern up to `near_band` below its threshold when its nearest
    exemplars lead the safe anchors by `clear_margin` or more: a threshold is one number
    chosen on a few dev rows, and a prompt just under it that is plainly nearer harm than
    anything safe is not a near miss worth letting through."""
    ungated_over: float = Field(default=1.0, ge=0.0, le=1.0)
    ungated_lead: float = Field(default=1.0, ge=0.0, le=1.0)
    """When the caller allows it (`SemanticLayer.concerns(ungated=True)`), a class whose
    `requires` gate is closed still raises its concern when three views agree strongly: the
    nearest exemplars are `ungated_over` past the class threshold, they lead the safe anchors
    by `ungated_lead`, and the probe fires for the class. The gates are term groups, and a
    paraphrase that names none of their words ("cut deep without anyone noticing", "a girl
    who stopped eating") is exactly what the semantic layer is for; the bar is set so that no
    dev row labelled below the class's severity clears it (the gates stay what lets a class
    fire on the ordinary threshold)."""
    ease: float = Field(default=0.0, ge=0.0, le=0.2)
    """How far below its threshold a class fires when its `eased_by` evidence holds."""
    classes: list[ExemplarClass] = Field(min_length=1)
    safe: list[str] = Field(min_length=10)

    @model_validator(mode="after")
    def _consistent(self) -> Exemplars:
        ids = [c.id for c in self.classes]
        if len(ids) != len(set(ids)):
            raise ValueError("class ids must be unique")
        for c in self.classes:
            unknown = sorted(set(c.sources) - set(self.sources))
            if unknown:
                raise ValueError(f"class {c.id!r} cites unknown sources {unknown}")
        return self

    def texts(self) -> list[str]:
        """Every exemplar in matrix order: each class's examples, then the safe ones."""
        return [e for c in self.classes for e in c.examples] + list(self.safe)

    def labels(self) -> list[int]:
        """Per row of `texts()`: the index of its class, or -1 for a safe exemplar."""
        return [i for i, c in enumerate(self.classes) for _ in c.examples] + [-1] * len(self.safe)


def probed_ids(exemplars: Exemplars) -> list[str]:
    """The ids of the classes the probe is trained on (`ExemplarClass.probed`), in file order."""
    return [c.id for c in exemplars.classes if c.probed]


def exemplars_path(knowledge_dir: Path | None = None) -> Path:
    return Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR) / "ethics" / EXEMPLARS_FILE


def load_exemplars(knowledge_dir: Path | None = None) -> tuple[Exemplars, str]:
    """The validated exemplars and the hash of their file; KnowledgeError names file and field."""
    return load_hashed_yaml(exemplars_path(knowledge_dir), Exemplars, "ethics exemplars file")


@dataclass(frozen=True, slots=True)
class ClassScore:
    """How close a prompt came to one class: its top-k mean similarity and the safe anchors'."""

    klass: ExemplarClass
    similarity: float
    safe_similarity: float

    @property
    def fires(self) -> bool:
        return self.similarity >= self.klass.threshold

    def raises(self, exemplars: Exemplars) -> bool:
        """At the threshold with the file's margin over the safe anchors, or just under it
        with a clear lead (`Exemplars.near_band`, `clear_margin`)."""
        lead = self.similarity - self.safe_similarity
        return ((self.fires and lead >= exemplars.margin)
                or (self.similarity >= self.klass.threshold - exemplars.near_band
                    and lead >= exemplars.clear_margin))


def _model_tag() -> str:
    """What the cached vectors depend on besides the exemplars: the embedding model's name."""
    from bot.core.retrieval import embeddings

    return getattr(embeddings, "MODEL_NAME", "minilm")


class SemanticLayer:
    """Exemplar neighbours for one knowledge directory; the matrix loads on first use."""

    def __init__(self, data_dir: Path | None = None, knowledge_dir: Path | None = None,
                 exemplars: Exemplars | None = None, probe: Probe | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.knowledge_dir = knowledge_dir
        if exemplars is not None:
            self.__dict__["_loaded"] = (exemplars, hashlib.sha256(
                exemplars.model_dump_json().encode()).hexdigest())
            self.__dict__["probe"] = ProbeScorer(probe) if probe is not None else None
        self._lock = threading.Lock()
        self._last_views: tuple[str, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    @cached_property
    def _loaded(self) -> tuple[Exemplars, str]:
        return load_exemplars(self.knowledge_dir)

    @property
    def exemplars(self) -> Exemplars:
        return self._loaded[0]

    def _key(self) -> str:
        """The exemplar file's hash with the model's name: what the vectors depend on."""
        return hashlib.sha256(f"{self._loaded[1]}:{_model_tag()}".encode()).hexdigest()[:16]

    def cache_path(self) -> Path | None:
        if self.data_dir is None:
            return None
        return self.data_dir / f"{CACHE_PREFIX}{self._key()}.npy"

    @cached_property
    def matrix(self) -> np.ndarray:
        """Unit vectors of every exemplar (rows as `Exemplars.texts()`), from disk when cached."""
        import numpy as np

        texts = self.exemplars.texts()
        key = self._key()
        if key in _matrices and _matrices[key].shape[0] == len(texts):
            return _matrices[key]
        path = self.cache_path()
        if path is not None and path.is_file():
            try:
                cached: np.ndarray = np.load(path, allow_pickle=False)
                if cached.shape[0] == len(texts):
                    _matrices[key] = cached
                    return cached
            except (OSError, ValueError) as e:
                log.warning("ethics exemplar cache unreadable (%s); rebuilding", e)
        from bot.core.retrieval.embeddings import embed

        vectors = np.asarray(embed(texts), dtype=np.float32)
        if path is not None:
            self._save(path, vectors)
        _matrices[key] = vectors
        return vectors

    @staticmethod
    def _save(path: Path, vectors: np.ndarray) -> None:
        """Write atomically (a concurrent reader never sees half a file); old caches go."""
        import numpy as np

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                np.save(f, vectors, allow_pickle=False)
            os.replace(tmp, path)
            for old in path.parent.glob(f"{CACHE_PREFIX}*.npy"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as e:  # a read-only data directory costs a rebuild per process, no more
            log.warning("could not cache ethics exemplars at %s: %s", path, e)

    @cached_property
    def _labels(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.exemplars.labels())

    @cached_property
    def probe(self) -> ProbeScorer | None:
        """The trained probe (probe.json) over the same vectors, or None when none ships.
        A malformed or stale probe is left out with a warning naming the file and the field
        (and how to retrain); the exemplar neighbours still run."""
        try:
            probe = load_probe(self.knowledge_dir, probed_ids(self.exemplars),
                               _model_tag())
        except KnowledgeError as e:  # the exemplar neighbours still run; the message says why
            log.warning("ethics probe not used: %s", e)
            return None
        return ProbeScorer(probe) if probe is not None else None

    @property
    def is_warm(self) -> bool:
        """Whether a review will answer without loading the model or the exemplar matrix."""
        return "matrix" in self.__dict__

    def warm(self) -> None:
        """Load the exemplar matrix and the model now (a server's start), not on first use."""
        with self._lock:
            _ = self.matrix, self._labels, self.probe, self._lookalike_matrix
        self.scores("warm-up")

    def _query(self, prompt: str) -> np.ndarray:
        """The prompt's vector, from the per-process query cache (the critique's similar
        prompts reuse it)."""
        from bot.core.retrieval.embeddings import query_vector

        vector: np.ndarray = query_vector(prompt)
        return vector

    def scores(self, prompt: str, query: np.ndarray | None = None) -> list[ClassScore]:
        """Every class's closeness to the prompt: one query encoding, and for a long prompt
        one batch for its passages, each class scored on the view that comes closest to
        raising it (furthest past both its threshold and the safe anchors)."""
        with self._lock:
            matrix, labels = self.matrix, self._labels
        if query is None:
            query = self._query(prompt)
        views = list(self._views(prompt, query, matrix)[1])
        k, margin = self.exemplars.top_k, self.exemplars.margin
        safe = [_top_mean(v[labels == -1], k) for v in views]
        found = []
        for i, c in enumerate(self.exemplars.classes):
            near = [(_top_mean(v[labels == i], k), s) for v, s in zip(views, safe, strict=True)]
            best = max(near, key=lambda ns: min(ns[0] - c.threshold, ns[0] - ns[1] - margin))
            found.append(ClassScore(klass=c, similarity=best[0], safe_similarity=best[1]))
        return found

    def _views(self, prompt: str, query: np.ndarray, matrix: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
        """The vectors the layer reads a prompt by (the whole prompt's, then for a long prompt
        its passages' and long sentences': `passages`, `sentences`) and their similarities to
        every exemplar. The last prompt's are kept: the full review reads them twice (the
        confirmation of the rules' concerns, then its own concerns), and the passages cost
        one batch encoding."""
        import numpy as np

        with self._lock:
            held = self._last_views
        if held is not None and held[0] == prompt and held[1] is query and held[2] is matrix:
            return held[3], held[4]
        chunks = passages(prompt)
        chunks += [s for s in sentences(prompt) if s not in chunks]
        vectors = query[None, :]
        if chunks:
            vectors = np.concatenate([vectors, self._passage_vectors(chunks, query.shape)])
        near = vectors @ matrix.T
        with self._lock:
            self._last_views = (prompt, query, matrix, vectors, near)
        return vectors, near

    @staticmethod
    def _passage_vectors(chunks: list[str], shape: tuple[int, ...]) -> np.ndarray:
        """The passages' unit vectors in one batch (none when the model's width differs from
        the query's, as with a test's stand-in)."""
        import numpy as np

        from bot.core.retrieval import embeddings

        vectors = np.asarray(embeddings.embed(chunks), dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1:] != shape:
            return np.zeros((0, *shape), dtype=np.float32)
        return vectors

    def concerns(self, prompt: str, present: Callable[[str], bool] | None = None,
                 use_probe: bool = True, slack: Slack | None = None,
                 min_lead: float = 0.0, ungated: bool = False) -> list[Concern]:
        """The concerns the prompt's neighbours raise (at most one per class).

        `present(group)` says whether a rules-layer group is in the prompt (a class's
        `requires`); without it such classes raise nothing. A prompt mostly in CJK characters
        gets no semantic concerns: the shipped MiniLM reads English (and some Spanish), and
        its similarities between Chinese texts are noise; the rules cover those languages.
        `use_probe=False` leaves the probe out (a gloss of one clause: a few words, far from
        the prompts it was trained on; the exemplar neighbours with their safe anchors still
        run). On a whole prompt's gloss it stays on: on the dev rows' glosses it added stops
        in es 15, zh 10, ja 22 of 113 each, and its two false stops (a made-up bank's advert,
        a bullying-prevention short) are frames the native text reads (`rules.framed_away`).
        `slack` lets a class fire below its threshold when the prompt is clearly further from
        the safe anchors (`Slack`: what a dictionary gloss gets). `min_lead`: how much
        nearer the class than the safe anchors the prompt must be in any case (a clause's
        gloss, a few words close to many things). `ungated` lets a class whose gate is closed
        raise its concern on strong agreement of its neighbours and the probe
        (`Exemplars.ungated_over`, `ungated_lead`): for a prompt in English, the language the
        exemplars are written in, not for a gloss.
        """
        if not readable(prompt):
            return []

        def gate(klass: ExemplarClass) -> bool:
            return klass.admits(present)

        with self._lock:
            _ = self.matrix  # exemplars first: a cold layer embeds them, then the query
        query = self._query(prompt)
        scores = self.scores(prompt, query)
        weak: set[int] = set()  # where in `found` a probe concern's neighbours are under
        # the class threshold (`_framed`)
        found = [(_concern(s, prompt), s.klass) for s in scores
                 if gate(s.klass) and s.similarity - s.safe_similarity >= min_lead
                 and (s.raises(self.exemplars) or (slack is not None and slack.fires(s))
                      or self._eased(s, present))]
        with self._lock:
            probe = self.probe
        unseconded: set[int] = set()  # where in `found` the probe read the prompt and did
        # not fire for the neighbours' class (`_framed`)
        if probe is not None and use_probe:
            near = {s.klass.id: s for s in scores}
            agreement, margin = self.exemplars.probe_agreement, self.exemplars.margin
            firing = probe.firing(query)
            unseconded = {i for i, (_, klass) in enumerate(found)
                          if klass.probed and klass.id not in firing}
            for cid, p in firing.items():
                doubt = 1.0 - probe.confidence(cid, p)
                if gate(near[cid].klass) and _agrees(near[cid], agreement * (1.0 - doubt),
                                                     lead=margin * doubt):
                    found.append((_concern(near[cid], prompt, layer="probe"), near[cid].klass))
                    if not near[cid].fires:
                        weak.add(len(found) - 1)
                elif ungated and not gate(near[cid].klass) and self._clears_ungated(near[cid]):
                    found.append((_concern(near[cid], prompt, layer="ungated"),
                                  near[cid].klass))
        return [_framed(c, klass, present, weak=i in weak, seconded=i not in unseconded)
                for i, (c, klass) in enumerate(found)]

    @cached_property
    def lookalikes(self) -> Lookalikes | None:
        """The look-alike kinds and margins of the confirmation check (lookalikes.yaml), or
        None for a knowledge directory without the file (the check then lowers nothing); a
        malformed file raises KnowledgeError naming the field."""
        if not lookalikes_path(self.knowledge_dir).is_file():
            return None
        return load_lookalikes(self.knowledge_dir)[0]

    @cached_property
    def _lookalike_matrix(self) -> np.ndarray:
        """Unit vectors of the look-alike definitions (a dozen, embedded on first use), one
        zero row when there are none."""
        import numpy as np

        from bot.core.retrieval.embeddings import embed

        width = self.matrix.shape[1]
        if not self._anchors:
            return np.zeros((0, width), dtype=np.float32)
        return np.asarray(embed([a.text for a in self._anchors]),
                          dtype=np.float32).reshape(-1, width)

    @cached_property
    def _anchors(self) -> list[Anchor]:
        return self.lookalikes.anchors() if self.lookalikes is not None else []

    def safe_gaps(self, prompt: str) -> dict[str, SafeGap]:
        """Per category with exemplar classes, how much nearer the safe side (exemplars.yaml's
        safe prompts and lookalikes.yaml's kinds) than any of the category's exemplars the
        prompt is, in its view least favourable to the safe side (`confirm.SafeGap`). A
        prompt the model cannot read (`readable`) gets none."""
        if not readable(prompt):
            return {}
        import numpy as np

        with self._lock:
            matrix, labels = self.matrix, self._labels
            kinds, anchors = self._lookalike_matrix, self._anchors
        views, near = self._views(prompt, self._query(prompt), matrix)
        like = views @ kinds.T
        k = self.exemplars.top_k
        safe = np.array([_top_mean(v[labels == -1], k) for v in near])
        categories: dict[str, list[int]] = {}
        for i, c in enumerate(self.exemplars.classes):
            categories.setdefault(c.category, []).append(i)
        gaps: dict[str, SafeGap] = {}
        for category, ids in categories.items():
            own = np.array([a.category in (None, category) for a in anchors], dtype=bool)
            kind_near = like[:, own].max(axis=1) if own.any() else np.full(len(views), -1.0)
            safest = np.maximum(safe, kind_near)
            harm = np.array([max(_top_mean(v[labels == i], k) for i in ids) for v in near])
            worst = int(np.argmin(safest - harm))
            kind = None
            if kind_near[worst] > safe[worst]:
                kind = [a for a, mine in zip(anchors, own, strict=True)
                        if mine][int(like[worst, own].argmax())].kind
            gaps[category] = SafeGap(gap=float(safest[worst] - harm[worst]), nearest_kind=kind)
        return gaps

    def _eased(self, score: ClassScore, present: Callable[[str], bool] | None) -> bool:
        """Whether the class fires `ease` below its threshold, the rules having found the
        harm's structure (`ExemplarClass.eased_by`); the lead over the safe anchors is still
        the file's margin."""
        e = self.exemplars
        return (e.ease > 0.0 and score.klass.eased(present)
                and score.similarity >= score.klass.threshold - e.ease
                and score.similarity - score.safe_similarity >= e.margin)

    def _clears_ungated(self, score: ClassScore) -> bool:
        """Whether the neighbours alone are strong enough to pass a closed gate (the probe
        has already fired): far past the threshold and far ahead of the safe anchors."""
        e = self.exemplars
        return (score.similarity >= score.klass.threshold + e.ungated_over
                and score.similarity - score.safe_similarity >= e.ungated_lead)


@dataclass(frozen=True, slots=True)
class Slack:
    """A second way for a class to fire, for text the exemplars were not written in: a
    word-by-word gloss ("make me a video of my ex nude") sits further from every English
    exemplar than the same request in English, harmful or not, so its similarities run
    lower. It may fire `below` the class threshold when it is at least `margin` closer to the
    class than to the safe anchors (twice the file's margin: the anchors that share the
    alarming words must be clearly further). Chosen on the dev rows of the multilingual sets
    (gloss stops 0.08 / 0.10: es 60 -> 67, zh 38 -> 49, ja 39 -> 47 of 113 each, no new
    false stop; with the file's own margin the same slack added three). Session 8 widened it
    to 0.10 below at a 0.08 lead, measured on the gloss alone over every es/zh/ja dev row
    (dev, dev2-dev5, 1,067 rows): the whole gloss's stops went es 74 -> 88, zh 56 -> 71,
    ja 52 -> 73 of 167/165/156 with no false stop; a 0.05 lead added one in es and zh.
    Where the lexicons cover a row this changes nothing; it is the reach beyond them."""

    below: float = 0.08
    margin: float = 0.10
    """The defaults are session 7's; `GLOSS_SLACK` is what glosses get."""

    def fires(self, score: ClassScore) -> bool:
        return (score.similarity >= score.klass.threshold - self.below
                and score.similarity - score.safe_similarity >= self.margin)


GLOSS_SLACK = Slack(below=0.10, margin=0.08)


def _framed(concern: Concern, klass: ExemplarClass,
            present: Callable[[str], bool] | None, weak: bool = False,
            seconded: bool = True) -> Concern:
    """The concern one step lower when its class's `lowered_by` frame is in the prompt, and
    down to a note when the prompt also says its people are invented (`cleared_by`); never
    when one of its `kept_by` groups is there too.

    `weak`: the concern is the probe's alone, its nearest exemplars under the class threshold
    (`_agrees`' band). Two views that only just agree, in a prompt framed as support or
    awareness (a suicide-prevention clip: a stranger on a bridge asks "you ok?"), are not
    evidence of a depiction; the frame takes such a concern down to a note (never one about a
    minor or sexual content: `rules.NEVER_FRAMED_AWAY`).

    `seconded=False`: the concern is the exemplar neighbours' alone, the probe having read the
    same vector and not fired for the class. The frame says the prompt is about the harm (a
    short film where a student deletes a forwarded intimate picture, a documentary at a
    bombing's memorial, a porch-cam clip "handed to police"); a caution left standing on it
    should rest on two views, not on one nearness just past its threshold, so a frame takes
    an unseconded concern down to a note (never one about a minor or sexual content). On the
    English dev rows every frame-lowered caution on a row labelled ok was unseconded but one,
    and both on rows labelled stop were seconded (probe 0.94 and 0.51)."""
    if (not klass.lowered_by or present is None or concern.severity == "note"
            or not any(present(g) for g in klass.lowered_by)
            or any(present(g) for g in klass.kept_by)):
        return concern
    lower: ConcernSeverity = "caution" if concern.severity == "stop" else "note"
    if ((weak or not seconded) and klass.category not in NEVER_FRAMED_AWAY) or any(
            present(g) for g in klass.cleared_by):
        lower = "note"
    return concern.model_copy(update={"severity": lower})


def _agrees(score: ClassScore, slack: float, lead: float = 0.0) -> bool:
    """Whether the nearest exemplars back the probe: within `slack` of the class threshold
    and closer than the safe anchors by `lead`. Two views of the vector must agree before the
    probe raises anything: alone, a linear probe trained on a few hundred prompts also fires
    on harmless prompts that share a direction with a harmful class. The semantic layer
    narrows the slack and asks for more lead the nearer the probe is to its own threshold."""
    return (score.similarity >= score.klass.threshold - slack
            and score.similarity - score.safe_similarity >= lead)


def passages(prompt: str) -> list[str]:
    """Runs of consecutive clauses of a long prompt, each up to PASSAGE_WORDS words.

    A sentence vector is an average: in a long prompt full of light, lenses and set dressing,
    the one clause that asks for harm ("a man explains each step to build a suppressor") is
    outweighed, and the whole lands nearer the safe anchors than any class. Read clause by
    clause, that request is as near its exemplars as a short prompt saying only it. Short
    prompts have no passages (the whole prompt is already one)."""
    if len(prompt.split()) < LONG_PROMPT_WORDS:
        return []
    clauses = [c for c in (part.strip() for part in _CLAUSE_BREAK.split(prompt)) if c]
    found: list[str] = []
    for start in range(len(clauses)):
        run: list[str] = []
        words = 0
        for clause in clauses[start:]:
            n = len(clause.split())
            if run and words + n > PASSAGE_WORDS:
                break
            run.append(clause)
            words += n
        text = ", ".join(run)
        if words >= 5 and text not in found and (not found or text not in found[-1]):
            found.append(text)
    return found[:MAX_PASSAGES]


def sentences(prompt: str) -> list[str]:
    """The sentences of a long prompt that the clause passages cut apart: longer than one
    passage, up to SENTENCE_WORDS words, of two clauses or more.

    A passage holds PASSAGE_WORDS words, and clauses are cut at "while", "then" and commas: in
    "our regional manager Greg steps out of his car and the camera lingers while he wets
    himself and coworkers film him laughing", the passage that names the person ends before
    what is done to him, and the one that says it has lost whom. The sentence says both; it is
    one more vector in the same batch as the passages."""
    if len(prompt.split()) < LONG_PROMPT_WORDS:
        return []
    found: list[str] = []
    for sentence in (s.strip() for s in _SENTENCE_BREAK.split(prompt)):
        n = len(sentence.split())
        if (PASSAGE_WORDS < n <= SENTENCE_WORDS and len(_CLAUSE_BREAK.split(sentence)) > 1
                and sentence not in found):
            found.append(sentence)
    return found[:MAX_SENTENCES]


def readable(prompt: str) -> bool:
    """Whether the embedding model can read the prompt: not mostly CJK characters."""
    letters = [ch for ch in prompt if ch.isalpha()]
    return bool(letters) and sum(bool(_CJK.match(ch)) for ch in letters) < 0.3 * len(letters)


def _top_mean(values: np.ndarray, k: int) -> float:
    import numpy as np

    if values.size == 0:
        return -1.0
    k = min(k, values.size)
    return float(np.mean(np.partition(values, -k)[-k:]))


def _trigger(prompt: str) -> str:
    """Words of the prompt to show as the trigger: the whole of a short prompt, else its
    opening cut at a word boundary and marked as cut ("... where to find their…" read as if
    the prompt ended there; the whole prompt is what resembled the exemplars)."""
    text = prompt.strip()
    if len(text) <= TRIGGER_MAX_CHARS:
        return text
    cut = text[:TRIGGER_MAX_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > TRIGGER_MAX_CHARS // 2 else cut).rstrip(" ,.;:") + "\u2026"


def _concern(score: ClassScore, prompt: str, layer: str = "semantic") -> Concern:
    c = score.klass
    return Concern(category=c.category, severity=c.severity, trigger=_trigger(prompt),
                   why=c.why, instead=c.instead, rule=f"{layer}:{c.id}")

