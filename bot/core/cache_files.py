"""The caches' one atomic writer.

A leaf module (it imports nothing of the core) because both the knowledge loader and
`cached_re`, which every core module imports as `re`, write caches through it: living in
`knowledge` it made an import loop."""

from __future__ import annotations

import os
from pathlib import Path


def write_cache_file(path: Path, blob: bytes) -> bool:
    """Best effort (a read-only data directory only costs the next process the full work);
    written to a temporary name and renamed so a concurrent reader never sees half of it.
    Only into a data directory that exists: the default is relative (`.framecraft`), and a
    `framecraft lint` or `critique` run in someone's project must not create it there."""
    if not path.parent.is_dir():
        return False
    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except OSError:
        return False
    return True
