"""The places a shot names: the head noun with its modifiers and a "with ..." detail, the
values a later shot of the same place is compared on."""

from __future__ import annotations

from functools import lru_cache

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.noun_kinds import PHRASE_ENDS, PLACE, kind_chain
from bot.core.sequence.colour import hues_of
from bot.core.sequence.spans import LIGHT_SOURCES, STOP_LEFT, Head, Mention, alts, heads, rx


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


_SINGULAR_OF = {_plural(w): w for w in vocab.PLACES
                if " " not in w and _plural(w) not in vocab.PLACES}
"""Regular plurals of the place nouns ("the salt marshes", "the rice paddies"), each keyed
by its singular so "the marshes" and "the marsh" are one place; plurals the table lists
itself ("woods", "streets") stay as they are."""
_PLACE_NOUN = rx(alts(set(vocab.PLACES) | set(_SINGULAR_OF)))
_PLACE_LEFT = re.compile(r"((?:[a-z0-9]+(?:-[a-z0-9]+)*'?s? ){0,4})$", re.I)
_PLACE_STOP = frozenset(words("a an the his her their its of in on at by into onto from to "
                              "through across over under near toward towards and or with as "
                              "past beyond "
                              "while shot close-up medium wide full aerial establishing "
                              "extreme tracking static low high angle camera slow lens"))
_LEADING_PREPOSITION = re.compile(r"(?:(?:at|in|on|by|through|across|down|up|along|into|inside|"
                                  r"outside|over|under|near|beside|toward|towards|from|to|"
                                  r"onto|past|around)\s+)*", re.I)
_WITH_DETAIL = re.compile(r"\s+(?:with|where|lined with|full of|filled with|of(?!\s+(?:the|a|an|"
                          r"his|her|their|its|this|that)\s))\s+(?:an?\s+|the\s+)?"
                          r"[\w' -]+?(?=,|\.|;|$| at | as | while | and the | in the |"
                          r" on the | on a | at a | by a | by the | under | beneath | near )",
                          re.I)
_NOT_A_PLACE_AFTER = re.compile(r"^(?:'s|-| (?:shot|shots|lamp|lamps|light|lights|door|doors|"
                                r"window|windows|table|wall|walls|floor|sign|signs|keeper|owner|"
                                r"worker|counter|dog|cat|bag|path|rail|jacket|coat|jaw|phone|"
                                r"card|chair|bench|level|line|map|ticket|boy|girl|kid|cleaner|"
                                r"lens|ball|game|player|players|mouse|rat|hat|cap|uniform|"
                                r"gear|kit|plant|plants|clock|look|style|aesthetic|lighting|"
                                r"glow|photography|portrait|portraits|render|animation|"
                                r"footage)(?![\w-]))", re.I)
"""Words a place noun modifies ("a street lamp", "the kitchen door"), among them the look it
names ("a 1940 studio look", "soft studio glow", "street photography"): not the setting."""


_PLACE_PART = re.compile(r"^['’]s\s+([a-z][\w-]*(?:,?\s+[a-z][\w-]*){0,3}?)(?=\s*[,.;:!?]|\s*$|"
                         r"\s+(?:and|with|in|on|at|as|while|behind|above|over|under|against|of|"
                         r"to|from|for|by|is|are|glows?|gleams?|shines?)\s)", re.I)
"""A place's possessive with described parts after it ("the café's striped blue awnings"): a
part of that place, as if it had been given with "with"."""


def _described(words_: str) -> bool:
    """Whether a part's words say what it looks like: a colour, a material or a pattern ("red
    awnings", "oak shelves"), not which one it is ("the bakery's back door")."""
    found = re.findall(r"[a-z][\w-]*", words_.lower())[:-1]
    return bool(hues_of(found)) or any(w in vocab.MATERIALS or w in _SURFACES for w in found)


