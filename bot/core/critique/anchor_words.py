"""The words of the consistency anchors (guide: consistency), grouped by what they fix.

Each table maps words to a value a shot can be compared on: colour words to a hue family,
garments to the slot of the body they dress, light words to a direction, grade words to
warmth, saturation and colour-or-not, style words to a family. Two shots drift when the same
anchor's values cannot both hold; synonyms inside one family are not drift here, they are
handled as "not the same words" where the guide asks for identical descriptors (wardrobe).
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The words of a space-separated list (the tables below read as prose)."""
    return text.split()

HUES: dict[str, str] = {
    **dict.fromkeys(words("red crimson scarlet maroon burgundy ruby cherry wine oxblood brick "
                    "vermilion cardinal"), "red"),
    **dict.fromkeys(words("orange tangerine rust copper terracotta apricot pumpkin"), "orange"),
    **dict.fromkeys(words("yellow mustard lemon canary saffron ochre golden gold amber "
                    "honey"), "yellow"),
    **dict.fromkeys(words("green olive emerald sage mint khaki lime forest jade moss army "
                    "bottle-green"), "green"),
    **dict.fromkeys(words("blue navy azure cobalt cyan teal turquoise indigo denim sapphire "
                    "cerulean sky-blue powder-blue"), "blue"),
    **dict.fromkeys(words("purple violet lavender lilac plum magenta mauve"), "purple"),
    **dict.fromkeys(words("pink rose coral salmon fuchsia blush peach"), "pink"),
    **dict.fromkeys(words("brown tan beige camel chocolate chestnut coffee mocha sepia caramel "
                    "taupe tawny"), "brown"),
    **dict.fromkeys(words("black jet ebony onyx"), "black"),
    **dict.fromkeys(words("white ivory cream snow-white off-white"), "white"),
    **dict.fromkeys(words("grey gray silver charcoal slate ash graphite pewter "
                    "heather"), "grey"),
}
"""Colour word → hue family. Khaki and olive sit with green (army cloth), tan with brown."""

NEAR_HUES: set[frozenset[str]] = {
    frozenset({"brown", "orange"}), frozenset({"brown", "yellow"}), frozenset({"red", "pink"}),
    frozenset({"purple", "pink"}), frozenset({"blue", "purple"}), frozenset({"grey", "black"}),
    frozenset({"grey", "white"}), frozenset({"brown", "red"}), frozenset({"green", "brown"}),
    frozenset({"orange", "red"}), frozenset({"yellow", "orange"}), frozenset({"green", "blue"}),
}
"""Families a writer's eye may call one colour ("rust" / "red-brown"): not a drift."""

HAIR_COLOURS: dict[str, str] = {
    **dict.fromkeys(words("blonde blond platinum golden flaxen fair strawberry-blonde "
                    "honey-blonde"), "blonde"),
    **dict.fromkeys(words("brown brunette chestnut auburn-brown mousy"), "brown"),
    **dict.fromkeys(words("black jet-black raven dark"), "black"),
    **dict.fromkeys(words("red ginger auburn copper copper-red fiery"), "red"),
    **dict.fromkeys(words("grey gray silver white salt-and-pepper greying graying "
                    "silver-grey"), "grey"),
    **dict.fromkeys(words("pink blue green purple teal lilac"), "dyed"),
}
NEAR_HAIR: set[frozenset[str]] = {frozenset({"brown", "black"}), frozenset({"red", "brown"}),
                                  frozenset({"blonde", "brown"})}
"""Dark brown and black, auburn and brown: too close to call a different person."""

HAIR_LENGTH: dict[str, str] = {
    **dict.fromkeys(["shaved", "shaved head", "bald", "buzz cut", "buzzcut", "crew cut",
                     "shaven head", "clean-shaven head"], "none"),
    **dict.fromkeys(["short", "cropped", "pixie", "pixie cut", "bob", "bobbed", "close-cropped",
                     "chin-length", "undercut"], "short"),
    **dict.fromkeys(["long", "waist-length", "flowing", "shoulder-length", "ponytail",
                     "braid", "braids", "braided", "bun", "dreadlocks", "locs", "plait"],
                    "long"),
}

