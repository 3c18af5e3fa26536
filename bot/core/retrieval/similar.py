"""Prompts like yours: the gallery entries closest to a prompt, subject and setting first.

What makes a gallery example useful is that it films the same kind of thing in the same kind
of place (a man on a street wants other people in streets, not a swordswoman in a bamboo
forest that happens to share the word "walking"). So entries are ranked by:
1. the subject: the prompt's subject words against each entry's annotated subject and title;
2. the setting: the prompt's setting words against each entry's annotated setting and tags;
3. the whole scene: every word of the prompt against each entry's title, tags and prompt;
then, as small tie-breakers, an entry written for the same target model (its dialect is what
the writer needs) and one covering the components the prompt lacks (what makes it instructive).
"Why it works" is left out: it is written in craft words every entry shares.

Two ways to measure 1-3, with the same weights:
- keywords (BM25), for a cold CLI: about a millisecond, nothing heavy to load. Must not import
  chromadb, torch or sentence-transformers (a test checks it), nor numpy. Words alone miss that
  a sheep is like a cheetah or a freeway like a highway, so subject and setting are also
  compared by kind: the heads of their noun phrases ("a fluffy ginger cat on a windowsill" is
  a cat) looked up in WordNet's hypernym tree (noun_kinds), a head's kind and its nearest
  hypernyms scored as BM25 terms against the kinds of each entry's annotated subject, and of
  its setting and tags read as places (a tennis "court", not a court of law).
- the shipped MiniLM embedding (cosine), in long-running processes where the model is loaded
  anyway (`prepare_vectors` at warm-up): it knows that a man and a woman are both people and a
  street and an alley are both city places, which words alone do not. Keywords still count
  there, so an exact word match is not lost.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.core import cached_re as re
from bot.core.critique.components import Component
from bot.core.knowledge import GENRE_PREFIX, GalleryEntry, KnowledgeBase
from bot.core.noun_kinds import ANY, PLACE, kind_chain, phrase_heads
from bot.core.retrieval.keywords import KeywordIndex, tokenize

SUBJECT_WEIGHT = 0.40
SETTING_WEIGHT = 0.20
"""Shares of the score for the prompt's subject and setting; the rest (0.4 with both) goes to
the whole scene, which also takes the share of a part the prompt does not name."""
SAME_MODEL_BONUS = 0.15
MISSING_BONUS = 0.04
"""Times the share of the prompt's missing components the entry has."""
VECTOR_SHARE = 0.7
"""With embeddings, each of subject/setting/scene is this much cosine and the rest keywords."""
MIN_VECTOR_SIMILARITY = 0.25
"""Below this cosine on subject and setting together, an entry is not like the prompt."""
SUBJECT_KIND_SHARE = 0.7
"""On the keyword path, the subject's score is this much kind (WordNet: a sheep is a kind of
mammal, as a cheetah is) and the rest BM25 on the subject's words."""
SETTING_KIND_SHARE = 0.6
"""The same for the setting (a freeway is a kind of highway; a field and a park are tracts)."""
KIND_LEVELS = 8
"""A head counts as its own kind and its 7 nearest hypernyms (sheep: bovid, ruminant, even-toed
ungulate, ungulate, placental, mammal, vertebrate), weighted by BM25's idf: a kind most
entries share (a person) says little, a rare one (a mammal, a body of water) much."""
SUBJECT_HEADS = 2
"""Heads of the subject read (the first phrase's, then one more: "a woman and her dog")."""
SETTING_HEADS = 4
_MAX = 1.0 + SAME_MODEL_BONUS + MISSING_BONUS
_WORDS = re.compile(r"[a-z0-9]+")

Encoder = Any
"""An encoder with `encode(texts) -> matrix` and `__call__(text) -> vector` (unit length), e.g.
bot.core.retrieval.onnx_model.OnnxEncoder."""


def _same_text(prompt: str) -> str:
    """A prompt's identity for exclusion: case, spacing and punctuation do not count."""
    return " ".join(_WORDS.findall(prompt.lower()))


def _entry_subject(e: GalleryEntry) -> str:
    return f"{e.components.get(Component.SUBJECT, '')} {e.title}"


def _entry_setting(e: GalleryEntry) -> str:
    tags = " ".join(t for t in e.tags if not t.startswith(GENRE_PREFIX))
    return f"{e.components.get(Component.SETTING, '')} {tags}"


def _entry_place_text(e: GalleryEntry) -> str:
    """Where an entry happens, for its kinds: the annotated setting (else the title) and its
    tags, each its own phrase; only words with a place sense count ("kitchen", "street",
    "ocean"; not "tracking" or "backlight")."""
    tags = [t for t in e.tags if not t.startswith(GENRE_PREFIX)]
    return ", ".join([e.components.get(Component.SETTING) or e.title, *tags])


def _entry_scene(e: GalleryEntry) -> str:
    return f"{e.title} {' '.join(e.tags)} {e.prompt}"