def _part_of(text: str, m: Head, part: re.Match[str]) -> Mention:
    """The place's part named through its possessive, keyed by the place: the part's own
    modifiers are its details ("dn:awning:striped", "dn:awning:blue")."""
    start, end = m.start(2), m.end() + part.end()
    values = _detail_values("with " + part.group(1))
    return Mention("setting", text[start:end], start, end, frozenset(values),
                   _SINGULAR_OF.get(m.group(2).lower(), m.group(2).lower()), "place")


_NEXT_WORD = re.compile(r"^ ([a-z][a-z]+)(?![\w'-])")


def _conveyance_next(text: str, end: int) -> bool:
    """Whether the word right after a place noun is, by the dictionary, a conveyance (a
    train, a bus, a boat): the place word then says what kind it is or where it runs, it is
    not the shot's setting."""
    m = _NEXT_WORD.match(text[end:end + 30])
    if m is None or _conveyance() not in kind_chain(m.group(1)):
        return False
    after = _NEXT_WORD.match(text[end + m.end():end + m.end() + 30])
    return after is None or after.group(1) in PHRASE_ENDS or \
        after.group(1).endswith(("s", "ed", "ing", "ly"))  # "Station galley module": the
    # galley is no ship there but a word of the module, which the station holds


@lru_cache(maxsize=1)
def _conveyance() -> int:
    """WordNet's synset for conveyances (vehicles, trains, public transport): the parent of
    "vehicle" (it has no lemma of its own in the table)."""
    return kind_chain("vehicle")[1]


_LIGHT_NEXT = re.compile(r"^ (?:" + alts(LIGHT_SOURCES - {"top", "key", "fill", "lit", "glow"}) +
                         r")(?![\w-])", re.I)
_VERB_OBJECT = re.compile(r"^ (?:their|his|her|its|my|our|your|them|him|it)(?![\w'-])", re.I)
"""A place word followed by a possessive or an object pronoun is a verb ("a brother and sister
park their sedan", "they dock it"): a noun does not take an object."""


_ADJECTIVE_TOO = frozenset({"flat", "square"})
"""Place nouns that are also adjectives: before another word ("flat perspective", "a square
jaw") they describe it; a place ends its phrase ("a salt flat with a pole", "her tiny flat in
Leeds", "the town square at noon")."""
_WORD_NEXT = re.compile(r"^[ -](?!(?:" + "|".join(sorted(STOP_LEFT | {"at", "near", "where",
                                                                       "beside", "behind"})) +
                        r")(?![\w-]))[\w-]", re.I)
