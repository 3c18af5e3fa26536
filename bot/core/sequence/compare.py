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

import re
from collections.abc import Iterable

from bot.core.sequence import vocab
from bot.core.sequence.anchors import (
    GLOBAL_ANCHORS,
    Mention,
    ShotAnchors,
    lens_conflict,
    opposite,
    style_conflict,
)
from bot.core.sequence.results import Finding, ShotWords

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
    """Drift first (in anchor order), then gaps."""
    findings = _owned_drift(shots)
    findings += _global_drift(shots)
    findings += _owned_gaps(shots)
    findings += _global_gaps(shots)
    order = {a: i for i, a in enumerate(("character", "wardrobe", "setting", *GLOBAL_ANCHORS))}
    findings.sort(key=lambda f: (f.kind != "drift", order.get(f.anchor, 99), f.shots))
    return findings


# ---- conflicts ----------------------------------------------------------------------------------
def _hues(values: frozenset[str]) -> set[str]:
    return {v[4:] for v in values if v.startswith("hue:")}


def _of(values: frozenset[str], prefix: str) -> set[str]:
    return {v[len(prefix):] for v in values if v.startswith(prefix)}


def _hue_clash(a: set[str], b: set[str]) -> bool:
    if not a or not b or a & b:
        return False
    return not any(frozenset({x, y}) in vocab.NEAR_HUES for x in a for y in b)


def _same_noun(a: str, b: str) -> bool:
    a, b = a.replace("-", ""), b.replace("-", "")
    return a == b or a.endswith(b) or b.endswith(a)


def item_compatible(a: Mention, b: Mention) -> bool:
    """Two garment mentions that can be the same garment: the same noun (or one ends the
    other: coat / raincoat), no clash of colour and no clash of material."""
    na, nb = _of(a.values, "noun:"), _of(b.values, "noun:")
    if na and nb and not any(_same_noun(x, y) for x in na for y in nb):
        return False
    if _hue_clash(_hues(a.values), _hues(b.values)):
        return False
    ma, mb = _of(a.values, "mat:"), _of(b.values, "mat:")
    return not (ma and mb and not (ma & mb))


def _age_range(v: str) -> tuple[int, int]:
    lo, hi = v.split("-")
    return int(lo), int(hi)


