"""The knowledge base: guide sections, model profiles and the annotated gallery, as typed data.

Files are validated on load; a broken one raises `KnowledgeError` naming the file and the field,
because the people who edit these files are writers, not Python programmers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.core import cached_re as re
from bot.core.cache_files import write_cache_file
from bot.core.critique.components import GUIDE_SECTION_IDS, Component

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KNOWLEDGE_DIR = REPO_ROOT / "knowledge"
DEFAULT_GALLERY_DIR = REPO_ROOT / "prompts_library"

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

# Canonical camera moves. Model profiles map each to the phrase that model responds to.
CameraMove = Literal[
    "static", "pan_left", "pan_right", "tilt_up", "tilt_down", "dolly_in", "dolly_out",
    "truck_left", "truck_right", "pedestal_up", "pedestal_down", "orbit", "crane_up",
    "crane_down", "zoom_in", "zoom_out", "handheld", "tracking", "fpv", "aerial",
    "rack_focus", "whip_pan", "shake",
]
CAMERA_MOVES: tuple[str, ...] = CameraMove.__args__  # type: ignore[attr-defined]


class KnowledgeError(Exception):
    """A knowledge file is missing, unreadable or invalid. The message names file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class GuideSection(_Strict):
    """One section of the craft guide: a Markdown file with YAML front matter."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    tags: tuple[str, ...] = Field(min_length=1)
    components: tuple[Component, ...] = ()
    summary: str = Field(min_length=20)
    body: str = Field(min_length=200)
    file: str = ""

    @cached_property
    def subsections(self) -> list[tuple[str, str]]:
        """(heading, text) pairs split on `## ` headings; the intro is under the section title."""
        parts: list[tuple[str, str]] = []
        heading, lines = self.title, list[str]()
        for line in self.body.splitlines():
            if line.startswith("## "):
                if "".join(lines).strip():
                    parts.append((heading, "\n".join(lines).strip()))
                heading, lines = line[3:].strip(), []
            else:
                lines.append(line)
        if "".join(lines).strip():
            parts.append((heading, "\n".join(lines).strip()))
        return parts


SourceKind = Literal["vendor", "community", "framecraft"]
"""vendor: the vendor's own docs; community: third-party docs or practice (API resellers,
write-ups); framecraft: our own choice or testing, which has no public page."""

_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+\S*")


def _check_url(kind: str, url: str | None) -> None:
    """A vendor or community claim names the page it was read on; a framecraft one has none."""
    if kind == "framecraft":
        if url is not None:
            raise ValueError("a framecraft source has no url (it is our own choice or testing)")
        return
    if url is None:
        raise ValueError(f"a {kind} source needs the url of the page it was read on")
    if not _URL.fullmatch(url):
        raise ValueError(f"url {url!r} is not an http(s) address")


class Fact(_Strict):
    text: str = Field(min_length=5)
    source: SourceKind
    url: str | None = None
    """The page the fact was read on; required unless the source is framecraft."""

    @model_validator(mode="after")
    def _sourced(self) -> Fact:
        if self.url is not None:  # required or not is the profile's rule (see _claims_sourced)
            _check_url(self.source, self.url)
        return self


class Source(_Strict):
    """Where one claim of a profile (its camera syntax, a limit, a flag) was read."""

    kind: SourceKind
    url: str | None = None
    note: str = Field(default="", max_length=400)
    """What the page says, in our words, when the value is not obvious from it."""

    @model_validator(mode="after")
    def _sourced(self) -> Source:
        _check_url(self.kind, self.url)
        return self


SourcedClaim = Literal["camera", "max_prompt_chars", "durations_s", "resolutions",
                       "aspect_ratios", "negative_prompt", "audio", "image_input",
                       "languages", "version"]
"""Profile fields whose value is a claim about the model that needs a source."""
REQUIRED_SOURCES: tuple[str, ...] = ("camera", "max_prompt_chars", "durations_s",
                                     "negative_prompt", "audio", "version")
"""Claims every profile must source: camera syntax, the limits and the two feature flags the
translator acts on, and which version the profile describes. `resolutions`,
`image_input` and `languages` need a source when the profile states them."""


class CameraSyntax(_Strict):
    style: Literal["prose", "bracketed", "prefix", "flags"]
    """prose: moves written as sentences; bracketed: `[Pan left, Zoom in]` commands;
    prefix: `Camera move: scene` at the start; flags: command-line style flags (Pika's bot)."""
    max_moves: int = Field(default=2, ge=1, le=5)
    template: str = Field(default="{moves}")
    """How the move phrases are combined, e.g. `[{moves}]` or `{moves}:`."""
    moves: dict[CameraMove, str] = Field(min_length=5)
    """The phrase this model responds to for each canonical move it supports."""


class Bias(_Strict):
    """How the model leans when a component is left open, and what to add to steer it."""

    component: Component
    tendency: str = Field(min_length=5)
    steer: str = Field(min_length=3)
    """Words to add in this model's dialect (e.g. 'film grain, slower pace')."""


class ModelLanguages(_Strict):
    """The languages a model reads a prompt in, and where that is said."""

    reads: tuple[str, ...] = Field(min_length=1)
    """ISO 639-1 codes ("en", "zh"), the best-read first."""
    sources: tuple[Fact, ...] = Field(min_length=1)

    @field_validator("reads")
    @classmethod
    def _codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for code in v:
            if not re.fullmatch(r"[a-z]{2}", code):
                raise ValueError(f"language {code!r} is not an ISO 639-1 code such as en or zh")
        return v
class ImageInput(_Strict):
    """What images a model takes besides the prompt (guide: consistency, "Reference images and
    first frames"), with where that is documented. Image-to-video prompts are judged and
    translated by it: a model that takes a first frame gets a motion-only prompt."""

    first_frame: bool
    """Starts the clip from an image (image-to-video)."""
    last_frame: bool = False
    """Also takes an end frame and generates the motion between the two."""
    reference_images: int | None = Field(default=0, ge=0, le=50)
    """How many reference images (character, object or style) one generation takes: 0 = none,
    None = supported but the count is not published."""
    required: bool = False
    """True when the model only animates an image (Midjourney's video model)."""
    note: str = ""
    source: Literal["vendor", "community", "framecraft"] | None = None
    url: str | None = Field(default=None, pattern=r"^https://")
    """Where the claim can be checked (the vendor's docs or model card); the profile's
    `sources.image_input` lists more."""


class ModelProfile(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str
    vendor: str
    aliases: tuple[str, ...] = ()
    kind: Literal["hosted", "open-weights"]
    personality: str = Field(min_length=20)
    strengths: tuple[str, ...] = Field(min_length=2)
    weaknesses: tuple[str, ...] = Field(min_length=1)
    component_order: tuple[Component, ...] = Field(min_length=5)
    vocabulary: tuple[str, ...] = Field(min_length=5)
    avoid: tuple[str, ...] = Field(min_length=1)
    max_prompt_chars: int = Field(gt=50, le=20000)
    ideal_words: tuple[int, int] = (30, 120)
    negative_prompt: bool
    audio: bool = False
    camera: CameraSyntax
    durations_s: tuple[float, ...] = Field(min_length=1)
    aspect_ratios: tuple[str, ...] = Field(min_length=1)
    biases: tuple[Bias, ...] = ()
    facts: tuple[Fact, ...] = Field(min_length=3)
    image_input: ImageInput | None = None
    """First frame, end frame and reference images (None: not documented here)."""
    version: str = Field(default="", max_length=80)
    """The model version(s) the profile describes, e.g. `Sora 2 / Sora 2 Pro`."""
    resolutions: tuple[str, ...] = ()
    """Output resolutions, e.g. `720p`, `1080p`; a setting, never a prompt word."""
    last_checked: date | None = None
    """When someone last checked the profile's claims against their sources (YYYY-MM-DD)."""
    sources: dict[SourcedClaim, tuple[Source, ...]] = Field(default_factory=dict)
    """For each claim (camera syntax, limits, flags), where it was read. See REQUIRED_SOURCES."""
    syntax_words: tuple[str, ...] = ()
    """Fixed words a translation into this dialect may write that are not the author's: labels
    and connectors of its layout (Sora's `Cinematography:`). Anything else in a translated
    prompt must come from the source prompt (issue 12: translation invents nothing)."""
    languages: ModelLanguages
    """Which languages the model reads (translation keeps a language the model reads)."""
    file: str = ""

    def reads(self, code: str) -> bool:
        return code in self.languages.reads

    @field_validator("aspect_ratios")
    @classmethod
    def _ratios(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for r in v:
            if not re.fullmatch(r"\d+:\d+", r):
                raise ValueError(f"aspect ratio {r!r} is not of the form W:H")
        return v

    @field_validator("resolutions")
    @classmethod
    def _resolutions(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for r in v:
            if not re.fullmatch(r"\d{3,4}p|[248]K", r):
                raise ValueError(f"resolution {r!r} is not of the form 720p or 4K")
        return v

    @model_validator(mode="after")
    def _claims_sourced(self) -> ModelProfile:
        """Every claim and every fact names its source. Only when the profile has a
        last_checked date, so a profile written before sources existed still loads; a test
        (tests/test_knowledge_files.py) requires every shipped profile to have one."""
        if self.last_checked is None:
            return self
        stated = [c for c in ("resolutions", "image_input") if getattr(self, c)]
        for claim in (*REQUIRED_SOURCES, *stated):
            if not self.sources.get(claim):  # type: ignore[call-overload]
                raise ValueError(f"sources.{claim}: missing (every {claim} claim needs the "
                                 f"page it was read on, or kind: framecraft)")
        for i, fact in enumerate(self.facts):
            try:
                _check_url(fact.source, fact.url)
            except ValueError as e:
                raise ValueError(f"facts.{i}.url: {e}") from None
        if not self.version:
            raise ValueError("version: missing (say which model version the profile describes)")
        return self


GENRES: tuple[str, ...] = (
    "product-ad", "music-video", "documentary", "narrative-drama", "animation", "anime",
    "nature", "sports", "food", "fashion", "architecture", "horror", "sci-fi", "explainer",
    "social-vertical", "fantasy", "action", "comedy", "travel", "abstract", "period",
    "wildlife", "automotive", "real-estate", "corporate", "experimental")
"""Genres a gallery entry can be tagged with (`genre:<name>` in its tags), so the gallery can
be checked for coverage and similar prompts matched by the kind of film, not only by words."""
GENRE_PREFIX = "genre:"


class GalleryEntry(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    prompt: str = Field(min_length=20, max_length=4000)
    model: str
    components: dict[Component, str] = Field(min_length=4)
    """Each component's carrying words, copied exactly from the prompt."""
    why: str = Field(min_length=30)
    tags: tuple[str, ...] = Field(min_length=1)
    negative_prompt: str | None = None
    source: Literal["seed", "framecraft"] = "framecraft"
    reference: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """The public example (model card, vendor guide, prompt suite) the entry follows, when it
    follows one; the prompt is then rewritten and annotated in our words."""
    file: str = ""

    @field_validator("tags")
    @classmethod
    def _known_genres(cls, tags: tuple[str, ...]) -> tuple[str, ...]:
        for tag in tags:
            if tag.startswith(GENRE_PREFIX) and tag[len(GENRE_PREFIX):] not in GENRES:
                raise ValueError(f"unknown genre {tag!r}; known: {', '.join(GENRES)}")
        return tags

    @property
    def genres(self) -> tuple[str, ...]:
        """The entry's genres (its `genre:` tags without the prefix)."""
        return tuple(t[len(GENRE_PREFIX):] for t in self.tags if t.startswith(GENRE_PREFIX))

    @model_validator(mode="after")
    def _spans_in_prompt(self) -> GalleryEntry:
        low = self.prompt.lower()
        for name, words in self.components.items():
            if words.lower() not in low:
                raise ValueError(f"components.{name}: {words!r} does not occur in the prompt")
        return self


class KnowledgeBase(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    guide: dict[str, GuideSection]
    models: dict[str, ModelProfile]
    gallery: dict[str, GalleryEntry]

    def model(self, model_id: str) -> ModelProfile:
        return self.models[model_id]


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
    more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"field {loc}: {first['msg']}{more}"


def load_yaml(text: str) -> Any:
    """`yaml.safe_load`, on libyaml's safe loader when PyYAML was built with it (the same data,
    about 8x faster to parse than the pure-Python loader, which was 0.15-0.2 s of every
    command's start). Raises yaml.YAMLError. PyYAML is imported here, not at the top: a
    knowledge base read from the cache needs none of it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader, C or Python)


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeError(f"{path}: cannot read: {e}") from None
    except yaml.YAMLError as e:
        raise KnowledgeError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping of fields at the top level")
    return data


def load_hashed_yaml(path: Path, model: type[_Validated], what: str) -> tuple[_Validated, str]:
    """A knowledge YAML file validated as `model`, with the SHA-256 of its bytes (what a cache
    or a fitted artefact built from it records). KnowledgeError names the file and the field;
    `what` names the file when it is missing ("ethics exemplars file")."""
    if not path.is_file():
        raise KnowledgeError(f"{path}: {what} not found")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        return model.model_validate(_read_yaml(path)), digest
    except ValidationError as e:
        raise KnowledgeError(f"{path}: {_describe(e)}") from None


def _front_matter(path: Path) -> dict[str, Any]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeError(f"{path}: cannot read: {e}") from None
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        raise KnowledgeError(f"{path}: missing YAML front matter between '---' lines")
    try:
        meta = load_yaml(m.group(1))
    except yaml.YAMLError as e:
        raise KnowledgeError(f"{path}: front matter is not valid YAML: {e}") from None
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{path}: front matter must be a mapping of fields")
    meta["body"] = m.group(2).strip()
    return meta


_Entry = TypeVar("_Entry", "GuideSection", "ModelProfile", "GalleryEntry")
_Validated = TypeVar("_Validated", bound=BaseModel)
"""The kinds of knowledge file, one per directory, each with an `id` and a `file`."""


def _load_dir(directory: Path, pattern: str, model: type[_Entry],
              reader: Callable[[Path], dict[str, Any]]) -> dict[str, _Entry]:
    if not directory.is_dir():
        raise KnowledgeError(f"{directory}: knowledge directory not found")
    items: dict[str, _Entry] = {}
    for path in sorted(directory.glob(pattern)):
        data = reader(path)
        rel = _relative(path)
        data["file"] = rel
        try:
            item = model.model_validate(data)
        except ValidationError as e:
            raise KnowledgeError(f"{rel}: {_describe(e)}") from None
        if item.id in items:
            raise KnowledgeError(f"{rel}: field id: {item.id!r} is already used by "
                                 f"{items[item.id].file}")
        items[item.id] = item
    if not items:
        raise KnowledgeError(f"{directory}: no {pattern} files found")
    return items


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


CACHE_PREFIX = "knowledge-"


def _fingerprint(kdir: Path, gdir: Path) -> str:
    """What the parsed knowledge base depends on: every source file's path, size and change
    time, and the code that validates them (a schema change must not reuse an old parse)."""

    files = [*sorted(kdir.glob("guide/*.md")), *sorted(kdir.glob("models/*.yaml")),
             *sorted(gdir.glob("*.yaml")), Path(__file__), Path(__file__).with_name("critique")
             / "components.py"]
    digest = hashlib.sha256()
    for f in files:
        st = f.stat()
        digest.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def load_knowledge(knowledge_dir: Path | None = None, gallery_dir: Path | None = None,
                   cache_dir: Path | None = None) -> KnowledgeBase:
    """Load and cross-check the whole knowledge base. Raises KnowledgeError on any defect.

    With `cache_dir` (the data directory's cache), a base parsed before from the very same
    files is read back from a pickle instead: parsing and validating some 330 files was a
    tenth of a cold `framecraft critique`. Any problem with the cache means a normal load."""
    kdir = Path(knowledge_dir or DEFAULT_KNOWLEDGE_DIR)
    gdir = Path(gallery_dir or DEFAULT_GALLERY_DIR)
    if cache_dir is None:
        return _parse_knowledge(kdir, gdir)
    import pickle

    try:
        path = Path(cache_dir) / f"{CACHE_PREFIX}{_fingerprint(kdir, gdir)}.pickle"
    except OSError:
        return _parse_knowledge(kdir, gdir)
    try:
        cached = pickle.loads(path.read_bytes())
        if isinstance(cached, KnowledgeBase):
            return cached
    except Exception:  # noqa: BLE001 - missing, stale, corrupt or from another version
        pass
    kb = _parse_knowledge(kdir, gdir)
    _write_cache(path, pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
    return kb


def _write_cache(path: Path, data: bytes) -> None:
    """The new cache in place of the older ones (their files' fingerprints differ)."""
    if write_cache_file(path, data):
        for old in path.parent.glob(f"{CACHE_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)


def _parse_knowledge(kdir: Path, gdir: Path) -> KnowledgeBase:
    guide = _load_dir(kdir / "guide", "*.md", GuideSection, _front_matter)
    models = _load_dir(kdir / "models", "*.yaml", ModelProfile, _read_yaml)
    gallery = _load_dir(gdir, "*.yaml", GalleryEntry, _read_yaml)

    known_names: dict[str, str] = {}
    for m in models.values():
        for name in (m.id, *m.aliases):
            key = name.lower()
            if key in known_names and known_names[key] != m.id:
                raise KnowledgeError(f"{m.file}: field aliases: {name!r} is also a name of "
                                     f"{models[known_names[key]].file}")
            known_names[key] = m.id
    for e in gallery.values():
        if e.model not in models:
            raise KnowledgeError(f"{e.file}: field model: {e.model!r} is not a model profile id "
                                 f"(known: {', '.join(sorted(models))})")
    return KnowledgeBase(guide=guide, models=models, gallery=gallery)


def missing_guide_sections(kb: KnowledgeBase) -> list[str]:
    """Section ids the code cites that the guide does not have (a test keeps this empty)."""
    return [s for s in GUIDE_SECTION_IDS if s not in kb.guide]