GARMENTS: dict[str, str] = {
    **dict.fromkeys(words("jacket coat raincoat overcoat trenchcoat parka anorak blazer cloak cape "
                    "poncho windbreaker peacoat duster mac greatcoat bomber puffer "
                    "field-jacket"), "outerwear"),
    **dict.fromkeys(words("shirt t-shirt tee blouse sweater jumper hoodie sweatshirt cardigan "
                    "turtleneck top tank vest waistcoat jersey polo tunic"), "top"),
    **dict.fromkeys(words("dress gown robe kimono sari jumpsuit overalls suit uniform tuxedo "
                    "spacesuit armor armour costume habit apron coveralls"), "body"),
    **dict.fromkeys(words("jeans trousers pants skirt shorts leggings slacks chinos"),
                    "legs"),
    **dict.fromkeys(words("boots shoes sneakers trainers heels sandals loafers slippers "
                    "brogues"), "feet"),
    **dict.fromkeys(words("hat cap beanie beret fedora helmet hood bandana headscarf turban "
                    "crown stetson bonnet"), "head"),
    **dict.fromkeys(words("scarf tie bowtie necklace pendant choker"), "neck"),
    **dict.fromkeys(words("glasses sunglasses spectacles goggles eyepatch monocle"), "eyes"),
    **dict.fromkeys(words("backpack satchel briefcase handbag bag umbrella gloves watch"),
                    "carried"),
}
"""Garment noun → the slot of the body it dresses. Two different nouns for one slot on one
character, in two shots, are two garments to a model (guide: repeat descriptors exactly)."""

GARMENT_PLURALS = {"boots", "shoes", "sneakers", "trainers", "heels", "sandals", "loafers",
                   "slippers", "brogues", "jeans", "trousers", "pants", "shorts", "leggings",
                   "slacks", "chinos", "glasses", "sunglasses", "spectacles", "goggles",
                   "gloves", "overalls", "coveralls"}

MATERIALS = frozenset(words("leather denim wool woollen woolen tweed silk satin velvet linen cotton "
                      "canvas corduroy suede fur faux-fur nylon vinyl latex lace knit knitted "
                      "cashmere fleece oilskin waxed rubber plastic sequined tartan plaid "
                      "checked striped polka-dot floral brass bronze steel iron chrome "
                      "wooden wood pewter"))

PERSON_NOUNS = frozenset(words("""woman women man men girl boy child kid baby toddler teenager teen
person figure stranger dancer ballerina astronaut soldier knight warrior samurai ninja wizard
witch queen king princess prince detective chef cook waiter waitress barista musician guitarist
drummer singer violinist pianist painter artist sculptor skater skateboarder surfer skier runner
athlete boxer climber cyclist rider driver pilot sailor fisherman farmer monk nun priest
scientist doctor nurse surgeon student teacher worker robot android cyborg alien ghost
grandmother grandfather grandma grandpa mother father mom dad daughter son sister brother
girlfriend boyfriend wife husband hero heroine villain cop officer agent spy thief courier
explorer hiker traveler traveller old-man lady gentleman bride groom captain protagonist
character narrator vendor merchant shopkeeper bartender journalist reporter photographer
mechanic engineer janitor guard ranger hunter archer mage sorcerer pirate cowboy cowgirl
clown mime rapper dj boy's girl's fellow chap guy lad lass bloke gal widow widower"""))
"""Nouns for a character a sequence follows (animals and things are rarely recurring leads)."""

ANIMAL_LEADS = frozenset(words("cat kitten dog puppy fox wolf bear horse owl raven crow deer rabbit "
                         "tiger lion dragon robot corgi"))

