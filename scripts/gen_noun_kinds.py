"""Generate bot/core/noun_kinds.txt: what kind of thing a common English noun names.

"Prompts like yours" ranks gallery entries by subject and setting first. Words alone do not
know that a sheep and a cheetah are both animals, a tram and a commuter train both public
transport, a foggy forest and a misty pine forest the same kind of place. WordNet does: each
noun sense sits in a tree of hypernyms (sheep -> bovid -> ruminant -> ... -> mammal -> animal
-> organism -> ... -> entity). This script keeps, for every common noun, its most frequent
sense (WordNet lists senses by frequency) and that sense's chain of hypernyms, so the ranking
can measure how close two nouns' kinds are (bot/core/noun_kinds.py) without loading
WordNet at run time.

Source: Princeton WordNet 3.0 as Debian ships it (`apt-get install wordnet-base`: the database
files in /usr/share/wordnet; licence: the WordNet licence, free to use, copy and distribute
with its copyright notice, which the output carries). Only nouns whose English frequency
(`wordfreq`, Zipf scale) is at least MIN_ZIPF are kept, so the table stays small; two-word
nouns ("hot dog", "dim sum") are kept under their words joined by a space, read in their
first sense that is a kind of their last word's most frequent sense when they have one
(WordNet lists "red fox" first as a plant; its second sense is the fox).

The file is read on every cold critique, so it is laid out to need no parsing: line 1 the
notice, line 2 every synset's parent as a fixed-width number (WIDTH digits, -1 written as all
nines), then one `noun<TAB>synset<TAB>place synset` line per noun, sorted (the place synset is the
word's most frequent sense that is a kind of place, "-" when it has none), found by bisection.

Offline, once (nothing is downloaded at run time). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_noun_kinds.py [--wordnet-dir /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).parent.parent / "bot" / "core" / "noun_kinds.txt"
MIN_ZIPF = 2.5
"""Zipf 2.5 is about three times in 100 million words: "gibbon", "honeybee" are in,
Latin genus names and rare species mostly out."""
WIDTH = 5
"""Digits per synset number on line 2 (the table keeps well under 10**WIDTH - 1 synsets)."""
PLACES = ("location.n.01", "structure.n.01", "way.n.06", "geological_formation.n.01",
          "body_of_water.n.01", "vegetation.n.01", "land.n.04", "atmospheric_phenomenon.n.01",
          "facility.n.01", "area.n.05", "water.n.01")
"""WordNet's kinds of place: a setting is a location (a city, a park, a desert), a structure
(a room, a bridge), a way (a street), a landform (a beach, a mountain), a body of water, a
stand of vegetation (a forest), the ground, the weather, a facility (a station) or a part of a
building (an area such as a kitchen corner); and open water."""
SENSES = 4
"""A word's place sense is looked for among its four most frequent senses ("court":
the tennis court is sense 4)."""
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


def read_senses(index_noun: Path) -> dict[str, list[int]]:
    """Each noun lemma's senses, most frequent first (lower case, words joined by spaces)."""
    senses: dict[str, list[int]] = {}
    for line in index_noun.read_text(encoding="latin-1").splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        lemma, count = fields[0], int(fields[2])
        pointers = int(fields[3])
        start = 4 + pointers + 2
        senses[lemma.replace("_", " ")] = [int(o) for o in fields[start:start + count]]
    return senses


def named(senses: dict[str, list[int]], name: str) -> int:
    """The synset WordNet calls `name` ("location.n.01": the first sense of "location")."""
    lemma, _pos, number = name.rsplit(".", 2)
    return senses[lemma.replace("_", " ")][int(number) - 1]


def sense_under(offsets: list[int], parents: dict[int, int], places: set[int]) -> int | None:
    """The most frequent of the first SENSES senses that is a kind of one of `places`."""
    for offset in offsets[:SENSES]:
        node: int | None = offset
        while node is not None:
            if node in places:
                return offset
            node = parents.get(node)
    return None


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
    every = read_senses(index)
    places = {named(every, name) for name in PLACES}
    senses = {w: s for w, s in every.items() if w.count(" ") <= 1
              and w.replace(" ", "").isalpha() and zipf_frequency(w, "en") >= MIN_ZIPF}
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

    words = {}
    for w, offsets in sorted(senses.items()):
        if " " in w and w.split()[1] in every:  # a "red fox" is a kind of fox: prefer that sense
            head = {every[w.split()[1]][0]}
            offsets = [o for o in offsets[:SENSES] if sense_under([o], parents, head)] + offsets
        place = sense_under(offsets, parents, places)
        words[w] = "\t".join("-" if o is None else str(number(o))
                             for o in (offsets[0], place))
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
