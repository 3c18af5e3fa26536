"""Generate bot/core/critique/place_words.py: which nouns put a scene indoors or outdoors.

The fact reader (bot/core/critique/facts.py) knows a hand-written list of strong place markers
("kitchen", "forest"). A prompt names its place in many more words ("in the attic", "across the
stadium"). This script extends the list by meaning, not by hand: every whole word of the shipped
MiniLM's vocabulary is embedded in the frame "a scene in the <word>", and compared with the same
frame around the hand-written indoor and outdoor markers (the mean of the three most similar of
each side). A word joins a side when it is place-like (close to some marker, `PLACE_LIKE`) and
clearly nearer one side (`MARGIN`). Things found on both sides of a wall (`EITHER_SIDE`: a
table, a window, a car) never decide, as in facts.py. The reader only consults the table for the
noun that closes a locative phrase ("in the attic", "across a stadium"), never for a bare word.

WordNet (Princeton WordNet 3.0 as Debian ships it in /usr/share/wordnet, read as
gen_noun_kinds.py reads it) adds what the embedding misses, by definition: a noun whose most
frequent sense is a kind of room is indoors; one that is a landform, a body of water, a stand of
vegetation, the ground, a tract of land, a thoroughfare or a path is outdoors ("on the ground",
"down the lane"); a building (`BUILDINGS`) is indoors only after "in", "inside" or "into" (in
the church, but by the church); furniture, a home appliance or bedclothes (`HOUSEHOLD`: a sofa,
an oven, a blanket) put the scene indoors wherever they are named. A noun the two sources put on
opposite sides is dropped: it decides nothing.

Offline, once (the model is not loaded at run time). Run (an optional .npy path keeps the
embedding nearness between runs):
    PYTHONPATH=. .venv/bin/python scripts/gen_place_words.py [nearness.npy]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from exemplar_nearness import nearness, wrapped
from gen_noun_kinds import named, read_parents, read_senses

OUT = Path(__file__).parent.parent / "bot" / "core" / "critique" / "place_words.py"
FRAME = "a scene in the {}"
PLACE_LIKE = 0.65
MARGIN = 0.18
NEAREST = 3
EITHER_SIDE = frozenset(re.findall(r"\w+", """
    table desk chair bench window bar stage floor wall walls roof boat ship car bus train pool
    tent cave tunnel porch balcony deck platform bed door doorway steps stairs corner shelter
    booth counter market station"""))
"""On either side of a wall (facts.py: strong markers only); never a place fact."""
STOP = frozenset(re.findall(r"\w+", """
    the his her hers their theirs its our ours your yours my mine they them he him she we us you
    me himself herself itself themselves this that these those which who whom what possessive"""))
"""Words that cannot be the noun of a place."""


LOOSELY_PLACE_LIKE = 0.5
"""A WordNet place must also read as place-like to the model, more loosely: "flat" or "draw"
have a landform as their first sense but are rarely meant as one."""
WORDNET = Path("/usr/share/wordnet")
WORDNET_INDOORS = ("room.n.01",)
WORDNET_OUTDOORS = ("geological_formation.n.01", "body_of_water.n.01", "vegetation.n.01",
                    "land.n.04", "land.n.02", "tract.n.01", "thoroughfare.n.01", "path.n.04",
                    "sky.n.01")
WORDNET_BUILDINGS = ("building.n.01",)
WORDNET_HOUSEHOLD = ("furniture.n.01", "home_appliance.n.01", "bedclothes.n.01")
"""Things that stand indoors: a bed, a sofa, an oven, a blanket put the scene inside wherever
they are named (not only after a preposition); those found on either side, or nearer the
outdoor markers to the model ("afghan", "cooler"), are left out."""


def proper_synsets(data_noun: Path) -> set[int]:
    """Synsets whose first word is capitalised: names (Africa, the Alps), not kinds of place."""
    out = set()
    for line in data_noun.read_text(encoding="latin-1").splitlines():
        if line and line[0] != " ":
            fields = line.split(" ", 5)
            if fields[4][:1].isupper():
                out.add(int(fields[0]))
    return out


def tagged(index: Path) -> dict[str, int]:
    """How often each lemma of one part of speech was seen in WordNet's tagged texts."""
    out: dict[str, int] = {}
    for line in index.read_text(encoding="latin-1").splitlines():
        if line and line[0] != " ":
            fields = line.split()
            out[fields[0]] = int(fields[4 + int(fields[3]) + 1])
    return out


def mostly_nouns(words: list[str]) -> set[str]:
    """Words read as a noun at least as often as as an adjective, a verb or an adverb ("flat",
    "draw", "short" have a landform among their noun senses but are rarely that noun)."""
    noun = tagged(WORDNET / "index.noun")
    other = [tagged(WORDNET / f"index.{pos}") for pos in ("adj", "verb", "adv")]
    adjectives = other[0]
    comparative = {w for w in words if w.endswith("er") and (
        w[:-2] in adjectives or w[:-1] in adjectives or w[:-3] in adjectives)}  # "cooler"
    return {w for w in words if noun.get(w, 0) >= max(t.get(w, 0) for t in other)} - comparative


