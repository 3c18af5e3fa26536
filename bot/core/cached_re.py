"""The standard `re` module, with compiled programs kept from one process to the next.

Why: a cold `framecraft critique` compiles some 240 regular expressions, most of them large
alternations built from the lexicons, and parsing them (pure Python in `re._parser`) was about
a third of the command's CPU time (issue 15). What the parse produces, the SRE program (a list
of ints plus the group names), depends only on the pattern text, its flags and the interpreter.
So it is stored in the user's cache directory, in a file named after the interpreter's exact
version and SRE's magic number, and handed straight to `_sre.compile` next time: the same
Pattern object the standard module would build, in microseconds.

Use it in place of `re`: `from bot.core import cached_re as re`. Everything else is the standard
module's. Anything wrong with the cache (missing, corrupt, written by another Python, an
interpreter whose private compiler API moved) means a normal compile; an invalid pattern
raises `re.error` as always. `FRAMECRAFT_REGEX_CACHE=0` turns the file off;
`FRAMECRAFT_CACHE_DIR` moves it (tests use that).
"""

from __future__ import annotations

import _sre
import atexit
import importlib
import marshal
import os
import re as _re
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
)
from typing import Any, TypeVar

from bot.core.cache_files import write_cache_file

__all__ = ["ASCII", "DOTALL", "IGNORECASE", "MULTILINE", "NOFLAG", "UNICODE", "VERBOSE", "A",
           "I", "M", "Match", "Pattern", "RegexFlag", "S", "U", "X", "compile", "error",
           "escape", "findall", "finditer", "fullmatch", "longest_first", "match", "search", "split", "sub",
           "subn"]

MAX_PROGRAMS = 4000
"""Programs kept in the file. The lexicons' own patterns are a few hundred; the cap only
matters when patterns are built from users' text, which would otherwise grow the file."""
MAX_AGE_DAYS = 30
"""A program or fact no process has used for this long is dropped at the next save: when a
lexicon or the code changes, the patterns it no longer builds leave the file instead of
staying until the cap pushes them out."""
REFRESH_DAYS = 7
"""A process that used a stored entry last marked used longer ago than this rewrites the file
(once) to mark it again, so entries in use never age out."""

