"""Cut the knowledge base into retrievable chunks, one per unit of meaning.

A guide sub-section, one gallery entry and one facet of a model profile each answer a
different kind of question, so each is its own chunk: retrieval can then cite the exact
sub-section ("Camera language: Pan") instead of a whole chapter. The hash covers everything
that goes into the index, so `sync` re-embeds a chunk exactly when it changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict

from bot.core import cached_re as re
from bot.core.knowledge import GalleryEntry, GuideSection, KnowledgeBase, ModelProfile

ChunkKind = Literal["guide", "gallery", "model"]
KINDS: tuple[str, ...] = ("guide", "gallery", "model")


class Chunk(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: ChunkKind
    ref_id: str
    """The guide section, gallery entry or model profile this chunk comes from."""
    title: str
    text: str
    model: str = ""
    """The model profile id this chunk is about, or "" when it is general."""
    tags: tuple[str, ...] = ()
    file: str = ""
    hash: str = ""

    @property
    def embed_text(self) -> str:
        """What the embedding sees: the title carries the topic when the text is terse."""
        return f"{self.title}.\n{self.text}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


def _hashed(**fields: Any) -> Chunk:
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return Chunk(**fields, hash=hashlib.sha256(payload.encode()).hexdigest()[:32])


def _model_names(kb: KnowledgeBase) -> dict[str, re.Pattern[str]]:
    names: dict[str, re.Pattern[str]] = {}
    for m in kb.models.values():
        words = {m.id, m.name, *m.aliases}
        alts = "|".join(re.longest_first(re.escape(w) for w in words if len(w) > 2))
        names[m.id] = re.compile(rf"\b(?:{alts})\b", re.I)
    return names


def _only_model(heading: str, text: str, names: dict[str, re.Pattern[str]]) -> str:
    """The one model a guide passage is about, or "" when it is general.

    About means named in the heading, or named repeatedly in a text that names no other model;
    a passing mention ("Runway's guide says...") does not make a passage Runway-specific.
    """
    in_heading = [mid for mid, p in names.items() if p.search(heading)]
    if len(in_heading) == 1:
        return in_heading[0]
    counts = {mid: len(p.findall(text)) for mid, p in names.items()}
    named = [mid for mid, n in counts.items() if n]
    return named[0] if len(named) == 1 and counts[named[0]] >= 2 else ""


def guide_chunks(section: GuideSection, names: dict[str, re.Pattern[str]]) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for i, (heading, text) in enumerate(section.subsections):
        intro = i == 0 and heading == section.title
        slug = "intro" if intro else _slug(heading)
        while slug in seen:
            slug += "-2"
        seen.add(slug)
        title = section.title if intro else f"{section.title}: {heading}"
        body = f"{section.summary}\n\n{text}" if intro else text
        chunks.append(_hashed(
            id=f"guide:{section.id}:{slug}", kind="guide", ref_id=section.id, title=title,
            text=body, model=_only_model(heading, text, names),
            tags=tuple(section.tags), file=section.file,
        ))
    return chunks


def gallery_chunk(entry: GalleryEntry) -> Chunk:
    text = f"Prompt: {entry.prompt}\n\nWhy it works: {' '.join(entry.why.split())}"
    if entry.negative_prompt:
        text += f"\n\nNegative prompt: {entry.negative_prompt}"
    return _hashed(
        id=f"gallery:{entry.id}", kind="gallery", ref_id=entry.id,
        title=f"Gallery: {entry.title}", text=text, model=entry.model,
        tags=tuple(entry.tags), file=entry.file,
    )


def _list(items: Iterable[object]) -> str:
    return "; ".join(str(i) for i in items)


def _cited(kind: str, url: str | None) -> str:
    """`vendor, docs.midjourney.com`: the kind of source and the site an answer can name."""
    host = urlsplit(url).netloc if url else ""
    return f"{kind}, {host}" if host else kind


def _image_inputs(m: ModelProfile) -> str:
    """What the model takes besides text, as a sentence for the specs chunk."""
    i2v = m.image_input
    if i2v is None:
        return ""
    parts = ["a first frame" if i2v.first_frame else "", "a last frame" if i2v.last_frame else ""]
    if i2v.reference_images is None:
        parts.append("reference images")
    elif i2v.reference_images:
        parts.append(f"up to {i2v.reference_images} reference images")
    taken = ", ".join(p for p in parts if p)
    if not taken:
        return ""
    needs = " It only animates an image; text alone is not enough." if i2v.required else ""
    return f" Image to video: it takes {taken}.{needs}"


def model_chunks(m: ModelProfile) -> list[Chunk]:
    """One chunk per facet: who the model is, how to write for it, its camera syntax, specs,
    its biases and the sourced facts. Questions about a model ask about one of these."""
    cam = m.camera
    moves = "\n".join(f"{move.replace('_', ' ').capitalize()}: write \"{phrase}\"."
                      for move, phrase in cam.moves.items())
    order = ", ".join(c.value for c in m.component_order)
    facets = {
        "overview": (
            "overview",
            f"{m.name} by {m.vendor} is a {m.kind} video model. {m.personality}\n"
            f"Strengths: {_list(m.strengths)}.\nWeaknesses: {_list(m.weaknesses)}.",
        ),
        "prompting": (
            "how to prompt",
            f"Write prompts for {m.name} in this component order: {order}. "
            f"Aim for {m.ideal_words[0]} to {m.ideal_words[1]} words; the prompt limit is "
            f"{m.max_prompt_chars} characters. Words it responds to: {_list(m.vocabulary)}. "
            f"Avoid: {_list(m.avoid)}. "
            + ("It accepts a negative prompt." if m.negative_prompt
               else "It has no negative prompt field, so phrase everything positively."),
        ),
        "camera": (
            "camera syntax",
            f"{m.name} takes camera moves as {cam.style} (template {cam.template!r}), at most "
            f"{cam.max_moves} per prompt. The phrase for each move:\n{moves}",
        ),
        "specs": (
            "clip length, aspect ratio and audio",
            (f"{m.name} ({m.version}). " if m.version else "")
            + f"{m.name} clip durations: {', '.join(f'{d:g} s' for d in m.durations_s)}. "
            f"Aspect ratios: {', '.join(m.aspect_ratios)}. "
            + (f"Resolutions: {', '.join(m.resolutions)}. " if m.resolutions else "")
            + ("It generates native audio (dialogue, effects, ambience can be prompted)."
               if m.audio else "It generates silent video, no audio.")
            + _image_inputs(m)
            + (f" Profile last checked {m.last_checked}." if m.last_checked else ""),
        ),
        "facts": (
            "facts",
            "\n".join(f"{f.text} (source: {_cited(f.source, f.url)})" for f in m.facts),
        ),
    }
    if m.biases:
        facets["biases"] = (
            "biases and how to steer them",
            "\n".join(f"Left open, {b.component.value}: {b.tendency}. Steer with: {b.steer}."
                      for b in m.biases),
        )
    return [
        _hashed(id=f"model:{m.id}:{facet}", kind="model", ref_id=m.id,
                title=f"{m.name}: {label}", text=text, model=m.id,
                tags=(m.id, *m.aliases), file=m.file)
        for facet, (label, text) in facets.items()
    ]


def build_chunks(kb: KnowledgeBase) -> list[Chunk]:
    names = _model_names(kb)
    chunks: list[Chunk] = []
    for section in kb.guide.values():
        chunks.extend(guide_chunks(section, names))
    for entry in kb.gallery.values():
        chunks.append(gallery_chunk(entry))
    for profile in kb.models.values():
        chunks.extend(model_chunks(profile))
    return chunks