FEMALE = frozenset(words("woman girl lady queen princess witch ballerina grandmother grandma mother "
                   "mom daughter sister girlfriend wife bride heroine nun waitress "
                   "cowgirl widow lass gal"))
MALE = frozenset(words("man boy gentleman king prince wizard grandfather grandpa father dad son "
                 "brother boyfriend husband groom monk fisherman cowboy widower fellow chap guy "
                 "lad bloke"))

TIME_JUMP = (
    r"(?<!moments )(?<!seconds )(?<!moment )(?<!minutes )(?<!second )later|earlier|"
    r"next (?:morning|day|night|evening|dawn|week|month|year|summer|winter|spring|autumn)|"
    r"the following (?:morning|day|night|evening|week|month|year|summer|winter|spring|autumn)|"
    r"that (?:night|evening|morning)|hours? later|days later|"
    r"years later|decades later|meanwhile|flashback|flash[- ]forward|time passes|time[- ]lapse|"
    r"timelapse|as (?:the )?(?:sun|night|day|dusk|dawn|evening|darkness) (?:sets|rises|falls|"
    r"breaks|comes|arrives)|(?:night|dusk|dawn|darkness|evening) (?:falls|has fallen|breaks|"
    r"comes|arrives)|(?:the )?sun (?:has )?(?:set|risen|sets|rises)|cut to (?:the )?(?:next|"
    r"following|later|that|morning|night|dawn|dusk|evening)|dissolves? to (?:the )?(?:next|"
    r"following|morning|night|dawn|dusk|evening)|in the present|back in the "
    r"present|(?:in|at) the end of the day|by nightfall|until dawn|hours pass|by (?:the )?"
    r"(?:evening|dusk|nightfall|night|morning|dawn|noon|midday|sunset|sunrise|afternoon|"
    r"midnight|sundown|daybreak|twilight)|the (?:next|following) afternoon"
)
"""A shot that says time has passed: the time of day, the light and a character's age may
change ("cut to the next morning", "twenty years later")."""

LIGHT_CHANGE = (
    r"(?:turns|switches|flicks|clicks|snaps) (?:on|off)|(?:turns|switches|flicks) (?:the |a )?"
    r"(?:\w+ )?(?:lights?|lamps?|torch|flashlight) (?:on|off)|lights? (?:go|goes|went|flicker|"
    r"flickers|cut|cuts|die|dies|come|comes) (?:out|off|on|back)|power (?:cut|cuts|fails|failure|"
    r"outage|goes out)|(?:blows|blew|blowing|snuffs|snuffed|pinches|douses) out (?:the|a|her|his|"
    r"their) (?:candles?|lamps?|lanterns?|torch|flame|fire)|(?:pulls|draws|throws|yanks|tears|"
    r"opens|closes|drops|lowers|raises) (?:open |back |shut )?the (?:curtains|blinds|shutters)|"
    r"blackout|lightning|(?:storm )?clouds? (?:pass|passes|roll|rolls|cover|"
    r"covers|break|breaks|swallow|swallows|drift|drifts) |storm (?:rolls|moves|breaks|hits|"
    r"arrives)|(?:alarm|emergency|warning|police|siren) lights? (?:begin|begins|start|starts|"
    r"flash|flashes|strobe)|(?:the )?light (?:turns|turning|shifts|shifting|changes|changing|"
    r"fades|fading|dims|dimming|drains|draining)|(?:strikes|lights) a match|(?:candle|fire|"
    r"flare|torch) (?:is lit|flares|ignites|catches)|(?:the )?sun (?:sets|rises|breaks through|"
    r"comes out|disappears|goes behind)|as (?:night|dusk|dawn) falls|(?:opens|draws|closes) "
    r"the (?:curtains|blinds|shutters)"
)
"""A shot that says the light itself changes: the light direction, palette and time may
change with it ("storm clouds roll in", "the lights go out")."""

