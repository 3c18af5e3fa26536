"""Generate bot/core/retrieval/noun_kinds.txt: what kind of thing a common English noun names.

"Prompts like yours" ranks gallery entries by subject and setting first. Words alone do not
know that a sheep and a cheetah are both animals, a tram and a commuter train both public
transport, a foggy forest and a misty pine forest the same kind of place. WordNet does: each
noun sense sits in a tree of hypernyms (sheep -> bovid -> ruminant -> ... -> mammal -> animal
-> organism -> ... -> entity). This script keeps, for every common noun, its most frequent
sense (WordNet lists senses by frequency) and that sense's chain of hypernyms, so the ranking
can measure how close two nouns' kinds are (bot/core/retrieval/noun_kinds.py) without loading
WordNet at run time.

Source: Princeton WordNet 3.0 as Debian ships it (`apt-get install wordnet-base`: the database
files in /usr/share/wordnet; licence: the WordNet licence, free to use, copy and distribute
with its copyright notice, which the output carries). Only nouns whose English frequency
(`wordfreq`, Zipf scale) is at least MIN_ZIPF are kept, so the table stays small; two-word
nouns ("hot dog", "dim sum") are kept under their words joined by a space.

The file is read on every cold critique, so it is laid out to need no parsing: line 1 the
notice, line 2 every synset's parent as a fixed-width number (WIDTH digits, -1 written as all
nines), then one `noun<TAB>synset` line per noun, sorted, found by bisection.

Offline, once (nothing is downloaded at run time). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_noun_kinds.py [--wordnet-dir /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).parent.parent / "bot" / "core" / "retrieval" / "noun_kinds.txt"
MIN_ZIPF = 2.5
"""Zipf 2.5 is about three times in 100 million words: "gibbon", "honeybee" are in,
Latin genus names and rare species mostly out."""
WIDTH = 5
"""Digits per synset number on line 2 (the table keeps well under 10**WIDTH - 1 synsets)."""
HYPERNYM = ("@", "@i")
"""Pointer symbols to a synset's hypernym (instances: "London" -> city)."""
NOTICE = ("WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. "
          "Derived from the noun database: most frequent sense and its first hypernyms.")


def read_parents(data_noun: Path) -> dict[int, int]:
    """Each noun synset's first hypernym (synsets without one are roots)."""
    parents: dict[int, int] = {}
    for line in data_noun.read_text(encoding="latin-1").splitlines():
        if not line or line[0] == " ":
            continue  # the licence header
        fields = line.split(" | ", 1)[0].split()
        offset, words = int(fields[0]), int(fields[3], 16)
        at = 4 + 2 * words
        pointers = int(fields[at])
        for p in range(pointers):
            symbol, target, pos = fields[at + 1 + 4 * p: at + 4 + 4 * p]
            if symbol in HYPERNYM and pos == "n":
                parents[offset] = int(target)
                break
    return parents


def read_first_senses(index_noun: Path) -> dict[str, int]:
    """Each noun lemma's most frequent sense (one or two words, lower case)."""
    senses: dict[str, int] = {}
    for line in index_noun.read_text(encoding="latin-1").splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        lemma = fields[0]
        if lemma.count("_") > 1 or not lemma.replace("_", "").isalpha():
            continue
        pointers = int(fields[3])
        first = int(fields[4 + pointers + 2])
        senses[lemma.replace("_", " ")] = first
    return senses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args(argv)
    data, index = args.wordnet_dir / "data.noun", args.wordnet_dir / "index.noun"
    if not (data.exists() and index.exists()):
        print(f"error: no WordNet noun database in {args.wordnet_dir} "
              "(apt-get install wordnet-base)", file=sys.stderr)
        return 2
    from wordfreq import zipf_frequency

    parents = read_parents(data)
    senses = {w: s for w, s in read_first_senses(index).items()
              if zipf_frequency(w, "en") >= MIN_ZIPF}
    # Renumber the synsets the kept words reach, roots first, so the file stays small.
    kept: dict[int, int] = {}
    order: list[int] = []

    def number(offset: int) -> int:
        chain = []
        while offset not in kept:
            chain.append(offset)
            if offset not in parents:
                break
            offset = parents[offset]
        for o in reversed(chain):
            kept[o] = len(order)
            order.append(o)
        return kept[chain[0]] if chain else kept[offset]

    words = {w: number(s) for w, s in sorted(senses.items())}
    parent_of = [kept[parents[o]] if o in parents else -1 for o in order]
    root = 10**WIDTH - 1
    if len(order) >= root:
        print(f"error: {len(order)} synsets do not fit {WIDTH} digits", file=sys.stderr)
        return 1
    blob = "".join(f"{root if p < 0 else p:0{WIDTH}d}" for p in parent_of)
    lines = sorted(f"{w}\t{n}" for w, n in words.items())
    OUT.write_text("\n".join([NOTICE, blob, *lines]) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns, {len(order)} synsets -> {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
