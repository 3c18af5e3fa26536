"""Validation of what users give the store: each failure is an InputError with a clear message."""

from __future__ import annotations

import unicodedata

from bot.core import cached_re as re
from bot.core.validation import InputError

MAX_NAME = 64
MAX_NOTE = 500
MAX_KEY = 128
MAX_VERSION = 2**31 - 1
"""The largest version a database column holds (Postgres INTEGER); no prompt gets near it."""
_NAME = re.compile(r"^[\w .-]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Scripts that one name may mix: Japanese writes Han, Hiragana and Katakana together.
_SCRIPT_FAMILY = {"CJK": "japanese-chinese", "HIRAGANA": "japanese-chinese",
                  "KATAKANA": "japanese-chinese", "KATAKANA-HIRAGANA": "japanese-chinese"}


def _scripts(text: str) -> set[str]:
    """The writing systems of a text's letters (digits and punctuation have none)."""
    found = set()
    for ch in text:
        if ch.isalpha():
            script = unicodedata.name(ch, "UNKNOWN").split()[0]
            found.add(_SCRIPT_FAMILY.get(script, script))
    return found


def prompt_name(name: object) -> str:
    """The display form of a prompt name: NFKC-normalised (so fullwidth `ｈｅｒｏ１` is `hero1` and
    a decomposed `café` is the composed one) and spaces collapsed. Names that mix writing systems
    are refused: `hero-а` with a Cyrillic `а` would look like `hero-a` and be another prompt."""
    if not isinstance(name, str):
        raise InputError("A prompt name must be text.")
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip()
    if not cleaned:
        raise InputError("The prompt name is empty: give it a short name like `hero-shot`.")
    if len(cleaned) > MAX_NAME:
        raise InputError(f"The prompt name is {len(cleaned)} characters; the limit is {MAX_NAME}.")
    if not _NAME.match(cleaned) or not re.search(r"[^\W_]", cleaned):
        raise InputError(f"The prompt name {cleaned[:MAX_NAME]!r} may only use letters, digits, "
                         "spaces, '-', '_' and '.' (and needs a letter or digit).")
    scripts = _scripts(cleaned)
    if len(scripts) > 1:
        raise InputError(f"The prompt name {cleaned!r} mixes writing systems "
                         f"({', '.join(sorted(s.title() for s in scripts))}); a name like that can "
                         "pass for another. Use one script.")
    return cleaned


def name_key(name: str) -> str:
    """The lookup key: names differ by case or spacing are the same prompt."""
    return prompt_name(name).casefold()


def note(text: object, what: str = "note") -> str | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise InputError(f"The {what} must be text.")
    cleaned = text.strip()
    if not cleaned:
        return None
    if _CONTROL.search(cleaned) or "\x00" in cleaned:
        raise InputError(f"The {what} contains control characters; use plain text.")
    if len(cleaned) > MAX_NOTE:
        raise InputError(f"The {what} is {len(cleaned)} characters; the limit is {MAX_NOTE}.")
    return cleaned


def key(value: object, what: str, max_len: int = MAX_KEY) -> str:
    """Identifiers such as team, platform, scope, user or author: non-empty, bounded, printable."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"The {what} is missing.")
    cleaned = value.strip()
    if len(cleaned) > max_len:
        raise InputError(f"The {what} is {len(cleaned)} characters; the limit is {max_len}.")
    if _CONTROL.search(cleaned) or "\x00" in cleaned or "\n" in cleaned:
        raise InputError(f"The {what} contains control characters.")
    return cleaned


def version_number(value: object) -> int:
    text = str(value).strip().lstrip("vV")
    if not re.fullmatch(r"[+-]?\d+", text, re.ASCII):
        raise InputError(f"{str(value)[:40]!r} is not a version number (1, 2, 3 ...).")
    if text.lstrip("+-0") and len(text.lstrip("+-0")) > len(str(MAX_VERSION)):
        raise InputError(f"There is no version {text[:24]}{'…' if len(text) > 24 else ''}.")
    n = int(text)
    if n < 1:
        raise InputError("Version numbers start at 1.")
    if n > MAX_VERSION:
        raise InputError(f"There is no version {n}.")
    return n


def score(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise InputError("A score is a whole number from 0 to 100.")
    return value
