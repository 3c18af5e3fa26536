"""Sequences (issue 22): short lists written to probe the anchor readers with wordings none
of the tuning sets use. Each case names the mechanism it checks; the expectation is the whole
set of findings, so a reader that over-reports fails as surely as one that misses (the
setting gaps are the definition's: a place with a feature named in one shot only)."""

from __future__ import annotations

import pytest

from bot.core.sequence import parse_shot_list
from bot.core.sequence.anchors import extract_all
from bot.core.sequence.compare import find

CASES: list[tuple[str, str, list[str], list[tuple[str, str, tuple[int, ...]]]]] = [
    ('q01-night-shift', 'a time word that classifies a noun is no time', [
        'A nurse in blue scrubs finishes her night shift, hospital corridor, fluorescent light.',
        'The nurse in blue scrubs rubs her eyes by the vending machine, fluorescent light.',
        'The nurse in blue scrubs walks out into the parking lot, early morning.',
    ], [('gap', 'setting', (1, 2))]),
    ('q09-bleach', 'a saturation word said alone is a grade', [
        'Soldiers in a trench, bleach-bypass look, desaturated, grey sky.',
        'A soldier writes a letter in the trench, bleach-bypass look, desaturated.',
        'The soldier reads the letter in the trench, hyper-saturated, vivid colours.',
    ], [('drift', 'palette', (1, 2, 3))]),
    ('q21-style-gap', "'In the style of' at a sentence's start", [
        'In the style of a 1970s Italian giallo: a woman in a red coat walks down a dark street.',
        'The woman in the red coat hears footsteps behind her.',
        'The woman in the red coat runs into a phone box.',
    ], [('gap', 'style', (1, 2, 3))]),
    ('q23-later-that-night', "a carried thing after 'in' is a container", [
        'A fairground at dusk, a girl wins a goldfish.',
        'The girl carries the goldfish in a bag past the carousel at dusk.',
        'Later that night, the girl puts the goldfish in a bowl on her bedroom windowsill, moonlight.',
    ], []),
    ('r05-style-2d-vs-3d', '2D animation against CGI', [
        '2D hand-drawn animation: a small robot waters a single flower on a barren planet.',
        '2D hand-drawn animation, the robot shields the flower from a dust storm.',
        'Photoreal CGI: the robot kneels beside the flower as the storm clears.',
    ], [('drift', 'style', (1, 2, 3)), ('gap', 'setting', (1, 2, 3))]),
    ('r08-beard-drift', 'a person is whoever has a beard', [
        ('A lumberjack with a thick red beard and a plaid flannel shirt splits logs outside a cabin,'
         ' morning mist.'),
        'The lumberjack stacks logs, thick red beard, plaid flannel shirt, morning mist.',
        ('The lumberjack, clean-shaven, in his plaid flannel shirt, carries firewood inside, morning'
         ' mist.'),
    ], [('drift', 'character', (1, 2, 3))]),
    ('r01-two-people-garments', 'hair before any hair noun (silver bun)', [
        ('Wide: a rooftop garden at golden hour, Theo, a lanky teenager in a mustard cardigan, and '
         'his grandmother Rosa, silver hair in a bun, water tomato plants. Warm honey grade, 35mm '
         'lens.'),
        ('Close-up: Rosa, silver bun, shows Theo a ripe tomato, golden hour, warm honey grade, 35mm '
         'lens.'),
        ('Medium: Theo, in a teal cardigan, laughs and takes a bite, golden hour, warm honey grade, '
         '35mm lens.'),
    ], [('drift', 'character', (1, 3)), ('gap', 'setting', (1, 2, 3))]),
    ('s02-baker-comma', "a person noun in apposition at a sentence's start", [
        'The baker, a stout woman with grey hair in a bun, pulls loaves from the oven.',
        'The baker, grey bun, dusts flour off her hands.',
        'The baker, jet-black hair in a bun, hands a loaf to a customer.',
    ], [('drift', 'character', (1, 2, 3))]),
    ('s03-beekeeper-his', 'the subject its own he/she follows', [
        ('A beekeeper lifts a frame from the hive; he wears a white veil and yellow gloves, summer '
         'afternoon.'),
        'The beekeeper inspects the honeycomb, white veil, yellow gloves, summer afternoon.',
        'The beekeeper, white veil, blue gloves, carries the frame to the shed, summer afternoon.',
    ], [('drift', 'character', (1, 2, 3))]),
    ('s04-cellist-age', 'a person with an age', [
        ('A cellist in her sixties with cropped white hair tunes her instrument in an empty concert '
         'hall.'),
        'The cellist plays, eyes closed, cropped white hair.',
        'The cellist, long auburn hair, takes a bow to the empty seats.',
    ], [('drift', 'character', (1, 2, 3)), ('gap', 'setting', (1, 2, 3))]),
    ('s05-lifeguard-gap', "a person with hair or a garment after 'with'", [
        'A lifeguard with a sunburnt nose and a red swimsuit watches the sea from a tall wooden chair.',
        'The lifeguard stands up and blows her whistle.',
        'The lifeguard sprints into the surf.',
    ], [('gap', 'character', (1, 2, 3))]),
    ('s06-tower-not-person', "a thing with 'its' is no person", [
        'A radio tower on a hill, a storm gathering, its red warning light blinking.',
        'The tower sways as rain lashes the hill, red warning light blinking.',
        'Lightning strikes the tower, red warning light blinking.',
    ], []),
    ('t06-bathed', 'a frame bathed in a colour', [
        'A dancer spins in an empty warehouse, everything bathed in deep red.',
        'The dancer leaps across the warehouse floor, bathed in deep red.',
        'The dancer collapses on the floor, bathed in icy blue.',
    ], [('drift', 'palette', (1, 2, 3))]),
    ('t08-lens-vintage-vs-modern', 'vintage against anamorphic lenses', [
        ('Shot on vintage Soviet Helios lenses with swirly bokeh: a woman walks through a sunflower '
         'field.'),
        'Helios swirly bokeh, the woman touches a sunflower.',
        'Anamorphic lens with horizontal flares, the woman looks at the sun.',
    ], [('drift', 'lens', (1, 2, 3)), ('gap', 'setting', (1, 2, 3))]),
    ('u01-two-women', 'one noun for two characters', [
        'A woman in a red coat waits on a train platform, overcast morning.',
        'A second woman, in a green coat, arrives and stands beside her, overcast morning.',
        'The woman in the red coat hands the woman in the green coat an envelope, overcast morning.',
    ], [('gap', 'setting', (1, 2, 3))]),
    ('u02-change-inside-shot', 'a change told inside a shot', [
        'A street at dusk, streetlights flicker on one by one, a cyclist rides past.',
        'The cyclist stops under a streetlight, night.',
        'The cyclist locks the bike and enters a building, night.',
    ], []),
    ('v05-clean-several-chars', 'a name before a comma is a wearer', [
        ('Three friends at a campfire at night: Ana in a red flannel shirt, Ben in a blue hoodie, '
         'Chloe in a green parka.'),
        'Ana, red flannel shirt, tells a ghost story by the campfire, night.',
        'Ben, blue hoodie, and Chloe, green parka, laugh by the campfire, night.',
    ], []),
    ('w05-gap-16mm', 'a film format is a lens, not also a style', [
        'Shot on 16mm film: a teenager skateboards down an empty street.',
        'The teenager ollies over a curb.',
        'The teenager falls and laughs on the pavement.',
    ], [('gap', 'lens', (1, 2, 3))]),
    ('w06-gap-time-idiom', 'switching on a thing that is no light', [
        "In the small hours, a baker unlocks the bakery's back door.",
        'The baker switches on the ovens and ties an apron.',
        'The baker kneads dough on a floured table.',
    ], [('gap', 'time_of_day', (1, 2, 3))]),
    ('x06-day-vs-night-interior', 'daylight against night', [
        'An office at night, a cleaner vacuums between desks under fluorescent lights.',
        'The cleaner empties a bin by the window, city lights outside, night.',
        'The cleaner sits at a desk and eats a sandwich, bright daylight through the window.',
    ], [('drift', 'time_of_day', (1, 2, 3))]),
    ('r16-flashback-licensed', 'a flashback licenses a younger face; the present returns', [
        'Present day: an old sailor with a white beard sits in a pub, warm amber light.',
        "Close-up on the old sailor's eyes, warm amber light.",
        ('Flashback, forty years earlier: the sailor, young and clean-shaven, climbs the rigging of '
         'a ship in a storm, cold blue tones.'),
        'Back in the pub, the old sailor with the white beard finishes his pint, warm amber light.',
    ], [('gap', 'palette', (3, 4))]),
]


