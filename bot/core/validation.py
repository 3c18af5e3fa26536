"""Checks on what users type, shared by every front so each says the same clear thing."""

from __future__ import annotations

import difflib
import unicodedata

from bot.core import cached_re as re
from bot.core.knowledge import KnowledgeBase

MAX_PROMPT_CHARS = 4000


class InputError(ValueError):
    """Input a user can fix. The message is one line, safe to show as it is."""


class UnknownModelError(InputError):
    def __init__(self, name: str, suggestions: list[str], known: list[str]):
        self.name = name
        self.suggestions = suggestions
        self.known = known
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown model {name!r}.{hint} Known models: {', '.join(known)}.")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that was not UTF-8, as Python's surrogateescape keeps it in argv and file names."""

BINARY_MESSAGE = "That looks like binary data, not a text prompt."


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Bytes a user gave (stdin, a file, argv) as text. One behaviour everywhere: NUL bytes are
    binary data; anything else that does not decode is named with its first bad byte and that
    byte's offset, and how to fix it, instead of being replaced or guessed."""
    if b"\x00" in data:
        raise InputError(BINARY_MESSAGE)
    name = encoding or "utf-8"
    try:
        return data.decode(name)
    except LookupError:
        raise InputError(f"Unknown encoding {name!r}: try utf-8 or latin-1.") from None
    except UnicodeDecodeError as e:
        label = "UTF-8" if encoding is None else name
        raise InputError(f"input is not {label}: byte 0x{data[e.start]:02X} at offset {e.start}; "
                         "save it as UTF-8 or pass --encoding latin-1") from None


def decode_argument(text: str, encoding: str | None = None) -> str:
    """A command-line string whose non-UTF-8 bytes Python kept as surrogate escapes, decoded
    with `decode_text` (so the same message names the byte); plain strings pass unchanged."""
    if not _ESCAPED_BYTE.search(text):
        return text
    return decode_text(text.encode("utf-8", "surrogateescape"), encoding)


def clean_prompt(text: object, max_chars: int = MAX_PROMPT_CHARS) -> str:
    """Return the prompt stripped and normalised, or raise InputError saying what is wrong."""
    if isinstance(text, bytes):
        text = decode_text(text)
    if not isinstance(text, str):
        raise InputError("A prompt must be text.")
    text = decode_argument(text)
    if "\x00" in text or "\ufffd" in text:
        raise InputError(BINARY_MESSAGE)
    if _CONTROL.search(text):
        raise InputError("The prompt contains control characters; paste plain text.")
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise InputError("The prompt is empty: paste the video prompt you want reviewed.")
    if len(text) > max_chars:
        raise InputError(f"The prompt is {len(text):,} characters; the limit is {max_chars:,}. "
                         "Video models read far less than that: trim it to the shot.")
    return text


def model_names(kb: KnowledgeBase) -> dict[str, str]:
    """Every accepted spelling (lower case) to the profile id."""
    names: dict[str, str] = {}
    for m in kb.models.values():
        for n in (m.id, m.name, *m.aliases):
            names[n.lower()] = m.id
    return names


SUGGEST_MIN_SIMILARITY = 0.6
"""How alike (difflib ratio, 0-1) a typed name and a model's name must be to be offered as a
guess: "rnway" -> runway (0.91), "klong" -> kling (0.8); "foo" resembles nothing and gets none."""


def nearest_models(kb: KnowledgeBase, name: str, n: int = 3,
                   min_similarity: float = SUGGEST_MIN_SIMILARITY) -> list[str]:
    """Profile ids whose closest name is at least `min_similarity` alike, nearest first (ties by
    id, so the order is the same on every run)."""
    key = name.lower().strip()
    best: dict[str, float] = {}
    for alias, mid in model_names(kb).items():
        ratio = difflib.SequenceMatcher(None, key, alias).ratio()
        best[mid] = max(best.get(mid, 0.0), ratio)
    close = [mid for mid, ratio in best.items() if ratio >= min_similarity]
    return sorted(close, key=lambda mid: (-best[mid], mid))[:n]


def resolve_model(kb: KnowledgeBase, name: str | None) -> str | None:
    """Map a user's model name to a profile id; None stays None; unknown raises with suggestions."""
    if name is None or not str(name).strip():
        return None
    key = str(name).lower().strip()
    names = model_names(kb)
    if key in names:
        return names[key]
    compact = re.sub(r"[\s_.-]", "", key)
    for n, mid in names.items():
        if re.sub(r"[\s_.-]", "", n) == compact:
            return mid
    raise UnknownModelError(str(name).strip()[:60], nearest_models(kb, key), sorted(kb.models))
