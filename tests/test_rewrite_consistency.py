"""The rewrite never adds what contradicts its prompt (consistency.py): beyond time of day, place,
season and weather, what the prompt excludes, its subject's colour, material and number, a
named black-and-white or drawn look, its framing, its stillness and its language."""

from __future__ import annotations

import re

import pytest

from bot.core.critique.analysis import analyze, search_lower
from bot.core.critique.components import Component as C
from bot.core.critique.consistency import (
    HUES,
    conflicts,
    excluded_of,
    rewrite_conflicts,
    traits_of,
)
from bot.core.critique.needs import context_of, llm_brief, rewrite_problems
from bot.core.critique.pipeline import critique


def traits(prompt: str):
    a = analyze(prompt)
    return traits_of(a, context_of(a))


def kinds(prompt: str, phrase: str, comp: C | None = None) -> set[str]:
    return {c.kind for c in conflicts(traits(prompt), phrase, comp)}


# --- the check, phrase by phrase ----------------------------------------------------------------


@pytest.mark.parametrize("prompt, phrase, comp, kind", [
    ("A room, do not add people", "on a quiet city street with a few pedestrians", C.SETTING,
     "excluded"),
    ("A street at dawn, no cars", "a red car parked by the kerb", C.SETTING, "excluded"),
    ("A black and white photo of an old man", "warm lamp light from the side", C.LIGHTING,
     "style"),
    ("A black and white photo of an old man", "in a dark green canvas jacket", C.SUBJECT,
     "style"),
    ("A giant crocodile, game concept art", "naturalistic documentary realism", C.STYLE, "style"),
    ("A fox in a meadow, 3D cartoon style render", "subtle film grain", C.STYLE, "style"),
    ("Photorealistic footage of a fox", "flat anime shading", C.STYLE, "style"),
    ("Macro shot of a dewdrop on a leaf", "slow aerial glide forward", C.CAMERA, "framing"),
    ("Close-up of a woman's eyes", "extreme wide establishing shot", C.SHOT, "framing"),
    ("Aerial drone view of a coastline", "100mm macro lens, shallow depth of field", C.LENS,
     "framing"),
    ("A lighthouse, static camera", "slow dolly-in", C.CAMERA, "stillness"),
    ("A lighthouse, locked-off shot", "in slow motion", C.PACING, "stillness"),
    ("An orange cat sleeps", "with striped grey tabby fur", C.SUBJECT, "subject"),
    ("A small blue bird hops", "with finely detailed brown feathers", C.SUBJECT, "subject"),
    ("A man made of rocks walking", "in a dark green canvas jacket", C.SUBJECT, "subject"),
    ("A man dances", "in a flowing deep-red dress", C.SUBJECT, "subject"),
    ("Two cats fight", "then pauses, ears pricked, and looks around", C.ACTION, "number"),
    ("A man and a woman walk", "turns slowly toward the camera", C.ACTION, "number"),
    ("Un chat court dans le jardin", "soft natural light from the side", C.LIGHTING, "language"),
    ("A fox in the snow", "warm window light from the side", C.LIGHTING, "place"),
    ("A city street at night", "golden-hour sunlight", C.LIGHTING, "time_of_day"),
])
def test_a_phrase_that_contradicts_the_prompt_is_refused(prompt, phrase, comp, kind):
    assert kind in kinds(prompt, phrase, comp)


@pytest.mark.parametrize("prompt, phrase, comp", [
    ("A room, do not add people", "among sparse furniture and a worn rug", C.SETTING),
    ("A black and white photo of an old man", "a single hard spotlight from above", C.LIGHTING),
    ("A black and white street at golden hour", "low golden-hour sunlight", C.LIGHTING),
    ("A giant crocodile, game concept art", "moody and mysterious", C.STYLE),
    ("Macro shot of a dewdrop on a leaf", "100mm macro lens, shallow depth of field", C.LENS),
    ("A lighthouse, static camera", "static camera, locked-off tripod shot", C.CAMERA),
    ("An orange cat sleeps", "with a thick textured coat", C.SUBJECT),
    ("A cat chases a red ball", "with striped grey tabby fur", C.SUBJECT),
    ("A man dances", "in a dark green canvas jacket", C.SUBJECT),
    ("Two cats fight", "then they pause, ears pricked, and look around", C.ACTION),
    ("A girl dances", "then pauses and turns to glance at the camera", C.ACTION),
    ("An old man painting by the sea", "grounded intimate realism", C.STYLE),
])
def test_a_phrase_inside_what_the_prompt_implies_is_kept(prompt, phrase, comp):
    assert conflicts(traits(prompt), phrase, comp) == []