_PASSED = re.compile(r"(?<![\w-])past\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def setting(text: str, worn: list[Mention]) -> tuple[list[Mention], set[str]]:
    """The places a shot names, keyed by their noun ("alley"), with the adjectives before it
    and a "with ..." detail after it ("a narrow alley with a red neon pharmacy cross"). A
    noun inside a garment's words ("field jacket") or used as a modifier ("kitchen door") is
    not a place."""
    out: list[Mention] = []
    places: set[str] = set()
    compounds = _place_compounds(text) | _landforms(text)
    found = heads(text, _PLACE_NOUN, _PLACE_LEFT)
    if compounds:
        found = sorted(found + heads(text, rx(alts(compounds)), _PLACE_LEFT),
                       key=lambda h: h.start(2))
    for m in found:
        if any(w.start <= m.start(2) < w.end for w in worn):
            continue
        part = _PLACE_PART.match(text[m.end():])
        if part and _described(part.group(1)) and \
                not any(w.start <= m.start(2) < w.end for w in worn):
            out.append(_part_of(text, m, part))
            places.add(_SINGULAR_OF.get(m.group(2).lower(), m.group(2).lower()))
            continue
        if _NOT_A_PLACE_AFTER.match(text[m.end():]) or _VERB_OBJECT.match(text[m.end():]):
            continue
        if m.group(2).lower() in _ADJECTIVE_TOO and _WORD_NEXT.match(text[m.end():]):
            continue  # "flat perspective", "a flat wooden scoop": the adjective
        if _LIGHT_NEXT.match(text[m.end():]):
            continue  # "a porch bulb", "the kitchen light": a lamp of the place, not the place
        if text[m.end():m.end() + 1] == " " and _PLACE_NOUN.match(text, m.end() + 1):
            continue  # "bakery kitchen", "library atrium": the next noun is the place
        if _conveyance_next(text, m.end()):
            continue  # "a two-car countryside train", "a city bus": the kind of train
        if m.group(2).lower() == "field" and re.search(r"depth of $", text[max(0, m.start(2) - 9):
                                                                          m.start(2)], re.I):
            continue  # "shallow depth of field": a lens setting
        head = compounds.get(m.group(2).lower(), m.group(2).lower())
        head = _SINGULAR_OF.get(head, head)
        mods = [w for w in m.group(1).lower().split() if w]
        if any(w in _PLACE_STOP for w in mods):
            mods = mods[max(i for i, w in enumerate(mods) if w in _PLACE_STOP) + 1:]
        start = m.start(2) - sum(len(w) + 1 for w in mods)
        if _PASSED.search(text[max(0, start - 12):start]):
            continue  # "drives past salt flats": a place passed on the way, not the setting
        end = m.end()
        values = {f"detail:{w}" for w in mods}
        values |= {f"hue:{h}" for h in hues_of(mods)}
        detail = _WITH_DETAIL.match(text[end:])
        if detail:
            end += len(detail.group(0))
            values |= _detail_values(detail.group(0))
        part = _PART_OF.search(text[max(0, start - 60):start])
        if part and (hues_of(part.group(1).lower().split()) or
                     any(w in vocab.MATERIALS for w in part.group(1).lower().split())):
            start -= len(part.group(0))  # "the red walls of the cafe": the cafe's walls
            values |= _detail_values("with " + part.group(1))
        places.add(head)
        out.append(Mention("setting", text[start:end], start, end, frozenset(values), head,
                           "place"))
    for ride in _rides(text):
        if not any(m.start <= ride.start < m.end or ride.start <= m.start < ride.end
                   for m in out) and not any(w.start <= ride.start < w.end for w in worn):
            places.add(ride.owner)
            out.append(ride)
    return out, places


_INSIDE_A = re.compile(r"(?<![\w'-])(?:in|inside|aboard|into|onto|of)\s+"
                       r"(?:the|a|an|his|her|their|its|this|that)\s+", re.I)
_NP = re.compile(r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*", re.I)
_NP_ENDS = re.compile(r"^(?:\s*(?:[,.;:!?)]|$)|\s+(?:" + alts(PHRASE_ENDS) + r")(?![\w-]))",
                      re.I)


def _rides(text: str) -> list[Mention]:
    """A conveyance the action is in or on ("jolts awake in the subway car", "stands in a
    half-empty vintage tram with wooden slat seats", "the far end of the carriage"): by the
    dictionary a train, a bus, a boat, a car, the set the scene is in while it rides, keyed
    by its noun (the phrase's last word, where a preposition, a clause or punctuation ends
    it) with the words before it as details. Driving one or seeing one pass is not being in
    it. Marked `ORPHAN`: a ride can drift ("the subway car", then "a vintage tram" in the
    middle of the ride), but like a part said without its place it is no place sheet whose
    repeat is due (no gap): a "getaway car" or a "road bike" given once is a prop as often."""
    out: list[Mention] = []
    for prep in _INSIDE_A.finditer(text):
        m = _NP.match(text, prep.end())
        if m is None:
            continue
        at = m.start()
        for word in re.finditer(r"[a-z][\w-]*", m.group(0), re.I):
            end = at + word.end()
            if not _NP_ENDS.match(text[end:]):
                continue
            noun = word.group(0).lower()
            if noun not in _NOT_RIDES and _conveyance() in kind_chain(noun):
                mods = text[at:at + word.start()].lower().split()
                out.append(Mention("setting", text[at:end], at, end,
                                   frozenset({ORPHAN, *(f"detail:{w}" for w in mods),
                                              *(f"hue:{h}" for h in hues_of(mods))}), noun,
                                   "place"))
            break
    return out


_NOT_RIDES = frozenset(words("wheel wheels seat seats door doors window windows"))
"""Parts of a conveyance WordNet files under it: where in the vehicle, not which one."""


_PLACE_TAILS = frozenset(p for p in vocab.PLACES if " " not in p and len(p) >= 4)


def _place_compounds(text: str) -> dict[str, str]:
    """The closed compounds of a text that the dictionary makes a kind of the place noun they
    end with, each with that noun ("footbridge" a bridge, "storeroom" a room; not "mushroom"
    or "downhill"): one place under two names, so "a narrow wooden footbridge" and "a mossy
    stone arch bridge" are compared as one bridge."""
    out: dict[str, str] = {}
    for word in set(re.findall(r"(?<![\w-])[a-z]{7,}(?![\w-])", text.lower())):
        if word in vocab.PLACES:
            continue
        tail = next((word[i:] for i in range(3, len(word) - 3) if word[i:] in _PLACE_TAILS),
                    None)
        if tail is not None and kind_chain(tail)[:1] and kind_chain(tail)[0] in kind_chain(word):
            out[word] = tail
    return out


_LOCATIVE_NOUN = re.compile(
    r"(?<![\w-])(?:across|over|on|onto|through|in|into|along|at|toward|towards|beside|near|"
    r"from|upon)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[a-z][\w-]*,?\s+){0,3}?"
    r"([a-z]{4,})(?=\s*[,.;:!?)]|\s*$|\s+(?:" + alts(PHRASE_ENDS) + r")(?![\w-]))", re.I)
"""A noun that closes a locative phrase ("walks across a grey lunar plain toward ...")."""


@lru_cache(maxsize=1)
def landform_kinds() -> frozenset[int]:
    """WordNet's dry land and natural elevation: ground that stretches or rises (a plain, a
    steppe, a plateau, a ridge), not a slope or a hollow, which name a part of a place as
    often as a place (a river bank, a water trough)."""
    return frozenset(c[0] for w in ("dry land", "natural elevation")
                     if (c := kind_chain(w, PLACE)))


_SLUG_LINE = re.compile(r"^\W*(?:(?:scene|sc\.?|shot)\s*#?\s*\w+[.,):]?\s*)?(?:\d+[.):]?\s*)?"
                        r"(?:INT|EXT)\.?\s+([^.\n]*?)(?=\s*(?:--?|[–—])\s|\.|$)")
"""A screenplay slug line opening a shot ("EXT. MARS HABITAT, AIRLOCK RIDGE - DAWN"): it
names where the shot stands, a place before any locative phrase does."""


def _slug_heads(text: str) -> list[str]:
    """The last word of each place a slug line names ("EXT. MARS HABITAT, AIRLOCK RIDGE" →
    habitat, ridge): the slug's grammar says they are places, though no preposition leads
    them."""
    m = _SLUG_LINE.match(text)
    if m is None:
        return []
    return [part.split()[-1].lower() for part in m.group(1).split(",") if part.split() and
            len(part.split()[-1]) >= 4]


def _landforms(text: str) -> dict[str, str]:
    """Nouns the hand list of places lacks that close a locative phrase and whose most
    frequent sense is, by the dictionary, a kind of open or rising land (a plain, a plateau,
    a steppe, a ridge), or that a slug line names ("EXT. AIRLOCK RIDGE - DAWN"): the ground
    the shot stands on, a place like the list's desert or tundra. The land itself ("on the
    ground") is no kind of it, and a word whose first sense is another thing ("a moor", the
    people) is not read."""
    out: dict[str, str] = {}
    for word in [m.group(1).lower() for m in _LOCATIVE_NOUN.finditer(text)] + _slug_heads(text):
        if word in vocab.PLACES or word in _SINGULAR_OF or word in out:
            continue
        chain = kind_chain(word)
        if chain and chain[:1] == kind_chain(word, PLACE)[:1] and \
                set(chain[1:]) & landform_kinds():
            out[word] = word
    return out


_PART_OF = re.compile(r"(?:(?<=\s)|^)(?:the|a|an|its)\s+((?:[\w-]+\s+){1,3}?[a-z][\w-]*)\s+of\s+"
                      r"(?:the|a|an|this|that)\s+$", re.I)
"""A part of a place named before it with its colour or material ("by the red walls of the
cafe", "the marble floor of the lobby"): a detail of that place."""


def _detail_values(detail: str) -> set[str]:
    """A place's "with ..." details, each noun with its own words ("yellow tiles and a brick
    oven" → tiles: yellow; oven: brick), so only the same thing's words are compared."""
    out: set[str] = set()
    body = re.sub(r"^\s*(?:with|where|lined with|full of|filled with)\s+", "", detail.lower())
    for part in re.split(r",\s*|\s+and\s+", body):
        found = [w for w in re.findall(r"[a-z][a-z'-]*", part) if w not in _SETTING_STOP]
        if len(found) < 2:
            continue
        noun, mods = found[-1].rstrip("s"), found[:-1]
        out |= {f"dn:{noun}:{w}" for w in mods}
    return out


_SETTING_STOP = frozenset(words("at in on by the a an of through across down up along into inside "
                                "outside over under near beside toward towards and from to with"))


_SET_PART = re.compile(r"(?<![\w'-])((?:[a-z][\w-]*,? ){1,3})(floors?|walls?|ceilings?|tiles|"
                       r"booths|carpets?|rugs?|wallpaper|pillars|columns|rafters|beams|"
                       r"panelling|paneling|shutters|shelves|bookshelves|cabinets|lockers|"
                       r"cupboards|benches|pews)(?![\w'-])", re.I)
_PART_STOP = frozenset(words("a an the his her their its of in on at by into onto from to "
                             "through across over under near toward towards and or with as "
                             "while past along behind beside against"))
ORPHAN = "orphan"
"""Marks a part said without its place: a list whose only words for a set are such parts
can drift, but they are no place sheet whose repeat is due (no gap)."""
PART_OWNER = "^part"
"""The owner of a part of a set said without its place ("across a sage-green linoleum floor"):
`compare` gives it to the place the scene is in."""


def set_parts(text: str, places: list[Mention]) -> list[Mention]:
    """The fixed surfaces of a set (floor, walls, ceiling, booths, tiles) described by colour
    or material in a shot that does not name its place there: the same room's floor, to be
    compared with the floor the place was given ("a black-and-white checkerboard floor")."""
    out: list[Mention] = []
    for m in _SET_PART.finditer(text):
        if any(p.start <= m.start(2) < p.end for p in places):
            continue  # the place's own "with ..." detail
        lead = m.group(1).rsplit(",", 1)[-1]  # "the counter, red vinyl booths": after the list
        mods = lead.lower().split()
        if any(w in _PART_STOP for w in mods):
            mods = mods[max(i for i, w in enumerate(mods) if w in _PART_STOP) + 1:]
        if not mods or not (hues_of(mods) or any(w in vocab.MATERIALS or w in _SURFACES
                                                  for w in mods)):
            continue
        start = m.start(2) - len(" ".join(mods)) - 1
        noun = m.group(2).lower().rstrip("s")  # as `_detail_values` keys it
        out.append(Mention("setting", text[start:m.end()], start, m.end(),
                           frozenset({ORPHAN, *(f"dn:{noun}:{w}" for w in mods)}), PART_OWNER,
                           "place"))
    return out


_SURFACES = frozenset(words("brick stone marble wooden wood timber concrete tiled linoleum "
                            "parquet granite plaster glass steel terrazzo"))