@pytest.mark.parametrize("case_id, mechanism, shots, expected", CASES,
                         ids=[c[0] for c in CASES])
def test_findings_of_probe_lists(case_id, mechanism, shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected), mechanism


@pytest.mark.parametrize("shots, expected", [
    (["Leo: a lanky teen with a buzz cut and a denim jacket. He skates down a ramp, afternoon.",
      "Leo grinds a rail, afternoon.", "Leo falls and laughs, afternoon."],
     [("gap", "character", (1, 2, 3))]),  # a sheet line: name, colon, who they are
    (["Wide: a man in a denim jacket walks a dog, afternoon.",
      "Medium: the man in the denim jacket throws a ball, afternoon."], []),  # a shot size
])
def test_a_character_sheet_line_with_a_colon(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A skater kicks off, 1990s VHS camcorder look.", "The skater ollies, VHS camcorder look.",
      "The skater lands, crisp 8K digital cinema look."], [("drift", "style", (1, 2, 3))]),
    (["A boxer trains, photorealistic, crisp digital look.",
      "The boxer rests, photorealistic."], []),  # digital and photoreal: one film
])
def test_a_clean_digital_image_is_a_style(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A two-car countryside train crosses an embankment at dusk, a girl sits by the window.",
      "The girl leans on the train window, dusk.", "The girl dozes, dusk."],
     []),  # "countryside" says what kind of train: no place stated
    (["A girl walks through the windswept countryside at dusk.", "The girl stops, dusk.",
      "The girl sits down, dusk."], [("gap", "setting", (1, 2, 3))]),
])
def test_a_place_word_before_a_conveyance_is_its_kind(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A toy shop window, vibrant primary colours.", "A child presses her nose to the glass, "
      "vibrant primary colours.", "The child walks away, bleached colours."],
     [("drift", "palette", (1, 2, 3))]),  # primary colours are vivid, bleached ones muted
])
def test_colours_named_by_their_saturation(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A violinist plays in a dark room, side-lit.", "The violinist closes her eyes.",
      "The violinist lowers the bow."], [("gap", "light_direction", (1, 2, 3))]),
    (["A violinist plays, lit from the side.", "The violinist closes her eyes, lit from the side.",
      "The violinist bows, front-lit."], [("drift", "light_direction", (1, 2, 3))]),
    (["A violinist plays, side-lit.", "The violinist bows, soft light from the left."], []),
])
def test_a_light_from_the_side(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Dr. Osei, a surgeon with short grey locs and teal scrubs, scrubs in, morning.",
      "The surgeon, short grey locs, teal scrubs, operates, morning.",
      "The surgeon, long black braids, teal scrubs, removes her mask, morning."],
     [("drift", "character", (1, 2, 3))]),  # taking off a mask changes no hair
    (["A young woman in her twenties with red hair plants roses, spring.",
      "The young woman waters the roses, red hair, spring.",
      "The woman, now in her seventies with red hair, smells the roses, spring."], []),
    (["A young monk with a shaved head and no beard sweeps the temple, morning.",
      "The monk, shaved head, rings the bell, morning.",
      "The monk, shaved head and a long grey beard, meditates, morning."],
     [("drift", "character", (1, 3))]),  # "no beard" is clean-shaven
    (["A clerk with thick black glasses and a bow tie stamps papers, morning.",
      "The clerk, thick black glasses, files a folder, morning.",
      "The clerk, no glasses, rubs his eyes, morning."],
     [("drift", "character", (1, 2, 3))]),  # glasses said to be missing
    (["A detective in a grey herringbone overcoat walks through fog, night.",
      "The detective in the grey herringbone overcoat stops, night.",
      "The detective in a grey plaid overcoat lights a pipe, night."],
     [("drift", "character", (1, 2, 3))]),  # two patterns of cloth
])
def test_what_changes_a_face_a_missing_thing_and_a_pattern(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A golden retriever with a red bandana runs across a meadow, morning.",
      "The dog fetches a stick, morning.", "The dog lies in the grass, morning."],
     [("gap", "character", (1, 2, 3))]),  # the dog is the retriever, by the dictionary's kinds
    (["A golden retriever with a red bandana and a grey poodle run across a meadow, morning.",
      "The dog fetches a stick, morning."], []),  # two dogs met: "the dog" is not known
    (["Old Tom, a fisherman with a white beard and a yellow sou'wester hat, rows out, dawn.",
      "Old Tom, white beard, casts his net, dawn.", "Old Tom, white beard, hauls in, dawn."],
     [("gap", "character", (1, 2, 3))]),  # a modifier with an apostrophe (sou'wester)
])
def test_a_kind_points_back_and_an_apostrophe_modifier(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A Victorian parlour with green floral wallpaper and a grand piano, a girl plays, evening.",
      "The girl's hands on the keys, green floral wallpaper behind, evening.",
      "The girl stands up, yellow striped wallpaper behind her, evening."],
     [("drift", "setting", (1, 2, 3))]),  # no place the reader knows: the wallpaper itself
    (["A girl plays the piano, green floral wallpaper behind her, evening.",
      "The girl stands up, evening.", "The girl bows, evening."], []),  # a part is no sheet
])
def test_parts_of_a_set_with_no_place_named(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A small café with red awnings on a cobbled street, a waiter sets tables, morning.",
      "The waiter wipes a table under the café's red awnings, morning.",
      "The waiter pours coffee under the café's striped blue awnings, morning."],
     [("drift", "setting", (1, 2, 3))]),  # the café's awnings, through its possessive
    (["A beach of white sand and turquoise water, a boy builds a sandcastle, noon.",
      "The boy runs across the black volcanic sand beach, noon."],
     [("drift", "setting", (1, 2))]),  # "of white sand" against "black ... sand beach"
])
def test_a_place_part_through_a_possessive_or_of(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A stone cottage with a thatched roof by a stream, a woman hangs laundry, morning.",
      "The woman pegs a sheet by the stone cottage with the thatched roof, morning.",
      "The woman walks into the stone cottage with a grey slate roof, morning."],
     [("drift", "setting", (1, 2, 3))]),  # thatch and slate: two roofs
    (["A boy builds a sandcastle on a beach, noon.",
      "The boy pats the sandcastle on the white sand beach, noon.",
      "The boy runs across the black volcanic sand beach, noon."],
     [("drift", "setting", (1, 2, 3))]),  # the first words that describe it hold
    (["A rain-slicked street lined with neon signs, a man walks, night.",
      "The man stops on the rain-slicked street, night.",
      "The man crosses the bone-dry street, night."],
     [("drift", "setting", (1, 2, 3))]),  # wet and dry: one street cannot be both
])
def test_a_place_described_two_ways(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Sam, a tall man in a mustard corduroy jacket, waits on a platform, morning.",
      "Sam checks the board, mustard corduroy jacket, morning.",
      "Sam boards the train in a burgundy corduroy jacket, morning."],
     [("drift", "character", (1, 2, 3))]),  # yellow and red that only meet at brown
    (["Sam, a tall man in a rust corduroy jacket, waits on a platform, morning.",
      "Sam boards the train in a red corduroy jacket, morning."],
     [("drift", "character", (1, 2))]),  # rust may be red, but two names are two colours
    # (session 11: synonyms for one garment's colour are drift; this case pinned a repeat)
    (["Sam, a tall man in a rust corduroy jacket, waits on a platform, morning.",
      "Sam boards the train in a rust-red corduroy jacket, morning."], []),  # a name kept
])
def test_two_between_colours_that_only_meet_at_an_edge(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A soldier walks through the trenches, bleach bypass look, overcast.",
      "The soldier finds a photograph, overcast.", "The soldier pockets it, overcast."],
     [("gap", "palette", (1, 2, 3))]),  # a grade called a look: a palette gap, no style gap
])
def test_a_grade_called_a_look_is_no_style(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A boy of about seven in a red cap flies a kite on a beach, afternoon.",
      "The boy in the red cap runs with the kite, afternoon.",
      "The boy, a teenager of sixteen in a red cap, lets go of the kite, afternoon."],
     [("drift", "character", (1, 3))]),  # "a boy of about seven": the age is the boy's
    (["A quiet library with oak shelves and green reading lamps, a student studies, evening.",
      "The student pulls a book from the oak shelves, evening.",
      "The student walks between white metal shelves, evening."],
     [("drift", "setting", (1, 3))]),  # the library's shelves, said without the library
])
def test_an_age_said_after_the_noun_and_shelves_without_their_room(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A roadside diner with red vinyl booths and a black-and-white checkerboard floor, night.",
      "A cook flips burgers at the grill, night.",
      "A waitress carries the plate across a sage-green linoleum floor, night."],
     [("drift", "setting", (1, 3))]),  # the scene's floor, said without its place
    (["A roadside diner with red vinyl booths and a black-and-white checkerboard floor, night.",
      "A waitress carries the plate across the black-and-white floor, night."], []),
    (["A roadside diner with red vinyl booths and a black-and-white checkerboard floor, night.",
      "Cut to a farmhouse kitchen, a sage-green linoleum floor, night."], []),  # a new place
])
def test_a_part_of_the_set_said_without_its_place(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A birch forest under deep snow, blue hour, a red fox trots.",
      "The red fox sniffs the snow, blue hour.",
      "The red fox pounces among the birches, blue hour."], []),  # the forest's trees again
    (["A crooked town square of jagged rooftops, night, a sleepwalker shuffles.",
      "The sleepwalker slides along a wall, night.",
      "The sleepwalker climbs across the jagged rooftops, night."], []),
    (["A birch forest under deep snow, blue hour, a red fox trots.",
      "The red fox sniffs the snow, blue hour.",
      "The red fox pounces into a drift, blue hour."], [("gap", "setting", (1, 2, 3))]),
])
def test_a_place_back_through_the_things_the_action_moves_among(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Detective Okafor, a man in a charcoal suit, sits down, hard key light from the left.",
      "The suspect, a wiry young man in a grease-stained mechanic's jumpsuit, sweats, key light "
      "from the left.",
      "Okafor, charcoal suit, slides a photo across, key light from the left.",
      "Okafor in his charcoal suit and the suspect in the mechanic's jumpsuit, key light from "
      "the left."], []),  # a mechanic's jumpsuit is a kind of jumpsuit, not a mechanic
    (["Jonah, a skater with a bleached mullet and a purple flannel shirt, drops in.",
      "Jonah, bleached mullet, purple flannel flapping, carves the bowl.",
      "Jonah in the purple flannel shirt kicks out of the bowl."], []),  # the shirt by its cloth
    (["Grace, an old woman in a plum wool coat with a tartan shopping trolley, waits.",
      "Grace, plum wool coat, tartan shopping trolley handle in her fist, waits.",
      "Grace in her plum wool coat smiles."], []),  # the trolley's handle is the trolley again
])
def test_a_thing_said_again_in_other_words_is_no_gap(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Ines, a courier with a cropped bleached bob and a crimson rain shell, locks her bike, dusk.",
      "Ines, cropped bleached bob, crimson rain shell, checks a label, dusk.",
      "The courier in a navy windbreaker jogs down the stairs, dusk."],
     [("drift", "character", (1, 2, 3))]),  # a rain shell is the outerwear a windbreaker is
    (["Ines, a courier with a crimson rain shell, locks her bike, dusk.",
      "Ines in the crimson rain shell checks a label, dusk."], []),
])
def test_a_layer_against_the_weather_is_outerwear(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Johnnie, an engineer in a flat porkpie hat, stokes the firebox, afternoon.",
      "Johnnie, flat porkpie hat, hurls firewood, afternoon.",
      "The engineer pushes up the brim of his tall grey stovepipe hat, afternoon."],
     [("drift", "character", (1, 2, 3))]),  # one hat, two descriptions with no word in common
    (["Johnnie, an engineer in a flat porkpie hat, stokes the firebox, afternoon.",
      "Johnnie, flat porkpie hat, hurls firewood, afternoon.",
      "The engineer tips his battered porkpie hat, afternoon."], []),  # a word kept: one hat
    (["A man in a long black wool coat walks down the street, night.",
      "The man in his heavy dark overcoat stops, night."], []),  # colour and cloth, no kind
    (["Hana, a violinist with a sleek black bob, tunes her violin, afternoon light.",
      "She lifts the bow, long copper-red waves over her shoulders, afternoon light.",
      "Hana, sleek black bob, plays on, afternoon light."],
     [("drift", "character", (1, 2, 3))]),  # hair said as its waves
])
def test_a_garment_or_hair_described_anew(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A getaway driver grips the wheel, night, teal-and-orange grade.",
      "The driver checks the mirror, night, teal-and-orange grade.",
      "The driver shifts gear, night, rendered in a warm sepia monochrome like an old tintype."],
     [("drift", "palette", (1, 2, 3))]),  # the colour words before "monochrome" are the grade
    (["A farmer pours coffee in his kitchen, early-morning sun through the window.",
      "The farmer butters bread, breakfast sun on the table.",
      "The farmer turns a radio dial; outside the yard is black, a porch bulb burns."],
     [("drift", "time_of_day", (1, 2, 3))]),  # a hyphened part of the day; a porch lamp lit
])
def test_a_grade_and_an_hour_said_in_passing(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A dancer spins on a rooftop, 2.35:1 widescreen, teal grade.",
      "The dancer leaps, 2.35:1 widescreen, teal grade.",
      "The dancer lands, boxy 4:3 frame, teal grade."],
     [("drift", "lens", (1, 2, 3))]),  # two aspect ratios are two frames
    (["A dancer spins on a rooftop, oval bokeh, teal grade.",
      "The dancer leaps, oval bokeh, teal grade.",
      "The dancer lands, round bokeh, teal grade."],
     [("drift", "lens", (1, 2, 3))]),  # oval bokeh is anamorphic glass, round is spherical
    (["A skater drops into a bowl, fisheye lens.", "The skater grinds, fisheye lens.",
      "The skater lands, long telephoto lens."], [("drift", "lens", (1, 2, 3))]),
    (["A singer wades into a pool, shot on Super 16.", "The singer floats, Super 16.",
      "The singer sings, IMAX large format."], [("drift", "lens", (1, 2, 3))]),
    (["A singer wades into a pool, 65mm large format.", "The singer floats, 65mm large format.",
      "The singer sings, vertical phone footage."], [("drift", "lens", (1, 2, 3))]),
    (["A chef plates a dish, Cooke S4, 25mm.", "The chef wipes the rim, Cooke S4, 100mm.",
      "The chef smiles, Cooke S4, 50mm."], []),  # focal lengths of one lens set
])
def test_a_lens_read_by_its_format_frame_and_bokeh(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A commuter waits for the train, morning rush.",
      "The commuter checks her watch, morning rush.",
      "The commuter steps on the train, morning rush."], []),  # a watch handled, not worn
    (["A commuter in a hoodie waits for the train, morning rush.",
      "The commuter checks her phone, morning rush.",
      "The commuter steps on the train, morning rush."], [("gap", "character", (1, 2, 3))]),
])
def test_a_thing_handled_in_the_action_is_no_description(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A fisherman mends nets on the pier as the sun climbs, soft light.",
      "The fisherman coils rope on the pier, soft light.",
      "The fisherman lights a lantern on the pier under a sky full of stars, soft light."],
     [("drift", "time_of_day", (1, 3))]),  # the sun on its way up; a sky full of stars
    (["A waiter sets tables on an empty terrace, the sun high overhead.",
      "The waiter folds napkins on the terrace, the sun high overhead.",
      "The waiter lights candles on the terrace as the streetlights glow."],
     [("drift", "time_of_day", (1, 2, 3))]),  # the sun at its height; lamps that glow
    (["Two kids fly a kite on a hill in the morning.", "The kids run with the kite, morning.",
      "The kids walk home as the sun sinks behind the trees."],
     [("drift", "time_of_day", (1, 2, 3))]),  # a sinking sun is the end of the day
    (["Two kids fly a kite on a hill in the afternoon.",
      "The kids run down the hill as the sun sinks behind the trees.",
      "The kids walk home, the sun sinking."], []),  # the afternoon's sun going down: no jump
])
def test_the_hour_read_from_where_the_sun_and_stars_are(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A farmer walks a field, low sun from the left, long shadows.",
      "The farmer stops by a gate, his shadow falling to the left across the grass."],
     [("drift", "light_direction", (1, 2))]),  # a shadow falls away from its light
    (["A bride on a lawn, key light from the left, fill from the right.",
      "The bride laughs, key light from the right."],
     [("drift", "light_direction", (1, 2))]),  # the fill's side is not where the light is
    (["A choir sings on steps, the sun behind the camera lighting their faces.",
      "The choir bows, front-lit by the sun."], []),  # behind the camera is a front light
])
def test_light_sides_read_by_what_casts_them(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A tiny cafe with green walls, a waiter polishes glasses, morning.",
      "The waiter pours an espresso in the cafe, green walls behind him, morning.",
      "The waiter sets the cup down by the red walls of the cafe, morning."],
     [("drift", "setting", (1, 2, 3))]),  # a coloured part named before its place
    (["A snowy pine forest, a fox trots between the trees.",
      "The fox sniffs at a burrow in the snowy pine forest.",
      "The fox leaps through the lush summer pine forest."],
     [("drift", "setting", (1, 2, 3))]),  # two seasons of one place
    (["Rendered like a vintage travel poster: a steamer leaves the harbour.",
      "Rendered like a vintage travel poster: the steamer at sea.",
      "Photorealistic: the steamer docks."],
     [("drift", "style", (1, 2, 3))]),  # an unknown style tag is still a medium
])
def test_places_and_media_compared_by_what_they_are(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["A ferryman waits on a narrow wooden footbridge over the canal, dusk.",
      "The ferryman crosses the narrow wooden footbridge, dusk.",
      "The ferryman leans on the rail of a wide iron bridge over the canal, dusk."],
     [("drift", "setting", (1, 2, 3))]),  # a footbridge is a bridge: wood, then iron
    (["A cowboy rides into town under the high noon sun.",
      "The cowboy ties his horse outside the saloon, sun overhead.",
      "The cowboy pushes through the saloon doors."], []),  # high noon is the sun overhead
    (["A writer types in a small study, snow falling past the window behind him, night.",
      "The writer rereads a page in the study, night.",
      "The writer tears up the page in the study, night."], []),  # a window lights no night
    (["A writer types in a small study, snow falling past the window behind him, morning.",
      "The writer rereads a page in the study, morning.",
      "The writer tears up the page in the study, morning."],
     [("gap", "light_direction", (1, 2, 3))]),  # by day the window behind him is a backlight
    (["Hand-tinted silent film, wide shot: outlaws stop a stagecoach beside a weathered red barn.",
      "Hand-tinted silent film, medium shot: inside the rocking stagecoach, a passenger hides "
      "his pocket watch.",
      "Hand-tinted silent film, wide shot: the outlaws gallop away with the strongbox."],
     []),  # the story moved inside the coach: the barn is not owed after
    (["INT. BARBERSHOP - DAY. Theo, a barber with a grey quiff and a white tunic, lathers a "
      "customer's cheek.",
      "INT. BARBERSHOP - DAY. Theo, grey quiff, white tunic, strops the razor and keeps talking.",
      "EXT. BARBERSHOP DOORWAY - DAY. Theo, grey quiff, white tunic, still mid-sentence, wipes "
      "the razor."],
     [("drift", "setting", (1, 2, 3))]),  # one continuous moment, inside then outside
    (["INT. BARBERSHOP - DAY. Theo, a barber with a grey quiff and a white tunic, lathers a "
      "customer's cheek.",
      "EXT. BARBERSHOP DOORWAY - DAY. Theo, grey quiff, white tunic, steps out to smoke."],
     []),  # he walks out: a new set, not a drift
    (["Anamorphic, 2.39:1: a sniper in a grey ghillie suit lies on a ridge at dawn.",
      "The sniper in a grey ghillie suit adjusts the scope on the ridge at dawn.",
      "The sniper in a grey ghillie suit fires from the ridge at dawn."],
     [("gap", "lens", (1, 2, 3))]),  # a rifle's scope is no widescreen format
    (["An auctioneer with mutton-chop sideburns checks a brass pocket watch in a panelled "
      "saleroom, evening.",
      "The auctioneer with mutton-chop sideburns snaps the brass pocket watch shut, evening.",
      "The auctioneer with mutton-chop sideburns winds a silver pocket watch, evening."],
     [("drift", "character", (1, 2, 3))]),  # a person by definition; brass is no silver
    (["A crane with a rusty hook swings over the harbour, dusk.",
      "The crane lowers a red container onto the quay, dusk.",
      "The crane stops, dusk."], []),  # a crane is a machine, whatever WordNet lists first
    (["Black and white: a hooded monk climbs a spiral stair, lit by a lantern.",
      "Black and white: the hooded monk opens an iron door.",
      "Black and white: the hooded monk kneels in the crypt."], []),  # a lantern is no hour
    (["Sepia-toned monochrome: a clown juggles on a wooden stage.",
      "Sepia-toned monochrome: the clown bows on the wooden stage.",
      "High-contrast black and white: the clown trips on the wooden stage."],
     [("drift", "palette", (1, 2, 3))]),  # sepia is a tint, plain black and white none
    (["A clerk in a grey cardigan dozes against the window of a late bus, warm tungsten light.",
      "The clerk in the grey cardigan wakes with a start, warm tungsten light.",
      "The clerk in the grey cardigan rings the bell, warm tungsten light."],
     []),  # leaning against a window is no backlight
])
def test_places_and_sources_read_by_what_they_are(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)