def test_what_a_prompt_excludes_stands_for_its_group():
    excluded = excluded_of(analyze("A quiet beach at dawn, no people"))
    assert any(search_lower(p, "a man") for p in excluded)
    assert any(search_lower(p, "two figures") for p in excluded)
    assert not any(search_lower(p, "the sea") for p in excluded)
    told = excluded_of(analyze("a room, do not add people"))
    assert any(search_lower(p, "a woman") for p in told)


# --- the offline rewrite, whole -----------------------------------------------------------------

BANK = [
    "a room, do not add people", "A street at dawn, no cars", "A quiet beach, no people",
    "a black and white photo of an old man in a cafe at night",
    "A black and white film of a woman walking in the rain",
    "Macro shot of a volcano erupting in a coffee cup", "Extreme close-up of a bee on a flower",
    "Aerial drone view of a winding river at dawn", "An orange cat jumps onto a kitchen counter",
    "A small blue bird takes off from the ground", "A man made of rocks walking in the forest",
    "A man and a woman are dancing together", "Two anthropomorphic cats fight on a stage",
    "a giant crocodile with trees growing on its back, game concept art",
    "a low-poly whale swimming underwater", "A fox in a meadow, 3D cartoon style render",
    'A neon sign saying "Open all night" flickers on a wet street',
    'An old man says "I remember it all" to the camera',
    "A lighthouse on a cliff, static camera", "A toilet, frozen in time",
    "A static shot of a lighthouse, no camera movement",
    "Un chat court dans le jardin", "Ein Hund läuft durch den Park",
    "A fox in the snow", "A city street at night", "A chef in a small kitchen",
    "A woman waits at a bus stop in the pouring rain", "Autumn leaves fall in a park",
]


@pytest.mark.parametrize("strength", ["light", "standard", "full"])
@pytest.mark.parametrize("prompt", BANK)
def test_no_rewrite_contradicts_its_prompt(kb, prompt, strength):
    c = critique(prompt, kb, strength=strength)
    t = traits(prompt)
    assert rewrite_conflicts(t, c.rewrite) == [], c.rewrite
    for x in c.additions:
        assert conflicts(t, x.text, x.component) == [], (x.component, x.text)


def test_an_excluded_thing_is_not_put_back(kb):
    c = critique("a room, do not add people", kb)
    assert "people" not in c.rewrite.lower()
    assert "person" not in {x.component.value for x in c.additions}
    assert not any(x.component == C.ACTION for x in c.additions), c.rewrite  # a room has none


def test_what_the_prompt_excludes_is_not_its_subject(kb):
    """"A street, no cars" is not a vehicle prompt: no commercial car look."""
    c = critique("A street, no cars", kb, strength="full")
    assert "commercial" not in c.rewrite.lower(), c.rewrite


def test_black_and_white_gets_no_colour(kb):
    c = critique("a black and white photo of an old man in a cafe at night", kb,
                 strength="full")
    for x in c.additions:
        assert not search_lower(HUES, x.text.lower().replace("golden-hour", "")), x.text


def test_the_subject_keeps_its_colour_and_material(kb):
    cat = critique("An orange cat jumps onto a kitchen counter", kb, strength="full")
    assert "grey" not in cat.rewrite and "tabby" not in cat.rewrite, cat.rewrite
    rocks = critique("A man made of rocks walking in the forest", kb, strength="full")
    assert "jacket" not in rocks.rewrite, rocks.rewrite


def test_quoted_words_stay_as_written(kb):
    c = critique('A neon sign saying "Hunyuan Video 1.5" lights up on a wet street at night',
                 kb, strength="full")
    assert '"Hunyuan Video 1.5"' in c.rewrite, c.rewrite


def test_a_plural_subject_gets_a_plural_beat(kb):
    c = critique("A man and a woman are dancing together", kb, strength="full")
    beats = [x.text for x in c.additions if x.component == C.ACTION]
    assert all(conflicts(traits("A man and a woman are dancing together"), b, C.ACTION) == []
               for b in beats)
    assert "dress" not in c.rewrite, c.rewrite


@pytest.mark.parametrize("prompt", ["Un chat court dans le jardin",
                                    "Ein Hund läuft durch den Park"])
