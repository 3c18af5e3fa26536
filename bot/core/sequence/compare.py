"""Compare the anchors of a sequence's shots: drift and gaps (guide: consistency).

- Drift: the same anchor with values that cannot both hold. For a character, their wardrobe
  and a place, any two shots (a coat that is green in shot 1 and olive-military in shot 3 is
  two coats to the model); for time of day, light direction and palette, two shots in a row
  that flip without a stated reason (the later shot says nothing like "later" or "the lights
  go out"); for lens family and style, any two shots without a stated reason.
- Gap: an anchor given in one shot and not repeated where it applies (the model has no memory
  between generations): a character's description, their wardrobe or a place's details given
  once while the character or place comes back; a time, light, palette, lens or style given in
  one shot of several.

Every finding says which shots, the words, why it matters, and the fix: the anchor's text to
paste into the other shots.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.noun_kinds import PHRASE_ENDS, PLACE, head_synset, kind_chain
from bot.core.sequence.anchors import (
    GLOBAL_ANCHORS,
    Mention,
    ShotAnchors,
    lens_conflict,
    opposite,
    style_conflict,
)
from bot.core.sequence.colour import colour_words, hues_of, hues_of_word
from bot.core.sequence.fixtext import pasteable
from bot.core.sequence.light import SUN_DOWN, SUN_UP, WEAK, sides_comparable
from bot.core.sequence.look import FIXED_LENS
from bot.core.sequence.people import ABSENT, AMBIGUOUS
from bot.core.sequence.place import ORPHAN, PART_OWNER, landform_kinds
from bot.core.sequence.results import Finding, ShotWords
from bot.core.sequence.spans import LIGHT_SOURCES, STOP_LEFT
from bot.core.sequence.weather import weather_drift

WHY_DRIFT: dict[str, str] = {
    "character": "The same character is described two ways: the model draws two different "
                 "people, and the cut shows it.",
    "wardrobe": "Different words for one garment are, to the model, two garments: the costume "
                "changes between shots.",
    "setting": "The same place is described with different details: the set changes between "
               "shots.",
    "time_of_day": "The time of day jumps between consecutive shots with nothing saying why: "
                   "a change of light reads as a change of place or a continuity error.",
    "light_direction": "The light flips sides between consecutive shots with nothing saying "
                       "why: shadows jump at the cut.",
    "palette": "The palette or grade flips between consecutive shots with nothing saying why: "
               "the shots will not cut together without regrading.",
    "lens": "The lens family changes (anamorphic vs spherical or fisheye): bokeh, flares and "
            "distortion change at the cut.",
    "style": "The style changes between shots with nothing saying why: the sequence stops "
             "looking like one film.",
}
WHY_GAP: dict[str, str] = {
    "character": "The character is described in one shot only. Models have no memory between "
                 "generations: the other shots get whoever the model imagines.",
    "wardrobe": "The wardrobe is given in one shot only: every other generation dresses the "
                "character from scratch.",
    "setting": "The place's distinctive details are given once: the model rebuilds it "
               "differently in the other shots.",
    "time_of_day": "The time of day is given in one shot only: the others get whatever light "
                   "the model defaults to.",
    "light_direction": "The light direction is given in one shot only: shadows will fall "
                       "differently in the others.",
    "palette": "The palette or grade is given in one shot only: each other shot is graded by "
               "chance.",
    "lens": "The lens family is given in one shot only: flares, bokeh and distortion will "
            "differ between shots.",
    "style": "The style is given in one shot only: the other shots fall back on the model's "
             "default look.",
}
OWNED = ("character", "wardrobe", "setting")


def find(shots: list[ShotAnchors]) -> list[Finding]:
    """Drift first (in anchor order), then gaps. The scenes the writer marks are read once:
    both the hour and light drift and their gaps stop at a new scene."""
    marked = _marked_starts(shots)
    findings = _owned_drift(shots)
    findings += _sandwiched_places(shots, findings, frozenset(marked))
    findings += _slug_flips(shots, findings)
    findings += _slug_strays(shots, findings, marked)
    findings += _fixture_drift(shots, findings, marked)
    findings += _dressing_swapped(shots, findings, marked)
    findings += _global_drift(shots, marked)
    findings += _sandwiched_hour(shots, findings)
    if not any(f.kind == "drift" and f.anchor == "setting" for f in findings):
        findings += weather_drift(shots, scenes_of(len(shots), marked))
    drifted = {f.subject for f in findings if f.anchor == "character"}
    findings += [f for f in _owned_gaps(shots)
                 if not (f.anchor == "character" and f.subject in drifted)]  # one per character
    drifted_globals = {f.anchor for f in findings if f.anchor in GLOBAL_ANCHORS}
    findings += [f for f in _global_gaps(shots, marked)
                 if f.anchor not in drifted_globals]  # a later shot said it, differently
    order = {a: i for i, a in enumerate(("character", "wardrobe", "setting", *GLOBAL_ANCHORS))}
    findings.sort(key=lambda f: (f.kind != "drift", order.get(f.anchor, 99), f.shots))
    for f in findings:
        f.fix = pasteable(f.fix)
    return findings


# ---- conflicts ----------------------------------------------------------------------------------
def _hues(values: frozenset[str]) -> set[str]:
    return {v[4:] for v in values if v.startswith("hue:")}


def _of(values: frozenset[str], prefix: str) -> set[str]:
    return {v[len(prefix):] for v in values if v.startswith(prefix)}


def _hue_clash(a: set[str], b: set[str]) -> bool:
    """Two colours of no common family. Words between families carry each of them
    (`colour._BETWEEN`), so "rust" agrees with "red" and "brown" but "red" and "orange" clash."""
    return bool(a) and bool(b) and not a & b


_SAME_GARMENT = [frozenset(g) for g in (
    {"trousers", "pants", "slacks"}, {"sneakers", "trainers"}, {"sweater", "jumper", "pullover"},
    {"tshirt", "tee"}, {"sweatshirt", "hoodie"}, {"spectacles", "glasses"},
    {"raincoat", "mac", "slicker"}, {"trenchcoat", "trench"})]
"""Names of one garment in two dialects or registers (trousers and pants, trainers and
sneakers): the same garment to a reader, so a repeat, never a drift."""


def _same_noun(a: str, b: str) -> bool:
    a, b = a.replace("-", ""), b.replace("-", "")
    return a == b or a.endswith(b) or b.endswith(a) or any(
        a in g and b in g for g in _SAME_GARMENT)


def _kind_of(noun: str, kind: str) -> bool:
    """Whether the dictionary makes one garment a kind of another (WordNet: a parka is a
    coat): "her coat" said bare of a parka is the parka, not another garment."""
    chain, of = kind_chain(noun), kind_chain(kind)
    return bool(chain) and bool(of) and of[0] in chain[1:]


def item_compatible(a: Mention, b: Mention) -> bool:
    """Two garment mentions that can be the same garment: the same noun (or one ends the
    other: coat / raincoat; or one said bare is the dictionary's kind of the other: "her coat"
    of a parka), no clash of colour and no clash of material."""
    na, nb = _of(a.values, "noun:"), _of(b.values, "noun:")
    if na and nb and not any(_same_noun(x, y) for x in na for y in nb) and not (
            (not _modifiers(a) or not _modifiers(b)) and
            any(_kind_of(x, y) or _kind_of(y, x) for x in na for y in nb)):
        return False
    if _hue_clash(_hues(a.values), _hues(b.values)) or _shade_clash(a.text, b.text) or \
            _named_apart(a.text, b.text) or renamed_colour(a.text, b.text):
        return False
    ma, mb = _of(a.values, "mat:"), _of(b.values, "mat:")
    if ma and mb and not (ma & mb):
        return False
    if (ABSENT in a.values) != (ABSENT in b.values):
        return False  # "thick black glasses" / "no glasses"
    pa, pb = _patterns(a.text), _patterns(b.text)
    if pa and pb and not (pa & pb):
        return False  # herringbone / plaid
    sa, sb = _shapes(a.text), _shapes(b.text)
    if sa and sb and not (sa & sb):
        return False  # round / rectangular glasses
    return not _described_apart(a, b)


_SHAPES: dict[str, str] = {
    **dict.fromkeys(("round", "circular", "round-framed", "round-rimmed"), "round"),
    **dict.fromkeys(("oval", "oval-framed"), "oval"),
    **dict.fromkeys(("square", "rectangular", "square-framed", "boxy", "oblong"), "square"),
    **dict.fromkeys(("cat-eye", "cat-eyed"), "cat-eye"),
    **dict.fromkeys(("aviator", "aviators", "teardrop"), "aviator"),
    **dict.fromkeys(("hexagonal", "octagonal"), "polygon"),
    **dict.fromkeys(("heart-shaped",), "heart"), **dict.fromkeys(("star-shaped",), "star"),
    **dict.fromkeys(("triangular",), "triangle"),
}
"""The outline of a worn thing, by family: round glasses and rectangular ones are two pairs
of glasses, as a herringbone coat and a plaid one are two coats."""


def _shapes(text: str) -> set[str]:
    return {_SHAPES[w] for w in re.findall(r"[a-z][a-z-]*", text.lower()) if w in _SHAPES}


_WORN_PATTERNS: dict[str, str] = {
    **dict.fromkeys(("plaid", "tartan"), "plaid"),
    **dict.fromkeys(("checked", "checkered", "chequered", "gingham", "check"), "checked"),
    **dict.fromkeys(("striped", "pinstriped", "pinstripe", "stripy", "candy-striped"), "striped"),
    **dict.fromkeys(("herringbone",), "herringbone"),
    **dict.fromkeys(("houndstooth", "dogtooth"), "houndstooth"),
    **dict.fromkeys(("polka-dot", "polka-dotted", "spotted", "dotted"), "dots"),
    **dict.fromkeys(("floral", "flowered", "flowery"), "floral"),
    **dict.fromkeys(("paisley",), "paisley"), **dict.fromkeys(("argyle",), "argyle"),
    **dict.fromkeys(("camo", "camouflage"), "camo"),
    **dict.fromkeys(("leopard-print", "zebra-print", "animal-print"), "animal"),
    **dict.fromkeys(("tie-dye", "tie-dyed"), "tie-dye"),
}
"""The pattern of a cloth, by family: a herringbone coat and a plaid one are two coats."""


def _patterns(text: str) -> set[str]:
    return {_WORN_PATTERNS[w] for w in re.findall(r"[a-z][a-z-]*", text.lower())
            if w in _WORN_PATTERNS}


_NOT_DESCRIBING = frozenset(vocab.words("a an the his her their its my our your same old new "
                                        "usual trademark signature favourite favorite"))


def _modifiers(m: Mention) -> list[str]:
    words = re.findall(r"[a-z][a-z'-]*", m.text.lower())
    nouns = _of(m.values, "noun:")
    return [w for w in words[:-1] if w not in _NOT_DESCRIBING and w not in nouns]


_PLAIN_ADJECTIVES = frozenset(vocab.words(
    "long short tall flat wide narrow big small large little heavy thick thin tight loose baggy "
    "oversized cropped fitted worn battered faded old new torn frayed crisp clean dirty stained "
    "soft bright pale dark light deep shiny matte plain simple classic elegant smart"))
"""Words of size, fit, wear or shade: they say how a garment looks, not which kind it is."""


def _kind_word(word: str) -> bool:
    """Whether a garment's modifier right before its noun names its kind ("porkpie",
    "stovepipe", "bomber"), not its colour, material, shade, size or wear."""
    return not (_colour_or_cloth(word) or word in _PLAIN_ADJECTIVES)


def _colour_or_cloth(word: str) -> bool:
    """Whether a garment's modifier is a colour, a material or a shade ("camel", "wool",
    "dark"): what a garment is like, never which kind it is."""
    return bool(hues_of_word(word)) or word in vocab.MATERIALS or word in _DARK_SHADES or \
        word in _LIGHT_SHADES


def _nearest_kind(mods: list[str]) -> str | None:
    """The word for a garment's kind nearest its noun, past its colour, cloth and shade words
    ("a knee-length grey skirt": knee-length), not a size or a possessive ("her father's
    coat" says whose it is); None when the word before those is no kind word."""
    for word in reversed(mods):
        if _colour_or_cloth(word):
            continue
        return word if _kind_word(word) and not word.endswith(("'s", "’s")) and \
            word not in _GARMENT_STATES and not _STATE_SUFFIX.search(word) else None
    return None


_GARMENT_STATES = frozenset(vocab.words(
    "wet damp soaked sodden drenched muddy dusty dirty filthy bloodied bloody ripped rumpled "
    "creased wrinkled crumpled unbuttoned buttoned open zipped unzipped rolled-up singed "
    "scorched sweaty grimy greasy spotless pressed warm cosy cozy snug favourite favorite"))
_STATE_SUFFIX = re.compile(r"-(?:soaked|dusted|stained|splattered|spattered|streaked|smeared|"
                           r"caked|covered|flecked|drenched|worn)$")
"""How a garment is at the moment, not which kind it is ("a wet camel coat", "a flour-dusted
black apron"): the scene can do that to one garment."""


def _described_apart(a: Mention, b: Mention) -> bool:
    """One garment given a different word for its kind nearest the noun in two shots ("a
    camel trench coat" / "a camel duffel coat", "a knee-length skirt" / "a floor-length
    skirt", `_nearest_kind`), whatever else the two share; or described with two words or
    more each, not one word in common, and each with a word for its kind right before the
    noun ("a flat porkpie hat" / "a tall grey stovepipe hat"): the guide's rule is to repeat
    the descriptors exactly, and a model given two kinds draws two garments. A shorter
    mention ("the hat", "his grey hat") is a reference, and colour or cloth words ("long
    black wool coat" / "heavy dark overcoat") are compared as colours and cloths."""
    ma, mb = _modifiers(a), _modifiers(b)
    ka, kb = _nearest_kind(ma), _nearest_kind(mb)
    if ka and kb and ka not in mb and kb not in ma:
        return True  # "a camel trench coat" / "a camel duffel coat": two kinds of one colour
    return len(ma) >= 2 and len(mb) >= 2 and not (set(ma) & set(mb)) and \
        _kind_word(ma[-1]) and _kind_word(mb[-1])


_DARK_SHADES = frozenset(vocab.words(
    "dark deep navy oxblood maroon burgundy wine plum chocolate espresso charcoal forest bottle "
    "midnight inky aubergine eggplant mahogany jet"))
_LIGHT_SHADES = frozenset(vocab.words(
    "light pale pastel camel tan beige cream ivory sand sandy baby powder sky blush champagne "
    "ecru oatmeal bone mint lavender lilac"))
"""Words that say how dark a colour is, by itself ("navy", "camel") or as a shade of
another ("dark", "pale"): colours of one family at the two ends ("an oxblood coat", "a
camel coat") are two garments, though "oxblood" and "camel" can both be called brown."""


def _named_apart(a: str, b: str) -> bool:
    """One colour word each, between families, that meet only at the edge of both ("mustard"
    is yellow and may be called brown, "burgundy" is red and may be called brown): neither
    one's own family is among the other's, so to a reader they are two colours."""
    ca, cb = colour_words(re.findall(r"[a-z][a-z-]*", a.lower())), \
        colour_words(re.findall(r"[a-z][a-z-]*", b.lower()))
    if len(ca) != 1 or len(cb) != 1:
        return False
    own_a, own_b = vocab.HUES.get(ca[0]), vocab.HUES.get(cb[0])
    if own_a is None or own_b is None:
        return False
    return own_a not in hues_of_word(cb[0]) and own_b not in hues_of_word(ca[0])


_SUFFIXED = re.compile(r"-?(?:coloured|colored|toned|tinted|hued|tone|shaded)$")


def colour_names(text: str) -> frozenset[str]:
    """The colour names a phrase uses, part by part ("dark blue" → blue, "mustard-yellow" →
    mustard, yellow, "rust-coloured" → rust, "reddish" → red): the words a writer chose for
    a colour, not the hue families they fall in."""
    out: set[str] = set()
    for token in re.findall(r"[a-z][a-z-]*", text.lower()):
        for part in re.split(r"[-/]", _SUFFIXED.sub("", token)):
            hues = hues_of_word(part) if part else frozenset()
            if hues:
                base = _ISH_BASE.get(part, part)
                out.add(base[:-1] if base.endswith("s") and hues_of_word(base[:-1]) else base)
    return frozenset(out)


_ISH_BASE = {"reddish": "red", "bluish": "blue", "blueish": "blue", "greenish": "green",
             "yellowish": "yellow", "purplish": "purple", "pinkish": "pink",
             "brownish": "brown", "greyish": "grey", "grayish": "grey", "gray": "grey",
             "whitish": "white", "blackish": "black", "silvery": "silver", "coppery": "copper",
             "rusty": "rust", "golden": "gold", "creamy": "cream", "orangey": "orange"}
"""Forms of one colour name ("reddish" is "red" said loosely, "gray" is "grey" spelt the
American way): the same name, so no renaming."""


def renamed_colour(a: str, b: str) -> bool:
    """One thing's colour named with other words in another shot ("a navy coverall" / "a
    dark blue coverall", "red scarf" / "scarlet scarf"): each names a colour and not one
    colour name is shared. The guide: use identical descriptors, never synonyms; to the model
    two names are two colours (and it may render "navy" and "dark blue" as two blues). A
    shortened form keeps a name ("mustard-yellow raincoat" / "yellow raincoat") and repeats."""
    ca, cb = colour_names(a), colour_names(b)
    return bool(ca) and bool(cb) and not ca & cb


def _shade(text: str) -> set[str]:
    found = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _DARK_SHADES:
            found.add("dark")
        elif word in _LIGHT_SHADES:
            found.add("light")
    return found


def _shade_clash(a: str, b: str) -> bool:
    """A garment named in a dark shade in one shot and a light one in another."""
    sa, sb = _shade(a), _shade(b)
    return len(sa) == 1 and len(sb) == 1 and sa != sb


SET_MATERIALS = frozenset({"brick", "red-brick", "glass", "steel", "concrete", "stone", "marble",
                           "wooden", "wood", "timber", "rattan", "wicker", "chrome",
                           "tiled", "granite", "plaster", "bamboo", "adobe", "metal", "iron",
                           "glass-and-steel", "thatched", "thatch", "slate", "tin",
                           "corrugated", "sandstone", "limestone", "mud", "canvas", "log",
                           "clapboard", "stucco", "cobblestone", "asphalt", "gravel"})
SET_ERAS: dict[str, str] = {
    **dict.fromkeys(("victorian", "gothic", "medieval", "ancient", "baroque", "edwardian",
                     "old", "antique", "rustic", "colonial", "art-deco", "1920s", "vintage"),
                    "old"),
    **dict.fromkeys(("modern", "futuristic", "contemporary", "minimalist", "sci-fi", "high-tech",
                     "brutalist", "neon-lit", "glass-and-steel", "sleek"), "new"),
}


SET_COVER: dict[str, str] = {**dict.fromkeys(("indoor", "indoors", "covered", "interior"), "in"),
                             **dict.fromkeys(("outdoor", "outdoors", "open-air", "exterior",
                                              "rooftop"), "out")}
"""Under a roof or open to the sky: an outdoor pool in one shot and an indoor one in the next
are two sets."""


SET_SEASON: dict[str, str] = {
    **dict.fromkeys(("snowy", "snow-covered", "snowbound", "frozen", "icy", "wintry", "winter",
                     "frost-covered", "frosty"), "winter"),
    **dict.fromkeys(("autumn", "autumnal", "fall", "leaf-strewn"), "autumn"),
    **dict.fromkeys(("spring", "springtime", "blossoming", "blooming", "flowering"), "spring"),
    **dict.fromkeys(("summer", "summery", "lush", "sunbaked", "sun-baked", "parched"), "summer"),
}
"""The season a place is described in: a snowy forest and a lush summer one are two sets
unless a shot says time has passed."""


SET_STATES: tuple[dict[str, str], ...] = (
    {**dict.fromkeys(("empty", "deserted", "abandoned", "vacant"), "empty"),
     **dict.fromkeys(("crowded", "busy", "packed", "bustling", "thronged", "teeming"), "full")},
    {**dict.fromkeys(("narrow", "cramped", "tiny", "poky"), "small"),
     **dict.fromkeys(("wide", "vast", "spacious", "huge", "cavernous", "sprawling"), "large")},
    {**dict.fromkeys(("cluttered", "messy", "chaotic", "overflowing"), "cluttered"),
     **dict.fromkeys(("tidy", "bare", "spotless", "minimalist", "empty-shelved"), "bare")},
    {**dict.fromkeys(("cobbled", "cobblestone", "cobblestoned"), "cobble"),
     **dict.fromkeys(("asphalt", "tarmac", "paved"), "asphalt"),
     **dict.fromkeys(("dirt", "muddy", "unpaved"), "dirt"), "gravel": "gravel"},
    {**dict.fromkeys(("sandy", "sand"), "sand"),
     **dict.fromkeys(("pebble", "pebbled", "shingle", "stony"), "pebble")},
    {**dict.fromkeys(("wet", "rain-slicked", "rain-soaked", "rain-wet", "puddled", "slick",
                      "waterlogged", "flooded", "soaked", "sodden", "drenched"), "wet"),
     **dict.fromkeys(("dry", "bone-dry", "dusty", "parched", "arid", "sun-baked",
                      "sunbaked"), "dry")},
    {"floral": "floral", **dict.fromkeys(("striped", "pinstriped"), "striped"),
     **dict.fromkeys(("checked", "checkered", "chequered", "gingham"), "checked"),
     **dict.fromkeys(("plaid", "tartan"), "plaid"), "polka-dot": "dots", "paisley": "paisley",
     "geometric": "geometric"},
)
"""Opposite states of one place, each a pair of word groups: an empty platform and a crowded
one, a cramped room and a vast one, a cobbled street and an asphalt one, a sandy beach and a
pebble one. Without a stated reason (time passes) they are two sets."""


def setting_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two descriptions of one place that cannot both hold: colours, building materials or
    era words that differ (a "red-brick Victorian library" is not a "glass-and-steel modern
    library atrium")."""
    if _hue_clash(_hues(a), _hues(b)) or _repainted(a, b):
        return True
    pa, pb = _pairs(a), _pairs(b)
    for other, parts in ((b, pa), (a, pb)):
        for noun, words_ in parts.items():
            if f"detail:{noun}" in other and _hue_clash(hues_of(list(words_)), _hues(other)):
                return True  # "a beach of white sand" / "a black volcanic sand beach"
    for noun in set(pa) & set(pb):
        ha, hb = hues_of(list(pa[noun])), hues_of(list(pb[noun]))
        ma, mb = _materials(pa[noun], things=True), _materials(pb[noun], things=True)
        if _hue_clash(ha, hb) or (ma and mb and not (ma & mb)) or _states_clash(pa[noun],
                                                                              pb[noun]):
            return True
    da, db = _of(a, "detail:"), _of(b, "detail:")
    ma, mb = _materials(da), _materials(db)
    if ma and mb and not (ma & mb):
        return True
    ea, eb = {SET_ERAS[w] for w in da if w in SET_ERAS}, {SET_ERAS[w] for w in db if w in SET_ERAS}
    if len(ea) == 1 and len(eb) == 1 and ea != eb:
        return True
    ia, ib = {SET_COVER[w] for w in da if w in SET_COVER}, {SET_COVER[w] for w in db if w in SET_COVER}
    if len(ia) == 1 and len(ib) == 1 and ia != ib:
        return True
    sa, sb = {SET_SEASON[w] for w in da if w in SET_SEASON}, \
        {SET_SEASON[w] for w in db if w in SET_SEASON}
    if len(sa) == 1 and len(sb) == 1 and sa != sb:
        return True
    return _states_clash(da, db)


def _states_clash(a: set[str], b: set[str]) -> bool:
    """Words of one place (or one of its parts) in opposite states (`SET_STATES`)."""
    return any(len(x) == 1 and len(y) == 1 and x != y
               for x, y in (({t[w] for w in a if w in t}, {t[w] for w in b if w in t})
                            for t in SET_STATES))


_PATTERNS = frozenset({"striped", "stripes", "checked", "checkered", "chequered", "banded",
                       "plaid", "tartan", "spotted", "polka-dot", "zigzag", "candy-striped"})


def _repainted(a: frozenset[str], b: frozenset[str]) -> bool:
    """A place painted one colour in one shot and in a pattern of other colours in another
    ("a white lighthouse" / "a red-and-white striped lighthouse"): two buildings to a model."""
    ha, hb = _hues(a), _hues(b)
    pat_a = bool(_of(a, "detail:") & _PATTERNS)
    pat_b = bool(_of(b, "detail:") & _PATTERNS)
    return bool(ha and hb) and ha != hb and pat_a != pat_b


def _pairs(values: frozenset[str]) -> dict[str, set[str]]:
    """A place's details by their noun: {"tile": {"yellow"}, "oven": {"brick"}}."""
    out: dict[str, set[str]] = {}
    for v in values:
        if v.startswith("dn:"):
            _, noun, word = v.split(":", 2)
            out.setdefault(noun, set()).add(word)
    return out


_WOODS = frozenset({"wooden", "wood", "timber", "oak", "pine", "walnut", "mahogany", "teak",
                    "cedar", "birch", "maple", "ebony"})
_METALS = frozenset({"steel", "iron", "chrome", "metal"})


_BUILT_OF = re.compile(r"-(?:panell?ed|clad|lined|floored|beamed|framed|built|walled|"
                       r"boarded|shingled|roofed|fronted)$")
"""A material joined to how a place is built with it ("walnut-panelled", "cedar-clad",
"oak-beamed"): a tree's name there is the wood, not a forest."""


def _materials(words: set[str], things: bool = False) -> set[str]:
    """The building materials named, by family: any wood ("oak", "wooden") is wood, any metal
    also "metal", so "oak shelves" and "wooden shelves" agree and "white metal shelves" do
    not. A tree's name is a material only on a thing (`things`: "oak shelves"), not on the
    place itself ("a pine forest")."""
    found = set()
    for w in words:
        built = bool(_BUILT_OF.search(w))  # "walnut-panelled": the tree is what it is built of
        for part in [w, *w.split("-")]:
            if part in _WOODS:
                if things or built or part in {"wooden", "wood", "timber"}:
                    found.add("wood")
            elif part in _METALS:
                found |= {part, "metal"}
            elif part in SET_MATERIALS:
                found.add(part)
    return found


def _hair_renamed(a: frozenset[str], b: frozenset[str]) -> bool:
    """One hair colour named with other words ("fair" / "blonde", "silver" / "grey"): the
    guide's rule, identical descriptors, never synonyms. "Honey-blonde" then "blonde" keeps a
    name; "greying" is "grey"."""
    na = {_HAIR_FORMS.get(v[5:], v[5:]) for v in a if v.startswith("name:")}
    nb = {_HAIR_FORMS.get(v[5:], v[5:]) for v in b if v.startswith("name:")}
    return bool(na) and bool(nb) and not na & nb


_HAIR_FORMS = {"blond": "blonde", "gray": "grey", "greying": "grey", "graying": "grey",
               "grayish": "grey", "greyish": "grey", "reddish": "red", "brownish": "brown"}


def _age_range(v: str) -> tuple[int, int]:
    lo, hi = v.split("-")
    return int(lo), int(hi)


def trait_clash(slot: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two values of one character trait describe two different people."""
    if slot.startswith("mark:"):
        of_a, of_b = {v for v in a if v.startswith("of:")}, {v for v in b if v.startswith("of:")}
        if of_a and of_b and not of_a & of_b:
            return True  # a snake tattoo and a dragon tattoo: two tattoos
        at_a, at_b = _of(a, "part:"), _of(b, "part:")
        if at_a and at_b and not at_a & at_b:
            return True  # a scar across the chin, then across the cheek: another face
        a, b = a - of_a - {"part:" + p for p in at_a}, b - of_b - {"part:" + p for p in at_b}
    if slot == "hair_colour" and _hair_renamed(a, b):
        return True
    if a & b:
        return False
    if slot == "hair_colour":
        return not any(frozenset({x, y}) in vocab.NEAR_HAIR for x in a for y in b)
    if slot == "age":
        (alo, ahi), (blo, bhi) = _age_range(min(a)), _age_range(min(b))
        slack = 1 if min(ahi, bhi) < 20 else 3  # a child's years show; an adult's less
        return ahi + slack < blo or bhi + slack < alo
    if slot.startswith(("mark:", "makeup:")):
        return "?" not in a and "?" not in b  # "heavy make-up": no colour to clash
    return True  # hair length, facial hair, eyes: different words, different face


def _clash(m: Mention, others: list[Mention]) -> bool:
    """Whether a mention in a later shot cannot be what the earlier shot said."""
    if not others:
        return False
    if m.anchor == "wardrobe":
        if m.slot in {"carried", "neck", "eyes"}:
            same = [o for o in others if _same_noun(next(iter(_of(m.values, "noun:")), ""),
                                                    next(iter(_of(o.values, "noun:")), ""))]
            return bool(same) and not any(item_compatible(m, o) for o in same)
        return not any(item_compatible(m, o) for o in others)
    if m.anchor == "character":
        return all(trait_clash(m.slot, m.values, o.values) for o in others)
    if m.anchor == "setting":
        same = [o for o in others if o.owner == m.owner] or others  # the cafe, not its bar
        said = [o for o in same if o.values] or same  # "EXT. FARMHOUSE" bare beside "a red
        # clapboard farmhouse" in one shot: the described one is what the place is there
        return all(setting_clash(m.values, o.values) for o in said)
    return False


EXCUSES: dict[str, tuple[str, ...]] = {
    "character": ("face",), "wardrobe": ("clothes",), "setting": ("look", "time"),
    "time_of_day": ("time", "light"), "light_direction": ("light", "time", "side"),
    "palette": ("light", "look", "grade"), "lens": ("look",), "style": ("look",),
}
"""Which stated reasons (anchors.ShotAnchors.reasons) make a change of each anchor intended:
a jump of years changes a face (`face`; new clothes do not), storm clouds the light, a
flashback the look."""


def _involved(shots: list[ShotAnchors], anchor: str, owner: str | None,
              slot: str | None = None) -> list[int]:
    return [i for i, s in enumerate(shots)
            if any(m.values and (slot is None or m.slot == slot) for m in s.of(anchor, owner))]


def _said_from(low: str, reason: str, kind: str) -> int:
    """Where a stated reason stands in a shot's text, for `_excused`'s "said after the
    anchor": its start, or for a change of clothes its end, since the clause that takes a
    garment off names it ("Ama pulls the black gown off"): the garment said inside the clause
    that removes it is the one the change ends."""
    at = low.rfind(reason)
    return at + len(reason) if kind == "clothes" and at >= 0 else at


def _someone_elses(shot: ShotAnchors, reason: str, owner: str) -> bool:
    """Whether a change of clothes is another character's: its clause names someone of the
    shot before it, and the last so named (the subject who dresses) is not `owner` ("Ama
    pulls the black gown off" changes Ama's clothes, not her father's glasses). A change said
    with no one named before it ("Outfit change:", "she changes") may be anyone's."""
    if not owner:
        return False
    text = shot.shot.prompt
    at = text.lower().rfind(reason.lower())
    if at < 0:
        return False
    start = max(text.rfind(c, 0, at) for c in ".;:!?") + 1
    named = [(m.start(), key) for key in shot.present
             for m in re.finditer(r"(?<![\w'-])" + re.escape(key) + r"(?![\w-])", text[start:at])]
    return bool(named) and max(named)[1] != owner


def _excused(shots: list[ShotAnchors], prev: int, cur: int, anchor: str,
             stated: list[Mention]) -> bool:
    """Whether a stated reason makes a change of an anchor between two shots intended: one in
    the later shot or a shot between, or one in the earlier shot said after its own mention
    of the anchor (the change happens at its end). The sun sinking or rising moves the time
    of day on to the next part of the day (afternoon to dusk), not from dawn to evening. A
    time jump licenses a new palette when it lands at another hour ("cut to the next
    morning"), not when only years pass."""
    kinds = EXCUSES[anchor]
    owner = next((m.owner for m in stated if m.owner), "")
    if anchor == "palette" and _values(shots[cur], "time_of_day") - \
            _values(shots[prev], "time_of_day") - {WEAK}:
        kinds = (*kinds, "time")  # cut to the next morning: a new hour, a new light, a new grade
    far = anchor == "time_of_day" and not _next_part(_values(shots[prev], anchor),
                                                     _values(shots[cur], anchor))

    def says(shot: ShotAnchors, at: int) -> bool:
        low = shot.shot.prompt.lower()
        sun = set(shot.reasons.get("sun", [])) if far else set()
        if far:  # "the streetlights are coming on" is the new hour itself, not a way to reach it
            said = [m.text.lower() for m in shot.of("time_of_day")]
            sun |= {r for r in shot.reasons.get("light", [])
                    if any(t in r.lower() or r.lower() in t for t in said)}
        return any(_said_from(low, r.lower(), k) >= at for k in kinds
                   for r in shot.reasons.get(k, []) if r not in sun and
                   not (k == "clothes" and _someone_elses(shot, r, owner)))

    if any(says(shots[j], 0) for j in range(prev + 1, cur + 1)):
        return True
    if anchor in ("palette", "light_direction") and _new_place_lit(shots, cur):
        return True
    if anchor == "light_direction" and _only_new_places(shots, prev, cur):
        return True
    return says(shots[prev], max((m.end for m in stated), default=0))


_OWN_LIGHT = re.compile(r"(?<![\w-])(?:under|beneath|in|by)\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?:[\w-]+\s+){0,3}?(?:fluorescent|fluorescents|tubes|neon|neons|"
                        r"strip lights?|lamps?|lamplight|bulbs?|candlelight|firelight|"
                        r"floodlights?|spotlights?|streetlights?|streetlamps?|lanterns?|"
                        r"sodium lights?)(?![\w-])", re.I)


def _new_place_lit(shots: list[ShotAnchors], cur: int) -> bool:
    """Whether a shot moves to a place no earlier shot named and says what lights it there
    ("Inside the bus, under cold fluorescent tubes"): the new place's light is the reason its
    grade and light direction differ."""
    text = shots[cur].shot.prompt
    if _OWN_LIGHT.search(text) is None:
        return False
    here = shots[cur].places
    before = set().union(*(s.places for s in shots[:cur]))
    if here and before and not (here & before):
        return True
    moved = _MOVED.search(text)
    if moved is None or cur == 0:
        return False
    was = _MOVED.search(shots[cur - 1].shot.prompt)
    return was is None or was.group(1).lower() != moved.group(1).lower()


def _only_new_places(shots: list[ShotAnchors], prev: int, cur: int) -> bool:
    """Whether a shot is set only in places no shot up to `prev` named, while those shots named
    one (the highway, then the gas station): light falls from where a place's sources are, so
    a side given at one place says nothing of the side at another."""
    here = shots[cur].places
    before = set().union(*(s.places for s in shots[:prev + 1]))
    return bool(here) and bool(before) and not here & before


_MOVED = re.compile(r"^(?:[^:.]{0,80}:\s*)?(?:back\s+)?(?:inside|indoors|outside|outdoors|into|"
                    r"within)\s+(?:the\s+|a\s+|an\s+)?((?:[\w'-]+\s+){0,2}?[\w'-]+)(?=[,.;:]|\s)",
                    re.I)
"""A shot that opens by moving in or out ("Inside the bus, ...", "Wide: outside the
station"), with the words of where it has moved to."""


_GOES_BACK = re.compile(r"^(?:[^:.]{0,80}:\s*)?(?:(?:and|then|now|we(?:'re| are)?|cut)\s+)?"
                       r"(?:back|returns?|returning)\s+(?:again\s+)?(?:with|to|at|in|on|inside|"
                       r"among|amid)(?![\w-])", re.I)
"""A shot that opens by going back ("FINAL CHORUS: back with the band", "Cut back to the
rink", "Returning to the kitchen"): the story returns to a place of an earlier shot, so the
place of the shot just before is not the one it owes."""


_BACK_AT = re.compile(r"(?<![\w-])(?:back|returns?|returning|returned)\s+(?:again\s+)?(?:to|at|in|"
                      r"on|inside|into)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?"
                      r"((?:[\w'-]+\s+){0,4}?[\w'-]+)(?=[,.;:!?]|$)", re.I)


def _says_back_at(shot: ShotAnchors, homes: set[str]) -> bool:
    """Whether a shot says the story is back in one of `homes`, anywhere in it ("Leo, white
    jacket, back at the pass in the restaurant kitchen"): a return is stated, so the shot
    before it was away on purpose, not the set drifting."""
    return any(set(re.findall(r"[a-z][a-z'-]*", m.group(1).lower())) & homes
               for m in _BACK_AT.finditer(shot.shot.prompt))


def _goes_back(shot: ShotAnchors) -> bool:
    """Whether a shot opens by going back to an earlier place (`_GOES_BACK`)."""
    return _GOES_BACK.search(shot.shot.prompt) is not None


def _moved_elsewhere(shot: ShotAnchors, place: str) -> bool:
    """Whether a shot opens inside or outside somewhere that is not `place` ("Inside the mail
    car, ..."): the story has moved on, though no place noun names where."""
    moved = _MOVED.search(shot.shot.prompt)
    return moved is not None and place not in moved.group(1).lower()


_DAY_ORDER = ("dawn", "morning", "midday", "afternoon", "dusk", "night")


def _next_part(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the later time `b` is the earlier time `a` or the part of the day right after
    it (afternoon then dusk, night then dawn): where the moving sun takes a scene."""
    at = {_DAY_ORDER.index(v) for v in a if v in _DAY_ORDER}
    bt = {_DAY_ORDER.index(v) for v in b if v in _DAY_ORDER}
    return any((y - x) % 6 in {0, 1} for x in at for y in bt)


def _later_that_day(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the time `b` can be later the same day than `a` (morning then dusk), or the
    part of the day right after it (night then dawn): the clock running on, not back."""
    at = {_DAY_ORDER.index(v) for v in a if v in _DAY_ORDER}
    bt = {_DAY_ORDER.index(v) for v in b if v in _DAY_ORDER}
    return any(y >= x or (y - x) % 6 == 1 for x in at for y in bt)


def _walk(shots: list[ShotAnchors], where: list[int], anchor: str,
          mentions: Callable[[int], list[Mention]]) -> tuple[list[int], list[Mention]]:
    """Walk the shots that state one anchor in order: each is compared with the value in force
    (the first shot's, or the last one a stated reason brought in); a shot back at a value a
    reason replaced returns to it (the present after a flashback, the lights back on). Returns
    the shots that clash without a reason, and the value in force at the first clash (the
    fix)."""
    canon = mentions(where[0])
    left: list[list[Mention]] = []  # the values stated reasons replaced
    clashing: list[int] = []
    fix = list(canon)
    for prev, i in zip(where, where[1:], strict=False):
        mine = mentions(i)
        if not any(m.values for m in canon):
            canon, fix = mine, list(mine)  # "a beach", then "a white sand beach": the first words
            continue
        if _excused(shots, prev, i, anchor, mentions(prev)):
            left.append(canon)
            canon = mine
            continue
        if any(_clash(m, canon) for m in mine) and not any(
                not any(_clash(m, old) for m in mine) for old in left):
            if not clashing:
                fix = list(canon)
            clashing.append(i)
        elif anchor == "setting" and len(canon) == 1 and mine:
            added = frozenset().union(*(m.values for m in mine))
            canon = [replace(canon[0], values=canon[0].values | added)]  # "her sleeper cabin",
            # then "her chrome-and-white plastic cabin": what it is made of, from then on
    return clashing, fix


def _owned_drift(shots: list[ShotAnchors]) -> list[Finding]:
    """Per character (identity and wardrobe together) and per place: one drift finding when
    any trait, garment or detail clashes; `shots` are every shot that states the clashing
    trait (either value), `fix` the words in force before the clash."""
    out: list[Finding] = []
    owners = _owners(shots)
    for owner in owners:
        involved: set[int] = set()
        differ: set[int] = set()
        fixes: list[Mention] = []
        slots: set[tuple[str, str]] = set()
        cross: dict[str, str] = {}  # a slot drifted into another slot's words (see below)
        for anchor in ("character", "wardrobe"):
            for slot in sorted({m.slot for s in shots for m in s.of(anchor, owner)} - {"look"}):
                where = _involved(shots, anchor, owner, slot)
                if len(where) < 2:
                    continue
                clashing, fix = _walk(shots, where, anchor,
                                      _slot_mentions(shots, anchor, owner, slot))
                if clashing:
                    involved.update(where)
                    differ.update(clashing)
                    fixes += fix
                    slots.add((anchor, slot))
        bald = _bald_clash(shots, owner)
        if bald:
            involved.update(bald[0])
            differ.update(bald[1])
            fixes += bald[2]
            slots |= {("character", "hair_length"), ("character", "hair_colour"),
                      ("character", "hair_texture")}
            cross.update(_cross_replace({("character", s) for s in _HEAD_HAIR}, bald[2]))
        outfit = _outfit_mentions(shots, owner)
        where = [i for i in range(len(shots)) if outfit(i)]
        if len(where) >= 2:
            clashing, fix = _walk(shots, where, "wardrobe", outfit)
            if clashing:
                involved.update(where)
                differ.update(clashing)
                fixes += fix
                worn = {("wardrobe", m.slot) for i in where for m in outfit(i)}
                slots |= worn
                cross.update(_cross_replace(worn, fix))
        retyped = _retyped(shots, owner)
        if retyped:
            involved.update(retyped[0])
            differ.update(retyped[1])
            fixes += retyped[2]
            slots |= retyped[3]
        if involved:
            finding = _drift_finding(shots, "character", owner, sorted(involved),
                                     sorted(differ), fixes,
                                     _slots_mentions(shots, owner, frozenset(slots)))
            for key, words in cross.items():
                finding.replace.setdefault(key, words)
            sheet = _sheet_in_force(shots, owner, fixes)
            if sheet:
                finding.replace["character:look"] = sheet
            out.append(finding)
    for place, members in _places(shots).items():
        where = sorted(members)
        if len(where) < 2:
            continue
        clashing, fix = _walk(shots, where, "setting", members.__getitem__)
        if clashing:
            out.append(_drift_finding(shots, "setting", place, where, clashing, fix,
                                      members.__getitem__))
    return out


_HEAD_HAIR = ("hair_length", "hair_colour", "hair_texture")


@lru_cache(maxsize=1)
def _garment_and_above() -> frozenset[int]:
    """WordNet's garment and every kind above it (clothing, covering, ...)."""
    return frozenset(kind_chain("garment"))


def _other_clothing(a: str, b: str) -> bool:
    """Whether the dictionary knows two nouns as clothing of different kinds (socks and a
    scarf share no kind narrower than a garment), where a shawl and a wrap are both capes."""
    ca, cb = kind_chain(a), kind_chain(b)
    clothing = kind_chain("clothing")[:1]
    if not clothing or clothing[0] not in ca or clothing[0] not in cb:
        return False
    return not (set(ca) & set(cb)) - _garment_and_above()


def _retyped(shots: list[ShotAnchors], owner: str
             ) -> tuple[set[int], set[int], list[Mention], set[tuple[str, str]]] | None:
    """A garment retyped: one the character wears up to a shot, then from the next shot on
    a garment never said before, named by another kind word (scarf / muffler), another
    name for the same colour family (blue / navy) and not one describing word in common
    ("a knitted blue scarf", then "a woolly navy muffler"), with no stated change of
    clothes. The guide: a synonym is, to the model, another garment; the one renamed in
    every word it had is the same garment typed again. One of the two is a garment the slot
    table cannot place (`item:muffler`): two garments it places on two parts of the body (a
    scarf, then gloves) are two garments, and two of one part are compared there already.
    Each noun is a garment of the table or a noun of the dictionary (not "navy woolly" read
    short of its noun).
    (involved, differing, fix, slots) or None."""
    worn: dict[str, dict[int, list[Mention]]] = {}
    for i, s in enumerate(shots):
        for m in s.of("wardrobe", owner):
            worn.setdefault(m.slot, {}).setdefault(i, []).append(m)
    for slot_a, at_a in worn.items():
        for slot_b, at_b in worn.items():
            if slot_a == slot_b or not (slot_a.startswith("item:") or
                                        slot_b.startswith("item:")) or \
                    max(at_a) >= min(at_b) or \
                    any(shots[i].changed("clothes") for i in range(max(at_a) + 1,
                                                                    min(at_b) + 1)):
                continue
            a, b = at_a[max(at_a)][0], at_b[min(at_b)][0]
            na, nb = _of(a.values, "noun:"), _of(b.values, "noun:")
            if not na or not nb or any(_same_noun(x, y) for x in na for y in nb) or \
                    any(_other_clothing(x, y) for x in na for y in nb) or \
                    not all(n in vocab.GARMENTS or kind_chain(n) for n in na | nb):
                continue
            if not (_hues(a.values) & _hues(b.values)) or not renamed_colour(a.text, b.text):
                continue
            if set(_modifiers(a)) & set(_modifiers(b)):
                continue
            involved = set(at_a) | set(at_b)
            return involved, set(at_b), at_a[max(at_a)], {("wardrobe", slot_a),
                                                            ("wardrobe", slot_b)}
    return None


_CONTINUING = re.compile(
    r"(?<![\w-])(?:still (?:on|in|at|by|sitting|standing|sawing|holding|talking|mid|[a-z]+ing)|"
    r"the same (?!(?:time|day|moment|morning|night|evening|afternoon)(?![\w-]))[a-z]+|"
    r"mid-(?:conversation|sentence|sip|bite|gesture|laugh|word|stride|argument)|continuous|"
    r"without a cut|in one take)(?![\w-])", re.I)
"""Words that say a shot continues the moment before it ("still on the upturned crate
mid-conversation", "still sawing the same loaf"): the same scene, so the same place."""


_PARTS_OF_A_PLACE = ("room", "building", "area", "region", "structure", "construction",
                     "facility", "location", "point", "geographic point", "land", "tract")
"""Kinds too broad to make two places one: a kitchen and a living room are both rooms, a
barn and a church both buildings, and the action walks between them."""


@lru_cache(maxsize=1)
def _broad_kinds() -> frozenset[int]:
    return frozenset(c[0] for w in _PARTS_OF_A_PLACE if (c := kind_chain(w, PLACE)))


def _plain(word: str) -> str:
    """A word without its accents ("café" → cafe), as the dictionary spells it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def same_kind_of_place(a: str, b: str) -> bool:
    """Two place nouns of one narrow kind in the dictionary (WordNet: a diner and a café are
    both eateries, a chapel and a cathedral both churches): another name for the place the
    scene is in, not a trip somewhere else. Kinds as broad as a room or a building say
    nothing (`_PARTS_OF_A_PLACE`)."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return False
    ca, cb = kind_chain(a, PLACE), kind_chain(b, PLACE)
    if len(ca) < 2 or len(cb) < 2:
        return False
    narrow = {ca[1]} - _broad_kinds()
    return bool(narrow & {cb[0], cb[1]}) or (cb[1] == ca[0] and ca[0] not in _broad_kinds())


def _place_words(m: Mention) -> set[str]:
    """The words of a place mention, possessives and plurals folded ("the corner bakery's
    deck" → corner, bakery, deck)."""
    return {_singular(re.sub(r"['’]s$", "", w))
            for w in re.findall(r"[a-z][\w'’-]*", m.text.lower()) if w not in _SETTING_GLUE}


_SETTING_GLUE = frozenset(vocab.words("a an the of in on at by with and his her their its"))


def _rooms_of_one_building(a: str, b: str) -> bool:
    """Two places of one broad kind in the dictionary, each that kind or next below it (a
    kitchen and a living room are both rooms, `_PARTS_OF_A_PLACE`): the action walks between
    them, no set drifts."""
    ca, cb = kind_chain(_plain(a), PLACE)[:2], kind_chain(_plain(b), PLACE)[:2]
    return bool(set(ca) & set(cb) & _broad_kinds())


def _part_of_an_earlier_place(shots: list[ShotAnchors], i: int) -> bool:
    """Whether shot `i` names its place by an earlier shot's place ("the strip-mall parking
    lot" after "a roller rink in a strip mall"): a compound's modifier is the place it belongs
    to, so the action has only stepped out to its lot, as in "the rink's car park"."""
    earlier = set().union(*(s.places for s in shots[:i]))
    return any(set(w.split("-")) & earlier
               for m in shots[i].of("setting") if m.owner in shots[i].places
               for w in _place_words(m) if w != m.owner)


def _stranger(shots: list[ShotAnchors], i: int, homes: set[str]) -> bool:
    """Whether shot `i`'s places are strangers to the scene it sits in: named in no earlier
    shot (a track the train was on from shot 1 is where it still is), and sharing no word
    with the words the list gives the places around it (not "the corner bakery's deck
    oven", a part of the bakery; not "the Lisbon square" beside "a Lisbon church").
    Between two shots of one place with the same people and nothing that moves them, such
    a place is the set drifting, whatever
    kind of place it is ("an underground parking garage" between two shots of "the rooftop
    car park")."""
    here = shots[i]
    if any(here.places & s.places for s in shots[:i]) or \
            any(_rooms_of_one_building(a, b) for a in here.places for b in homes) or \
            _part_of_an_earlier_place(shots, i):
        return False
    around = set().union(*(_place_words(m) for s in shots
                           for m in s.of("setting") if m.owner in homes))
    return not any(_place_words(m) & (around | homes)
                   for m in here.of("setting") if m.owner in here.places)


def _sandwiched_places(shots: list[ShotAnchors], found: list[Finding],
                       marked: frozenset[int] = frozenset()) -> list[Finding]:
    """A shot set somewhere else between two shots of one place, with a character of theirs,
    words that say the moment continues or a place of the same narrow kind (a café between two
    shots of a diner: `same_kind_of_place`), and nothing that moves them ("still on the upturned
    crate" with a high-rise balcony behind, between two rooftop-garden shots; "EXT. FARMHOUSE
    PORCH" between two "INT. FARMHOUSE KITCHEN" shots, the same loaf on the table): one
    continuous scene whose place drifts in the middle shot, not a trip there and back."""
    out: list[Finding] = []
    drifted = {f.subject for f in found if f.anchor == "setting"}
    for i in range(1, len(shots) - 1):
        before, here, after = shots[i - 1], shots[i], shots[i + 1]
        shared = (before.places & after.places) - here.places
        people = here.present & (before.present | after.present)
        if not shared or not here.places or here.places & (before.places | after.places) or \
                not people or any(s.changed("time", "look", "place") for s in (here, after)) or \
                not (_CONTINUING.search(here.shot.prompt) or
                     any(same_kind_of_place(a, b) for a in here.places for b in shared) or
                     (_stranger(shots, i, shared) and not {i, i + 1} <= marked)):
            continue  # a stranger under its own slug line, and the slug line back after it
            # (INT. NURSES' STATION between two INT. HOSPITAL CORRIDOR): a cut there and back
        home = sorted(shared)[0]
        if home in drifted or _says_back_at(after, shared):
            continue  # "..., back at the pass in the restaurant kitchen": the shot after says
            # the story returns, so the shot between went somewhere on purpose
        away = [m for m in here.of("setting") if m.owner in here.places]
        if not away or all(_passed(here.shot.prompt, m) or _backdrop(here.shot.prompt, m)
                           for m in away):
            continue  # "passes a lemon grove" between two shots of the coastal road: a
            # landmark on the way, the shot still on the road; "looks out at the harbour"
            # from the kitchen: a view of a place, not where the shot is
        homes = before.places | after.places
        where = [j for j, s in enumerate(shots) if home in s.places or j == i]
        first = next(j for j in where if shots[j].places & homes)
        fix = [m for m in shots[first].of("setting") if m.owner in homes]
        out.append(_place_drift(shots, where, homes, here, away[0], fix))
        drifted.add(home)
    return out


_PASSED = re.compile(r"(?<![\w-])(?:pass|passes|passed|passing|overtakes?|overtaking|"
                     r"past)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
"""A place the action goes past ("passes a lemon grove", "speeds past the harbour"): the verb
of passing and the preposition "past" (closed classes) say the place is met on the way."""


def _passed(prompt: str, m: Mention) -> bool:
    """Whether a place is one the action goes past, not where the shot is: a landmark on a
    journey ("Marco passes a lemon grove" between two shots of the coastal road he rides)."""
    return _PASSED.search(prompt[max(0, m.start - 40):m.start]) is not None


def _place_drift(shots: list[ShotAnchors], where: list[int], homes: set[str],
                 here: ShotAnchors, away: Mention, fix: list[Mention]) -> Finding:
    """The setting drift of a shot (`here`) that names a place (`away`) other than the scene's
    `homes`, shown in the shots `where` with each one's place words, fixed by pasting the
    home's words (`fix`) in place of the stray one: one finding for `_sandwiched_places` and
    `_slug_strays`, which differ only in how they find the stray."""
    return Finding(
        kind="drift", anchor="setting", subject=away.owner,
        shots=[shots[j].shot.index for j in where],
        words=[ShotWords(shot=shots[j].shot.index, text=_unique(
            m.text for m in shots[j].of("setting") if m.owner in homes | here.places))
            for j in where],
        why=WHY_DRIFT["setting"], fix=_unique(m.text for m in fix),
        paste_into=[here.shot.index],
        replace={"setting:" + away.slot: _unique(m.text for m in fix)})


_SLUG = re.compile(r"^\W*(?:(?:scene|sc\.?)\s*#?\s*\w+[.,):]?\s*)?(?:(?:shot\s*)?\d+[.):]?\s*)?"
                   r"(INT|EXT)\.?\s+([^.\n]*?)"
                   r"(?=\s*(?:--?|[–—])\s|\.|$)", re.I)
"""A screenplay slug line opening a shot ("INT. ROADSIDE DINER - NIGHT"): inside or outside,
and the place."""


_HOUR_HEADING = re.compile(
    r"^\W*(?:(?:shot|scene|sc\.?)?\s*#?\d+[a-z]?\s*[.):\-–—]?\s*)?(?:[a-z]+[.:]\s+)?"
    r"(?:(?:early|late|mid|high)[- ])?(?:dawn|daybreak|sunrise|morning|mid-?morning|midday|noon|"
    r"afternoon|golden hour|sunset|dusk|twilight|evening|night|nightfall|midnight|blue hour)"
    r"\s*(?::|[–—]|-\s|\.\s)", re.I)
"""A shot headed by its hour, as a label before the action ("Dusk: Ray sits on the porch",
"3. MIDDAY — the fence", "Montage. Dawn: ..."): the writer sets the hour as a slug line's
DAY/NIGHT part does, so a later hour of the same day is the clock run on between scenes."""


def _slug_flips(shots: list[ShotAnchors], found: list[Finding]) -> list[Finding]:
    """A shot whose slug line turns inside out (INT. then EXT.) while its words say the
    moment continues ("still mid-laugh, finishes the same sentence") with a character of the
    shot before, and nothing moves them there: one continuous scene whose set drifts, not a
    walk outside (`_sandwiched_places` is the same drift in the middle of a scene)."""
    out: list[Finding] = []
    if any(f.anchor == "setting" and f.kind == "drift" for f in found):
        return out
    slugs = [_SLUG.match(s.shot.prompt) for s in shots]
    for i in range(1, len(shots)):
        was, now = slugs[i - 1], slugs[i]
        here = shots[i]
        if was is None or now is None or was.group(1).upper() == now.group(1).upper() or \
                not here.present & shots[i - 1].present or \
                here.changed("time", "look", "place") or \
                not _CONTINUING.search(here.shot.prompt) or _heads_into(shots[i - 1], was, now) or \
                _two_parts(was.group(2), now.group(2)):
            continue
        where = [i]
        for j in range(i - 1, -1, -1):
            slug = slugs[j]
            if slug is None or slug.group(1).upper() != was.group(1).upper():
                break
            where.insert(0, j)
        fix = was.group(0).strip(" .")
        out.append(Finding(
            kind="drift", anchor="setting", subject=next(iter(sorted(here.places)), ""),
            shots=[shots[j].shot.index for j in where],
            words=[ShotWords(shot=shots[j].shot.index, text=(slugs[j] or now).group(0).strip(" ."))
                   for j in where],
            why=WHY_DRIFT["setting"], fix=fix, paste_into=[here.shot.index]))
        break
    return out


def _two_parts(a: str, b: str) -> bool:
    """Whether two slugs name two parts of a place, each with a word the other lacks ("CASTLE
    GATE" / "CASTLE HALL"): the action went from one to the other; "DINER" / "DINER" or
    "FARMHOUSE" / "FARMHOUSE PORCH" is one place turned inside out."""
    words_a = {w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", a)} - STOP_LEFT
    words_b = {w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", b)} - STOP_LEFT
    return bool(words_a - words_b) and bool(words_b - words_a)


def _heads_into(before: ShotAnchors, was: re.Match[str], now: re.Match[str]) -> bool:
    """Whether the shot before a new slug's place names it in its action ("runs to the car",
    then INT. CAR; "the bus pulls in; he climbs aboard", then INT. BUS): the story moved into
    it, a new place in the same moment (a screenplay's CONTINUOUS), not the set drifting."""
    place, old = now.group(2).strip().lower(), was.group(2).strip().lower()
    words = place.split()
    after = before.shot.prompt[was.end():].lower()
    return bool(words) and place != old and (_says(after, words[-1]) or
                                             _says(after, _singular(words[-1])))


_ARRIVES = re.compile(r"(?<![\w-])(?:(?:stops?|stopping|stopped|arrives?|arriving|arrived|"
                      r"parks?|parking|parked|docks?|docking|docked|(?:pulls?|pulling|pulled|"
                      r"draws?|drawing|drew) up)\s+(?:at|outside|in front of|beside)|"
                      r"(?:reaches|reaching|reached)\s+(?:the|a|an)\s)", re.I)
"""The action arriving somewhere ("the van stops at a corner café", "pulls up outside the
motel", "reaches the summit"): the place it names is where the journey has got to, not the
scene's set drifting."""


def _slug_strays(shots: list[ShotAnchors], found: list[Finding],
                 marked: set[int]) -> list[Finding]:
    """A shot under a slug line that names another place, a stranger to the scene
    (`_stranger`), with a character of the scene and nothing that moves them ("INT. LOG
    CABIN -- DAWN", then "pulls on her boots by the great stone fireplace of a timber
    mountain lodge" before the next slug): the slug says where the whole scene is, so the
    set drifts, as `_sandwiched_places` reads it between two shots of one place."""
    out: list[Finding] = []
    drifted = {f.subject for f in found if f.anchor == "setting" and f.kind == "drift"}
    for scene in scenes_of(len(shots), marked):
        first = shots[scene[0]]
        slug = _SLUG.match(first.shot.prompt)
        if slug is None:
            continue
        homes = {m.owner for m in first.of("setting")
                 if m.owner in first.places and slug.start(2) <= m.start < slug.end(2)}
        if not homes or homes & drifted:
            continue
        for at, i in enumerate(scene[1:], 1):
            here = shots[i]
            if not here.places or here.places & homes or _SLUG.match(here.shot.prompt) or \
                    not here.present & set().union(*(shots[j].present for j in scene[:at])) or \
                    here.changed("time", "look", "place") or _ARRIVES.search(here.shot.prompt) or \
                    not _stranger(shots, i, homes):
                continue
            away = [m for m in here.of("setting") if m.owner in here.places]
            where = [j for j in scene[:at] if shots[j].places & homes] + [i]
            fix = [m for m in first.of("setting") if m.owner in homes]
            out.append(_place_drift(shots, where, homes, here, away[0], fix))
            drifted |= homes
            break
    return out


_FIXTURE = re.compile(r"(?<![\w'-])((?:[a-z][\w-]*,? ){1,4})(window|ceiling|floor|door|fireplace|"
                      r"staircase|roof|archway|skylight|counter|walls)(?![\w'-])", re.I)
_FIXTURE_STOP = frozenset(vocab.words(
    "a an the his her their its of in on at by into onto from to through across over under "
    "near toward towards and or with as while past along behind beside against beneath above "
    "below one single same only this that every each whole open closed shut far back front "
    "main old new little big"))
"""Words that end a fixture's modifiers or say nothing of which fixture it is ("the same
window", "the open door", "the far wall")."""


def _fixtures(shot: ShotAnchors) -> list[tuple[str, list[str], int, int]]:
    """A set's fixed features described with modifiers ("a round porthole window", "a vaulted
    brick ceiling"): (noun, modifiers, start, end); "another window" is another one."""
    out = []
    text = shot.shot.prompt
    for m in _FIXTURE.finditer(text):
        tail = m.group(1).rsplit(",", 1)[-1]
        at = m.start(1) + len(m.group(1)) - len(tail)
        lead = [(w.group(0).lower(), at + w.start()) for w in re.finditer(r"\S+", tail)]
        if any(w in {"another", "second", "other", "different"} for w, _ in lead):
            continue
        if _heads_a_compound(text, m.end(2)):
            continue  # "a yellow floor line": the line is yellow, not the floor
        cut = max((i for i, (w, _) in enumerate(lead) if w in _FIXTURE_STOP), default=-1)
        kept = [(w, p) for w, p in lead[cut + 1:] if not w.endswith("'s") and not w.isdigit()]
        if kept:
            out.append((m.group(2).lower(), [w for w, _ in kept], kept[0][1], m.end(2)))
    return out


def _heads_a_compound(text: str, end: int) -> bool:
    """Whether the word after a fixture's noun is a noun it modifies ("a yellow floor line",
    "a brass door handle", "the window seat"): the words before describe that thing, not the
    fixture. A verb after it ("the door creaks", "the walls glow"; "the floor tiles" reads as
    a verb too, and is kept) or a preposition ends the fixture's phrase."""
    nxt = re.match(r"[ \t]+([a-z]+)(?![\w'-])", text[end:])
    if nxt is None:
        return False
    word = nxt.group(1)
    if word in _FIXTURE_STOP or word in _NOT_A_HEAD or not kind_chain(word):
        return False
    if text[:end].lower().endswith("s") and word in _verb_bases():
        return False  # "the whitewashed walls glow": a plural's verb has no -s
    return not _inflected_verb(word)


_NOT_A_HEAD = frozenset(vocab.words("is are was were be been being has have had do does did "
                                    "can could will would shall should may might must "
                                    "there here then now still too also just"))


@lru_cache(maxsize=1)
def _verb_bases() -> frozenset[str]:
    """Every single-word verb of WordNet (bot/core/critique/verb_bases.txt, generated by
    scripts/gen_verb_bases.py)."""
    path = Path(vocab.__file__).with_name("verb_bases.txt")
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))


def _inflected_verb(word: str) -> bool:
    """Whether a word is an -s, -ed or -ing form of a WordNet verb ("creaks", "opened",
    "swinging"): after a noun, the noun's verb."""
    bases = _verb_bases()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                         ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)] + repl
            if base in bases or (len(base) > 2 and base[-1] == base[-2] and base[:-1] in bases):
                return True
    return False


def _fixtures_clash(a: list[str], b: list[str]) -> bool:
    """Two descriptions of one fixture that cannot both hold: building materials or outlines
    that differ, or two words or more each with none in common ("a round porthole window" /
    "a tall sash window", "a vaulted brick ceiling" / "a rough-hewn natural cave ceiling")."""
    ma, mb = _materials(set(a), things=True), _materials(set(b), things=True)
    if ma and mb and not ma & mb:
        return True
    ha, hb = _fixture_hues(a), _fixture_hues(b)
    if ha and hb and not ha & hb:
        return True  # "dark green walls" / "whitewashed walls": the set repainted on the cut
    sa, sb = _shapes(" ".join(a)), _shapes(" ".join(b))
    if sa and sb and not sa & sb:
        return True
    return len(a) >= 2 and len(b) >= 2 and not set(a) & set(b)


_COATED = re.compile(r"^([a-z]+?)-?(?:washed|painted|lacquered|tiled)$")


def _fixture_hues(words: list[str]) -> set[str]:
    """The colour families a fixture's own words give it ("dark green", "whitewashed",
    "red-painted"); a material's colour ("brick", "oak") is the material's, which paint may
    cover, so it is left to `_materials`."""
    out: set[str] = set()
    for w in words:
        if w in vocab.MATERIALS or w in SET_MATERIALS:
            continue
        coated = _COATED.match(w)
        out |= hues_of_word(coated.group(1) if coated else w)
    return out


def _fixture_drift(shots: list[ShotAnchors], found: list[Finding],
                   marked: set[int]) -> list[Finding]:
    """One fixed feature of a set described two incompatible ways in shots of one scene and
    one place (a harbour porthole in three shots, a sash window onto a brick wall in the
    fourth): the set drifts, though its place noun is the same or not said."""
    if any(f.anchor == "setting" and f.kind == "drift" for f in found):
        return []
    for scene in scenes_of(len(shots), marked):
        seen: dict[str, list[tuple[int, list[str], str]]] = {}
        for i in scene:
            if shots[i].changed("time", "look", "place"):
                seen = {}
            for noun, mods, start, end in _fixtures(shots[i]):
                text = shots[i].shot.prompt[start:end]
                earlier = [e for e in seen.get(noun, []) if e[0] != i and (
                    not shots[i].places or not shots[e[0]].places or
                    shots[i].places & shots[e[0]].places)]
                if earlier and all(_fixtures_clash(e[1], mods) for e in earlier):
                    where = sorted({e[0] for e in seen[noun]} | {i} | {
                        j for j in scene if j > i and any(n == noun for n, *_ in _fixtures(
                            shots[j]))})
                    words = {j: [shots[j].shot.prompt[st:en] for n, _, st, en in
                                 _fixtures(shots[j]) if n == noun] for j in where}
                    return [Finding(
                        kind="drift", anchor="setting", subject=noun,
                        shots=[shots[j].shot.index for j in where],
                        words=[ShotWords(shot=shots[j].shot.index, text=_unique(words[j]))
                               for j in where],
                        why=WHY_DRIFT["setting"], fix=earlier[0][2],
                        paste_into=[shots[i].shot.index])]
                seen.setdefault(noun, []).append((i, mods, text))
    return []


def _dressing_swapped(shots: list[ShotAnchors], found: list[Finding],
                      marked: set[int]) -> list[Finding]:
    """A place whose set dressing is listed the same way in two shots of a scene or more
    ("Tea house, paper screens and tatami") and, in another shot of the same place with nothing
    that moves the story, listed as other things entirely ("The tea house, red velvet booths and
    chandeliers"): the same set with another dressing is another set to the model (the place
    sheet retyped, as a character's sheet retyped is a character drift)."""
    if any(f.anchor == "setting" and f.kind == "drift" for f in found):
        return []
    for scene in scenes_of(len(shots), marked):
        lists: dict[str, dict[int, list[tuple[int, int, tuple[str, ...]]]]] = {}
        for i in scene:
            for m in shots[i].of("setting"):
                if ORPHAN in m.values or m.owner not in shots[i].places:
                    continue
                items = _listed_items(shots[i], m, split_and=True)
                if items:
                    lists.setdefault(m.owner, {}).setdefault(i, items)
        for place, per_shot in lists.items():
            things = {i: {words[-1] for *_, words in items} for i, items in per_shot.items()}
            for j in sorted(things):
                agree = [i for i in things if i != j and not things[i] & things[j] and
                         all(things[i] & things[k] for k in things if k not in (i, j))]
                if len(agree) < 2 or any(shots[k].changed("time", "look", "place")
                                         for k in (j, j + 1) if k < len(shots)):
                    continue
                where = sorted(things)
                text = {i: shots[i].shot.prompt[per_shot[i][0][0]:per_shot[i][-1][1]].strip()
                        for i in where}
                return [Finding(
                    kind="drift", anchor="setting", subject=place,
                    shots=[shots[i].shot.index for i in where],
                    words=[ShotWords(shot=shots[i].shot.index, text=text[i]) for i in where],
                    why=WHY_DRIFT["setting"], fix=text[agree[0]],
                    paste_into=[shots[j].shot.index])]
    return []


def _sheet_in_force(shots: list[ShotAnchors], owner: str, fixes: list[Mention]) -> str:
    """The whole description (name and apposition, "Marco, a luthier in his fifties with a
    grey ponytail and a brown leather apron") of the shot whose words are in force, for the
    rewrite to put in place of a drifted shot's whole description: slot by slot, "an elderly
    luthier" would become "an in his fifties luthier". '' when that shot has none."""
    for shot in shots:
        if fixes and any(m is f for m in shot.mentions for f in fixes[:1]):
            looks = [m for m in shot.of("character", owner) if m.slot == "look"]
            return looks[0].text if looks else ""
    return ""


def _bald_clash(shots: list[ShotAnchors], owner: str
                ) -> tuple[list[int], list[int], list[Mention]] | None:
    """A character bald or shaved-headed in one shot and with hair of some colour, length or
    texture in another (without a reason): (the shots stating either, the ones that differ,
    the words in force), or None. The slots differ, so the per-slot walk cannot see it."""
    where: list[int] = []
    kind: dict[int, bool] = {}
    for i, s in enumerate(shots):
        hair = [m for m in s.of("character", owner) if m.slot in _HEAD_HAIR and
                not re.search(r"beard|stubble|moustache", m.text.lower())]
        if not hair:
            continue
        none = [m.slot == "hair_length" and "none" in m.values for m in hair]
        if any(none) and not all(none):
            continue  # "a shaved head with a black topknot": both in one shot
        where.append(i)
        kind[i] = all(none)
    differ = [cur for prev, cur in zip(where, where[1:], strict=False)
              if kind[prev] != kind[cur] and not _excused(shots, prev, cur, "character", [])]
    if not differ:
        return None
    first = [m for m in shots[where[0]].of("character", owner) if m.slot in _HEAD_HAIR]
    return where, differ, first


def _cross_replace(slots: set[tuple[str, str]], fix: list[Mention]) -> dict[str, str]:
    """`anchor:slot` → the words in force, for every slot of a clash between slots (a bald
    head against brown curls, a sundress against jeans): the later shot's words sit in a slot
    the fix does not have, so without this the rewrite would leave them as they are."""
    words = _unique(m.text for m in sorted(fix, key=Mention.order))
    return {f"{anchor}:{slot}": words for anchor, slot in sorted(slots)} if words else {}


_ONE_PIECE = ("dress", "gown", "jumpsuit", "sari", "spacesuit", "coveralls", "onesie", "frock")
"""Garments that dress the legs too: a character in a sundress in one shot and in jeans in the
next has changed clothes, though the two garments are not of one slot."""


def _outfit_mentions(shots: list[ShotAnchors], owner: str) -> Callable[[int], list[Mention]]:
    """Shot index → a character's one-piece garments and what they wear on their legs, which
    cannot both be worn."""
    def mentions(i: int) -> list[Mention]:
        found = [m for m in shots[i].of("wardrobe", owner) if m.slot == "legs" or any(
            n.endswith(_ONE_PIECE) for n in _of(m.values, "noun:"))]
        kinds = {m.slot == "legs" for m in found}
        return found if found and len(kinds) == 1 else []  # a dress over leggings: both
    return mentions


def _owners(shots: list[ShotAnchors]) -> list[str]:
    """The characters whose descriptions are compared: every owner but one whose noun stands
    for two characters ("a second woman": which woman wears the red coat is not known)."""
    return sorted({m.owner for s in shots for a in ("character", "wardrobe")
                   for m in s.of(a) if m.owner and not m.owner.startswith(AMBIGUOUS)})


def _slot_mentions(shots: list[ShotAnchors], anchor: str, owner: str,
                   slot: str) -> Callable[[int], list[Mention]]:
    """Shot index → the mentions of one character's slot (hair colour, outerwear...)."""
    def mentions(i: int) -> list[Mention]:
        return [m for m in shots[i].of(anchor, owner) if m.slot == slot]
    return mentions


def _slots_mentions(shots: list[ShotAnchors], owner: str,
                    slots: frozenset[tuple[str, str]]) -> Callable[[int], list[Mention]]:
    """Shot index → the mentions of every drifted slot of one character."""
    def mentions(i: int) -> list[Mention]:
        return [m for a, sl in sorted(slots) for m in shots[i].of(a, owner) if m.slot == sl]
    return mentions


def _drift_finding(shots: list[ShotAnchors], anchor: str, owner: str, where: list[int],
                   differ: list[int], fix: list[Mention],
                   mentions: Callable[[int], list[Mention]]) -> Finding:
    """One drift finding: the words of every stating shot, the words in force as the fix,
    and per slot the words that replace a drifted mention (for the rewrite)."""
    fix_text = _unique(m.text for m in sorted(fix, key=Mention.order))
    replace: dict[str, str] = {}
    for m in sorted(fix, key=Mention.order):
        replace.setdefault(f"{m.anchor}:{m.slot}", m.text)
    return Finding(kind="drift", anchor=anchor, subject=owner,
                   shots=[shots[i].shot.index for i in where],
                   words=[ShotWords(shot=shots[i].shot.index, text=_unique(
                       m.text for m in sorted(mentions(i), key=Mention.order)))
                       for i in where],
                   why=WHY_DRIFT[anchor], fix=fix_text,
                   paste_into=[shots[i].shot.index for i in differ], replace=replace)


def _places(shots: list[ShotAnchors]) -> dict[str, dict[int, list[Mention]]]:
    """Setting mentions grouped by place: two mentions are one place when one's head noun is
    among the other's words ("library" and "modern library atrium")."""
    groups: list[tuple[set[str], str, dict[int, list[Mention]]]] = []
    scene: tuple[set[str], str, dict[int, list[Mention]]] | None = None
    for i, s in enumerate(shots):
        for m in s.of("setting"):
            if m.owner == PART_OWNER:  # a floor said without its place: the scene's place
                if scene is not None:
                    scene[2].setdefault(i, []).append(replace(m, owner=scene[1]))
                    continue
                m = replace(m, owner=_part_noun(m))  # no place yet: the part stands alone
            words = set(re.findall(r"[^\W\d_][\w'-]*", m.text.lower())) | {m.owner}  # "café"
            # whole; a compound's place noun with it ("footbridge" is a bridge)
            group = next((g for g in groups if m.owner in g[0] or g[1] in words), None)
            if group is None:
                group = (set(words), m.owner, {})
                groups.append(group)
            group[0].update(words)
            group[2].setdefault(i, []).append(m)
            if m is s.of("setting")[0]:
                scene = group  # the shot's first place is where its scene is
    return {head: members for _, head, members in groups}


def _part_noun(m: Mention) -> str:
    """The noun of a part said without its place (`dn:wallpaper:green` → wallpaper)."""
    return next((v.split(":")[1] for v in sorted(m.values) if v.startswith("dn:")), "part")


def _global_drift(shots: list[ShotAnchors], marked: set[int]) -> list[Finding]:
    """Drift of the film-wide anchors; `marked`, the shots that open a scene
    (`_marked_starts`), excuse a new hour or light side."""
    out: list[Finding] = []
    for anchor in GLOBAL_ANCHORS:
        where = [i for i, s in enumerate(shots) if s.of(anchor)]
        clashed, fix_at = False, None
        left: list[frozenset[str]] = []  # values a stated reason replaced (see `_walk`)
        strong: int | None = None  # the last shot that stated the anchor in full
        for prev, cur in zip(where, where[1:], strict=False):
            if _values(shots[prev], anchor) - {WEAK, "focal"}:
                strong = prev
            if _excused(shots, prev, cur, anchor, shots[prev].of(anchor)):
                left.append(_values(shots[prev], anchor))
                strong = None
                continue
            if anchor in SCENE_ANCHORS and any(prev < j <= cur for j in marked):
                left = []  # a new scene starts afresh: within it, a later shot back at the
                strong = None  # last scene's hour has moved the sun back, not returned
                continue
            if anchor == "time_of_day" and (_SLUG.match(shots[cur].shot.prompt) or
                                            _HOUR_HEADING.match(shots[cur].shot.prompt)) and \
                    WEAK not in _values(shots[prev], anchor) | _values(shots[cur], anchor) and \
                    _later_that_day(_values(shots[prev], anchor), _values(shots[cur], anchor)):
                left = []  # "EXT. INN - DUSK", then "INT. INN - NIGHT": a slug line heads a
                strong = None  # new scene, and the clock has run on later that day, as it
                continue  # does between scenes. A slug's DAY names no part of the day to run
                # on from or to: DAY then NIGHT in one garage is the hour drifting
            if any(not _global_clash_values(anchor, old, _values(shots[cur], anchor))
                   for old in left):
                continue  # back to the value before a stated change
            ref = prev if strong is None else strong  # "16mm" alone between two gauges
            if _global_clash(anchor, shots[ref], shots[cur]) or (
                    ref != prev and _global_clash(anchor, shots[prev], shots[cur])):
                clashed = True
                fix_at = ref if fix_at is None else fix_at
        if not clashed or fix_at is None:
            continue
        fix = shots[fix_at].text(anchor) or ""
        first = min(shots[fix_at].of(anchor), key=Mention.order)
        values = _values(shots[fix_at], anchor)
        differ = [shots[i].shot.index for i in where
                  if _global_clash_values(anchor, values, _values(shots[i], anchor))]
        out.append(Finding(
            kind="drift", anchor=anchor, shots=[shots[i].shot.index for i in where],
            words=[ShotWords(shot=shots[i].shot.index, text=shots[i].text(anchor) or "")
                   for i in where],
            why=WHY_DRIFT[anchor], fix=fix, paste_into=differ,
            replace={f"{anchor}:": fix if len(shots[fix_at].of(anchor)) > 1 else first.text}))
    if any(f.anchor == "lens" for f in out):
        out = [f for f in out if f.anchor != "style" or not _format_read_twice(shots, f)]
    return out


def _sandwiched_hour(shots: list[ShotAnchors], found: list[Finding]) -> list[Finding]:
    """A shot whose hour clashes with the shots either side of it, which agree ("- NIGHT",
    "- DAY", "- NIGHT" through one night shift), with no jump in time said in it or the
    shot after: the hour drifts in the middle shot, whatever scene headings mark the cuts,
    for the story does not pass a day between two parts of one night."""
    if any(f.anchor == "time_of_day" and f.kind == "drift" for f in found):
        return []
    where = [i for i, s in enumerate(shots) if _values(s, "time_of_day") - {WEAK}]
    for prev, cur, nxt in zip(where, where[1:], where[2:], strict=False):
        va, vb, vc = (_values(shots[i], "time_of_day") for i in (prev, cur, nxt))
        if _global_clash_values("time_of_day", va, vc) or \
                not _global_clash_values("time_of_day", va, vb) or \
                not _global_clash_values("time_of_day", vb, vc) or \
                any(shots[i].changed("time", "sun") for i in range(prev + 1, nxt + 1)):
            continue
        fix = shots[prev].text("time_of_day") or ""
        return [Finding(
            kind="drift", anchor="time_of_day", shots=[shots[i].shot.index for i in where],
            words=[ShotWords(shot=shots[i].shot.index, text=shots[i].text("time_of_day") or "")
                   for i in where],
            why=WHY_DRIFT["time_of_day"], fix=fix, paste_into=[shots[cur].shot.index],
            replace={"time_of_day:": fix})]
    return []


def _format_read_twice(shots: list[ShotAnchors], drift: Finding) -> bool:
    """Whether a style drift is only the lens drift read again: every style mention of its
    shots is the look a capture format implies (weak: "shot on 16mm film", "crisp 8K
    digital") on the words of a format the lens anchor reads. A format is the lens anchor
    (the definition's "lens family / format"); one clash of words is one finding."""
    at = {s.shot.index: s for s in shots}
    for n in drift.shots:
        shot = at[n]
        formats = [m for m in shot.of("lens") if any(v.startswith("format:") for v in m.values)]
        for m in shot.of("style"):
            if WEAK not in m.values or not any(f.start < m.end and m.start < f.end
                                               for f in formats):
                return False
    return True


def _values(shot: ShotAnchors, anchor: str) -> frozenset[str]:
    """What a shot says of an anchor, all its mentions together. The hour is one moment, so
    its cues narrow each other ("the streetlights on" allows dusk or night, "full dark" only
    night: night); cues that allow no common hour are read as said (a time-lapse), and so
    are the cues of a shot that tells the light changing ("dusk, streetlights flicker on")."""
    mentions = shot.of(anchor)
    if anchor == "style" and any(WEAK not in m.values for m in mentions):
        mentions = [m for m in mentions if WEAK not in m.values]  # a style said outright: the
        # look a format only implies ("shot on 35mm film") neither agrees nor clashes with it
    union = frozenset().union(*(m.values for m in mentions))
    if anchor != "time_of_day" or len(mentions) < 2 or shot.changed("light", "time", "sun"):
        return union  # a change told inside the shot spans two moments
    marks = {WEAK, SUN_UP, SUN_DOWN}
    common = frozenset.intersection(*(m.values - marks for m in mentions))
    if not common:
        return union
    weak = {WEAK} if all(WEAK in m.values for m in mentions) else set()
    return common | (union & {SUN_UP, SUN_DOWN}) | weak


def _global_clash(anchor: str, a: ShotAnchors, b: ShotAnchors) -> bool:
    if anchor == "palette" and _grade_renamed(a, b):
        return True
    va, vb = _values(a, anchor), _values(b, anchor)
    if anchor == "lens" and _formats_named_as_looks(a, b):
        va, vb = (frozenset(v for v in x if not v.startswith("format:")) for x in (va, vb))
        # "VHS camcorder look" / "crisp 8K digital cinema look": two looks, the style's
        # clash; a video look meets a format said as a format, or a lens, here
    if anchor == "light_direction" and not sides_comparable(a.of(anchor), b.of(anchor)):
        va, vb = _sides_in_common(a.of(anchor), b.of(anchor))  # her right, screen left
    return _global_clash_values(anchor, va, vb)


def _sides_in_common(a: list[Mention], b: list[Mention]) -> tuple[frozenset[str], frozenset[str]]:
    """Two shots' light sides read in a frame of reference both give: when each names the
    side of the frame ("key light from camera left") and one also the side of a face ("the
    right side of her face in shadow"), the frame's sides compare (each side said in a frame
    the other shot gives too); with no frame in common, no left or right compares (her right
    is screen left only when she faces us)."""
    common = {m.slot for m in a} & {m.slot for m in b} & {"frame", "body"}
    if not common:
        return (frozenset().union(*(m.values for m in a)) - {"left", "right"},
                frozenset().union(*(m.values for m in b)) - {"left", "right"})
    other = {"frame", "body"} - common
    return (frozenset().union(*(m.values for m in a if m.slot not in other)),
            frozenset().union(*(m.values for m in b if m.slot not in other)))


_A_LOOK = re.compile(r"[- ](?:look|aesthetic|style|feel)$", re.I)


def _formats_named_as_looks(a: ShotAnchors, b: ShotAnchors) -> bool:
    """Whether two shots name their capture formats only inside looks ("1990s VHS camcorder
    look", "crisp 8K digital cinema look"), one of them a video camera's (`format:video`):
    the looks clash as styles, not as lenses."""
    def looks_only(shot: ShotAnchors) -> bool:
        looks = [m for m in shot.of("style") if _A_LOOK.search(m.text)]
        formats = [m for m in shot.of("lens") if any(v.startswith("format:") for v in m.values)]
        return bool(formats) and all(any(s.start <= m.start and m.end <= s.end for s in looks)
                                     for m in formats)
    video = any("format:video" in m.values for s in (a, b) for m in s.of("lens"))
    return video and looks_only(a) and looks_only(b)


def _grade_names(shot: ShotAnchors) -> frozenset[str]:
    """The colour names of a shot's stated grade (not a passing "bathed in amber")."""
    return frozenset().union(*(colour_names(m.text) for m in shot.of("palette")
                               if WEAK not in m.values))


def _grade_renamed(a: ShotAnchors, b: ShotAnchors) -> bool:
    """A grade of two colours or more restated with other colour names for all of them
    ("teal and orange grade" / "cyan and amber grade"): the same families, but to the model
    two names are two grades (guide: identical descriptors, never synonyms). One colour said
    of one part ("cool blue shadows" after a teal and orange grade) is a detail, not a
    restatement."""
    na, nb = _grade_names(a), _grade_names(b)
    return len(na) >= 2 and len(nb) >= 2 and not na & nb


def _global_clash_values(anchor: str, va: frozenset[str], vb: frozenset[str]) -> bool:
    if not va or not vb:
        return False
    if anchor == "time_of_day":
        va, vb = va - {WEAK}, vb - {WEAK}
        phases = {v for v in va | vb if v in {SUN_UP, SUN_DOWN}}
        one_each = len(phases) == 2 and len(va & phases) == 1 and len(vb & phases) == 1
        return not (va & vb - phases) or (one_each and not va & vb & phases)
    if anchor == "light_direction":
        return any(opposite(x, y) for x in va for y in vb) and not (va & vb)
    if anchor == "palette":
        return palette_clash(va - {WEAK}, vb - {WEAK})
    if anchor == "lens":
        return lens_conflict(va - {"focal", WEAK}, vb - {"focal", WEAK})
    if anchor == "style":
        return style_conflict(va - {WEAK}, vb - {WEAK})
    return False


_NEUTRALS = frozenset({"black", "white", "grey"})
"""The colours of an untinted monochrome: what is left of its hues is its tint (sepia's
brown, a cyanotype's blue)."""


def palette_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """warm vs cool, colour vs black-and-white, muted vs vivid, or two palettes of two colours
    or more that share no colour family ("red and gold" vs "teal and violet")."""
    if "mono" in a and "mono" in b:
        ta, tb = _hues(a) - _NEUTRALS, _hues(b) - _NEUTRALS
        return ta != tb and not ta & tb  # sepia-toned against plain or blue-tinted monochrome
    if ("mono" in a) != ("mono" in b):
        colour = b if "mono" in a else a
        if len(_hues(colour)) >= 2 and not (_hues(colour) <= {"black", "white", "grey"}):
            return True  # "teal-and-orange grade" against black and white
        return bool((a | b) - {"mono", "muted"} - {v for v in a | b if v.startswith("hue:")})
    pairs = ({"warm", "cool"}, {"muted", "vivid"})
    if any(len(p & a) == 1 and len(p & b) == 1 and p & a != p & b for p in pairs):
        return True
    ha, hb = _hues(a), _hues(b)
    return len(ha) >= 2 and len(hb) >= 2 and _hue_clash(ha, hb)


# ---- gaps ---------------------------------------------------------------------------------------
def _later(shots: list[ShotAnchors], given: int, anchor: str) -> list[int]:
    """The shots after `given` that the anchor should reach: up to the first one that says
    the anchor changes for a reason, without the asides that do not need it (a logo card,
    an insert of a key in a lock)."""
    out = []
    kinds = ("face", "clothes") if anchor == "character" else EXCUSES[anchor]  # a sheet: both
    if anchor == "time_of_day":
        kinds = ("time", "sun")  # fog rolling in changes the light, not the hour
    if anchor == "setting":
        kinds = (*kinds, "place")  # the action moved on: the place is not owed after (no excuse
        # for the same place described otherwise: "walks into the cottage with a slate roof")
    for i in range(given + 1, len(shots)):
        if shots[i].changed(*kinds):
            if anchor == "setting" and _leaves(shots[i]) and \
                    not shots[i].places - shots[given].places and \
                    not shots[i].changed(*(k for k in kinds if k != "place")) and \
                    _needs(shots[i], anchor):
                out.append(i)  # "Marcus and Dot walk out together": the shot starts there
                # ("climb out of the capsule onto the lunar plain" names where it goes)
            break
        if _needs(shots[i], anchor):
            out.append(i)
    return out


_OUT = re.compile(r"(?<![\w-])(?:out|outside|outdoors|out of|out onto)(?![\w-])", re.I)


def _leaves(shot: ShotAnchors) -> bool:
    """Whether a shot's move to another place is a way out ("walk out together", "steps
    outside"): it starts in the place it leaves, unlike "walks into the station"; when it
    names no other place, the place it leaves is the one it shows."""
    moves = shot.reasons.get("place", [])
    if not moves or not all(_OUT.search(m) for m in moves):
        return False
    text = shot.shot.prompt
    return not any(_TOWARDS.search(text[at + len(m):at + len(m) + 60])
                   for m in moves if (at := text.find(m)) >= 0)


_TOWARDS = re.compile(r"^(?:\s+(?!and\s|then\s)[\w'-]+){0,4}?\s+(?:onto|into|to|towards?|across|"
                      r"through|down|up|along)\s", re.I)
"""Where a way out goes ("climb out of the capsule onto the lunar plain"): the shot ends
there, and is not only the place left."""


_CARD = re.compile(
    r"(?<![\w-])(?:(?:title|end|logo|text|closing|opening|chapter|black|tag|credits?)[- ]card|"
    r"intertitle|end slate|packshot|pack shot|logo (?:reveal|lockup|sting|animation|resolve)|"
    r"(?:brand|studio|company|product) logo|super(?:imposed)? text|on-screen text|"
    r"lower third|(?:title|credits) (?:sequence|screen|over black))(?![\w-])", re.I)
"""A card (title, logo, end slate): type on a ground, no scene at all."""
_INSERT = re.compile(
    r"(?<![\w-])(?:insert|cutaway|cut-away|detail shot|macro(?: shot| close-up| lens)?|"
    r"product shot|extreme close-up|ecu|close-up|closeup|close on|tight on)(?![\w-])", re.I)
"""A shot that frames one thing (an insert, a cutaway, a macro detail)."""


def _aside(shot: ShotAnchors) -> str | None:
    """"card" for a title or logo card, "insert" for a shot that frames one thing and no
    character (said in the shot's first words or its name), else None: the story's anchors
    are not the aside's to carry, and its own (the macro lens of an insert) are not the
    story's."""
    head = f"{shot.shot.name} {shot.shot.prompt[:60]}"
    if shot.present:
        return None
    if _CARD.search(head):
        return "card"
    return "insert" if _INSERT.search(head) else None


_ASIDE_NEEDS: dict[str, frozenset[str]] = {
    "card": frozenset(),
    "insert": frozenset({"palette", "style", "light_direction"}),
}
"""What an aside still needs to cut with the rest: a card nothing; an insert the grade, the
style and where the light comes from (it is cut into the scene), not the place, the hour or
the lens (a macro detail has its own)."""


def _needs(shot: ShotAnchors, anchor: str) -> bool:
    kind = _aside(shot)
    if kind == "insert" and anchor == "lens":
        return not shot.of("lens")  # the series' lens, unless the insert names its own (macro)
    return kind is None or anchor in _ASIDE_NEEDS[kind]


def _gap(shots: list[ShotAnchors], anchor: str, given: int, lacking: list[int], text: str,
         subject: str = "") -> Finding:
    return Finding(kind="gap", anchor=anchor, subject=subject,
                   shots=[shots[i].shot.index for i in (given, *lacking)],
                   words=[ShotWords(shot=shots[given].shot.index, text=text)],
                   why=WHY_GAP[anchor], fix=text,
                   paste_into=[shots[i].shot.index for i in lacking])


def _item_key(m: Mention) -> tuple[str, str, str]:
    """What one described item of a character is: a trait's slot (hair colour, age), a
    garment's slot (outerwear, feet), an item's noun (`item:collar`)."""
    return m.anchor, m.slot, ""  # "the coat" repeats "a yellow raincoat": one outerwear


_VAGUE_AGE = frozenset({"young", "old", "little", "aged", "teen", "teenage", "teenager"})
_VAGUE_SIZE = frozenset({"tiny", "little", "small", "petite"})


_HANDLED = re.compile(r"(?<![\w'-])(?!(?:in|wearing|wears|wore|with|and|or|dons|sports|plus)\s)"
                      r"[a-z]+\s+(?:his|her|their|its)\s+$", re.I)
"""A verb before a possessive ("checks her watch", "adjusts his apron"): the thing is handled
in the action, not given as part of how the character looks."""


def _gap_item(m: Mention, text: str = "") -> bool:
    """Whether a mention is an item a character sheet repeats: a trait or a garment; not the
    look as a whole, not man/woman, not a vague age word ("young") that any shot may drop."""
    if not m.values or m.slot in {"look", "gender", "name"}:
        return False
    if m.slot == "height" and m.text.lower() in _VAGUE_SIZE:
        return False
    if m.anchor == "wardrobe" and all(v.startswith("noun:") for v in m.values) and \
            _HANDLED.search(text[:m.start]):
        return False
    return not (m.slot == "age" and m.text.lower() in _VAGUE_AGE)


def _salient(m: Mention) -> bool:
    """Whether a described item is a signature a later shot must carry: it has a colour or a
    material ("a faded red hoodie", "a black leotard", "a white beard"), the high-contrast
    details the guide says a model can hold. "Tall", "in his sixties", "a pencil moustache" or
    "baggy trousers" are not: once another shot describes the character again ("the host in
    the white dinner jacket"), dropping them is no gap; a character described in one shot
    only and back bare is a gap whatever the description held. A mark placed on the body ("a
    thin scar through his left eyebrow") is the signature of a face, as a hair colour is, and
    so are the form the hair is worn in ("box braids in a high bun", "a mohawk") and a
    coloured make-up ("red lipstick")."""
    if m.anchor == "character":
        return m.slot in {"hair_colour", "hair_form", "beard_colour", "eyes", "coat_colour"} or \
            m.slot.startswith("mark:") and any(v.startswith("part:") for v in m.values) or \
            m.slot.startswith("makeup:") and any(v.startswith("hue:") for v in m.values)
    return any(v.startswith(("hue:", "mat:")) for v in m.values)


def _item_words(m: Mention) -> str:
    """An item's words to look for in other shots as they are ("white-tipped tail", "copper
    curls"): a later shot that repeats them repeats the item, whoever the reader took it to
    belong to there. Two words at least, so "coat" alone is no repeat."""
    words = re.sub(r"^(?:an?|the|his|her|their)\s+", "", m.text.lower().strip(" ,"))
    return words if len(words.split()) >= 2 else ""


_REWORD_GLUE = frozenset(vocab.words("a an the his her their its my on in of with and"))
"""Words between an item's describing words and its noun said again in other words ("white
tape on his fingers"): they carry no description."""


def _stem_of(a: str, b: str) -> bool:
    """Two words of one stem ("tape", "taped"; "finger", "fingers"): equal, or one the start of
    the other and that one four letters at least ("tan" is no "tank")."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or len(short) >= 4 and long_.startswith(short)


_MADE_OF = re.compile(r"\s+(?:made of|of|in)\s+([^,;:.!?()]*)")
"""Describing words said after the noun ("gloves of black leather", "a scarf in red wool")."""


def _reworded(m: Mention, low: str) -> bool:
    """Whether lower-cased text says an item again in other words: its noun, with at least
    half of its describing words (by stem) among the four words before the noun in its own
    phrase ("white taped fingers" as "taped fingers" or "white tape on his fingers") or after
    "of"/"in" ("gloves of black leather"). An item said with none of its describing words
    ("fingers"), or with words of the item before it ("red coat, scarf"), is not said again."""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", m.text.lower()) if w not in _REWORD_GLUE]
    if len(words) < 2:
        return False
    noun, mods = words[-1], words[:-1]
    stem = noun[:4] if len(noun) > 4 else noun
    if stem not in low:
        return False
    for said in re.finditer(r"(?<![\w'-])(" + re.escape(stem) + r"[a-z'-]*)(?![\w'-])", low):
        if not _stem_of(said.group(1), noun):
            continue
        before = re.split(r"[,;:.!?()\[\]]", low[max(0, said.start() - 40):said.start()])[-1]
        after = _MADE_OF.match(low[said.end():said.end() + 40])
        near = re.findall(r"[a-z][a-z'-]*", before)[-4:] + \
            (re.findall(r"[a-z][a-z'-]*", after.group(1))[:3] if after else [])
        near = [w for w in near if w not in _REWORD_GLUE]
        if 2 * sum(1 for w in mods if any(_stem_of(w, x) for x in near)) >= len(mods):
            return True
    return False


_DETAIL_SHOT = re.compile(
    r"(?<![\w-])(?:close|close-up|closeup|extreme close-up|ecu|insert|detail)(?: shot)?:?\s+"
    r"(?:on|of)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}?(?:hands?|feet|foot|fingers|fists?|"
    r"palms?|boots|shoes|wrists?|knuckles)(?![\w-])", re.I)


def _says(low: str, words: str) -> bool:
    """Whether lower-cased text holds the words as whole words."""
    return words in low and bool(re.search(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])",
                                           low))


def _detail_only(shot: ShotAnchors) -> bool:
    """Whether a shot frames only a part of the body that is not the face ("close on the old
    fisherman's hands"): hair, face and clothes are out of frame, so the shot needs no sheet."""
    return bool(_DETAIL_SHOT.search(shot.shot.prompt))


def _only_possessor(shot: ShotAnchors, owner: str) -> bool:
    """Whether a shot names a character only as the owner of something another character
    acts on ("taps the pistol on the driver's shoulder"): the shot is someone else's, and a
    shoulder needs no sheet."""
    if _FRAMES_ALL.search(f"{shot.shot.name} {shot.shot.prompt[:40]}"):
        return False  # "Two-shot: Ruth puts a hand on Tom's shoulder": both are in frame
    said = list(re.finditer(r"(?<![\w'-])" + re.escape(owner) + r"(?![\w-])", shot.shot.prompt,
                            re.I))
    return bool(said) and all(
        re.match(r"['’]s\s", shot.shot.prompt[m.end():m.end() + 3]) and
        not _SEEN_PART.match(shot.shot.prompt[m.end() + 3:m.end() + 40]) for m in said)


_FRAMES_ALL = re.compile(r"(?<![\w-])(?:two|three)[- ]shot|(?<![\w-])[23]-shot|group shot|full shot|"
                         r"wide shot|master shot|(?:extreme |very )?wide\s*[:.,-]", re.I)
"""A framing that holds everyone the shot names (a two-shot, a wide shot): a character named
only as the owner of a shoulder is still in frame."""
_SEEN_PART = re.compile(r"(?:[\w-]+\s+){0,2}?(?:face|faces|head|hair|eyes?|portrait|profile|"
                        r"expression|smile|reflection|silhouette|figure|body|lips?|mouth|nose|"
                        r"cheeks?|chin|jaw|jawline|brow|brows|eyebrows?|forehead|ears?|beard|"
                        r"moustache|mustache|stubble|freckles|gaze|grin|frown|tears)(?![\w-])",
                        re.I)
"""What a possessive shows of the character themselves ("the mother's face", "Kofi's lips at
the mic": any part of the face shows the face): the sheet is needed there, unlike "the
driver's shoulder" or "her hands"."""


_SHEET_FOR_ALL = re.compile(
    r"(?<![\w-])(?:(?:use|used|apply|applies|attach|attached|keep|kept|include|included|paste|"
    r"pasted|reuse|reused)\s+(?:(?:this|the|that|these|same|[\w'-]+)\s+){0,4}?(?:sheet|reference|"
    r"ref|refs|references|description|descriptions|character|look|cast)(?:\s+[\w'-]+){0,3}?\s+"
    r"(?:in|for|on|across|with)\s+(?:every|each|all)(?:\s+(?:the|of the))?\s+(?:shots?|clips?|"
    r"scenes?|generations?|frames?)|(?:every|each|all)(?:\s+(?:the|of the))?\s+(?:shots?|clips?|"
    r"scenes?|generations?)\s+(?:use|uses|reference|references|share|shares|get|gets|include|"
    r"includes)\s+(?:this|the|that|these|same)\s+(?:[\w'-]+\s+){0,2}?(?:sheet|reference|ref|"
    r"references|description|cast|character|look))(?![\w-])", re.I)
"""A cast sheet that says it holds for every shot ("use the Tomas reference image in every
shot", "All shots use this sheet"): each generation carries the sheet, so a shot that names
the character without the description lacks nothing."""


def _hair_said_by_its_form(shots: list[ShotAnchors], lows: list[str], m: Mention,
                           owner: str) -> set[int]:
    """The shots that say a hair colour's hair again by the noun of its form alone ("a short
    black bob", then "a red clip in her bob", "bob dripping"): a head noun said of the same
    character is coreference, the same hair said again, not the hair left out. Only a form
    noun ("bob", "braid", "mohawk"), not "hair", which every character has."""
    if m.slot != "hair_colour":
        return set()
    head = re.findall(r"[a-z]+", m.text.lower())[-1:]
    if not head or head[0] in {"hair", "haired", "headed", "redhead", "head"} or \
            head[0] in vocab.HAIR_COLOURS:
        return set()
    return {j for j, low in enumerate(lows) if owner in shots[j].present and _says(low, head[0])}


def _character_gap(shots: list[ShotAnchors], owner: str) -> Finding | None:
    """The items of a character's description (a trait, a garment) stated in one shot only,
    while the character comes back in later shots without them: a sheet pasted into shot 1
    and cut down to "Malik, scar through left eyebrow" afterwards loses the hoodie. One
    finding per character, from the first shot with such items; a look that names no trait
    and no garment ("a cheerful mouse") is not a sheet."""
    stated: dict[tuple[str, str, str], set[int]] = {}
    lows = [s.shot.prompt.lower() for s in shots]
    said = [[w for m in s.of("wardrobe", owner) if (w := _item_words(m))] for s in shots]
    for i, s in enumerate(shots):
        for m in s.of("character", owner) + s.of("wardrobe", owner):
            if _gap_item(m, s.shot.prompt):
                where = stated.setdefault(_item_key(m), set())
                where.add(i)
                words = _item_words(m)
                where.update(j for j, low in enumerate(lows) if j != i and words and
                             _says(low, words))
                where.update(j for j in _hair_said_by_its_form(shots, lows, m, owner) if j != i)
                if m.anchor == "wardrobe":  # "tartan shopping trolley handle": the trolley
                    where.update(j for j in range(len(shots)) if j != i and any(
                        _says(m.text.lower(), w) for w in said[j]))
                    where.update(j for j, low in enumerate(lows) if j != i and
                                 _reworded(m, low))
    described = {i for where in stated.values() for i in where}
    once: dict[int, list[tuple[str, str, str]]] = {}
    for key, where in stated.items():
        if len(where) == 1:
            once.setdefault(min(where), []).append(key)
    for g in sorted(once):
        if _SHEET_FOR_ALL.search(shots[g].shot.prompt):
            continue  # "use this sheet in every shot": the sheet is carried by every shot
        if any(i < g for i in described) and any(i > g for i in described) and \
                not shots[g].changed("clothes", "face"):
            continue  # described before and after: an item only this shot adds (gloves for
            # one task) is its prop, not the sheet the later shots owe
        keys = set(once[g])
        salient = any(_salient(m) for m in shots[g].of("character", owner) +
                      shots[g].of("wardrobe", owner) if _gap_item(m, shots[g].shot.prompt) and
                      _item_key(m) in keys)
        if len(described) > 1 and not salient:
            continue  # the character is described again; what only shot g says is minor
        lacking = [i for i in _later(shots, g, "character")
                   if owner in shots[i].present and not _detail_only(shots[i]) and
                   not _only_possessor(shots[i], owner)]
        if shots[g].changed("face", "clothes"):
            lacking = _within_the_jump(shots, g, owner, lacking)
        if not lacking:
            continue
        items = sorted((m for m in shots[g].of("character", owner) + shots[g].of("wardrobe", owner)
                        if _gap_item(m, shots[g].shot.prompt) and _item_key(m) in keys),
                       key=Mention.order)
        text = _sheet(shots[g], owner) if len(keys) == len(
            {k for k, w in stated.items() if g in w}) else _unique(m.text for m in items)
        return _gap(shots, "character", g, lacking, text, owner)
    return None


def _within_the_jump(shots: list[ShotAnchors], g: int, owner: str,
                     lacking: list[int]) -> list[int]:
    """The shots of `lacking` that are still in the time shot `g` jumped to (a flashback,
    "forty years earlier"): a later shot that describes the character with a face the jump's
    cannot be (white hair after the flashback's dark quiff) is back in another time, and so
    is every shot after it; the jump's look is not owed there."""
    then = shots[g].of("character", owner)
    for n, i in enumerate(lacking):
        if any(m.slot == o.slot and trait_clash(m.slot, m.values, o.values)
               for m in shots[i].of("character", owner) if _gap_item(m) for o in then
               if _gap_item(o)):
            return lacking[:n]
    return lacking


def _owned_gaps(shots: list[ShotAnchors]) -> list[Finding]:
    """A character's described items (identity or wardrobe) given in one shot only, while
    the character comes back without them; a place with features named in one shot only
    while the later shots of the scene never name it or its features again."""
    out: list[Finding] = []
    owners = _owners(shots)
    for owner in owners:
        gap = _character_gap(shots, owner)
        if gap is not None:
            out.append(gap)
    places = _places(shots)
    marked = _marked_starts(shots)
    for place, members in places.items():
        if len(members) != 1:
            continue
        g = next(iter(members))
        if any(p != place and min(ms) < g < max(ms) for p, ms in places.items()):
            continue  # another place holds the shots around it: the story comes back there,
            # so this one was a stray or an aside, not the place the later shots owe
        if all(ORPHAN in m.values for m in members[g]):
            continue  # parts said without a place: no sheet of a place
        if not any(_distinctive(m) for m in members[g]):
            continue  # "a river", "the deck": a place named without features is no sheet
        if all(_backdrop(shots[g].shot.prompt, m) for m in members[g]):
            continue  # "the city skyline stacked behind her": a view, not where they are
        if _comes_back(shots, g, members[g]):
            continue  # its features come back in a later shot ("the seamless backdrop")
        if _part_of_a_named_thing(shots, g, members[g]):
            continue  # "the stump roof" where the other shots name the tree stump
        others = [p for p, ms in places.items() if p != place and g in ms]
        if any(len(places[p]) > 1 or _comes_back(shots, g, places[p][g]) for p in others):
            continue  # the shot's main place comes back; this one was a path or an aside
        if _way_through_an_area(shots, g, place):
            continue  # "an elevated highway" after "a neon-lit city": a way through the
            # list's setting, which the shot still stands in, not a setting of its own
        lacking = []
        for i in _later(shots, g, "setting"):
            if any(i in ms and not (_holds(place, p) and i not in marked and
                                    not any(_way_of_another_place(m) for m in ms[i]))
                   for p, ms in places.items() if p != place) or \
                    _moved_elsewhere(shots[i], place) or _goes_back(shots[i]):
                break  # the story has moved to another place (a road or an alley of the
                # city is still the city; "cut to a desert highway" is not; "back with the
                # band" returns to where it was before this place)
            lacking.append(i)
        if lacking:
            out.append(_gap(shots, "setting", g, lacking, _unique(m.text for m in members[g]),
                            place))
    return _one_sheet_a_shot(out + _named_bare_after(shots, places))


def _one_sheet_a_shot(found: list[Finding]) -> list[Finding]:
    """Places given in one shot and owed by the same later shots are one place sheet ("a
    scree ridge above the valley"): one gap, with the words of each, over the later shots
    any of them reaches."""
    out: list[Finding] = []
    first: dict[int, Finding] = {}
    for f in found:
        if f.anchor != "setting":
            out.append(f)
            continue
        kept = first.get(f.shots[0])
        if kept is None:
            first[f.shots[0]] = f
            out.append(f)
            continue
        kept.shots = [kept.shots[0], *sorted(set(kept.shots[1:]) | set(f.shots[1:]))]
        kept.paste_into = sorted(set(kept.paste_into) | set(f.paste_into))
        kept.words = [kept.words[0].model_copy(
            update={"text": _unique((kept.words[0].text, f.words[0].text))})]
        kept.fix = kept.words[0].text
    return out


def _a_description(m: Mention) -> bool:
    """Whether a place is described, not only named as a kind: two describing words or more
    before its noun and the features a "with ..." names ("an abandoned tiled subway platform
    with green-and-cream tiles"). "A sunlit orchard", "a bamboo grove", "a blue-white glacier"
    name a kind of place, which its bare noun later repeats."""
    words = [v for v in m.values if v.startswith("detail:") and v[7:] not in _GENERIC_PLACE_WORDS]
    return len(words) >= 2 and any(v.startswith("dn:") for v in m.values)


_LOCATED_BY = re.compile(r"\s+(?:over|across|above|beside|by|along|near|on|at|in|under|below)\s+"
                        r"(?:the\s+|a\s+|an\s+)?", re.I)
"""What joins a place to the place that locates it ("a steel suspension bridge over a grey
river", "a cabin by a frozen lake"): one description of one setting, not two places."""


def _located_description(prompt: str, stated: list[Mention],
                         places: dict[str, dict[int, list[Mention]]], place: str, g: int) -> bool:
    """Whether a place is described by two words of its own and a described place that
    locates it ("a steel suspension bridge over a grey river"): the river is the bridge's
    feature as a "with ..." would be, so "the bridge" alone later repeats neither."""
    own = [m for m in stated if len([v for v in m.values if v.startswith("detail:") and
                                     v[7:] not in _GENERIC_PLACE_WORDS]) >= 2]
    return any(_LOCATED_BY.fullmatch(prompt[o.end:m.start]) and _distinctive(m)
               for p, ms in places.items() if p != place and g in ms for m in ms[g]
               for o in own)


def _named_bare_after(shots: list[ShotAnchors],
                      places: dict[str, dict[int, list[Mention]]]) -> list[Finding]:
    """A place described (`_a_description`) in the first shot that names it ("an abandoned tiled
    subway platform with Art Deco tiles"), then named by its bare noun only ("Platform",
    "the platform") in the later shots of the scene: the noun names the kind of place, not
    this one, as a name alone is no repeat of a character's description (the definition's
    gap). A later shot that says any of its features again (`_comes_back`), or describes
    the place its own way, repeats it; a part said without its place ("sodium orange
    ceiling lamps") is no description of it."""
    out: list[Finding] = []
    for place, members in places.items():
        if len(members) < 2:
            continue
        described = [i for i, ms in members.items()
                     if any(_distinctive(m) and ORPHAN not in m.values for m in ms)]
        if described != [min(members)]:
            continue
        g = described[0]
        stated = [m for m in members[g] if ORPHAN not in m.values]
        if not (any(_a_description(m) for m in stated) or _located_description(
                shots[g].shot.prompt, stated, places, place, g)) or \
                all(_backdrop(shots[g].shot.prompt, m) for m in stated) or \
                _comes_back(shots, g, stated):
            continue
        prompt = shots[g].shot.prompt
        if any(p != place and g in ms and not all(
                any(o.start <= m.start and m.end <= o.end or
                    _LOCATED_BY.fullmatch(prompt[o.end:m.start]) for o in stated) for m in ms[g])
               for p, ms in places.items()):
            continue  # the shot names two places (not one inside the other's "with ..."
            # features): which one the later shots owe is unclear
        lacking = []
        for i in _later(shots, g, "setting"):
            if any(i in ms for p, ms in places.items() if p != place) or \
                    _moved_elsewhere(shots[i], place):
                break
            lacking.append(i)
        if lacking:
            out.append(_gap(shots, "setting", g, lacking,
                            _unique(m.text for m in stated), place))
    return out


@lru_cache(maxsize=1)
def _area_and_way() -> tuple[int, int]:
    """WordNet's geographical area (a city, a town, a desert, a meadow, a park) and way (a
    road, a street, an alley, a path): the parents of "urban area" and of "road"."""
    return kind_chain("urban area", PLACE)[1], kind_chain("road", PLACE)[1]


def _is_way(place: str) -> bool:
    return _area_and_way()[1] in kind_chain(_plain(place), PLACE)


def _holds(area: str, place: str) -> bool:
    """Whether a place is a way through an area (a city's highway or alley, a meadow's path):
    a shot on it stands in the area still, so it owes the area's description and does not
    take the story elsewhere."""
    return _area_and_way()[0] in kind_chain(_plain(area), PLACE) and _is_way(place)


def _way_of_another_place(m: Mention) -> bool:
    """Whether a way is said to be of another place ("a desert highway", "a forest path",
    "a mountain road"): a describing word that is itself a place, or an area or a landform
    by the dictionary's first sense."""
    for w in (v[7:] for v in m.values if v.startswith("detail:")):
        chain = kind_chain(_plain(w))
        if w in vocab.PLACES or _area_and_way()[0] in chain or \
                set(chain[1:]) & landform_kinds():
            return True
    return False


def _way_through_an_area(shots: list[ShotAnchors], g: int, place: str) -> bool:
    """Whether `place`, named in shot `g` only, is a way through the area the list last
    stood in (the nearest shot up to `g` that names a place other than a way names an area
    that holds it): the list's setting is the place its shots stand in, not a road one
    shot passes along."""
    if not _is_way(place):
        return False
    for i in range(g, -1, -1):
        around = {p for p in shots[i].places if p != place and not _is_way(p)}
        if around:
            return any(_holds(a, place) for a in around)
    return False


def _part_of_a_named_thing(shots: list[ShotAnchors], g: int, stated: list[Mention]) -> bool:
    """Whether a place named in shot `g` only as a part of a thing ("the stump roof", "the
    barn door": its one feature is the noun it belongs to) belongs to a thing the other shots
    name: the set those shots carry already holds it, so it is no new place owed. A colour,
    a material or a describing word is a feature, not an owner ("a red-brick courtyard")."""
    owners = set()
    for m in stated:
        if any(v.startswith(("dn:", "hue:", "mat:")) for v in m.values):
            return False
        details = {v[7:] for v in m.values if v.startswith("detail:")}
        if len(details) != 1:
            return False
        word = next(iter(details))
        if not re.fullmatch(r"[a-z]+", word) or word in SET_MATERIALS or \
                word in _GENERIC_PLACE_WORDS or colour_names(word) or \
                word.endswith(("ed", "ing", "ly", "ful", "ous", "ish", "y")):
            return False
        owners.add(word)
    return bool(owners) and all(
        sum(1 for i, s in enumerate(shots) if i != g and _says(s.shot.prompt.lower(), w)) >= 2
        for w in owners)


_BACKDROP_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:behind (?:him|her|them|it|us)|in the "
                             r"(?:background|distance)|on the horizon|far (?:below|away))(?![\w-])",
                             re.I)
_BACKDROP_BEFORE = re.compile(r"(?<![\w-])(?:against|beyond|towards?|overlooking|looking (?:out )?"
                              r"(?:onto|over|at)|view of|views of)\s+(?:the\s+|a\s+|an\s+)?$",
                              re.I)


def _backdrop(text: str, m: Mention) -> bool:
    """Whether a place is only seen, behind the action or beyond it ("the city skyline
    stacked behind her", "against the distant mountains", "a view of the harbour"): the
    backdrop of one framing, not the place a later shot must name again."""
    return bool(_BACKDROP_AFTER.match(text[m.end:m.end + 50]) or
                _BACKDROP_BEFORE.search(text[max(0, m.start - 30):m.start]))


_GENERIC_PLACE_WORDS = frozenset(vocab.words("small big large little old new same empty busy quiet main "
                                  "local nearby open dark bright long narrow wide"))


def _distinctive(m: Mention) -> bool:
    """Whether a place is stated with features a later shot should repeat: a "with ..."
    detail, a colour, or a modifier that is not a generic size or age ("a small café")."""
    if any(v.startswith(("dn:", "hue:")) for v in m.values):
        return True
    return any(v.startswith("detail:") and v[7:] not in _GENERIC_PLACE_WORDS for v in m.values)


def _comes_back(shots: list[ShotAnchors], g: int, stated: list[Mention]) -> bool:
    """Whether a place named in shot `g` is back in a later shot: its features in other
    words (`_repeats`), or the fixed things the action moved among in shot `g` ("long
    shadows across the gravestones" → "runs past the gravestones")."""
    if any(_repeats(shots[i], stated) for i in range(g + 1, len(shots))):
        return True
    heads = {c.group(1).lower() for m in stated
             if (c := _COMPOUND_AFTER.match(shots[g].shot.prompt[m.end:m.end + 40])) and
             not set(c.group(1).lower().split()) & (STOP_LEFT | PHRASE_ENDS)}
    if any(_says(shots[i].shot.prompt.lower(), h) for h in heads for i in range(g + 1, len(shots))):
        return True  # "a movie theatre projection booth", then "in the projection booth"
    features = _set_features(shots[g].shot.prompt)
    if features and any(features & set(re.findall(r"[a-z][a-z'-]*", shots[i].shot.prompt.lower()))
                        for i in range(g + 1, len(shots))):
        return True
    stated_words = set(_singular_words(shots[g].shot.prompt))
    if any({_singular(w) for w in _set_features(shots[i].shot.prompt)} & stated_words
           for i in range(g + 1, len(shots))):
        return True  # "among the birches" of "a birch forest"
    if any(_says_feature(shots[i], f) for f in _listed_features(shots[g], stated)
           for i in range(g + 1, len(shots))):
        return True  # "Restaurant kitchen after service, steel counters", then "steel counters"
    held = _held(shots[g].shot.prompt, stated)
    return bool(held) and any(held <= set(_singular_words(shots[i].shot.prompt))
                              for i in range(g + 1, len(shots)))


_CLAUSE_END = re.compile(r"[:;.!?]")
_LIST_ITEM = re.compile(r"[^,]+")


def _listed_items(shot: ShotAnchors, m: Mention, split_and: bool = False
                  ) -> list[tuple[int, int, tuple[str, ...]]]:
    """The things a shot lists right after a place's phrase (`m`), in the same clause, before
    any other anchor's words ("Restaurant kitchen after service, steel counters, warm copper
    grade": "steel counters"; the grade is the palette's, and ends the list): each a described
    thing of up to four words ending in a noun, as (start, end, the words' singulars); the rest
    of the place's own phrase ("after service") is not one. `split_and`: "paper screens and
    tatami" is two things (each may then be one word)."""
    prompt = shot.shot.prompt
    others = [o for o in shot.mentions if o.anchor != "setting"]
    stop = _CLAUSE_END.search(prompt, m.end)
    end = stop.start() if stop else len(prompt)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for item in _LIST_ITEM.finditer(prompt, m.end, end):
        if item.start() == m.end:
            continue  # the rest of the place's own phrase ("after service")
        if any(o.start < item.end() and item.start() < o.end for o in others):
            break  # "warm copper grade": the palette's words; the place's list is over
        parts = [(item.start() + p.start(1), item.start() + p.end(1), p.group(1)) for p in
                 _AND_PART.finditer(item.group(0))] if split_and else \
            [(item.start(), item.end(), item.group(0))]
        for a, b, text in parts:
            tokens = re.findall(r"[a-z][a-z'-]*", text.lower())
            last = _singular(tokens[-1]) if tokens else ""
            if not (1 if split_and else 2) <= len(tokens) <= 4 or \
                    set(tokens) & (STOP_LEFT | PHRASE_ENDS) or last in vocab.GARMENTS or \
                    not (_made_thing(last) or set(tokens[:-1]) & (SET_MATERIALS | vocab.MATERIALS)):
                return out  # not a described thing of the set: the list is over
            out.append((a, b, tuple(_singular(t) for t in tokens)))
    return out


_AND_PART = re.compile(r"(?:^|\s+and\s+)\s*((?:(?!\s+and\s)[^,])+)")


def _made_thing(noun: str) -> bool:
    """Whether a noun is a made thing (WordNet files its commonest sense under artifact: a
    counter, a screen, a chandelier), the kind of thing that dresses a set (a light or a haze
    is another anchor's); a thing said with its material ("marble columns", "canvas sails") is
    one too."""
    return head_synset("artifact") in kind_chain(noun)


def _listed_features(shot: ShotAnchors, stated: list[Mention]) -> list[tuple[str, ...]]:
    """The described things a shot lists after a place's phrase (`_listed_items`): a later shot
    that says one of them again is in the place, though it never names it (the set sheet, said
    by its features)."""
    return [words for m in stated if ORPHAN not in m.values
            for _, _, words in _listed_items(shot, m)]


def _says_feature(shot: ShotAnchors, feature: tuple[str, ...]) -> bool:
    """Whether a shot says a listed feature's words again, in order ("steel counter")."""
    tokens = _singular_words(shot.shot.prompt)
    n = len(feature)
    return any(tuple(tokens[k:k + n]) == feature for k in range(len(tokens) - n + 1))


_COMPOUND_AFTER = re.compile(r"^ ((?:[a-z][a-z-]+ )?[a-z][a-z-]+)(?=\s*[,.;:]|$|\s+(?:in|at|on|"
                             r"with|where|of|under|by)\s)")
"""Nouns that go on after a place noun to name the room itself ("a small-town movie theatre
projection booth" is a projection booth): a later shot that names them is in the place."""
_HOLDS = re.compile(r"((?:[a-z][a-z-]*\s+){2,3})(?:on|in|across|along|covering|over)\s+"
                    r"(?:an?|the)\s+$", re.I)
"""The things a place holds, said right before it ("terraced tea fields on a misty hillside")."""


def _held(text: str, stated: list[Mention]) -> set[str]:
    """The words of what a place holds in the shot that names it ("terraced", "tea", "field"):
    when a later shot has them all, that shot is in the place (the tea fields are on the
    hillside), though it never names the place again."""
    first = min(stated, key=Mention.order)
    m = _HOLDS.search(text[max(0, first.start - 60):first.start])
    if m is None:
        return set()
    found = {_singular(w) for w in m.group(1).lower().split()} - _GENERIC_PLACE_WORDS
    return found if len(found) >= 2 and not found & STOP_LEFT else set()


@lru_cache(maxsize=1024)
def _singular_words(prompt: str) -> tuple[str, ...]:
    """A prompt's words in order, lower-cased, each as its singular (`_singular`): read once per
    prompt, though `_comes_back` asks it for every later shot and every listed feature."""
    return tuple(_singular(w) for w in re.findall(r"[a-z][a-z'-]*", prompt.lower()))


def _singular(word: str) -> str:
    """A plural's singular, near enough to match a noun said once each way ("birches" /
    "birch", "rooftops" / "rooftop")."""
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_AMONG = re.compile(r"(?<![\w-])(?:across|past|between|among|amid|amidst|beside|alongside|along|"
                    r"around|through|rows of|lines of|ranks of)\s+(?:(?:the|its|their|rows of|"
                    r"the rows of)\s+)?"
                    r"(?:[a-z-]+\s+){0,2}?([a-z-]+s)(?![\w'-])", re.I)
"""Plural things the action moves among, across or past: the fixed features of a set
(gravestones, shelves, pillars), not a prop someone holds or rides."""


def _set_features(text: str) -> set[str]:
    out = set()
    for m in _AMONG.finditer(text):
        noun = m.group(1).lower()
        if noun in vocab.PERSON_NOUNS or noun in vocab.GARMENTS or noun in LIGHT_SOURCES or \
                noun.rstrip("s") in vocab.PERSON_NOUNS or noun in vocab.GARMENT_PLURALS or \
                noun.endswith("ss") or len(noun) < 4:
            continue
        out.add(noun)
    return out


def _repeats(shot: ShotAnchors, stated: list[Mention]) -> bool:
    """Whether a shot repeats a place's features in its own words: a detail's noun
    ("backdrop", "dial"), or a distinctive modifier on a place ("jagged rooftops"); the
    modifier alone elsewhere ("at the machine") is not the place."""
    tokens = re.findall(r"[a-z][a-z'-]*", shot.shot.prompt.lower())
    words = set(tokens)
    for m in stated:
        nouns = {v.split(":")[1] for v in m.values if v.startswith("dn:")}
        mods = {v[7:] for v in m.values if v.startswith("detail:") and
                not re.search(r"\d", v)} - _GENERIC_PLACE_WORDS  # an era names the film
        said = set(re.findall(r"[a-z][a-z'-]*", m.text.lower()))
        if any(n + "s" in words or n in words and (n in said or n + "s" not in said)
               for n in nouns):
            return True  # not one "carriage clock" for "hundreds of ticking clocks": a prop
        if _feature_described_again(tokens, m.values):
            return True  # "red vinyl booths", then "a red vinyl booth": the feature, described
        if any(d in words or d + "s" in words for d in _place_details(mods)):
            return True  # "a grassy slope above Lake Bled", then "on the slope": the place's
            # head noun said alone is the place said again (coreference)
        heads = nouns | {m.owner}
        for w, nxt in zip(tokens, tokens[1:], strict=False):
            if w in mods and (nxt in heads or nxt.rstrip("s") in heads or
                              nxt in vocab.PLACES or nxt.rstrip("s") in vocab.PLACES):
                return True  # "jagged rooftops": the modifier on a place again
    return False


def _place_details(mods: set[str]) -> set[str]:
    """The describing words of a place that are themselves kinds of place (WordNet: a sense
    of the word is a location or an area, as "slope" in "a grassy slope above the lake", read
    as the lake's detail): the noun the place was named by, which a later shot may say
    alone for the same place."""
    return {d for d in mods if len(d) > 3 and d not in PHRASE_ENDS and kind_chain(d, PLACE)}


def _feature_described_again(tokens: list[str], values: frozenset[str]) -> bool:
    """Whether a shot's words name a place's feature again with a word that described it
    ("with red vinyl booths" → "in a red vinyl booth", "a wall of green tiles" → "the green
    tiles"), one of it or many: the describing word says it is the same fixture, not a prop
    that happens to share its noun."""
    described: dict[str, set[str]] = {}
    for v in values:
        parts = v.split(":")
        if parts[0] == "dn" and len(parts) == 3:  # the reader's noun may be cut short
            for key in {parts[1], _singular(parts[1] + "s")}:  # ("benche" of "benches")
                described.setdefault(key, set()).add(parts[2])
    for k, w in enumerate(tokens):
        noun = _singular(w) if _singular(w) in described else w
        if noun in described and described[noun] & {
                hue for t in tokens[max(0, k - 3):k] for hue in (t, *colour_names(t))}:
            return True
    return False


def _global_gaps(shots: list[ShotAnchors], marked: set[int]) -> list[Finding]:
    """An anchor of the sequence given in one shot only. An anchor given in two shots or more
    is no gap, even when a stated change then gives its new value once ("The next morning:
    ... bright morning sun"): the evaluation set's definition (shot_lists.yaml, "neither drift
    nor a gap"). The hour's and the light's gaps stop at a shot in `marked` (a new scene)."""
    out: list[Finding] = []
    scenes = scenes_of(len(shots), marked)
    for anchor in GLOBAL_ANCHORS:
        scopes = scenes if anchor in SCENE_ANCHORS else [list(range(len(shots)))]
        if anchor == "light_direction":
            scopes = [*scopes, *(_before_the_light_changes(shots, scene) for scene in scenes)]
        for scope in scopes:
            gap = _global_gap(shots, anchor, scope, everywhere=anchor in SCENE_ANCHORS)
            if gap is None and anchor == "lens":
                gap = _capture_gap(shots)
            if gap is not None and gap not in out:
                out.append(gap)
    return [f for f in out if not _look_said_once(shots, f, out)]


def _before_the_light_changes(shots: list[ShotAnchors], scene: list[int]) -> list[int]:
    """A scene's shots before the first that says the light itself changes ("As evening
    comes, the sun drops behind the hills and the string lights switch on"): the side of the
    light given there is owed by the shots up to the change, however often the new light is
    said after it (empty when the light never changes: the whole scene is read already)."""
    for n, i in enumerate(scene):
        if n and shots[i].changed(*EXCUSES["light_direction"]):
            return scene[:n]
    return []


def _captures(shot: ShotAnchors) -> list[Mention]:
    """A shot's lens mentions that say what it is captured on (a gauge, a stock, a camera, the
    grain or gate weave a capture leaves), not the glass: `format` values."""
    return [m for m in shot.of("lens") if WEAK not in m.values and
            any(v.startswith("format") for v in m.values)]


def _capture_gap(shots: list[ShotAnchors]) -> Finding | None:
    """The capture (a stock, a gauge, its grain) stated in one shot only, while the later shots
    name only a lens: a focal length repeated in every shot ("40mm prime") carries the glass,
    not the film it exposes, so "heavy grain" given once is still owed by the shots after."""
    given = [i for i, s in enumerate(shots) if _captures(s)]
    if len(given) != 1:
        return None
    g = given[0]
    if any(_needs(shots[i], "lens") for i in _same_place_before(shots, g, list(range(g)))):
        return None  # the shots before went without it: a one-off of that shot
    lacking = _later(shots, g, "lens")
    if not lacking:
        return None
    return _gap(shots, "lens", g, lacking,
                _unique(m.text for m in sorted(_captures(shots[g]), key=Mention.order)))


def _look_said_once(shots: list[ShotAnchors], gap: Finding, gaps: list[Finding]) -> bool:
    """Whether a palette gap is the colours of a style gap's own phrase ("1960s Technicolor
    look, saturated reds" read as a stock and as a grade): one look, stated once in one shot,
    owes one gap, the style's; a palette said in words of its own, even beside the style
    ("16mm look, a cold steel-blue grade"), is a second anchor and keeps its gap."""
    if gap.anchor != "palette":
        return False
    at = gap.words[0].shot
    shot = next((s for s in shots if s.shot.index == at), None)
    if shot is None or not any(f.anchor == "style" and f.words[0].shot == at for f in gaps):
        return False
    styles = [m for m in shot.of("style") if WEAK not in m.values]
    return any(p.start < m.end and m.start < p.end
               for p in shot.of("palette") if WEAK not in p.values for m in styles)


SCENE_ANCHORS = ("time_of_day", "light_direction")
"""Anchors of one scene, not of the film: the hour and the side of the light belong to the
place and moment the shots show; a cut to another place is a new scene that states its own
(the held-out set's convention: a gap covers the later shots of the same scene). A grade,
a lens and a style run through the whole film."""


_CUT = re.compile(r"(?<![\w-])(?:(?:smash |hard |match )?cut(?:s|ting)? (?:back )?to|"
                  r"dissolves? to|fades? (?:in )?to|meanwhile|elsewhere|back (?:at|in) the|"
                  r"new scene)(?![\w-])", re.I)
"""Words that open another scene ("Cut to the harbour", "Meanwhile, across town")."""
_SCENE_NUMBER = re.compile(r"(?<![\w-])(?:scene|sc\.?)\s*#?\s*(\d+|one|two|three|four|five|six|"
                           r"seven|eight|nine|ten|[A-Z])(?![\w-])", re.I)
"""A scene number written on the shot ("Scene 2, shot 1", "SC 3"): a new number, a new
scene."""


def _same_slug_place(a: str, b: str) -> bool:
    """Two slug lines of one place: a word in common ("FARMHOUSE" and "FARMHOUSE KITCHEN",
    INT. and EXT. of the same diner): the scene moves in or out, it is not another scene."""
    words_a = set(re.findall(r"[^\W\d_][\w'-]*", a)) - STOP_LEFT
    words_b = set(re.findall(r"[^\W\d_][\w'-]*", b)) - STOP_LEFT
    return bool(words_a & words_b)


def _scene_number(shot: ShotAnchors) -> str | None:
    label = _SCENE_NUMBER.search(f"{shot.shot.name} {shot.shot.prompt[:60]}")
    return label.group(1).lower() if label else None


_FIRST_SCENE = dict.fromkeys(("1", "one", "a", "i"), "1")
"""Scene numbers a list starts at: "Scene 2" on a later shot, with no number said before it,
opens a scene (the first was not headed), and "Scene 1" there does not."""


def _marked_starts(shots: list[ShotAnchors]) -> set[int]:
    """The shots the writer marks as opening a scene: a cut ("cut to", "meanwhile"), a new
    scene number (when some shots share one, or when only a few shots carry one, as headings
    over the shots after them: "Scene 1", "Scene 2" on every shot number the shots), a slug
    line naming another place (INT. CABIN, then EXT. FROZEN LAKE), or a
    jump to another hour ("The next morning"). A new scene is a stated reason for its own
    hour and light: the rooftop at golden hour and the laundromat at night are two scenes."""
    out: set[int] = set()
    number: str | None = None
    slug: str | None = None
    numbers = [_scene_number(s) for s in shots]
    said = [n for n in numbers if n is not None]
    if len(set(said)) == len(said) and 2 * len(said) > len(shots):
        numbers = [None] * len(shots)  # "Scene 1", "Scene 2"... on most shots: their own number
    for i, shot in enumerate(shots):
        text = shot.shot.prompt
        this_number = numbers[i]
        m = _SLUG.match(text)
        this_slug = m.group(2).strip(" -–—").lower() if m else None
        jumped = bool(shot.reasons.get("time")) and not _values(shot, "time_of_day") & \
            _values(shots[i - 1], "time_of_day") - {WEAK} if i else False
        if i and (_CUT.search(text[:80]) or jumped or
                  (this_number is not None and _FIRST_SCENE.get(this_number, this_number) !=
                   _FIRST_SCENE.get(number or "1", number)) or
                  (this_slug and slug and not _same_slug_place(this_slug, slug))):
            out.add(i)
        number = this_number or number
        slug = this_slug or slug
    return out


def scenes_of(count: int, marked: set[int]) -> list[list[int]]:
    """`count` shots grouped into scenes, in order, as the writer marks them (`marked`, from
    `_marked_starts`):
    what the earlier shots said of the hour and the light is not owed past a cut to another
    scene. A place the action only passes into (the diner, then its counter, then the lot)
    opens none: writers move a scene about without a cut, so an unmarked list is one scene."""
    scenes: list[list[int]] = []
    for i in range(count):
        if not scenes or i in marked:
            scenes.append([i])
        else:
            scenes[-1].append(i)
    return scenes


def _global_gap(shots: list[ShotAnchors], anchor: str, scope: list[int],
                everywhere: bool = False) -> Finding | None:
    """The gap of one anchor within some shots (all of them, or one scene): given in one of
    them only, repeated by none (`everywhere`: by no shot of the list, so an hour said again
    after a cut to the desert is said twice), and lacking in the later ones that need it."""
    given = [i for i in scope if any(WEAK not in m.values for m in shots[i].of(anchor)) and
             _needs(shots[i], anchor)]
    if len(given) != 1:
        return None
    if any(_needs(shots[i], anchor) for i in _same_place_before(shots, given[0], scope)):
        return None  # the shots before it, in the same place, went without: a one-off of
        # that shot (a close-up's flare), not an anchor the sequence set up and then dropped
    # Only what the shot says outright: "Super 8 film" hints a vintage style, so its repeats
    # do not repeat the "folk-horror look" said beside it. The hour keeps `_values`'s reading.
    stated = (_values(shots[given[0]], anchor) if anchor == "time_of_day"
              else frozenset().union(*(m.values for m in shots[given[0]].of(anchor)
                                       if WEAK not in m.values))) - {WEAK}
    if any(i != given[0] and stated and _said_again(anchor, stated, shots[i])
           for i in (range(len(shots)) if everywhere else scope)):
        return None  # "the low sun behind the trunks", a bare "50mm": the same anchor again
    lacking = [i for i in _later(shots, given[0], anchor) if i in scope]
    if not lacking:
        return None
    if anchor == "lens" and all(_own_lens_camera(shots[i]) for i in [given[0], *lacking]):
        return None  # "VHS camcorder" in every shot, "fisheye" in one: the camera named in
        # each carries its own lens; the one-off is that shot's attachment
    return _gap(shots, anchor, given[0], lacking, shots[given[0]].text(anchor) or "")


def _own_lens_camera(shot: ShotAnchors) -> bool:
    """Whether a shot names a camera that has its own lens (a camcorder: `FIXED_LENS`)."""
    return any(m.values & FIXED_LENS for m in shot.of("lens"))


def _same_place_before(shots: list[ShotAnchors], g: int, scope: list[int]) -> list[int]:
    """The shots of `scope` just before shot `g` in the same place and moment: back to a
    move ("walks into a sunlit orchard"), a stated jump or flashback ("Flashback, forty years
    earlier:"), or a shot that names another place than the one after it."""
    out: list[int] = []
    for i in range(g - 1, -1, -1):
        after = shots[i + 1]
        if i not in scope or after.changed("place", "time") or (
                shots[i].places and after.places and not shots[i].places & after.places):
            break
        out.append(i)
    return out


def _repeated(anchor: str, shot: ShotAnchors) -> frozenset[str]:
    """The values a shot repeats of an anchor given elsewhere. Daylight words ("sunlit",
    "in the sunshine") allow every hour of the day, so they repeat no particular time: "at
    dawn" once and "sunlit" later is still a time given once."""
    if anchor != "time_of_day":
        return _values(shot, anchor)
    return frozenset().union(*(m.values for m in shot.of(anchor) if WEAK not in m.values))


_LONG_FOCAL = re.compile(r"(?<![\w.])(\d{2,3}) ?mm(?! film| stock| format| print| gauge)(?![\w-])",
                         re.I)
TELEPHOTO_FROM_MM = 75
"""A focal length from which a lens is a telephoto by definition (longer than the normal lens,
about 50mm on full frame; 70mm is also a film gauge, so the bound sits above it)."""


def _focal_class(shot: ShotAnchors) -> frozenset[str]:
    """The lens class a shot's focal length is by definition ("85mm" is a telephoto): a shot
    that repeats the 85mm says again the "telephoto" another shot put beside it."""
    return frozenset({"telephoto"}) if any(
        int(m.group(1)) >= TELEPHOTO_FROM_MM for lens in shot.of("lens")
        for m in _LONG_FOCAL.finditer(lens.text)) else frozenset()


def _said_again(anchor: str, stated: frozenset[str], shot: ShotAnchors) -> bool:
    """Whether a shot says again the values `stated` of an anchor given in one other shot: a
    lens all of them; an hour one hour of them (the sun's phase, up or down, is no hour:
    "sunset" does not repeat "just after sunrise", though the sun is up in both), or daylight
    for daylight (`_daylight_again`); another anchor any of them."""
    if anchor == "lens":
        return _values(shot, anchor) | _focal_class(shot) >= stated
    if anchor == "time_of_day":
        return bool(_repeated(anchor, shot) & stated - {SUN_UP, SUN_DOWN}) or \
            _daylight_again(anchor, stated, shot)
    return bool(_repeated(anchor, shot) & stated)


def _daylight_again(anchor: str, stated: frozenset[str], shot: ShotAnchors) -> bool:
    """Whether a shot repeats an hour that was itself only daylight: "the sun comes out" allows
    every hour of the day, as "now in sunshine" does, so the second says all the first said
    (`_repeated` drops daylight words only because they say less than "at dawn")."""
    if anchor != "time_of_day":
        return False
    return any(m.values - {WEAK} == stated for m in shot.of(anchor) if WEAK in m.values)


# ---- words and fixes ----------------------------------------------------------------------------
def _unique(texts: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(t.strip(" ,") for t in texts if t.strip(" ,")))


def _words(shot: ShotAnchors, anchor: str, owner: str) -> str:
    return _unique(m.text for m in sorted(shot.of(anchor, owner), key=Mention.order))


def _sheet(shot: ShotAnchors, owner: str) -> str:
    """The words to paste: a character's description as the shot wrote it (name, apposition,
    traits and wardrobe, when they sit together), else the traits' and garments' own words."""
    mentions = sorted(shot.of("character", owner) + shot.of("wardrobe", owner),
                      key=Mention.order)
    if not mentions:
        return ""
    text = shot.shot.prompt
    start = mentions[0].start
    name = re.search(r"(?<![\w'-])" + re.escape(owner) + r"(?![\w'-])", text, re.I)
    if name and 0 <= mentions[0].start - name.end() <= 80:
        start = name.start()
    end = mentions[-1].end
    if end - start <= 180:
        return text[start:end].strip(" ,.")
    return _unique(m.text for m in mentions)


def _shots_label(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"shot {numbers[0]}"
    return "shots " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def fix_note(finding: Finding) -> str:
    """The fix as a sentence for people ("Paste ... into shots 2 and 3")."""
    if finding.kind == "gap":
        return f"Paste \"{finding.fix}\" into {_shots_label(finding.paste_into)}."
    return f"Use the same words as before, \"{finding.fix}\", in " \
           f"{_shots_label(finding.paste_into)}."
