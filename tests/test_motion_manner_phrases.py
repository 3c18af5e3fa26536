"""Motion read where the manner is a phrase rather than one word next to the verb (issue 12:
motion is the speed, manner, weight or physics of a movement; a direction alone is not). The
sentences are written for these tests, none from a labelled set: each mechanism gets wordings a
different writer would use, and decoys of the same shape that must not fire."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.motion_sense_verbs import MOTION_SENSE_FORMS


def _motion(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(C.MOTION, [])]


def test_the_wordnet_motion_table_holds_movement_verbs_and_not_nouns() -> None:
    for form in ("navigates", "meandering", "clambered", "scrambles", "careens"):
        assert form in MOTION_SENSE_FORMS, form
    for word in ("smiles", "speaks", "bus", "church", "looks"):
        assert word not in MOTION_SENSE_FORMS, word


@pytest.mark.parametrize(("prompt", "manner"), [
    ("A paper boat navigates the gutter with surprising grace", "with surprising grace"),
    ("The river meanders through the valley with quiet power", "with quiet power"),
    ("A climber clambers over the boulders with practiced ease", "with practiced ease"),
])
def test_a_quality_after_any_verb_of_movement_is_its_manner(prompt: str, manner: str) -> None:
    assert manner in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "The host smiles at the guests with quiet confidence",
    "She writes the letter with quiet determination",
])
def test_a_quality_after_a_verb_that_moves_nothing_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "simile"), [
    ("A wolf prowls the ridge like a shadow at dusk", "like a shadow at dusk"),
    ("The kite drifts across the sky like a lost balloon", "like a lost balloon"),
    ("A ghostly figure glides through the corridor as if on rails", "as if on rails"),
])
def test_a_comparison_after_the_movement_and_its_place_is_its_manner(prompt: str,
                                                                    simile: str) -> None:
    assert any(simile.startswith(text) or text.startswith(simile[:12])
               for text in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "A man walks past a house that looks like a castle",
    "Tourists wander through a city built like a maze",
    "She stands at the window like a statue",
])
def test_a_comparison_owned_by_something_else_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "manner"), [
    ("The robot walks with stiff, mechanical steps", "with stiff, mechanical steps"),
    ("The snake slithers across the sand in smooth S-shaped curves",
     "in smooth S-shaped curves"),
    ("The old horse trots on in heavy, tired strides", "in heavy, tired strides"),
    ("A hummingbird darts between the flowers in quick little bursts",
     "in quick little bursts"),
])
def test_a_described_movement_in_a_with_or_in_phrase_is_its_manner(prompt: str,
                                                                  manner: str) -> None:
    assert manner in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "A hiker climbs the trail with her own steps counted on a map",
    "The painter covers the canvas with broad strokes of blue",
    "A beach with huge waves at dusk",
    "A frog crosses the pond in two leaps",
])
def test_a_counted_or_made_movement_noun_is_not_a_manner(prompt: str) -> None:
    assert not any(t.startswith(("with her", "with broad", "with huge", "in two"))
                   for t in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize(("prompt", "adverb"), [
    ("The children run around the playground excitedly, laughing", "excitedly"),
    ("A leaf drifts across the pond lazily.", "lazily"),
    ("The cat creeps along the fence cautiously", "cautiously"),
])
def test_a_manner_adverb_after_the_movement_and_its_place(prompt: str, adverb: str) -> None:
    assert adverb in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "An old man sits on the bench cautiously watching the pigeons",
    "She looks at the photograph excitedly",
])
def test_an_adverb_after_a_verb_that_does_not_move_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "said"), [
    ("The dancer's movements are fluid and precise", "movements are fluid"),
    ("The horse's gait remains steady on the frozen road", "gait remains steady"),
    ("The skater's strides look effortless", "strides look effortless"),
])
def test_what_is_said_of_someones_movement_is_its_manner(prompt: str, said: str) -> None:
    assert any(said in text for text in _motion(prompt)), _motion(prompt)


def test_someones_movement_going_on_with_a_verb_is_not_described() -> None:
    assert _motion("The dancer's movements fill the empty stage") == []


@pytest.mark.parametrize(("prompt", "verb"), [
    ("An old man struts down the boardwalk in a white suit", "struts"),
    ("The fox slinks past the henhouse at dusk", "slinks"),
    ("A crab sidles across the wet rock", "sidles"),
    ("The model sashays along the runway", "sashays"),
])
def test_a_verb_that_carries_the_bearing_of_a_gait_is_motion(prompt: str, verb: str) -> None:
    assert verb in _motion(prompt)


@pytest.mark.parametrize(("prompt", "adverb"), [
    ("Ponderously, the elephant crosses the muddy river", "Ponderously"),
    ("Nimbly, the squirrel leaps from branch to branch", "Nimbly"),
])
def test_a_manner_adverb_opening_a_sentence_of_movement(prompt: str, adverb: str) -> None:
    assert adverb in _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "Gingerly, she opens the old letter",
    "Ponderously, the judge reads the verdict",
])
def test_an_opening_adverb_of_a_sentence_that_does_not_move_is_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


def test_any_verb_that_moves_through_the_air_is_a_trajectory() -> None:
    assert any("through the air" in t
               for t in _motion("The stuntman hurtles through the air above the cars"))
    assert _motion("The smell of bread hangs over the market") == []


@pytest.mark.parametrize("prompt", [
    "Travelers hurry through the terminal with their bags",
    "A skater glides across the frozen lake",
    "A crab scurries into its burrow",
])
def test_speed_or_smoothness_alone_is_the_action_not_a_manner_verb(prompt: str) -> None:
    assert _motion(prompt) == []


def test_a_manner_adverb_next_to_any_verb_of_movement() -> None:
    assert "furiously" in _motion("The camera follows a cyclist as he pedals furiously up the hill")


def test_a_doubled_consonant_verb_form_is_read_by_its_base() -> None:
    # "fanning" is "fan", a verb of loose matter spreading: her hair's physics
    assert any("fanning" in t for t in _motion(
        "A woman tosses her head back, her hair fanning out behind her"))


def test_a_colour_phrase_after_in_is_not_a_place() -> None:
    spans = analyze("Wildflowers in muted hues cover the hillside").spans
    assert not any("hues" in s.text for s in spans.get(C.SETTING, []))


@pytest.mark.parametrize(("prompt", "phrase"), [
    ("A man walks in a hurried, anxious manner", "in a hurried, anxious manner"),
    ("The fox trots along the fence in a jaunty way", "in a jaunty way"),
    ("The children bounce higher and higher on the trampoline", "higher and higher"),
    ("The tree bends under the force of the wind", "under the force of the wind"),
    ("Moving with the grace of a dancer, the cat crosses the fence", "with the grace"),
    ("The horse runs so fast its hooves barely touch the ground", "fast"),
])
def test_a_manner_said_as_a_phrase_after_a_movement(prompt: str, phrase: str) -> None:
    assert any(phrase in text for text in _motion(prompt)), _motion(prompt)


@pytest.mark.parametrize("prompt", [
    "The host speaks in a calm, friendly manner",
    "The stakes get higher and higher for the team",
    "A very fast car parked outside the villa",
])
def test_the_same_phrases_said_of_no_movement_are_not_motion(prompt: str) -> None:
    assert _motion(prompt) == []


@pytest.mark.parametrize(("prompt", "physics"), [
    ("The top spins at high velocity on the glass table", "velocity"),
    ("Honey pours in a thick, viscous stream", "viscous"),
    ("A skydiver in free fall above the clouds", "free fall"),
    ("The bead of water holds its shape by surface tension", "surface tension"),
])
def test_the_physics_named_by_its_quantity(prompt: str, physics: str) -> None:
    assert physics in _motion(prompt)


@pytest.mark.parametrize(("prompt", "adverb"), [
    ("The puppet moves woodenly across the little stage", "woodenly"),
    ("The old soldier walks unsteadily toward the gate", "unsteadily"),
    ("The cat stretches lethargically on the warm windowsill", "lethargically"),
    ("The crowd surges chaotically toward the exits", "chaotically"),
])
def test_an_adverb_wordnet_clusters_with_a_manner_adverb_is_a_manner(prompt: str,
                                                                    adverb: str) -> None:
    assert adverb in _motion(prompt)


def test_a_clustered_adverb_next_to_a_verb_of_speaking_is_not_motion() -> None:
    assert _motion("The coach speaks energetically to the team") == []