def test_a_language_the_rewrite_does_not_write_gets_no_english(kb, prompt):
    c = critique(prompt, kb, strength="full")
    assert c.additions == []
    assert c.rewrite.rstrip(".").lower() == prompt.lower()


# --- a chat model's rewrite is checked the same way ---------------------------------------------


@pytest.mark.parametrize("prompt, text", [
    ("a room, do not add people", "A sunlit room where a woman reads by the window"),
    ("A street at dawn, no cars", "A street at dawn, a red car idling at the kerb"),
    ("a black and white photo of an old man", "A photo of an old man in a red scarf, teal "
                                              "and orange grade"),
    ("A lighthouse, static camera", "A lighthouse, slow dolly-in toward the lamp"),
])
def test_a_chat_models_rewrite_that_contradicts_is_refused(prompt, text):
    assert rewrite_problems(prompt, text), text


def test_a_chat_models_faithful_rewrite_passes():
    assert rewrite_problems("a room, do not add people",
                            "An empty room, dust hanging in soft window light, bare wooden "
                            "floor") == []


def test_the_brief_tells_the_model_what_the_prompt_excludes_and_its_look():
    lines = " ".join(llm_brief("a black and white photo of a room, no people", []))
    assert "no people" in lines and "black and white" in lines


def test_a_negated_compound_goes_whole(kb):
    """"no camera movement" is one excluded thing: "movement" is not left behind on its own."""
    c = critique("A static shot of a lighthouse, no camera movement", kb)
    assert ", movement" not in c.rewrite.lower(), c.rewrite
    assert not [m for m in analyze(c.rewrite).camera_moves if m != "static"], c.rewrite


@pytest.mark.parametrize("prompt", [
    "A woman in a red qipao walks slowly through a misty garden",  # not in the dictionary
    "A man in a grey hanbok crosses a palace courtyard at dusk",
    "A doctor in scrubs hurries down a hospital corridor",          # WordNet: clothing
    "An old man wearing a kilt plays the bagpipes on a hill",
    "A bride in a white sari steps out of a doorway",
    "A female boxer with taped hands and a black tank top throws a combination at a heavy bag",
])
def test_a_dressed_subject_gets_no_wardrobe_on_top(kb, prompt):
    """A prompt that already dresses its subject, in a garment no hand list names, is not given
    a second costume ("a woman in a dark green canvas jacket in a red qipao")."""
    c = critique(prompt, kb, strength="full")
    wear = [x.text for x in c.additions if x.component == C.SUBJECT and x.text.startswith("in ")]
    assert wear == [], c.rewrite


@pytest.mark.parametrize("prompt", [
    "A woman in a red room reads a letter",        # a room is a place, not a garment
    "A man in a blue car waits at a crossing",
    "A girl in a yellow kayak paddles across a lake",
])
def test_a_colour_before_a_known_thing_is_not_a_garment(kb, prompt):
    c = critique(prompt, kb, strength="full")
    wear = [x.text for x in c.additions if x.component == C.SUBJECT and x.text.startswith("in ")]
    assert wear, c.rewrite


@pytest.mark.parametrize("prompt, broken", [
    ("A child's red ball rolls by itself down a dark hotel hallway", "'s red ball"),
    ("A close-up of a sculptor's hands shaping wet clay on a wheel", "'s hands"),
    ("A dilapidated phone booth stands alone on a windswept moor", "booth"),
    ("Chocolate sauce pours slowly over a dessert on a marble counter", "sauce"),
    ("A samurai duel in a bamboo forest at dawn, blades flashing", "duel"),
])
def test_a_detail_never_splits_the_subjects_phrase(kb, prompt, broken):
    """A subject's detail goes after its whole noun phrase: never between an owner and its
    possessive ("a child in a ... jacket's ball") nor inside a compound ("a phone with ...
    texture booth")."""
    c = critique(prompt, kb, strength="full")
    for x in c.additions:
        if x.component == C.SUBJECT:
            assert f"{x.text} {broken.lstrip()}" not in c.rewrite
            assert f"{x.text}{broken}" not in c.rewrite, c.rewrite


@pytest.mark.parametrize("prompt", [
    "A man walks his dog along a quiet canal",
    "An arctic fox curled on the ice, snow drifting past",
    "A fisherman slowly mends his nets on the harbour wall",
    "A woman waits at a bus stop as the tram pulls away",
])
def test_a_detail_still_follows_a_whole_subject(kb, prompt):
    c = critique(prompt, kb, strength="full")
    assert any(x.component == C.SUBJECT for x in c.additions), c.rewrite