def _scaled(scores: dict[int, float]) -> dict[int, float]:
    """BM25 scores scaled so the best entry scores 1 (BM25 has no fixed range)."""
    top = max(scores.values(), default=0.0)
    return {i: s / top for i, s in scores.items()} if top > 0 else {}


_NOT_PLACE = frozenset({Component.SUBJECT, Component.ACTION, Component.MOTION, Component.CAMERA,
                        Component.SHOT, Component.LENS, Component.STYLE, Component.PACING,
                        Component.COLOR, Component.AUDIO})


def query_parts(prompt: str, spans: Mapping[Component, Sequence[Any]]) -> tuple[str, str]:
    """(subject words, setting words) of a prompt from its analysed spans (objects with
    `start`, `end`, `text`). The setting is the setting spans plus the words no other
    component claims ("trots through fresh snow": the snow is where it happens even when the
    analysis files only "at dawn" as setting); camera, light, style and the like never count
    as place."""
    subject = " ".join(s.text for s in spans.get(Component.SUBJECT) or [])
    light = [(s.start, s.end) for s in spans.get(Component.LIGHTING) or []]
    # A setting span that is also light ("at dawn") is a time, not a place: the whole scene
    # still counts it, the place does not.
    places = [s for s in spans.get(Component.SETTING) or []
              if not any(a < s.end and s.start < b for a, b in light)]
    taken = [(s.start, s.end) for c, found in spans.items()
             if c in _NOT_PLACE or c in (Component.SETTING, Component.LIGHTING) for s in found]
    return subject, " ".join(" ".join([*(s.text for s in places),
                                       _blanked(prompt, taken)]).split())


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with the characters of every range made spaces, offsets kept. Range by range:
    asking every range about every character cost a long prompt a millisecond or more, the
    larger part of a critique's similar prompts."""
    chars = list(text)
    for a, b in ranges:
        a, b = max(a, 0), min(b, len(chars))
        if a < b:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


Chains = tuple[tuple[int, ...], ...]


def _chains(text: str, limit: int, sense: int = ANY) -> Chains:
    """The WordNet kind chains of the heads of `text`'s noun phrases (see noun_kinds), in the
    sense asked for (a setting's heads as places); heads with no such sense are left out."""
    return tuple(c for c in (kind_chain(h, sense) for h in phrase_heads(text, limit)) if c)


def _kind_scores(index: KeywordIndex, terms: list[str]) -> dict[int, float]:
    """BM25 of the kind terms, scaled by what an entry holding all of those the gallery knows
    would score (about the sum of their idf) rather than by the best entry: an entry that
    shares only a distant kind ("organism") with the prompt stays a small score even when no
    entry shares a closer one."""
    terms = [t for t in terms if index.holding(t)]
    scores = index.score_map(terms)
    top = max(max(scores.values(), default=0.0), sum(index.idf[t] for t in terms))
    return {i: s / top for i, s in scores.items()} if top > 0 else {}


def _kind_tokens(chains: Chains) -> list[str]:
    """Each head's kind and its KIND_LEVELS - 1 nearest hypernyms, as BM25 terms (a synset
    number never collides with a word: words have no "#")."""
    return [f"#{node}" for chain in chains for node in chain[:KIND_LEVELS]]