def wordnet_sides(words: list[str]) -> tuple[set[str], set[str], set[str], set[str]]:
    """(indoor, outdoor, building, household) nouns among `words` by their most frequent WordNet sense
    (not a name: a proper noun's place is not a kind of place; mostly used as a noun)."""
    parents = read_parents(WORDNET / "data.noun")
    senses = read_senses(WORDNET / "index.noun")
    names = proper_synsets(WORDNET / "data.noun")
    nouns = mostly_nouns(words)

    def kind_of(kinds: tuple[str, ...]) -> set[str]:
        roots = {named(senses, n) for n in kinds}
        out = set()
        for w in words:
            node = (senses.get(w) or [None])[0]
            if node in names or w not in nouns:
                continue
            while node is not None:
                if node in roots:
                    out.add(w)
                    break
                node = parents.get(node)
        return out

    return (kind_of(WORDNET_INDOORS), kind_of(WORDNET_OUTDOORS), kind_of(WORDNET_BUILDINGS),
            kind_of(WORDNET_HOUSEHOLD))


def vocabulary() -> list[str]:
    from bot.core.retrieval.onnx_model import source_dir

    vocab = json.loads((source_dir() / "tokenizer.json").read_text(encoding="utf-8"))
    return sorted(w for w in vocab["model"]["vocab"] if re.fullmatch(r"[a-z]{3,}", w)
                  and w not in STOP and w not in EITHER_SIDE)


def seeds(pattern: str) -> list[str]:
    """The single-word markers of one side of facts.PLACE_WORDS."""
    return [w for w in pattern.split("|") if re.fullmatch(r"[a-z]+", w)]


def main() -> None:
    import numpy as np

    from bot.core.critique.facts import IN, PLACE_WORDS

    words = vocabulary()
    sides = {allows: seeds(pattern) for pattern, allows in PLACE_WORDS}
    indoor = next(v for k, v in sides.items() if k == frozenset({IN}))
    outdoor = next(v for k, v in sides.items() if k != frozenset({IN}))
    print(f"embedding {len(words)} words and {len(indoor) + len(outdoor)} markers...",
          flush=True)
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if cache is not None and cache.exists():
        near_in, near_out = np.load(cache)
    else:
        near_in, near_out = nearness(FRAME, words, [indoor, outdoor], NEAREST)
        if cache is not None:
            np.save(cache, np.stack([near_in, near_out]))
    place_like = np.maximum(near_in, near_out) >= PLACE_LIKE
    ins = [w for w, ok, d in zip(words, place_like, near_in - near_out, strict=True)
           if ok and d >= MARGIN]
    outs = [w for w, ok, d in zip(words, place_like, near_in - near_out, strict=True)
            if ok and d <= -MARGIN]
    loose = dict(zip(words, np.maximum(near_in, near_out) >= LOOSELY_PLACE_LIKE, strict=True))
    wn_in, wn_out, wn_buildings, wn_household = wordnet_sides(words)
    wn_in, wn_out, wn_buildings = ({w for w in side if loose[w]}
                                   for side in (wn_in, wn_out, wn_buildings))
    both = (set(ins) | wn_in) & (set(outs) | wn_out)
    markers = set(indoor) | set(outdoor)
    ins = sorted((set(ins) | wn_in) - (both - set(indoor)))
    outs = sorted((set(outs) | wn_out) - (both - set(outdoor)))
    buildings = sorted(wn_buildings - set(ins) - set(outs) - markers)
    nearer_in = dict(zip(words, near_in > near_out, strict=True))
    household = sorted(w for w in wn_household - set(outs) - set(outdoor) if nearer_in[w])
    body = [
        '"""Generated by scripts/gen_place_words.py from the shipped MiniLM: do not edit by hand.',
        "",
        "Nouns that put a scene indoors or outdoors when they close a locative phrase (\"in the",
        "attic\"), by their nearness to facts.PLACE_WORDS' markers in the frame",
        f"{FRAME!r} (place-like >= {PLACE_LIKE}, margin >= {MARGIN}), and by their most",
        "frequent WordNet sense (a room; a landform, water, vegetation, ground, tract, road or",
        "path). BUILDINGS are indoors only after in, inside or into; HOUSEHOLD things",
        "(furniture, home appliances, bedclothes) put the scene indoors wherever named.\"\"\"",
        "",
        f"INDOORS = frozenset({wrapped(ins)})",
        f"OUTDOORS = frozenset({wrapped(outs)})",
        f"BUILDINGS = frozenset({wrapped(buildings)})",
        f"HOUSEHOLD = frozenset({wrapped(household)})",
    ]
    OUT.write_text("\n".join(body) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(ins)} indoor, {len(outs)} outdoor, "
          f"{len(buildings)} building nouns")


if __name__ == "__main__":
    main()