LOOK_REASONS = (
    r"flashback|flash[- ]forward|memory|memories|remembers?|dream|dreams|dreaming|nightmare|"
    r"vision|hallucinat\w*|imagin\w*|fantasy|in (?:her|his|their) mind|archival|archive footage|"
    r"home video|found footage|security (?:camera|footage)|cctv|on (?:the|a) (?:tv|screen|monitor)|"
    r"through (?:the|a|his|her) (?:viewfinder|camera|phone|binoculars|scope|goggles)|"
    r"transition(?:s|ing)? (?:to|into)|transforms? into|grade shifts|palette shifts|"
    r"colou?r drains|drains? of colou?r|colou?r returns|switch(?:es)? to (?:black|colou?r)"
)
"""A shot that says why its look (style, lens, grade) changes: a memory, a screen, a cut."""

CHANGE_CLOTHES = (
    r"changes? (?:out of|into|clothes)|chang(?:ed|ing) (?:out of|into)|puts? on|putting on|"
    r"takes? off|taking off|pulls? on|slips? (?:on|into)|now (?:in|wearing|dressed)|"
    r"removes? (?:his|her|their)|(?:sheds|drops) (?:his|her|their) (?:coat|jacket)|"
    r"disguise|in costume|after (?:a|the) (?:makeover|haircut)|years later|decades later|"
    r"as an? (?:old|older|elderly|grown|adult)|(?:now|grown) (?:an? )?(?:old|older|adult|woman|man)"
)
"""A shot that says a character's look changes: new clothes, a jump of years."""

PLACES = frozenset(words("""
room bedroom kitchen bathroom office studio cafe café restaurant diner hallway corridor library
apartment flat workshop classroom museum gallery warehouse garage church cathedral chapel temple
shrine mosque laboratory lab gym ballroom attic basement cellar lobby elevator greenhouse theater
theatre hospital ward nursery loft study bar pub nightclub club hotel motel cabin cottage
farmhouse house mansion castle palace tower lighthouse barn shed stable tent bunker trench
cockpit bridge deck ship submarine station platform subway terminal airport hangar factory
mill mine cave cavern tunnel sewer prison cell courtroom courthouse arena stadium rink
track court field pitch street streets alley alleyway road highway avenue boulevard sidewalk
lane square plaza market bazaar harbour harbor port pier dock marina quay wharf beach shore
coast coastline cove bay lagoon reef ocean sea lake pond river riverbank stream creek
waterfall canal marsh swamp forest woods woodland jungle rainforest grove orchard vineyard
meadow prairie savanna savannah desert dunes dune canyon valley gorge cliff cliffs mountain
mountains hill hills hillside peak summit glacier tundra volcano island garden park
backyard yard courtyard rooftop roof terrace balcony porch veranda patio driveway parking
city town village suburb downtown cityscape skyline countryside farm ranch cemetery graveyard
battlefield ruins wasteland planet moon spaceship spacecraft space station colony stage
boutique shop store bakery bookstore pharmacy salon laundromat arcade casino mall
hall pool auditorium stairwell staircase carriage compartment boathouse dojo
"""))
"""Nouns of places: the head of a setting ("a narrow alley", "the farmhouse kitchen")."""

HEIGHT: dict[str, str] = {**dict.fromkeys(words("tall towering lanky gangly"), "tall"),
                          **dict.fromkeys(words("short petite tiny diminutive"), "short")}
BUILD: dict[str, str] = {
    **dict.fromkeys(words("thin slim skinny slender lean wiry gaunt bony scrawny"), "thin"),
    **dict.fromkeys(words("stocky heavyset burly chubby plump stout portly heavy broad "
                          "broad-shouldered muscular hulking brawny"), "heavy"),
}
"""A character's height and build, from the adjectives before their noun ("a tall thin
man"): a short stocky man in another shot is another man."""
