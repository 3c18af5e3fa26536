"""Colour words read by their grammar: a colour adjective and its compound forms, as an
attribute of the noun they modify (guide: consistency, wardrobe and environment anchors).

English builds colour adjectives from a small set of heads: a plain colour word ("red",
"navy"), a compound whose last part is the head and whose first part shades it ("blood-red",
"rust-coloured", "reddish-brown", "bottle green"), a colour noun turned adjective with a suffix
("reddish", "bluish", "greenish") or a "-coloured"/"-toned"/"-hued" form. Reading the parts
instead of listing every compound lets "rust-red" match "reddish-brown" and "emerald-green"
clash with "blood-red" without either phrase being known in advance.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab

_SUFFIX_FORMS = re.compile(r"(?:-?(?:coloured|colored|toned|tinted|hued|tone|shaded))$")
_ISH = {"reddish": "red", "redish": "red", "bluish": "blue", "blueish": "blue",
        "greenish": "green", "yellowish": "yellow", "orangish": "orange",
        "orangey": "orange", "purplish": "purple", "pinkish": "pink", "brownish": "brown",
        "greyish": "grey", "grayish": "grey", "blackish": "black", "whitish": "white",
        "goldish": "gold", "silvery": "silver", "golden": "golden", "rusty": "rust",
        "inky": "black", "creamy": "cream", "ashen": "ash", "coppery": "copper"}
"""A colour noun with -ish or -y is the same hue, lighter in commitment ("reddish")."""


_BETWEEN: dict[str, frozenset[str]] = {
    **dict.fromkeys(("rust", "copper", "terracotta", "brick"), frozenset({"orange", "red", "brown"})),
    **dict.fromkeys(("maroon", "burgundy", "oxblood", "wine", "plum"),
                    frozenset({"red", "purple", "brown"})),
    **dict.fromkeys(("teal", "turquoise", "cyan", "aqua"), frozenset({"blue", "green"})),
    **dict.fromkeys(("olive", "khaki", "army"), frozenset({"green", "brown"})),
    **dict.fromkeys(("gold", "golden", "ochre", "mustard"), frozenset({"yellow", "orange", "brown"})),
    **dict.fromkeys(("amber", "honey", "saffron"), frozenset({"yellow", "orange"})),
    **dict.fromkeys(("coral", "salmon", "peach", "apricot"), frozenset({"pink", "orange"})),
    **dict.fromkeys(("magenta", "fuchsia"), frozenset({"pink", "purple"})),
    **dict.fromkeys(("lavender", "lilac", "mauve"), frozenset({"purple", "pink"})),
    **dict.fromkeys(("indigo", "violet"), frozenset({"purple", "blue"})),
    **dict.fromkeys(("ivory", "cream"), frozenset({"white", "yellow"})),
    **dict.fromkeys(("beige", "taupe"), frozenset({"brown", "white", "grey"})),
    **dict.fromkeys(("charcoal", "graphite", "onyx"), frozenset({"grey", "black"})),
    **dict.fromkeys(("slate", "steel"), frozenset({"grey", "blue"})),
    **dict.fromkeys(("silver", "ash", "pewter"), frozenset({"grey", "white"})),
    **dict.fromkeys(("chestnut", "auburn", "mahogany"), frozenset({"brown", "red"})),
    **dict.fromkeys(("tan", "camel", "caramel", "tawny"), frozenset({"brown", "orange"})),
    **dict.fromkeys(("sage",), frozenset({"green", "grey"})),
    **dict.fromkeys(("rose",), frozenset({"pink", "red"})),
}
"""Colour words between two or three families: "rust" can be called orange, red or brown, so
it agrees with each; "red" and "orange" are two families and do not (guide: a colour retyped
from memory is two garments to the model)."""


_MORE_COLOURS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("chartreuse",), frozenset({"green", "yellow"})),
    **dict.fromkeys(("bronze",), frozenset({"brown", "orange", "yellow"})),
    **dict.fromkeys(("aqua", "seafoam", "petrol"), frozenset({"blue", "green"})),
    **dict.fromkeys(("espresso", "mahogany"), frozenset({"brown", "red"})),
    **dict.fromkeys(("gunmetal",), frozenset({"grey", "blue"})),
    **dict.fromkeys(("eggshell",), frozenset({"white"})),
    **dict.fromkeys(("buttercup", "canary"), frozenset({"yellow"})),
    **dict.fromkeys(("marigold", "cinnamon"), frozenset({"orange", "brown"})),
    **dict.fromkeys(("ultramarine", "cobalt", "cerulean"), frozenset({"blue"})),
    **dict.fromkeys(("periwinkle",), frozenset({"blue", "purple"})),
    **dict.fromkeys(("aubergine", "eggplant", "orchid"), frozenset({"purple"})),
    **dict.fromkeys(("raspberry", "cranberry"), frozenset({"red", "pink"})),
    **dict.fromkeys(("brass", "brassy"), frozenset({"yellow", "orange", "brown"})),
}
"""Colour names the shared table lacks, by the families they can be called: words that are
colours and nothing else (not "sand", "pine" or "walnut", which name a material as often),
and metals, whose colour is what the eye reads as the metal ("brass" a gold, like "bronze"
and "copper": a brass watch and a silver one are two watches)."""


def hue_of_part(part: str) -> str | None:
    """The hue family of one word part ("reddish" → red, "navy" → blue), or None."""
    part = part.lower().strip("'")
    if part in vocab.HUES:
        return vocab.HUES[part]
    if part.endswith("s") and part[:-1] in vocab.HUES:
        return vocab.HUES[part[:-1]]  # "blues and greys", "pastel pinks"
    base = _ISH.get(part)
    if base:
        return vocab.HUES.get(base)
    return None


def colour_words(words: list[str]) -> list[str]:
    """The colour words among some modifiers, each with the hues it names: a compound gives
    every part that is a colour ("rust-red" → rust, red), its suffix dropped
    ("rust-coloured" → rust)."""
    return [w for w in words if hues_of_word(w)]


def hues_of_word(word: str) -> frozenset[str]:
    """See `_hues_of_word` (cached: a list repeats its colour words in every shot)."""
    return _hues_of_word(word.lower())


@lru_cache(maxsize=8192)
def _hues_of_word(word: str) -> frozenset[str]:
    """The hue families one modifier names: "blood-red" → {red}, "reddish-brown" → {red,
    brown}, "emerald-green" → {green}, "rust-coloured" → {orange}; none for "leather"."""
    low = word.lower()
    if low.endswith("s") and low[:-1] in vocab.HUES:
        low = low[:-1]
    if low in vocab.HUES:
        return frozenset({vocab.HUES[low], *_BETWEEN.get(low, ())})
    stem = _SUFFIX_FORMS.sub("", low)
    parts = re.split(r"[-/]", stem)
    head = parts[-1] if len(parts) > 1 else ""
    if _basic(head) and not any(_basic(p) or p in _ISH for p in parts[:-1]):
        return frozenset({vocab.HUES[head]})  # "mustard-yellow" is a yellow, "olive-green" a green
    found: set[str] = set()
    for part in parts:
        hue = hue_of_part(part) if part else None
        if hue:
            found.add(hue)
            found |= _BETWEEN.get(part, frozenset())
        found |= _MORE_COLOURS.get(part, frozenset())
    return frozenset(found)


def _basic(word: str) -> bool:
    """A basic colour term ("red", "green", "grey"): a family's own name, not a colour between
    families. As the last part of a compound it is the head, and the first part only shades
    it ("mustard-yellow", "olive-green", "blood-red"); two basic terms ("blue-green") or an
    -ish form ("reddish-brown") name both."""
    return bool(word) and vocab.HUES.get(word) == word and word not in _BETWEEN


def hues_of(words: list[str]) -> set[str]:
    """Every hue family some modifiers name; a shade word right before a basic colour term
    only shades it ("olive green", "mustard yellow": as with the hyphen)."""
    out: set[str] = set()
    for i, w in enumerate(words):
        low = w.lower()
        if i + 1 < len(words) and _basic(words[i + 1].lower()) and not _basic(low) and \
                low not in _ISH and hue_of_part(low) is not None:
            continue
        out |= hues_of_word(w)
    return out
