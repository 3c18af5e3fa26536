"""Sequences (issue 22, session 20): words compared only where they describe the same thing.

Rules: (1) a fixture noun followed by a noun it modifies ("a yellow floor line", "a brass door
handle") is a compound whose head is the thing described, so its words are not the floor's or
the door's; a plural fixture with its verb ("the walls glow") is still the walls. (2) A person
noun in apposition to one member of a group ("one of them, a hulking man") is a member of that
group, not the character the same noun stood for before. The lists are this test's own
wording, not any set's rows."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find


def drift_anchors(*shots: str) -> set[str]:
    return {f.anchor for f in find(extract_all(parse_shot_list("\n".join(shots))))
            if f.kind == "drift"}


@pytest.mark.parametrize("shots", [
    ["A school gym with a glossy grey floor; Coach Reyes, in a red tracksuit, blows a whistle.",
     "Coach Reyes, red tracksuit, stands on the blue floor stripe under the hoop of the gym.",
     "Coach Reyes, red tracksuit, claps as the kids run laps of the gym."],
    ["A farmhouse kitchen, a green door open to the yard; Ruth, in a floral apron, kneads bread.",
     "Ruth, floral apron, polishes the red door knob of the kitchen with a rag.",
     "Ruth, floral apron, scatters grain for the hens in the yard."],
    ["A lighthouse keeper's room with a tall white window; Ewan, in a cable-knit sweater, writes in a log.",
     "Ewan, cable-knit sweater, sits on the red window seat of the room with his tea.",
     "Ewan, cable-knit sweater, closes the log by the tall white window."],
])
def test_a_fixture_word_before_another_noun_is_not_the_fixture(shots):
    assert "setting" not in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["A school gym with a glossy grey floor; Coach Reyes, in a red tracksuit, blows a whistle.",
     "Coach Reyes, red tracksuit, stands on the blue floor of the gym.",
     "Coach Reyes, red tracksuit, claps as the kids run laps of the gym."],
    ["A farmhouse kitchen, a green door open to the yard; Ruth, in a floral apron, kneads bread.",
     "Ruth, floral apron, leans on the yellow door of the kitchen with a mug of tea.",
     "Ruth, floral apron, scatters grain for the hens in the yard."],
    ["A bookshop with dark green walls; Fergus, in a tweed jacket, shelves paperbacks.",
     "Fergus, tweed jacket, reads at the counter of the bookshop, dark green walls behind.",
     "Fergus, tweed jacket, climbs a ladder; the bookshop's whitewashed walls glow in the lamplight."],
])
def test_the_fixture_itself_described_otherwise_still_drifts(shots):
    assert "setting" in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["INT. BANK - DAY. Robbers storm in. The CLERK, a thin bald man in a green visor, raises his hands.",
     "The robbers tie the clerk to a chair; one of them, a hulking man in a grey duster, grabs the cash.",
     "The clerk, thin and bald, green visor, wriggles free of the rope."],
    ["A pit crew swarms the car. The DRIVER, a wiry young woman with a red helmet, waits.",
     "One of the mechanics, a stocky woman with a blonde ponytail, bolts on a wheel.",
     "The driver, wiry, red helmet, roars back onto the track."],
    ["Three hikers rest at a cairn. The GUIDE, a tall grey-bearded man in a yellow parka, points north.",
     "One of the hikers, a short man with a black beard, unwraps a sandwich.",
     "The guide, tall, grey-bearded, yellow parka, leads them on."],
])
def test_one_of_a_group_is_not_the_character_the_noun_named(shots):
    assert "character" not in drift_anchors(*shots)


@pytest.mark.parametrize("shots", [
    ["INT. BANK - DAY. Robbers storm in. The CLERK, a thin bald man in a green visor, raises his hands.",
     "The robbers tie him to a chair. The clerk, a hulking man with a thick black mane, struggles.",
     "The clerk, thin and bald, green visor, wriggles free of the rope."],
    ["A pit crew swarms the car. The DRIVER, a wiry young woman with a red helmet, waits.",
     "The driver, a stocky woman with a blue helmet, grips the wheel.",
     "The driver, wiry, red helmet, roars back onto the track."],
    ["Three hikers rest at a cairn. The GUIDE, a tall grey-bearded man in a yellow parka, points north.",
     "The guide, a short clean-shaven man in a yellow parka, unwraps a sandwich.",
     "The guide, tall, grey-bearded, yellow parka, leads them on."],
])
def test_the_character_himself_described_otherwise_still_drifts(shots):
    assert "character" in drift_anchors(*shots)