SPEED_WORDS = ("slowly", "unhurried", "full speed", "quick", "fast", "rapid", "brisk",
               "accelerat", "gathering speed")


@pytest.mark.parametrize("prompt", [
    "A man runs slowly along the beach at dawn",
    "A woman walks briskly through a busy train station",
    "A swimmer glides quickly through a pool",
    "A speedboat accelerating across a lake",
    "A leaf falls quickly from an oak tree",
])
def test_a_speed_the_prompt_gives_is_not_said_again(kb, prompt):
    """Motion physics added to a prompt that already says how fast ("runs slowly") keeps its
    weight and manner but says no speed: "at full speed" would contradict the author, and
    "unhurried" after "slowly" repeats them."""
    c = critique(prompt, kb, strength="full")
    for x in c.additions:
        if x.component in (C.MOTION, C.ACTION):
            assert not any(w in x.text.lower() for w in SPEED_WORDS), (x.text, c.rewrite)


def test_a_prompt_without_a_speed_may_be_given_one(kb):
    c = critique("A man runs along the beach at dawn", kb, strength="full")
    motion = [x.text for x in c.additions if x.component == C.MOTION]
    assert motion and "speed" in motion[0], c.rewrite


@pytest.mark.parametrize("prompt, part", [
    ("A white poodle stands on the deck of a yacht, ears fluttering in the sea wind", "wings"),
    ("An arctic fox curled on the ice, the aurora dancing overhead", "fabric"),
    ("A husky sled team glides across a frozen lake", "wings"),
])
def test_motion_names_no_body_part_the_subject_lacks(kb, prompt, part):
    c = critique(prompt, kb, strength="full")
    motion = [x.text for x in c.additions if x.component == C.MOTION]
    assert not any(part in m for m in motion), motion


LAND_WORDS = ("feet", "step", "dust", "ground", "road", "tyre", "tire", "wheel")


@pytest.mark.parametrize("prompt", [
    "A speedboat racing across a lake",
    "A sailboat runs before the wind across the bay",
    "Two kayaks race each other down a wide river",
    "A fishing boat runs for the harbour at dusk",
])
def test_a_boat_is_given_no_feet_and_no_dust(kb, prompt):
    """Every added phrase fits the subject's body: a boat (WordNet's kind shared by a boat and a
    ship) has no feet and raises no dust. The phrase is kept up to the part that clashes, so
    the boat still gets its motion."""
    c = critique(prompt, kb, strength="full")
    added = " ".join(x.text.lower() for x in c.additions)
    assert not any(re.search(rf"\b{w}s?\b", added) for w in LAND_WORDS), c.rewrite
    assert any(x.component == C.MOTION for x in c.additions) or analyze(prompt).has(C.MOTION)


@pytest.mark.parametrize("prompt, word", [
    ("A man runs along the beach at dawn", "feet"),
    ("A horse gallops across an open field", "feet"),
    ("A dog sprints across a muddy field", "feet"),
])
def test_what_has_feet_or_wheels_on_land_keeps_them(kb, prompt, word):
    c = critique(prompt, kb, strength="full")
    assert word in " ".join(x.text.lower() for x in c.additions), c.rewrite


@pytest.mark.parametrize("prompt", [
    "A baker peers at his cookies through the oven door",
    "A locksmith kneels and picks a stubborn lock",
    "She reads a letter by candlelight",
])
def test_a_persons_place_is_not_invented_outdoors(kb, prompt):
    """A person whose prompt says neither indoors nor outdoors is not put on a street or a path:
    the place may be a kitchen the words imply ("the oven door"); the rewrite anchors a neutral
    background instead, on neither side of the wall."""
    c = critique(prompt, kb, strength="full")
    low = c.rewrite.lower()
    assert "city street" not in low and "tree-lined path" not in low, c.rewrite


@pytest.mark.parametrize("prompt", [
    "A man jogs outdoors at dawn",
    "A woman walks outside in the morning",
    "An old man waits outdoors in the rain",
])
def test_a_person_said_to_be_outdoors_may_be_given_an_outdoor_place(kb, prompt):
    c = critique(prompt, kb, strength="full")
    assert not any(w in c.rewrite.lower() for w in ("apartment", "furnishings")), c.rewrite