class GallerySimilarity:
    def __init__(self, kb: KnowledgeBase):
        self.entries: list[GalleryEntry] = list(kb.gallery.values())
        self.subjects = KeywordIndex([tokenize(_entry_subject(e)) for e in self.entries])
        self.settings = KeywordIndex([tokenize(_entry_setting(e)) for e in self.entries])
        self.scenes = KeywordIndex([tokenize(_entry_scene(e)) for e in self.entries])
        self._identity = {_same_text(e.prompt): i for i, e in enumerate(self.entries)}
        self._has = [{c.value for c in e.components} for e in self.entries]
        # Kinds of the annotated subject and setting (the title when an entry has none).
        self.subject_kinds = KeywordIndex([_kind_tokens(_chains(
            e.components.get(Component.SUBJECT) or e.title, SUBJECT_HEADS))
            for e in self.entries])
        self.setting_kinds = KeywordIndex([_kind_tokens(_chains(
            _entry_place_text(e), SETTING_HEADS + len(e.tags), PLACE))
            for e in self.entries])
        self._vectors: tuple[Any, Any] | None = None  # (subject+setting, scene) matrices
        self._vectors_lock = threading.Lock()

    # ---- embeddings (long-running processes only) ---------------------------------------
    def prepare_vectors(self, encoder: Encoder) -> None:
        """Embed every entry's subject+setting and scene once (about a second for 250 entries
        on two cores); a front's warm-up calls this, so no request waits for it."""
        with self._vectors_lock:
            if self._vectors is None and self.entries:
                places = [f"{_entry_subject(e)}. {_entry_setting(e)}" for e in self.entries]
                scenes = [e.prompt for e in self.entries]
                self._vectors = (encoder.encode(places), encoder.encode(scenes))

    @property
    def has_vectors(self) -> bool:
        return self._vectors is not None

    def _cosines(self, encoder: Encoder, prompt: str) -> tuple[Sequence[float], Sequence[float]]:
        """The prompt against each entry's subject+setting and against its whole prompt. One
        encoding per critique (a few ms; it runs on every critique of a warmed server): the
        subject and setting focus comes from the keyword half and the entry side."""
        assert self._vectors is not None
        places, scenes = self._vectors
        query = encoder(prompt)
        return (places @ query).tolist(), (scenes @ query).tolist()

    # ---- ranking ------------------------------------------------------------------------
    def find(self, prompt: str, k: int = 3, model: str | None = None,
             missing: Iterable[str] = (), subject: str | None = None,
             setting: str | None = None, encoder: Encoder | None = None,
             ) -> list[tuple[GalleryEntry, float]]:
        """Up to k entries, best first, with a 0-1 score; the prompt itself is never one.

        `subject` and `setting` are the prompt's own words for them (see `query_parts`); a part
        not given hands its share to the whole scene. An entry must share something with the
        prompt (a word, or with embeddings enough meaning) or be written for the target model:
        a bonus such as "has audio" does not make two prompts alike. `encoder` counts only
        once `prepare_vectors` ran.
        """
        if not self.entries or k <= 0:
            return []
        by_subject = _scaled(self.subjects.score_map(tokenize(subject))) if subject else {}
        by_setting = _scaled(self.settings.score_map(tokenize(setting))) if setting else {}
        w_subject = SUBJECT_WEIGHT if subject else 0.0
        w_setting = SETTING_WEIGHT if setting else 0.0
        w_scene = 1.0 - w_subject - w_setting
        by_scene = _scaled(self.scenes.score_map(tokenize(prompt)))
        vectors: tuple[Sequence[float], Sequence[float]] | None = None
        kind_of_subject: dict[int, float] = {}
        kind_of_setting: dict[int, float] = {}
        if encoder is not None and self._vectors is not None:
            vectors = self._cosines(encoder, prompt)
        else:  # the keyword path: kinds stand in for the meaning embeddings would give
            if subject:
                kind_of_subject = _kind_scores(self.subject_kinds,
                                               _kind_tokens(_chains(subject, SUBJECT_HEADS)))
            if setting:
                kind_of_setting = _kind_scores(self.setting_kinds, _kind_tokens(
                    _chains(setting, SETTING_HEADS, PLACE)))
        itself = self._identity.get(_same_text(prompt))
        wanted = {str(getattr(m, "value", m)) for m in missing} & {c.value for c in Component}
        scored: list[tuple[float, int]] = []
        for i, entry in enumerate(self.entries):
            if i == itself:
                continue
            subj, sett, scene = by_subject.get(i, 0.0), by_setting.get(i, 0.0), by_scene.get(i, 0.0)
            kind_subj, kind_sett = kind_of_subject.get(i, 0.0), kind_of_setting.get(i, 0.0)
            shares = subj > 0 or sett > 0 or scene > 0 or kind_subj > 0 or kind_sett > 0
            if vectors is None:
                subj = (1 - SUBJECT_KIND_SHARE) * subj + SUBJECT_KIND_SHARE * kind_subj
                sett = (1 - SETTING_KIND_SHARE) * sett + SETTING_KIND_SHARE * kind_sett
            else:
                place, whole = vectors[0][i], vectors[1][i]
                shares = shares or place >= MIN_VECTOR_SIMILARITY
                subj = VECTOR_SHARE * place + (1 - VECTOR_SHARE) * subj
                sett = VECTOR_SHARE * place + (1 - VECTOR_SHARE) * sett
                scene = VECTOR_SHARE * whole + (1 - VECTOR_SHARE) * scene
            same_model = bool(model) and entry.model == model
            if not (shares or same_model):  # a named model's own examples may stand alone
                continue
            score = w_subject * subj + w_setting * sett + w_scene * scene
            if same_model:
                score += SAME_MODEL_BONUS
            if wanted:
                score += (MISSING_BONUS / len(wanted)) * len(wanted & self._has[i])
            scored.append((score, i))
        scored.sort(key=lambda t: -t[0])  # stable: ties keep gallery order
        return [(self.entries[i], round(max(0.0, score) / _MAX, 3)) for score, i in scored[:k]]


_cache: dict[int, tuple[KnowledgeBase, GallerySimilarity]] = {}
_cache_lock = threading.Lock()
_CACHE_MAX = 8


def gallery_similarity(kb: KnowledgeBase) -> GallerySimilarity:
    """The index for this knowledge base, built once (a few ms) and kept with it."""
    got = _cache.get(id(kb))
    if got is not None and got[0] is kb:
        return got[1]
    index = GallerySimilarity(kb)
    with _cache_lock:
        if len(_cache) >= _CACHE_MAX:
            _cache.pop(next(iter(_cache)))
        _cache[id(kb)] = (kb, index)  # holding kb keeps its id from being reused
    return index

