"""Sequences (issue 22, session 22): general readings found missing on dev14's tuning half.

Rules: (1) a shot that opens by going back ("back with the band", "cut back to the rink")
returns to an earlier place, so a place named once in the shot before it is not owed there;
(2) an hour that is only daylight ("the sun comes out") is repeated by another daylight word
("now in sunshine"); (3) the sun's phase (up, down) is no hour: "sunset" does not repeat
"just after sunrise"; (4) the sun behind a thing with a verb of lighting after it ("rim-lighting
the dust") says where the light comes from, not only where the sun stands; (5) a mark on a
region of a part ("the inside of her right wrist") is placed on the part; (6) words in quotation
marks are a character's line, not the writer's reason for a change; (7) the form the hair is
worn in (braids, a bun) is a signature of the face, as its colour is. The lists are this test's
own wording, not any set's rows."""

from __future__ import annotations

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find
from bot.core.sequence.results import Finding


def findings(*shots: str) -> list[Finding]:
    return find(extract_all(parse_shot_list("\n".join(shots))))


def gaps(*shots: str) -> dict[str, list[list[int]]]:
    out: dict[str, list[list[int]]] = {}
    for f in findings(*shots):
        if f.kind == "gap":
            out.setdefault(f.anchor, []).append(f.shots)
    return out


def test_going_back_to_an_earlier_place_owes_not_the_place_before_it():
    found = gaps(
        "CHORUS: the trio plays on the deck of a rusting ferry with a cracked green funnel; "
        "Juno, shaved head, yellow raincoat, shouts into the mic.",
        "CHORUS: low angle on Juno, shaved head, yellow raincoat, the drummer a blur behind.",
        "BRIDGE: across town in a tiled laundromat with orange plastic chairs, Juno in the "
        "yellow raincoat, shaved head, watches a drum spin.",
        "LAST CHORUS: back with the band, Juno, shaved head, yellow raincoat, on her knees.")
    assert [3, 4] not in found.get("setting", [])


def test_a_place_named_once_is_still_owed_without_a_return():
    found = gaps(
        "Juno, shaved head, yellow raincoat, sits in a tiled laundromat with orange plastic "
        "chairs, watching a drum spin.",
        "Juno, shaved head, yellow raincoat, folds a towel and yawns.",
        "Juno, shaved head, yellow raincoat, checks her phone and smiles.")
    assert [1, 2, 3] in found.get("setting", [])


def test_daylight_said_again_in_other_words_is_no_hour_gap():
    found = gaps(
        "Stop-motion. Bramble, a felt mouse in a red scarf, hides under a rhubarb leaf as "
        "rain pours on the allotment.",
        "Stop-motion. Bramble in the red scarf peeks out; rain bounces off the allotment soil.",
        "Stop-motion. The rain stops and the sun comes out over the allotment; Bramble, red "
        "scarf dripping, steps into a puddle.",
        "Stop-motion, now in sunshine. Bramble shakes off the water, red scarf flapping, and "
        "scurries along the allotment path.")
    assert "time_of_day" not in found


def test_sunset_later_does_not_repeat_an_hour_said_once_after_sunrise():
    found = gaps(
        "Card 1 - Fish market at the harbour just after sunrise, crates of mackerel on ice. "
        "Ode, green bucket hat, orange fleece, waves from a trawler deck.",
        "Card 2 - Ode in the green bucket hat and orange fleece bargains over a crate of "
        "mackerel at the fish market; both grinning.",
        "Card 3 - Ode, green bucket hat, orange fleece, carries the crate to a van at the "
        "fish market.",
        "Card 4 - By sunset, on the ferry home: Ode, bucket hat in hand, orange fleece, "
        "watches the red sky.")
    assert any(shots[:3] == [1, 2, 3] for shots in found.get("time_of_day", []))


def test_the_sun_behind_a_thing_that_lights_the_scene_is_a_light_to_repeat():
    found = gaps(
        "Golden hour, a salt flat: a camel train crosses, sun low behind the caravan, "
        "lighting the dust it raises.",
        "Golden hour, salt flat: the youngest camel with the blue halter stumbles and rises.",
        "Golden hour: feet crunch across the cracked salt crust, dust in the air.",
        "Golden hour, wide of the salt flat: the caravan crests a dune, the blue halter last.")
    assert [1, 2, 3, 4] in found.get("light_direction", [])


def test_the_sun_placed_behind_a_thing_alone_is_still_no_light_to_repeat():
    found = gaps(
        "Golden hour, a salt flat: a camel train crosses, the sun low behind the caravan.",
        "Golden hour, salt flat: the youngest camel with the blue halter stumbles and rises.",
        "Golden hour, wide of the salt flat: the caravan crests a dune, the blue halter last.")
    assert "light_direction" not in found


def test_a_mark_on_the_inside_of_a_wrist_is_placed_on_the_wrist():
    shot = extract_all(parse_shot_list(
        "Rhea, forties, a swallow tattoo on the inside of her left wrist, kneads dough."))[0]
    marks = [m for m in shot.mentions if m.slot.startswith("mark:")]
    assert marks and any("part:wrist" in m.values for m in marks)


def test_a_tattoo_named_once_on_a_wrist_is_owed_by_her_later_shots():
    found = gaps(
        "Before dawn, a village bakery: Rhea, forties, hair net, black apron, a swallow tattoo "
        "on the inside of her left wrist, tips flour onto the steel table.",
        "Before dawn in the bakery: Rhea in the hair net and black apron kneads the rye dough.",
        "Before dawn: Rhea, hair net, black apron, slides the loaves into the oven.")
    assert any(shots[:1] == [1] and 3 in shots for shots in found.get("character", []))


def test_a_reason_said_in_a_quoted_line_is_no_reason_to_move():
    found = findings(
        "VIDEO: Interview, medium. Edda (80s, silver plait, green cardigan) on a stool in her "
        "pottery workshop, kiln behind her. | AUDIO: 'I started here at nineteen.'",
        "VIDEO: B-roll. Edda's hands, green cardigan sleeves pushed up, centre clay on the "
        "wheel in the pottery workshop. | AUDIO: interview continues.",
        "VIDEO: Interview, close-up. Edda, silver plait, green cardigan, in a sunlit "
        "kitchen, laughs. | AUDIO: 'I remember every single pot.'",
        "VIDEO: Interview, wide. Edda, silver plait, green cardigan, on the stool in the "
        "pottery workshop, kiln behind her. | AUDIO: room tone.")
    assert any(f.kind == "drift" and f.anchor == "setting" for f in found)


def test_the_writer_remembering_outside_quotes_still_reads_as_a_reason():
    shot = extract_all(parse_shot_list(
        "Edda, silver plait, remembers her first kiln: 'I was nineteen.'"))[0]
    assert shot.reasons.get("look")


def test_a_hairstyle_named_once_is_owed_like_a_hair_colour():
    found = gaps(
        "Getting ready in the cabin: Noor, thirties, braids pinned into a high bun, sage "
        "linen dress, laces her boots by the stove.",
        "In the cabin, Noor in the sage linen dress reads a card from her brother.",
        "Noor walks down the jetty in the sage linen dress, guests turning on either side.")
    assert any(shots[:1] == [1] and 3 in shots for shots in found.get("character", []))