def trait_clash(slot: str, a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two values of one character trait describe two different people."""
    if a & b:
        return False
    if slot == "hair_colour":
        return not any(frozenset({x, y}) in vocab.NEAR_HAIR for x in a for y in b)
    if slot == "age":
        (alo, ahi), (blo, bhi) = _age_range(min(a)), _age_range(min(b))
        return ahi + 3 < blo or bhi + 3 < alo
    if slot.startswith("mark:"):
        return "?" not in a and "?" not in b
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
        return all(_hue_clash(_hues(m.values), _hues(o.values)) for o in others)
    return False


def _groups(shots: list[ShotAnchors], anchor: str) -> dict[tuple[str, str], list[int]]:
    keys: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(shots):
        for m in s.of(anchor):
            if m.owner:
                keys.setdefault((m.owner, m.slot), [])
                if i not in keys[(m.owner, m.slot)]:
                    keys[(m.owner, m.slot)].append(i)
    return keys


def _owned_drift(shots: list[ShotAnchors]) -> list[Finding]:
    out: list[Finding] = []
    for anchor in OWNED:
        by_owner: dict[str, tuple[set[int], set[int], list[Mention]]] = {}
        for (owner, slot), where in _groups(shots, anchor).items():
            first = where[0]
            canon = [m for m in shots[first].of(anchor, owner) if m.slot == slot]
            agree, differ = {first}, set()
            for i in where[1:]:
                mine = [m for m in shots[i].of(anchor, owner) if m.slot == slot]
                if any(_clash(m, canon) for m in mine):
                    differ.add(i)
                else:
                    agree.add(i)
            if differ:
                got = by_owner.setdefault(owner, (set(), set(), []))
                got[0].update(agree)
                got[1].update(differ)
                got[2].extend(canon)
        for owner, (agree, differ, canon) in by_owner.items():
            involved = sorted(agree | differ)
            words = [ShotWords(shot=shots[i].shot.index,
                               text=_words(shots[i], anchor, owner)) for i in involved]
            fix_text = _unique(m.text for m in sorted(canon, key=lambda m: m.start))
            out.append(Finding(
                kind="drift", anchor=anchor, subject=owner,
                shots=[shots[i].shot.index for i in involved], words=words,
                why=WHY_DRIFT[anchor],
                fix=fix_text, paste_into=[shots[i].shot.index for i in sorted(differ)]))
    return out


def _global_drift(shots: list[ShotAnchors]) -> list[Finding]:
    out: list[Finding] = []
    for anchor in GLOBAL_ANCHORS:
        stated = [i for i, s in enumerate(shots) if s.of(anchor)]
        for prev, cur in zip(stated, stated[1:], strict=False):
            if anchor in {"time_of_day", "light_direction", "palette"} and cur - prev != 1:
                continue  # only shots in a row flip; a gap between them is its own finding
            if shots[cur].look_reasons or (
                    anchor in {"time_of_day", "light_direction", "palette"} and shots[cur].reasons):
                continue
            if not _global_clash(anchor, shots[prev], shots[cur]):
                continue
            words = [ShotWords(shot=shots[i].shot.index, text=shots[i].text(anchor) or "")
                     for i in (prev, cur)]
            out.append(Finding(
                kind="drift", anchor=anchor, shots=[shots[prev].shot.index,
                                                    shots[cur].shot.index],
                words=words, why=WHY_DRIFT[anchor],
                fix=shots[prev].text(anchor) or "", paste_into=[shots[cur].shot.index]))
    return out


def _global_clash(anchor: str, a: ShotAnchors, b: ShotAnchors) -> bool:
    va = frozenset().union(*(m.values for m in a.of(anchor)))
    vb = frozenset().union(*(m.values for m in b.of(anchor)))
    if anchor == "time_of_day":
        return not (va & vb)
    if anchor == "light_direction":
        return any(opposite(x, y) for x in va for y in vb) and not (va & vb)
    if anchor == "palette":
        return palette_clash(va, vb)
    if anchor == "lens":
        return lens_conflict(va, vb)
    if anchor == "style":
        return style_conflict(va, vb)
    return False


def palette_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """warm vs cool, colour vs black-and-white, muted vs vivid."""
    if ("mono" in a) != ("mono" in b):
        return bool((a | b) - {"mono", "muted"})
    pairs = ({"warm", "cool"}, {"muted", "vivid"})
    return any(len(p & a) == 1 and len(p & b) == 1 and p & a != p & b for p in pairs)


# ---- gaps ---------------------------------------------------------------------------------------
def _owned_gaps(shots: list[ShotAnchors]) -> list[Finding]:
    out: list[Finding] = []
    for anchor in OWNED:
        owners = {m.owner for s in shots for m in s.of(anchor) if m.owner}
        for owner in sorted(owners):
            given = [i for i, s in enumerate(shots)
                     if any(m.values for m in s.of(anchor, owner))]
            if len(given) != 1:
                continue
            there = [i for i, s in enumerate(shots)
                     if (owner in s.places if anchor == "setting" else owner in s.present)]
            lacking = [i for i in there if i not in given]
            if not lacking:
                continue
            g = given[0]
            text = _sheet(shots[g], anchor, owner)
            involved = sorted({g, *lacking})
            out.append(Finding(
                kind="gap", anchor=anchor, subject=owner,
                shots=[shots[i].shot.index for i in involved],
                words=[ShotWords(shot=shots[g].shot.index, text=text)],
                why=WHY_GAP[anchor],
                fix=text, paste_into=[shots[i].shot.index for i in lacking]))
    return out


def _global_gaps(shots: list[ShotAnchors]) -> list[Finding]:
    out: list[Finding] = []
    if len(shots) < 2:
        return out
    for anchor in GLOBAL_ANCHORS:
        given = [i for i, s in enumerate(shots) if s.of(anchor)]
        if len(given) != 1:
            continue
        g = given[0]
        text = shots[g].text(anchor) or ""
        lacking = [i for i in range(len(shots)) if i != g]
        out.append(Finding(
            kind="gap", anchor=anchor, shots=[s.shot.index for s in shots],
            words=[ShotWords(shot=shots[g].shot.index, text=text)], why=WHY_GAP[anchor],
            fix=text, paste_into=[shots[i].shot.index for i in lacking]))
    return out


# ---- words and fixes ----------------------------------------------------------------------------
def _unique(texts: Iterable[str]) -> str:
    return ", ".join(dict.fromkeys(t.strip(" ,") for t in texts if t.strip(" ,")))


def _words(shot: ShotAnchors, anchor: str, owner: str) -> str:
    return _unique(m.text for m in sorted(shot.of(anchor, owner), key=lambda m: m.start))


def _sheet(shot: ShotAnchors, anchor: str, owner: str) -> str:
    """The words to paste: a character's description as the shot wrote it (name, apposition
    and traits, when they sit together), else the anchor's own words."""
    mentions = sorted(shot.of(anchor, owner), key=lambda m: m.start)
    if anchor != "character" or not mentions:
        return _unique(m.text for m in mentions)
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