T = TypeVar("T")

Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""What `_sre.compile` takes after the pattern: final flags, code, groups - 1, groupindex,
indexgroup; the code kept as the bytes of an array of SRE code words (a list of Python ints
would hold some 20 MB for the lexicons' programs, the bytes hold 3)."""

_CODE_WORD = "I" if array("I").itemsize == _sre.CODESIZE else ""

Key = tuple[str, int]

_compiled: dict[Key, Pattern[str]] = {}
_programs: dict[Key, Program] | None = None
_recorded: dict[Key, Program] = {}
_facts: dict[tuple[str, str], Any] | None = None
_new_facts: dict[tuple[str, str], Any] = {}
_used_on: dict[Any, int] | None = None
"""The day (since the epoch) each stored program or fact was last used, by its key."""
_used: set[Any] = set()
"""Keys of stored entries this process used (marked used today when it saves)."""
_refresh_due = False
_parser: Any = None
_compiler: Any = None
_saving = False


def cache_file() -> Path | None:
    """Where the programs live, or None when the file is turned off. The name carries the
    interpreter's full version and SRE's magic number: a program is only valid for them."""
    if os.environ.get("FRAMECRAFT_REGEX_CACHE", "").strip().lower() in ("0", "false", "no") \
            or not _CODE_WORD:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache_directory() / f"regex-programs-v3-{tag}.marshal"


def cache_directory() -> Path:
    """The user's cache directory for files Framecraft derives from its own code and shipped
    data (never from members' text): `FRAMECRAFT_CACHE_DIR`, else the platform's rule (XDG on
    Linux). Not created here: a writer creates it when it has something to write."""
    base = os.environ.get("FRAMECRAFT_CACHE_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("framecraft", appauthor=False)
    return Path(base)


def _today() -> int:
    return int(time.time() // 86400)


def _read_file() -> tuple[dict[Key, Program], dict[tuple[str, str], Any], dict[Any, int]]:
    """The stored programs, pattern facts and days last used; empty when there is no usable
    file."""
    path = cache_file()
    if path is None:
        return {}, {}, {}
    try:
        loaded = marshal.loads(path.read_bytes())
        programs, facts, used_on = loaded["programs"], loaded["facts"], loaded["used_on"]
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return {}, {}, {}
    if not all(isinstance(table, dict) for table in (programs, facts, used_on)):
        return {}, {}, {}
    return programs, facts, used_on


def _load() -> None:
    global _programs, _facts, _used_on
    if _programs is None or _facts is None:
        _programs, _facts, _used_on = _read_file()


def _mark_used(key: Any) -> None:
    """Note a stored entry's use; one last marked used long ago makes this process save."""
    global _refresh_due
    if key in _used:
        return
    _used.add(key)
    if (_used_on or {}).get(key, 0) < _today() - REFRESH_DAYS and not _refresh_due:
        _refresh_due = True
        _save_at_exit()


def _stored(key: Key) -> Pattern[str] | None:
    """The pattern rebuilt from a stored program, if there is one that SRE accepts."""
    _load()
    assert _programs is not None
    program = _programs.get(key)
    if program is None:
        return None
    try:
        flags, code_bytes, groups, groupindex, indexgroup = program
        code = array(_CODE_WORD)
        code.frombytes(code_bytes)
        compiled: Pattern[str] = _sre.compile(key[0], flags, code.tolist(), groups, groupindex,
                                              indexgroup)
    except Exception:  # noqa: BLE001 - a damaged entry: SRE's validator refuses it
        return None
    _mark_used(key)
    return compiled


def _compile_recording(key: Key) -> Pattern[str]:
    """What `re._compiler.compile` does, keeping the program it hands to `_sre.compile`.
    An invalid pattern raises `re.error` from the parser, as `re.compile` would."""
    global _parser, _compiler
    pattern, flags = key
    try:
        if _parser is None:
            _parser = importlib.import_module("re._parser")
            _compiler = importlib.import_module("re._compiler")
        parsed = _parser.parse(pattern, flags)
    except error:
        raise
    except Exception:  # noqa: BLE001 - the private API moved: the standard path
        return _re.compile(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final_flags = int(flags | parsed.state.flags)
    compiled: Pattern[str] = _sre.compile(pattern, final_flags, code, parsed.state.groups - 1,
                                          groupindex, tuple(indexgroup))
    if _CODE_WORD and len(_recorded) < MAX_PROGRAMS:
        _save_at_exit()
        _recorded[key] = (final_flags, array(_CODE_WORD, code).tobytes(),
                          parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return compiled


def _save_at_exit() -> None:
    global _saving
    if not _saving:
        _saving = True
        atexit.register(save)


def remembered(kind: str, pattern: str, compute: Callable[[str], T]) -> T:
    """`compute(pattern)`, kept in the same file as the programs: for facts about a pattern
    that cost a parse to learn (which characters can start a match, its literal prefixes).
    The result must be plain data that `marshal` can store (None, str, frozenset, tuples)."""
    _load()
    assert _facts is not None
    key = (kind, pattern)
    if key in _facts:
        _mark_used(key)
        return _facts[key]  # type: ignore[no-any-return]
    value = compute(pattern)
    _facts[key] = value
    if len(_new_facts) < MAX_PROGRAMS:
        _new_facts[key] = value
        _save_at_exit()
    return value


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:  # noqa: A001
    """`re.compile`, served from the programs stored by earlier processes when it can be."""
    try:  # the common case first: a pattern this process compiled before (one dict lookup;
        # the flag tests below cost microseconds through enum's operators, thousands of times
        # a critique). Only (str, int) keys are stored, so nothing else can be found here.
        return _compiled[pattern, flags]  # type: ignore[index]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern) or not isinstance(pattern, str) or flags & _re.DEBUG \
            or flags & _re.TEMPLATE:
        return _re.compile(pattern, flags)
    key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is None:
        found = _stored(key) or _compile_recording(key)
        if len(_compiled) >= MAX_PROGRAMS:
            del _compiled[next(iter(_compiled))]
        _compiled[key] = found
    return found


def save() -> None:
    """Add this process's new programs and facts to the file (best effort, at exit), merged
    with what another process may have written meanwhile; written atomically by the caches'
    one writer (cache_files.write_cache_file), so a reader never sees half a file.

    What this process used or added is marked used today; what nobody used for
    `MAX_AGE_DAYS` is dropped, and past `MAX_PROGRAMS` the least recently used go first."""
    global _refresh_due
    path = cache_file()
    if path is None or not (_recorded or _new_facts or _refresh_due):
        return
    programs, facts, used_on = _read_file()
    today = _today()
    for key in (*_used, *_recorded, *_new_facts):
        used_on[key] = today
    programs = _recent({**programs, **_recorded}, used_on, today)
    facts = _recent({**facts, **_new_facts}, used_on, today)
    used_on = {key: day for key, day in used_on.items() if key in programs or key in facts}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps({"programs": programs, "facts": facts, "used_on": used_on})
    except (OSError, ValueError):
        return
    if not write_cache_file(path, blob):
        return
    _recorded.clear()
    _new_facts.clear()
    _refresh_due = False


def _recent(table: dict[Any, Any], used_on: dict[Any, int], today: int) -> dict[Any, Any]:
    """The entries used in the last MAX_AGE_DAYS, at most MAX_PROGRAMS of them, the most
    recently used kept (an entry with no day, from a file of before, counts as old)."""
    fresh = {key: value for key, value in table.items()
             if used_on.get(key, 0) >= today - MAX_AGE_DAYS}
    if len(fresh) <= MAX_PROGRAMS:
        return fresh
    newest = sorted(fresh, key=lambda key: used_on.get(key, 0), reverse=True)[:MAX_PROGRAMS]
    return {key: fresh[key] for key in newest}


def longest_first(words: Iterable[str]) -> list[str]:
    """Alternatives in the order an alternation wants them: longest first, so "red-brown" is
    tried before "red"; ties alphabetically, so a pattern built from a set has the same text,
    and with it the same stored program, in every process (set order changes with the hash
    seed)."""
    return sorted(words, key=lambda word: (-len(word), word))


def search(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return compile(pattern, flags).search(string)


def match(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return compile(pattern, flags).match(string)


def fullmatch(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return compile(pattern, flags).fullmatch(string)


def findall(pattern: str | Pattern[str], string: str, flags: int = 0) -> list[Any]:
    return compile(pattern, flags).findall(string)


def finditer(pattern: str | Pattern[str], string: str, flags: int = 0) -> Iterator[Match[str]]:
    return compile(pattern, flags).finditer(string)


def split(pattern: str | Pattern[str], string: str, maxsplit: int = 0,
          flags: int = 0) -> list[str | Any]:
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern: str | Pattern[str], repl: str | Callable[[Match[str]], str], string: str,
        count: int = 0, flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern: str | Pattern[str], repl: str | Callable[[Match[str]], str], string: str,
         count: int = 0, flags: int = 0) -> tuple[str, int]:
    return compile(pattern, flags).subn(repl, string, count)