@pytest.mark.parametrize("shots, expected", [
    (["Ines, a cyclist with long straight silver hair and a mustard jacket, pedals along a canal "
      "at dawn.",
      "Ines, long straight silver hair, mustard jacket, stops at a lock gate at dawn.",
      "Ines, her silver hair cropped short, mustard jacket, lifts her bike over the gate at "
      "dawn."],
     [("drift", "character", (1, 2, 3))]),  # a length two words before the hair, or after it
    (["Tomas, a boy of six in a green anorak, feeds ducks at a pond, afternoon.",
      "Tomas in the green anorak throws bread to the ducks, afternoon.",
      "Tomas, a lanky teenager in the green anorak, laughs as a swan hisses, afternoon."],
     [("drift", "character", (1, 3))]),  # six, then a teenager
    (["Shot on 16mm film, grainy: a skater grinds a rail in an empty car park at dusk.",
      "16mm, grainy: the skater lands and rolls away, car park, dusk.",
      "Pristine 65mm large format: the skater kicks up his board, car park, dusk."],
     [("drift", "lens", (1, 2, 3))]),  # a bare "16mm" between keeps the gauge in force
    (["Present day, teal grade: Walt, an old man with a white moustache and a brown cardigan, "
      "opens a shoebox of photos in his attic.",
      "Flashback, warm sepia: young Walt, black hair slicked back, in a naval uniform, kisses a "
      "woman goodbye on a pier.",
      "Back to the present, teal grade: Walt, white moustache, brown cardigan, closes the "
      "shoebox in the attic."], []),  # the flashback's young Walt is owed to no later shot
    (["A jeweller, Oskar, with round gold spectacles and a green visor, examines a ruby under a "
      "lamp, warm tungsten, 100mm macro look.",
      "Oskar, round gold spectacles, green visor, sets the ruby into a ring, warm tungsten, "
      "100mm macro look."], []),  # a macro look is the lens's, not a style
])
def test_words_read_for_what_they_say_of_the_anchor(shots, expected):
    found = sorted((f.kind, f.anchor, tuple(f.shots))
                   for f in find(extract_all(parse_shot_list("\n".join(shots)))))
    assert found == sorted(expected)
