"""Spanish: the vocabulary of Spanish-speaking film crews (plano, travelling, contrapicado).

Matched on word boundaries, lower-cased. Verbs are conjugated by rule from the infinitive (the
third person and the gerund are what prompts use: "un gato salta", "una mujer caminando");
any gerund counts as an action by its grammar. "Cámara lenta" is slow motion (motion and
pacing), never a camera instruction.
"""

from __future__ import annotations

from pathlib import Path

from bot.core import cached_re as re
from bot.core.critique.components import Component as C
from bot.core.critique.lexicon import Cue
from bot.core.critique.lexicons import NativeLexicon, Subject, es_nouns
from bot.core.generated_tables import table_alternation

_W = r"[\wáéíóúñü'-]+"
_VERBISH = r"[\wáéíóúñü]+(?:a|an|e|en|ando|iendo)(?![\wáéíóúñü])"
"""A word that may be a verb: the wardrobe phrase stops before it ("con uniforme corre")."""
_CAM = r"(?:la |una )?c[aá]mara(?! lenta| r[aá]pida(?!mente))"
_MOVE_GAP = r"(?: " + _W + r"){0,3}? "


def _cam(verbs: str) -> str:
    return _CAM + r"(?: se)?" + _MOVE_GAP + r"(?:se )?(?:" + verbs + r")"


_CAMERA_ADJECTIVES = table_alternation(Path(__file__).with_name("camera_adjectives_es.txt"))
"""Adjectives that say the camera's angle, height or move after plano/toma/vista, generated
from Apertium through the English camera table (empty pattern when the table is missing)."""

CAMERA: list[Cue] = [
    # whose eyes, what height, which seat the camera is in ("desde los ojos de un niño", "a la
    # altura de las rodillas", "desde el asiento del conductor", "vista desde el puente")
    Cue(r"(?:desde|a trav[eé]s de|con) (?:los ojos|la mirada|la perspectiva|el punto de vista) de "
        r"(?:un |una |el |la |los |las |su |sus )?[\wáéíóúñ]+|"
        r"a (?:la )?altura de (?:la |las |los |el |sus? )?[\wáéíóúñ]+|"
        # the height said as a level ("a nivel del suelo", "a nivel de la calle"), as English
        # reads "at ground level", "at street level"
        r"a nivel del? (?:la |las |los |el )?[\wáéíóúñ]+|"
        r"desde (?:el|la|un|una) (?:asiento|ventanilla|cabina|parabrisas|volante|techo|suelo|"
        r"interior)(?: (?:del?|de la) [\wáéíóúñ]+)?|"
        r"(?:vista|plano|toma|c[aá]mara|grabad[oa]|filmad[oa]|visto|vista) desde (?:el|la|un|una|lo) "
        r"[\wáéíóúñ]+", strength=0.9),
    Cue(_CAM + r" (?:fija|est[aá]tica|inm[oó]vil|quieta)|" + _CAM + r" (?:se mantiene|permanece|"
        r"queda|est[aá]) (?:fija|quieta|est[aá]tica|inm[oó]vil)|plano fijo|toma fija|"
        r"sobre (?:un )?tr[ií]pode|c[aá]mara en tr[ií]pode|sin movimiento de c[aá]mara",
        move="static"),
    Cue(r"barrido r[aá]pido|paneo r[aá]pido|whip pan", move="whip_pan"),
    # the pan named by the noun of "barrer" with its direction or its camera ("barrido lateral",
    # "barrido horizontal de la cámara")
    Cue(r"barrido (?:lateral|horizontal|lento|suave|de (?:la )?c[aá]mara)", move="pan_right"),
    Cue(r"efecto v[eé]rtigo|dolly zoom", move="zoom_out"),
    Cue(_cam(r"avanza|se acerca|acerca|se aproxima|empuja|entra|se adentra|va hacia") +
        r"|(?:lento |suave )?(?:acercamiento|dolly in|travelling (?:hacia adelante|frontal|de "
        r"acercamiento)|dolly-in)(?: lento| suave)?"
        # the viewer as "we" is the camera ("lentamente nos acercamos a la puerta")
        r"|nos (?:acercamos|aproximamos|adentramos)|avanzamos hacia", move="dolly_in"),
    Cue(_cam(r"retrocede|se aleja|aleja|se retira|se abre") + r"|(?:lento )?(?:alejamiento|"
        r"dolly out|dolly-out|travelling hacia atr[aá]s)|nos alejamos|retrocedemos",
        move="dolly_out"),
    Cue(r"(?:un |lento |suave )?(?:paneo|panor[aá]mica|pan)(?: lento| suave)? (?:hacia |a )?la izquierda|"
        + _cam(r"gira a la izquierda|panea a la izquierda"), move="pan_left"),
    Cue(r"(?:un |lento |suave )?(?:paneo|panor[aá]mica horizontal|pan)(?: lento| suave)?(?: (?:hacia |a )?"
        r"la derecha)?|panor[aá]mica(?: lenta)?|" + _cam(r"gira|panea|hace un paneo|barre|recorre|"
        r"explora"), move="pan_right"),
    Cue(_cam(r"se inclina hacia arriba|inclina hacia arriba|sube la mirada|mira hacia arriba") +
        r"|tilt up|inclinaci[oó]n hacia arriba|paneo vertical hacia arriba", move="tilt_up"),
    Cue(_cam(r"se inclina hacia abajo|inclina hacia abajo|mira hacia abajo") +
        r"|tilt down|inclinaci[oó]n hacia abajo", move="tilt_down"),
    Cue(r"travelling lateral(?: hacia la izquierda)?|" + _cam(r"se desplaza (?:lateralmente )?"
        r"(?:hacia |a )la izquierda"), move="truck_left"),
    Cue(_cam(r"se desplaza|se mueve lateralmente|se mueve") + r"|movimiento lateral",
        move="truck_right"),
    Cue(_cam(r"sigue|persigue|acompa[nñ]a|va detr[aá]s|sigue de cerca|rastrea") +
        r"|(?:plano|toma|travelling) de seguimiento|travelling|traveling|c[aá]mara de seguimiento|"
        r"siguiendo (?:al|a la|a los|a las|a) " + _W + r"|tracking shot|seguimiento|"
        # the camera's travel named by the noun of its verb (recorrer: "un recorrido
        # cinematográfico por el plato", "recorrido de cámara"), said of the film or the camera
        r"recorridos? (?:de (?:la )?c[aá]mara|cinematogr[aá]fic[oa]s?|a[eé]reos?|virtual(?:es)?)",
        move="tracking"),
    Cue(_cam(r"sube|asciende|se eleva|se levanta") + r"|plano (?:con|de) gr[uú]a|gr[uú]a "
        r"(?:que sube|ascendente)|movimiento de gr[uú]a", move="crane_up"),
    Cue(_cam(r"baja|desciende|cae"), move="crane_down"),
    Cue(_cam(r"rodea|orbita|gira alrededor|da (?:una )?vuelta|circunda") + r"|[oó]rbita(?: lenta)?|"
        r"movimiento (?:circular|orbital)|plano circular|360 grados", move="orbit"),
    Cue(r"zoom(?: in| out| lento| r[aá]pido| hacia)?|" + _cam(r"hace zoom|acerca el zoom"),
        move="zoom_in"),
    Cue(r"(?:toma|plano|vista|imagen|grabaci[oó]n) (?:a[eé]rea|de dron|desde (?:un )?dron)|"
        r"vista a[eé]rea|(?:con|desde) (?:un )?dron|dron (?:que )?(?:sobrevuela|vuela)|sobrevuelo|"
        r"a vista de p[aá]jaro|vista de p[aá]jaro", move="aerial"),
    Cue(r"c[aá]mara (?:en mano|al hombro)|estilo c[aá]mara en mano|handheld|c[aá]mara temblorosa",
        move="handheld"),
    Cue(r"(?:plano |toma |c[aá]mara )?subjetiv[oa]|punto de vista|pov|primera persona|fpv",
        move="fpv"),
    Cue(r"cambio de (?:foco|enfoque)|rack focus", move="rack_focus"),
    Cue(r"(?:plano |toma |[aá]ngulo )?(?:cenital|picado|contrapicado|nadir)|en (?:contra)?picado|"
        r"[aá]ngulo (?:bajo|alto|holand[eé]s|cenital|lateral|frontal|inclinado)|"
        r"(?:desde|con) un [aá]ngulo (?:bajo|alto)|a (?:la )?altura de (?:los ojos|la cintura|"
        r"los hombros|suelo|ras de suelo)|a ras de suelo|plano holand[eé]s|"
        # over the shoulder: the camera's, not a character's own turn "por encima del hombro
        # izquierdo" (a direction), unless whose shoulder follows
        r"(?:por encima del|sobre el) hombro(?! (?:izquierdo|derecho)(?! de))|"
        r"a (?:la altura|nivel) de (?:los ojos|la mirada)|steadicam|gimbal|"
        r"encuadre holand[eé]s|(?:vista|plano|toma) (?:desde (?:arriba|abajo)|lateral|frontal|superior|"
        r"inferior)|desde (?:arriba|lo alto|abajo)|vista (?:cenital|superior)|plano secuencia|"
        # the camera's angle, height or move said by an adjective after the shot or the camera
        # ("plano aéreo", "vista frontal", "cámara baja"; a size may stand between: "plano
        # general fijo", "fijo" as the static cue says it), from the dictionary through the
        # English camera table (scripts/gen_native_es_classes.py)
        r"(?:planos?|tomas?|vistas?|encuadres?|[aá]ngulos?|c[aá]maras?)(?: [a-záéíóúñü]+)?"
        r" (?:muy |ligeramente )?(?:" + _CAMERA_ADJECTIVES + r"|fij[oa]s?)(?![\wáéíóúñü])"),
    # the camera as the subject of any verb ("la cámara pasa de su rostro a sus manos", "la
    # cámara arranca en un plano cerrado") and of the verbs coordinated with it ("... y se aleja
    # suavemente", "... y se abre hasta revelar el entorno")
    Cue(_CAM + r"(?: (?:\w+mente|luego|despu[eé]s|primero|ahora|tambi[eé]n))? (?:se |lo |la )?"
        r"(?!lenta|r[aá]pida|fija|est[aá]tica)[\wáéíóúñ]{3,}(?:a|e|an|en)(?![\wáéíóúñ])"
        r"(?:[^.;\n]{0,80}? y (?:luego |despu[eé]s )?(?:se |lo |la )?(?:aleja|acerca|abre|cierra|eleva|"
        r"desliza|gira|sube|baja|retrocede|avanza|termina|pasa|vuelve|rodea|sigue)\w*(?: \w+mente)?)?",
        strength=0.9),
    Cue(r"gira(?:ndo)? (?:\w+mente )?(?:a su alrededor|alrededor del? (?:producto|objeto|sujeto))|"
        r"se abre hasta (?:revelar|mostrar)(?: (?:el|la|los|las) [\wáéíóúñ]+(?: [\wáéíóúñ]+)?)?|"
        r"se aleja (?:\w+mente |de forma [\wáéíóúñ]+ )?hasta (?:revelar|mostrar)", move="orbit",
        strength=0.9),
    Cue(r"movimiento de c[aá]mara|movimientos de c[aá]mara|c[aá]mara (?:lenta|suave)mente",
        strength=0.4),
]

_SHOT_SIZES = table_alternation(Path(__file__).with_name("shot_sizes_es.txt"))
"""Adjectives that size a shot after plano/toma/encuadre, generated from Apertium (empty
pattern, matching nothing, when the table is missing)."""

SHOT: list[Cue] = [
    Cue(r"(?:primer[ií]simo |gran |extremo )?primer plano|primerísimo primer plano|"
        # the superlative said short, without "primer" ("Primerísimo plano de una mano")
        r"primer[ií]simo plano|"
        r"(?:gran )?plano (?:general|medio|americano|detalle|corto|largo|entero|completo|abierto|"
        r"cerrado|de detalle|panor[aá]mico|amplio|de conjunto|medio corto|medio largo|de "
        r"establecimiento|de situaci[oó]n|busto|tres cuartos)|plano a dos|plano de dos|"
        r"toma (?:amplia|general|cerrada|abierta|de detalle|panor[aá]mica|completa)|"
        r"vista (?:general|panor[aá]mica|amplia|de cerca)|de cerca|muy de cerca|close-?up|"
        r"encuadre (?:cerrado|abierto|amplio|centrado|sim[eé]trico)|cuerpo entero|de cuerpo "
        r"completo|plano (?:medio )?(?:de|del) (?:su )?(?:rostro|cara)|"
        # the part of the body the frame holds, and the frame filled
        r"(?:de )?medio cuerpo|la parte superior (?:de su|del) cuerpo|"
        r"(?:por|en) todo el encuadre|llen(?:a|an|ando) (?:todo )?el encuadre"),
    # any size said of plano/toma in the singular or the plural ("los planos cercanos",
    # "primeros planos extremos y planos generales extremos")
    Cue(r"(?:primer[ií]simos? |grandes? )?primeros planos(?: extremos)?|"
        r"(?:planos?|tomas?|encuadres?) (?:muy )?(?:general(?:es)?|medi[oa]s?|american[oa]s?|"
        r"detalles?|cort[oa]s?|larg[oa]s?|enter[oa]s?|complet[oa]s?|abiert[oa]s?|cerrad[oa]s?|"
        r"cercan[oa]s?|ampli[oa]s?|panor[aá]mic[oa]s?)(?: extrem[oa]s?)?"),
    # the rest of the sizes, from the dictionary through the English shot table ("plano
    # extremo", "plano maestro"; scripts/gen_native_es_classes.py)
    Cue(r"(?:planos?|tomas?|encuadres?) (?:muy )?(?:" + _SHOT_SIZES + r")(?![\wáéíóúñü])"),
]

LENS: list[Cue] = [
    Cue(r"gran angular|(?:lente|objetivo) (?:gran angular|angular|macro|teleobjetivo|de \d+ ?mm|"
        r"anam[oó]rfic[oa]|de ojo de pez|" + _W + r")|teleobjetivo|macro|\d+ ?mm|profundidad de "
        r"campo(?: reducida| baja| corta| amplia| escasa)?|poca profundidad de campo|desenfoque|"
        r"fondo desenfocado|bokeh|ojo de pez|anam[oó]rfic[oa]|enfoque (?:suave|selectivo|n[ií]tido)|"
        r"desenfocad[oa]s?|foco (?:selectivo|suave)|n[ií]tid[oa]|(?<=el )foco en"),
]

_LIGHT_KIND = (r"natural|suave|dura|c[aá]lida|fr[ií]a|dorada|tenue|difusa|lateral|de contra|"
               r"trasera|de (?:la )?luna|del sol|solar|de ne[oó]n|de velas?|de la ma[nñ]ana|"
               r"del atardecer|del amanecer|de (?:la )?ventana|que entra|ambiental|cenital|rasante|"
               r"azul|roja|brillante|volum[eé]trica|de tungsteno|intensa|dram[aá]tica|"
               r"cinematogr[aá]fica|baja|matutina|vespertina|crepuscular|filtrada|moteada|"
               r"de farolas?|de las farolas|del fuego|de la hoguera|ámbar|anaranjada|verde|p[uú]rpura")
_LIGHT_SOURCES = table_alternation(Path(__file__).with_name("light_sources_es.txt"))
"""Nouns that name a light (neón, antorcha, luna), generated from Apertium through the English
lighting table and these cues (scripts/gen_native_es_classes.py)."""
_OF_A_LIGHT_ONLY = (r"(?![\wáéíóúñü])(?! del? (?!(?:la |el |los |las |su |sus |un |una )?(?:"
                    + _LIGHT_SOURCES + r")(?![\wáéíóúñü]))[\wáéíóúñü])")
"""A light's trace said of something that is not a light is not lighting: "reflejos de neón"
is, "el reflejo del monitor" or "de su córnea" is not (as the English analyzer reads "the
reflection of the monitor"). A fitting is a light whatever it is of ("un foco de museo"), but
"el foco en la gota" is the focus (a lens)."""

_LIGHT_FITTINGS = table_alternation(Path(__file__).with_name("light_fittings_es.txt"))
"""Nouns whose English sense is a light source in WordNet (lámpara, bombilla, linterna),
generated from Apertium (scripts/gen_native_es_classes.py)."""

LIGHTING: list[Cue] = [
    # the light noun with what qualifies it, a de-phrase before a kind of light among them
    # ("luz de contorno fría de luna"): the head is the light, "luna" its source, no subject
    Cue(r"luz(?: (?:" + _LIGHT_KIND + r"|de " + _W + r"(?= (?:" + _LIGHT_KIND + r")))){2,3}"),
    Cue(r"luz (?:" + _LIGHT_KIND + r")|luces (?:de ne[oó]n|de la ciudad|c[aá]lidas|tenues|"
        r"navide[nñ]as|de colores|de la calle)|iluminaci[oó]n " + _W + r"|iluminad[oa]s? (?:por|con|"
        r"de)|ilumina|iluminan|(?:a )?contraluz|retroiluminad[oa]s?|hora dorada|hora azul|"
        r"hora m[aá]gica|atardecer|amanecer|puesta de sol|puesta del sol|salida del sol|anochecer|"
        r"crep[uú]sculo|al alba|alba|de noche|por la noche|noche|nocturn[oa]s?|medianoche|"
        r"mediod[ií]a|a la luz de la luna|luz de luna|claro de luna|luna llena|ne[oó]n(?:es)?|"
        r"rayos de (?:sol|luz)|rayos del sol|sol (?:poniente|naciente|de la tarde|de la ma[nñ]ana)|"
        r"bajo el sol|soleado|d[ií]a nublado|cielo nublado|nublado|sombras? (?:largas|profundas|"
        r"marcadas|suaves)|sombras|penumbra|oscuridad|siluetas?|velas encendidas|farolas|"
        r"reflector|destellos|resplandor|"
        r"(?<!de )(?<!hacia la )(?<!velocidad de la )(?<!dar a )(?<!dio a )luz|"
        # lights as a scene's sources, whatever they are (luces LED azules, las luces del estadio)
        r"luces (?:de(?:l| la| las| los)? )?(?!de )" + _W + r"|ha(?:z|ces) de luz|ocaso|"
        r"al caer la tarde|por la tarde|por la ma[nñ]ana|"
        r"de d[ií]a|a plena luz del d[ií]a|luz del d[ií]a|claroscuro|tenuemente iluminad[oa]|"
        r"dorad[oa]s? por el sol|ba[nñ]ad[oa]s? (?:en|por) "
        r"(?:la )?luz|bajo la luz|"
        # light named by its source: lightning, a torch or a candle's flame, a spotlight, a
        # reflection, the sun behind clouds
        r"rel[aá]mpagos?|rayos (?!x(?![\wáéíóúñ]))" + _W + r"|reflejos?" + _OF_A_LIGHT_ONLY +
        r"(?: del? (?:la |el |los |las |su |sus |un |una )?" + _W + r")?|"
        r"antorchas?|(?:la )?llamas? de (?:una |la )?(?:antorcha|vela|hoguera|fogata|chimenea)|"
        r"hogueras?|fogatas?|(?!(?<=el )foco en )focos?(?: de " + _W + r")?|foco de luz|"
        r"candil(?:es)?|linternas?|"
        r"faroles|farol(?! de (?:la|el) )|sol (?:escondido|oculto|filtr[aá]ndose|entre|detr[aá]s|"
        r"tras|a trav[eé]s)|"
        # a light source named ("una lámpara de escritorio", "una bombilla desnuda"); a degree
        # said of being lit ("mal iluminada", "escasamente iluminados": the degree adverbs
        # listed, as a cue that may begin at any word is tried at every word); the locutions
        # of darkness and shade (a closed class: "a oscuras", "en sombra"); a sun with its
        # quality ("bajo un sol abrasador")
        r"(?<![\wáéíóúñü])(?:" + _LIGHT_FITTINGS + r")(?![\wáéíóúñü])|"
        r"(?:mal|bien|poco|muy|apenas|escasamente|d[eé]bilmente|parcialmente|suavemente|"
        r"intensamente|brillantemente) iluminad[oa]s?|a oscuras|"
        r"en (?:sombras?|penumbra)|bajo (?:un|el) sol(?: [\wáéíóúñü]+)?|"
        # the hour said by the sun's course, as English reads "the sun sets", "the sun rises"
        # ("el sol se pone tras las montañas", "sale el sol"), or by its season and height
        # ("sol de invierno bajo", "low winter sun"); the sun at one's back is a backlight
        r"(?:el )?sol (?:se (?:pone|oculta|esconde|hunde)|sale|asoma|nace|despunta|cae)|"
        r"(?:se pone|sale|se oculta|asoma) el sol|"
        r"sol (?:de (?:invierno|verano|oto[nñ]o|primavera)|bajo|alto|de mediod[ií]a)|"
        r"con el sol (?:a (?:sus|su|la|las) espaldas?|detr[aá]s|de frente)"),
]

COLOR: list[Cue] = [
    Cue(r"paleta(?: de colores)?(?: " + _W + r")?|colores (?:c[aá]lidos|fr[ií]os|vivos|vibrantes|"
        r"pastel|apagados|saturados|neutros|terrosos|intensos|suaves|desaturados)|"
        r"tonos (?:" + _W + r")(?: y " + _W + r")?|tonalidad(?:es)? " + _W + r"|(?:en )?blanco y negro|"
        r"monocrom[aá]tic[oa]|monocromo|sepia|desaturad[oa]|saturad[oa]|gradaci[oó]n de color|"
        r"etalonaje|correcci[oó]n de color|colorido|colores|verde azulado y naranja|teal and orange|"
        r"contraste (?:alto|bajo)|alto contraste|bajo contraste"),
]

STYLE: list[Cue] = [
    Cue(r"cinematogr[aá]fic[oa]s?|cinem[aá]tic[oa]|estilo (?:" + _W + r")(?: " + _W + r"){0,2}|"
        r"documental|anime|animaci[oó]n|animad[oa]|dibujos animados|realista|hiperrealista|"
        r"fotorrealista|realismo|acuarela|[oó]leo|pintura al [oó]leo|surrealista|on[ií]ric[oa]|"
        r"de ensue[nñ]o|ciberpunk|cyberpunk|steampunk|retro|vintage|noir|cine negro|"
        r"est[eé]tica " + _W + r"|ambiente " + _W + r"|atm[oó]sfera " + _W + r"|[eé]pic[oa]|"
        r"m[aá]gic[oa]|misterios[oa]|nost[aá]lgic[oa]|melanc[oó]lic[oa]|seren[oa]|tranquil[oa]|"
        r"dram[aá]tic[oa]|inquietante|terror|ciencia ficci[oó]n|fantas[ií]a|minimalista|"
        r"grano de pel[ií]cula|granulado|pixar|ghibli|wes anderson|3d|stop motion|claymation|"
        r"publicitari[oa]|comercial|videoclip|western|po[eé]tic[oa]|so[nñ]ador[ao]?|l[uú]gubre|"
        r"sombr[ií]o|alegre|vibrante|elegante|lujos[oa]|futurista|apocal[ií]ptic[oa]|"
        r"rom[aá]ntic[oa]|[ií]ntim[oa]|contemplativ[oa]|tenso|tensa|majestuos[oa]|idíli?c[oa]|"
        r"fant[aá]stic[oa]|de pel[ií]cula|como en una pel[ií]cula|ilustraci[oó]n|c[oó]mic"),
]

_PLACE = (r"bosque|bosques|selva|jungla|ciudad|calle|calles|callej[oó]n|avenida|plaza|playa|mar|"
          r"oc[eé]ano|monta[nñ]a|monta[nñ]as|sierra|desierto|lago|r[ií]o|parque|jard[ií]n|cocina|"
          r"habitaci[oó]n|cuarto|dormitorio|sal[oó]n|caf[eé]|cafeter[ií]a|restaurante|oficina|"
          r"escenario|espacio|espacio exterior|castillo|templo|pueblo|aldea|campo|prado|pradera|"
          r"ca[nñ][oó]n|cascada|cielo|azotea|tejado|estaci[oó]n|metro|aeropuerto|puerto|muelle|"
          r"puente|ruinas|laboratorio|estudio|biblioteca|mercado|terraza|nieve|orilla|costa|"
          r"arena|acantilado|colina|valle|granja|iglesia|catedral|museo|tienda|bar|discoteca|"
          r"universo|galaxia|fondo del mar|agua|carretera|camino|sendero|pasillo|escalera|"
          r"balc[oó]n|ventana|mesa|cama|sof[aá]|suelo|tejados|lluvia|niebla|tormenta|nieve|"
          r"invierno|verano|oto[nñ]o|primavera|isla|cueva|glaciar|volc[aá]n|pantano|r[ií]o|"
          r"tokio|par[ií]s|nueva york|madrid|barcelona|m[eé]xico|buenos aires|interior|exterior")
SETTING: list[Cue] = [
    Cue(r"(?:en|por|sobre|bajo|dentro de|junto a|cerca de|a trav[eé]s de|a lo largo de|frente a|"
        r"entre|hacia|desde|en medio de|al borde de|a orillas de|al pie de|encima de|debajo de|"
        r"alrededor de)(?: (?:el|la|los|las|un|una|unos|unas|su|sus|del|al))?(?: " + _W
        + r"){0,2}? (?:" + _PLACE + r")(?: " + _W + r")?"),
    Cue(r"(?:" + _PLACE + r")", strength=0.5),
]

_STEP_KIND = r"(?!(?:de|del|al|a|en|con|y|que|hacia|por)(?![\wáéíóúñ]))" + _W
"""The word said of the steps, singular or plural ("con paso firme", "con pasos vacilantes",
"con unos pasos torpes"): their manner, not where they go ("con pasos hacia la puerta")."""

_MANNER = (r"(?:lent|suav|r[aá]pid|fluid|natural|relajad|brusc|elegant|gr[aá]cil|torpe|r[ií]tmic|"
           r"sincronizad|continu|constant|delicad|liger|pesad|repentin|sutil|circular|ondulant|"
           r"pausad|en[eé]rgic|vigoros|[aá]gil|seco|sec|tembloros|mec[aá]nic|rob[oó]tic|org[aá]nic)"
           r"[\wáéíóúñ]*")
"""Adjective stems of speed, force, weight or smoothness said of a movement."""

MOTION: list[Cue] = [
    Cue(r"lentamente|despacio|muy despacio|suavemente|se ralentiza\w*|ralentiz\w+|"
        r"r[aá]pidamente|velozmente|con gracia|"
        r"con elegancia|con fuerza|con suavidad|a toda velocidad|a gran velocidad|a toda prisa|"
        r"(?:a|en) c[aá]mara lenta|c[aá]mara lenta|"
        # a capture that slows the movement down, as slow motion does: bullet time
        r"(?:efecto (?:de )?)?tiempo bala|efecto bala|con cuidado|delicadamente|elegantemente|"
        r"[aá]gilmente|bruscamente|poco a poco|gradualmente|con ritmo|con fluidez|fluidamente|"
        r"pausadamente|"
        r"movimientos? (?:lent[oa]s?|suaves?|r[aá]pid[oa]s?|fluid[oa]s?|elegantes?|bruscos?|"
        r"naturales?|gr[aá]ciles?)|ondea(?:n|ndo)?|se mecen?|meci[eé]ndose|al viento|"
        r"con el viento|mecid[oa]s? por el viento|agitad[oa]s? por|revolote\w+|"
        r"salpic(?!ad[oa]s?(?![\wáéíóúñ]))\w+|salpicaduras|ondula(?!d[oa]s?(?![\wáéíóúñ]))\w*|"
        r"en el aire|por los aires|aceler\w+|desaceler\w+|"
        r"frena(?:n|ndo)?|a paso " + _W + r"|al galope|con (?:(?:un|unos) )?pasos? " + _STEP_KIND +
        r"|tambale[aá]ndose|"
        r"balance[aá]ndose|girando sobre s[ií] mism[oa]|en espiral|en c[ií]rculos|"
        # to and fro said of a way of going (corren, vuelan) is manner; said of "ir", the verb
        # that says only that one goes (a closed class: its forms here), a bare direction
        r"(?<!va )(?<!van )(?<!iba )(?<!iban )(?<!ir )(?<!yendo )de un lado (?:a|para) otro|"
        r"con peso|ingr[aá]vid[oa]s?|a la deriva|a cámara r[aá]pida|"
        r"(?:hojas|p[eé]talos|copos|gotas|plumas|cabello|pelo|ramas|banderas?|cortinas?|olas|nieve|"
        # the noun is the phrase's head, its de-phrase and adjective between ("pétalos de
        # cerezo rosas cayendo")
        r"polvo|arena|chispas|burbujas) (?:de " + _W + r" )?(?:" + _W + r" )?"
        r"(?:cayendo|flotando|volando|ondeando|"
        r"meci[eé]ndose|girando|danzando|revoloteando|arremolin[aá]ndose)|"
        r"(?:el )?(?:viento|brisa) (?:" + _W + r" )?(?:que )?(?:mece|agita|sacude|mueve|levanta|"
        r"arrastra|despeina|revuelve|azota|ondea|balancea)n?(?![\wáéíóúñ])|"
        # ripples a drop or a body makes on water: the physics of the splash, as 涟漪 and 波紋
        r"ondas conc[eé]ntricas|(?:forma|forman|formando|crea|crean|creando|genera|generan|"
        r"generando|provoca|provocan|provocando|dibuja|dibujando) (?:unas |peque[nñ]as |leves |"
        r"suaves )*ondas|ondas (?:en|sobre) (?:el|la) (?:agua|superficie)|"
        r"sin prisa|con calma|sin esfuerzo|en cascada|"
        # a shuffling gait (arrastra los pies), an abrupt stop (frena en seco, se detiene de golpe)
        r"arrastra(?:n|ndo)? los pies|(?:frena|frenan|se detienen?|se paran?) (?:en seco|de golpe)|"
        r"en remolino|se arremolina\w*|levantando (?:polvo|arena|"
        r"agua|nieve|espuma)|inercia|gravedad|f[ií]sicas? (?:realistas?|reales?|cre[ií]bles?)|"
        r"(?:f[ií]sica|leyes de la f[ií]sica) (?:realista|real)|"
        r"de forma (?:natural|fluida|lenta|suave)|con naturalidad|"
        r"violentamente|fren[eé]ticamente|en sincron[ií]a"),
    # Manner by grammar: an adverb in -mente built on an adjective of speed, force, weight or
    # smoothness (pesadamente, sigilosamente), "a/con/de manera" + a manner word, or an
    # adjective said of a verb of movement ("corre muy rápido"; "un coche rápido" is the car's).
    Cue(r"(?:lent|r[aá]pid|suav|veloz|brusc|[aá]gil|gr[aá]cil|delicad|fluid|pausad|violent|"
        r"fren[eé]tic|torpe|liger|pesad|firme|constante|gradual|repentin|s[uú]bit|en[eé]rgic|"
        r"vigoros|perezos|l[aá]nguid|r[ií]tmic|err[aá]tic|cuidados|sigilos|raud|presuros|"
        r"apresurad|acompasad|armonios|airos|impetuos|desenfrenad|vertiginos|majestuos|"
        r"sinuos|leve|torpe|parsimonios|tambaleant|tembloros|mec[aá]nic|robótic|ondulant|"
        r"elegant|grácil|gracios|sutil)[a-záéíóú]?mente|"
        r"a (?:gran|toda|alta|baja|m[aá]xima|poca|escasa|vertiginosa|cierta|m[aá]s|menor|mayor) "
        r"velocidad|a (?:una )?velocidad " + _STEP_KIND + r"|a (?:toda|gran) (?:prisa|marcha)|"
        r"a toda m[aá]quina|a la carrera|al? trote|"
        r"a saltos|a zancadas|a trompicones|a tropezones|a rastras|de puntillas|en zigzag|"
        r"zigzague\w+|a (?:un )?ritmo (?:lento|r[aá]pido|pausado|constante|tranquilo|fren[eé]tico|"
        r"acelerado|suave)|"
        # with its adjective after it too ("con una fuerza sobrehumana")
        r"con (?:una? |toda (?:su |la )?|todas (?:sus |las )?|su |sus )?"
        r"(?:gran |mucha |cierta |total |infinita |suma |extrema )?(?:gracia|fuerzas?|suavidad|"
        r"delicadeza|agilidad|rapidez|lentitud|torpeza|energ[ií]a|[ií]mpetu|soltura|firmeza|"
        r"destreza|violencia|prisa|vigor|potencia|ligereza|pesadez|dificultad|sigilo|brusquedad|"
        r"precisi[oó]n|parsimonia|calma|impulso|aplomo)(?: (?!y |de |en |a |que )" + _W + r")?|"
        r"a la velocidad (?:de la luz|del rayo|del sonido)|desenfoque de movimiento|"
        r"de (?:manera|forma|modo) " + _MANNER + r"|"
        r"(?:corre|corren|camina|caminan|avanza|avanzan|vuela|vuelan|nada|nadan|gira|giran|"
        r"se mueven?|cae|caen|anda|andan|baila|bailan|pasa|pasan|sube|suben|baja|bajan|"
        r"[\wáéíóúñ]+(?:ando|iendo)) (?:muy |m[aá]s |bien |tan )?(?:lent[oa]s?|r[aá]pid[oa]s?|"
        r"despacio|deprisa|veloz(?:es)?)|"
        # (not a physics noun that qualifies the noun before it, "zona de impacto", "punto de
        # impacto": a place's name)
        r"rebot\w+|(?<!el )(?<!de )impacto(?! visual)|con (?:todo )?su peso|ingravidez|en el aire|"
        r"trope?z\w+|tropiez\w+|se tambalea\w*|"
        # physics verbs: a body that sways, shakes, vibrates or flaps (el barco se balancea, la
        # cometa aletea); a calm or a serene -mente is an attitude and counts only next to a
        # verb of movement (the _MANNER_MENTE rule below), "mira tranquilamente" is not motion
        r"se (?:balancea|bambolea|zarandea|sacude|agita|contonea|retuerce)n?(?![\wáéíóúñ])|"
        r"(?:oscila|vibra|aletea|flamea|tirita|serpentea)(?:n|ndo)?(?![\wáéíóúñ])|"
        r"tiemblan?|temblando|estremeci[eé]ndose|se estremecen?|"
        r"(?:con |en )?(?:un |unos )?movimientos? (?:muy |m[aá]s )?" + _MANNER + r"(?: y [\wáéíóúñ]+)?|"
        r"(?:brisa|viento|r[aá]fagas?(?: de viento)?) (?:muy )?(?:suave|liger[oa]|fuerte|leve|fresc[oa]|"
        r"c[aá]lid[oa]|marin[oa]|helad[oa]|intens[oa])|se mueven? con (?:una |el |la )?(?:brisa|viento)"
        r"(?: \w+)?|(?:con|por) (?:el|la|las|una|un) (?:suave |ligera |leve |fuerte )?(?:brisa|viento|"
        r"r[aá]faga|corriente|oleaje|marea|olas)"),
]

_ADVERB = r"(?:[a-záéíóúñ]+mente|de (?:forma|manera|modo) [a-záéíóúñ]+|poco a poco)"
_ADJECTIVE = (r"(?!(?:antes|delante|adelante|mientras|durante|siempre|entre|detr[aá]s|cerca|lejos|"
              r"hacia|contra|sobre|desde|hasta)(?![\wáéíóúñ]))[a-záéíóúñ]+(?:ad[oa]s?|id[oa]s?|"
              r"ic[oa]s?|os[oa]s?|iv[oa]s?|bles?|ales?|ntes?|ar[ií][oa]s?|ist[ao]s?|ur[oa]s?|"
              r"ier[oa]s?|ert[oa]s?|ient[oa]s?)(?![\wáéíóúñ])")
_MOVED = (r"mecid|empujad|arrastrad|llevad|agitad|movid|sacudid|impulsad|lanzad|balancead|"
          r"levantad|elevad|suspendid|dispersad|esparcid|girad|desplazad|deslizad|transportad|"
          r"mecid|acunad|sostenid|propulsad|catapultad|empujad")
_CHANGE = (r"(?:se )?(?:cambian?|desvanecen?|ilumina|iluminan|oscurecen?|aumentan?|disminuyen?|"
           r"intensifican?|apagan?|encienden?|transforman?|transicionan?|evolucionan?|funden?|"
           r"difuminan?|revelan?|aclaran?|atenúan?|atenuan?|tiñen?|tiñe|colorean?)")
"""Verbs of a change of light, colour or picture: their manner is not a movement's."""
NOT_MOTION = (r"(?<![\wáéíóúñ])(?P<m1>" + _ADVERB + r") (?:muy |m[aá]s |menos )?" + _ADJECTIVE +
              r"|(?<![\wáéíóúñ])(?<!ha )(?<!han )(?!(?:" + _MOVED + r"))[a-záéíóúñ]+"
              r"(?:ad|id)[oa]s? (?P<m2>" + _ADVERB + r")(?![\wáéíóúñ])"
              r"|(?<![\wáéíóúñ])" + _CHANGE + r"(?: [a-záéíóúñ]+)? (?P<m3>" + _ADVERB +
              r")(?![\wáéíóúñ])"
              r"|(?<![\wáéíóúñ])(?P<m4>" + _ADVERB + r"),? (?:[a-záéíóúñ]+ ){0,3}?" + _CHANGE +
              r"(?![\wáéíóúñ])"
              r"|(?<![\wáéíóúñ])[a-záéíóúñ]*(?:o|os|ón|l|r|z|d) (?P<m5>en el aire)"
              # light, time, a story or music as the subject, or a verb of looking or speaking
              r"|(?<![\wáéíóúñ])(?:luz|luces|rayos?|tiempo|historia|trama|m[uú]sica|melod[ií]a|"
              r"sonido|voz|focos?|haz|haces|reflectore?s?|linternas?|l[aá]mparas?|resplandor|"
              r"destellos?|iluminaci[oó]n|brillo|claridad|colou?r(?:es)?|tonos?|sol|luna|"
              # the hour falling (la noche cae lentamente), a talk or a story that flows
              r"noche|tarde|oscuridad|crep[uú]sculo|amanecer|anochecer|conversaci[oó]n|"
              r"di[aá]logo|narrativa|relato) "
              r"(?:[a-záéíóúñ]+ ){0,3}?(?P<m6>" + _ADVERB + r")(?![\wáéíóúñ])"
              r"|(?<![\wáéíóúñ])(?:mira|miran|habla|hablan|"
              r"susurra|susurran|canta|cantan|parpadea|parpadean|aparece|aparecen|"
              # a light that flickers or twinkles: its rhythm is the lighting's
              r"parpadeando|titila|titilan|titilando|centellea|centellean|centelleando|"
              r"destella|destellan|destellando) "
              r"(?P<m7>" + _ADVERB + r")(?![\wáéíóúñ])"
              # a pace said of the edit ("edición con cortes a ritmo frenético", "montaje a un
              # ritmo lento"): the pacing's, not a movement's
              r"|(?<![\wáéíóúñ])(?:edici[oó]n|montaje|cortes?|transiciones?|cambios de plano)"
              r"(?: [a-záéíóúñ]+){0,3}? (?P<m12>a (?:un )?ritmo)(?![\wáéíóúñ])"
              # a move made to reveal or show what is around ("se aleja lentamente para revelar
              # la ciudad", "se abre poco a poco mostrando el valle"): the camera's, whoever
              # the verb's subject seems to be, when the clause names no other (a sentence's
              # first verb, or after "que" or "y": "el pájaro se eleva lentamente revelando sus
              # alas" is the bird's)
              r"|(?:^|(?<=[.,;:\n] )|(?<=[.,;:\n])|(?<= y )|(?<= que ))(?:se )?"
              r"(?:alej|acerc|elev|abr|desplaz|retroced|descend|ascend)"
              r"[a-záéíóúñ]* (?P<m15>" + _ADVERB + r"),? (?:para (?:revelar|mostrar|descubrir|"
              r"dejar ver|ense[nñ]ar|abarcar)|revelando|mostrando|descubriendo)(?![\wáéíóúñ])")
"""A manner word said of an adjective ("ligeramente nublado"), of a participle that is not a
movement ("iluminada suavemente"; "mecidas suavemente" is one), of a change of light or of
the picture ("la luz cambia gradualmente", "se desvanece lentamente"), or "en el aire" after
a noun ("humo en el aire"), one said of light, time, a story, music, the sun or the moon as
the subject ("la luz entra suavemente", "el sol se pone lentamente") or of looking, the voice
or an appearance ("mira fijamente", "aparece lentamente"): not motion."""

_MOVING = ["caminar", "andar", "pasear", "correr", "saltar", "brincar", "bailar", "danzar",
           "nadar", "volar:vuela", "planear", "deslizar:desliza", "caer:cae:cayendo", "subir",
           "bajar", "girar", "rotar", "rodar:rueda", "flotar", "avanzar", "retroceder",
           "mover:mueve", "balancear", "mecer:mece", "ondear", "trepar", "escalar", "galopar",
           "trotar", "gatear", "patinar", "esquiar:esquía", "aterrizar", "despegar",
           "descender:desciende", "ascender:asciende", "elevar", "hundir", "emerger",
           "revolotear", "aletear", "huir:huye:huyendo", "perseguir:persigue:persiguiendo",
           "cruzar", "atravesar:atraviesa", "recorrer", "levantar", "sentar:sienta", "inclinar",
           "agachar", "arrodillar", "tropezar:tropieza", "resbalar", "volver:vuelve", "regresar",
           "entrar", "salir:sale", "marchar", "acercar", "alejar", "voltear", "sacudir", "agitar",
           "temblar:tiembla", "empujar", "arrastrar", "lanzar", "patear", "golpear", "virar",
           "maniobrar", "esquivar", "zigzaguear", "acelerar", "embestir:embiste", "arremeter",
           "desplazar", "fluir:fluye:fluyendo"]
_MANNER_MENTE = (r"(?!(?:sola|única|unica|real|final|actual|total|complet|simple|clar|especial|"
                 r"principal|nuev|inmediat|direct|exact|posible|probable|aparente|perfect|general|"
                 r"normal|obvia|evidente|precisa|literal|previa|reciente|frecuente|definitiva|"
                 r"verdadera|igual|estrict|absolut|relativa|t[eé]cnica|visual|digital|parcial|"
                 r"continua|profunda)mente)[a-záéíóúñ]{3,}mente")
"""Any -mente adverb but those of truth, degree or order (realmente, totalmente)."""


def _moving_forms() -> str:
    # "cae" is kept though short (`_forms` drops forms of three letters): no other word has it
    forms = {f for entry in _MOVING for f in _forms(entry)} | {"cae"}
    return r"(?:se )?(?:" + "|".join(sorted((re.escape(f) for f in forms), key=lambda f: (-len(f), f))) + ")"


PACING: list[Cue] = [
    Cue(r"(?:a |en )?c[aá]mara lenta|time-?lapse|timelapse|lapso de tiempo|hiperlapso|hyperlapse|"
        r"en tiempo real|tiempo real|ritmo " + _W + r"|luego|despu[eé]s|finalmente|al final|"
        r"al principio|de repente|de pronto|mientras tanto|poco a poco|\d+ segundos|"
        r"plano secuencia|en bucle|bucle|congelad[oa]|pausa|a continuaci[oó]n|entonces|"
        r"m[aá]s tarde|por [uú]ltimo|en un instante|repentinamente|cámara r[aá]pida"),
]

_CLOTHES = (r"abrigo|chaqueta|cazadora|vestido|camisa|camiseta|sombrero|gorra|gorro|bufanda|traje|"
            r"uniforme|capa|kimono|casco|m[aá]scara|armadura|botas|gafas(?: de sol)?|gabardina|"
            r"impermeable|sudadera|jersey|su[eé]ter|falda|pantalones|vaqueros|delantal|t[uú]nica|"
            r"corona|collar|mochila|chaleco|guantes|bata|pijama|ba[nñ]ador|zapatillas|tacones|"
            r"poncho|sari|hiyab|velo|pa[nñ]uelo|corbata|cintur[oó]n|traje de ba[nñ]o|"
            r"chubasquero|blusa|pendientes|anillo")
CONSISTENCY: list[Cue] = [
    Cue(r"(?:vestid[oa]s? (?:con|de)|viste|visten|lleva(?:n|ndo)?|llevaba|con|de) (?:un |una |"
        r"unos |unas |su |sus )?(?:" + _W + r" ){0,2}?(?:" + _CLOTHES + r")"
        r"(?: (?!(?:" + _VERBISH + r"))" + _W + r")?",
        strength=0.8),
    Cue(r"(?:pelo|cabello|melena) (?:" + _W + r")(?: y " + _W + r")?|barba(?: " + _W + r")?|"
        r"pelirroj[oa]s?|rubi[oa]s?|canos[oa]s?|morena?|tatuajes?|cicatriz|cicatrices|pecas|"
        r"ojos (?:azules|verdes|marrones|negros|grises)|mismo personaje|misma ropa|consistente|"
        r"coherente|id[eé]ntic[oa]s?|el mismo|la misma", strength=0.7),
]

AUDIO: list[Cue] = [
    Cue(r"sonidos?|se oye|se oyen|se escucha|se escuchan|m[uú]sica|banda sonora|di[aá]logo|"
        r"(?:dice|susurra|grita|pregunta|exclama|murmura)[^\"“«]{0,30}[\"“«][^\"”»]+[\"”»]|"
        r"susurr\w+|narraci[oó]n|voz en off|voces?|ruidos?|silencio|en silencio|"
        r"ambiente sonoro|efectos de sonido|trinos?|canto de (?:los )?p[aá]jaros|ladridos?|"
        r"ladra|ma[uú]lla|truenos?|campanas?|pasos|risas|aplausos|murmullo|zumbido|crujido|"
        r"rugido|eco|melod[ií]a|canci[oó]n|cantando|tararea|silbido|chisporroteo|"
        r"sonido ambiente|audio"),
]

# --- subjects ------------------------------------------------------------------------------

_ART = (r"(?:(?:un|una|el|la|los|las|unos|unas|dos|tres|cuatro|varios|varias|muchos|muchas|su|"
        r"sus|este|esta|aquel|aquella) (?:" + _W + r" )?)?")

_PERSON = (r"mujer(?:es)?|hombres?|ni[nñ][oa]s?|chic[oa]s?|muchach[oa]s?|j[oó]venes|joven|"
           r"ancian[oa]s?|se[nñ]or(?:a|es)?|beb[eé]s?|personas?|gente|parejas?|familias?|multitud|"
           r"bailar[ií]n(?:a|es|as)?|astronautas?|soldados?|caballeros?|guerrer[oa]s?|samur[aá]i|"
           r"ninjas?|magos?|brujas?|reinas?|rey(?:es)?|princesas?|pr[ií]ncipes?|detectives?|chefs?|"
           r"cociner[oa]s?|camarer[oa]s?|baristas?|m[uú]sicos?|guitarristas?|bateristas?|"
           r"cantantes?|violinistas?|pianistas?|pintor(?:a|es)?|artistas?|escultor(?:a)?|"
           r"patinador(?:a|es)?|skaters?|surfistas?|esquiador(?:a|es)?|corredor(?:a|es|as)?|"
           r"atletas?|boxeador(?:a)?|escalador(?:a)?|ciclistas?|jinetes?|conductor(?:a)?|pilotos?|"
           r"marineros?|pescador(?:es)?|granjer[oa]s?|campesin[oa]s?|monjes?|monjas?|sacerdotes?|"
           r"cient[ií]fic[oa]s?|m[eé]dic[oa]s?|doctor(?:a)?|enfermer[oa]s?|estudiantes?|"
           r"maestr[oa]s?|profesor(?:a|es)?|trabajador(?:a|es)?|robots?|androides?|c[ií]borgs?|"
           r"alien[ií]genas?|extraterrestres?|fantasmas?|zombis?|vampiros?|monstruos?|criaturas?|"
           r"gigantes?|elfos?|hadas?|sirenas?|abuel[oa]s?|madres?|padres?|hij[oa]s?|amig[oa]s?|"
           r"turistas?|viajer[oa]s?|explorador(?:a|es)?|excursionistas?|personajes?|protagonistas?|"
           r"h[eé]roes?|hero[ií]nas?|villan[oa]s?|modelos?|actor(?:es)?|actriz|vendedor(?:a|es)?|"
           r"polic[ií]as?|bomberos?|novi[oa]s?|adolescentes?|ni[nñ]ez|chavales?|mariachis?|"
           r"él|ella|ellos|ellas")
_ANIMAL = (r"gat[oa]s?|gatitos?|perr[oa]s?|perritos?|cachorros?|caballos?|potros?|yeguas?|"
           r"zorr[oa]s?|lob[oa]s?|osos?|osa|ciervos?|venados?|alces?|conejos?|liebres?|ardillas?|"
           r"ratones|rat[oó]n|ratas?|leones|le[oó]n|leonas?|tigres?|leopardos?|guepardos?|"
           r"panteras?|jaguares|jaguar|elefantes?|jirafas?|cebras?|rinocerontes?|hipop[oó]tamos?|"
           r"gorilas?|monos?|simios?|serpientes?|lagartos?|lagartijas?|camale[oó]n|ranas?|"
           r"ara[nñ]as?|hormigas?|drag[oó]n|dragones|f[eé]nix|unicornios?|vacas?|ovejas?|cabras?|"
           r"cerdos?|gallinas?|gallos?|reba[nñ]o|dinosaurios?|animales|animal|pandas?|koalas?|"
           r"canguros?|llamas? (?=de |que |en |blanca|marr)|alpacas?|toros?")
_BIRD = (r"p[aá]jaros?|aves?|[aá]guilas?|halcones|halc[oó]n|b[uú]hos?|lechuzas?|cuervos?|"
         r"gorriones|gorri[oó]n|palomas?|loros?|colibr[ií]es|colibr[ií]|flamencos?|cisnes?|"
         r"patos?|gansos?|ping[uü]inos?|gaviotas?|mariposas?|abejas?|lib[eé]lulas?|polillas?|"
         r"bandada|lu[ck]i[eé]rnagas?|golondrinas?|pel[ií]canos?|garzas?")
_WATER = (r"peces|pez|koi|tiburones|tibur[oó]n|ballenas?|delfines|delf[ií]n|medusas?|pulpos?|"
          r"tortugas?|cangrejos?|focas?|nutrias?|cardumen|banco de peces")
_VEHICLE = (r"coches?|autos?|autom[oó]viles|autom[oó]vil|carros?|camiones|cami[oó]n|autob[uú]s|"
            r"trenes|tren|tranv[ií]as?|motos?|motocicletas?|bicicletas?|bicis?|barcos?|barcas?|"
            r"veleros?|yates?|canoas?|kayaks?|submarinos?|aviones|avi[oó]n|avionetas?|jets?|"
            r"helic[oó]pteros?|cohetes?|naves? espacial(?:es)?|naves?|globos? aerost[aá]ticos?|"
            r"tanques?|taxis?|furgonetas?|deportivo")
_PRODUCT = (r"tazas?(?: de (?:caf[eé]|t[eé]))?|teteras?|botellas?|perfumes?|frascos?|relojes|reloj|"
            r"zapatillas|zapatos|tel[eé]fonos?|m[oó]viles|m[oó]vil|guitarras?|pianos?|violines|"
            r"viol[ií]n|libros?|cartas?|linternas?|faroles|farol|l[aá]mparas?|esculturas?|estatuas?|"
            r"jarrones|jarr[oó]n|cuencos?|platos?|hamburguesas?|pizzas?|sushi|pasteles|pastel|"
            r"tartas?|pan|croissants?|frutas?|manzanas?|fresas?|limones|lim[oó]n|chocolate|miel|"
            # tea only with its accent, or after "el"/"un": a bare "te" is the clitic pronoun
            # ("te quiero", "que te mira"), a closed class
            r"filetes?|fideos|c[oó]cteles|c[oó]ctel|vino|caf[eé]|té|(?<=el |un )te|"
            r"paella|tacos|producto|"
            r"joyas?|anillos?|bolsos?|gafas|auriculares|port[aá]til|juguetes?")
_ABSTRACT = (r"tinta|gotas?|humo|pintura|l[ií]quidos?|part[ií]culas|polvo|p[eé]talos|hojas?|plumas?|"
             r"telas?|seda|cintas?|fuego|llamas|llamaradas|chispas|nubes?|olas?|burbujas|cristales|"
             r"vidrio|cubos|esferas?|papel|origami|confeti|copos de nieve|gotas de lluvia|"
             r"formas|figuras geom[eé]tricas|fuegos artificiales")
_LANDSCAPE = (r"flor(?:es)?|rosas?|[aá]rbol(?:es)?|girasoles|girasol|tulipanes|setas?|hongos?|"
              r"faros?|torres?|rascacielos|casas?|caba[nñ]as?|castillos?|templos?|puentes?|"
              r"molinos?|volcanes|volc[aá]n|cascadas?|glaciares|glaciar|icebergs?|auroras?|"
              r"tormentas?|tornados?|ciudad|monta[nñ]as?|paisajes?|bosques?|horizonte|arco[ií]ris|"
              r"luna|sol|estrellas|v[ií]a l[aá]ctea|mar|oc[eé]ano|playa|cielo")

SUBJECTS: list[Subject] = [
    Subject(_ART + r"(?:" + _PERSON + r")", "person"), Subject(_ART + r"(?:" + _ANIMAL + r")", "animal"),
    Subject(_ART + r"(?:" + _BIRD + r")", "bird"), Subject(_ART + r"(?:" + _WATER + r")", "water"),
    Subject(_ART + r"(?:" + _VEHICLE + r")", "vehicle"),
    Subject(_ART + r"(?:" + _PRODUCT + r")", "product", 0.9),
    Subject(_ART + r"(?:" + _ABSTRACT + r")", "abstract", 0.8),
    Subject(_ART + r"(?:" + _LANDSCAPE + r")", "landscape", 0.7),
]

# --- actions -------------------------------------------------------------------------------

# Infinitive, or "infinitive:third person singular" when the stem changes (vuela, sigue).
_VERBS = ["caminar", "andar", "pasear", "correr", "saltar", "brincar", "bailar", "danzar", "nadar",
    "volar:vuela", "planear", "deslizar:desliza", "caer:cae:cayendo", "subir", "bajar", "girar",
    "rotar", "rodar:rueda", "dar", "vueltas", "flotar", "derivar", "chocar", "estallar", "explotar",
    "verter:vierte", "salpicar", "gotear", "arremolinar", "expandir", "florecer:florece",
    "crecer:crece", "derretir:derrite", "arder", "quemar", "parpadear", "saludar",
    "sonreír:sonríe:sonriendo", "reír:ríe:riendo", "llorar", "mirar", "observar",
    "contemplar", "alcanzar", "agarrar", "lanzar", "atrapar", "patear", "golpear", "trepar", "escalar",
    "sentar:sienta", "levantar", "inclinar", "arrodillar", "rodar", "patinar", "surfear",
    "esquiar:esquía", "conducir:conduce", "manejar", "montar", "cabalgar", "galopar", "gatear",
    "vagar", "deambular", "perseguir:persigue:persiguiendo", "cazar", "abalanzar", "empujar", "tirar",
    "agitar", "sacudir", "temblar:tiembla", "romper", "fluir:fluye:fluyendo", "ondear", "mecer:mece",
    "disolver:disuelve", "transformar", "convertir:convierte", "emerger", "aparecer:aparece",
    "desaparecer:desaparece", "colapsar", "derrumbar", "erupcionar", "revolotear", "aletear",
    "sobrevolar:sobrevuela", "zambullir", "hundir", "rebotar", "estirar", "parpadear", "respirar",
    "cantar", "tocar", "pintar", "dibujar", "escribir", "cocinar", "cortar", "picar", "remover",
    "beber", "comer:come", "sorber", "besar", "abrazar", "sostener:sostiene", "cargar", "empujar",
    "balancear", "asentir", "susurrar", "hablar", "gritar", "marchar", "patinar", "rociar", "brillar",
    "destellar", "desplegar", "doblar", "tejer", "cocer", "hornear", "freír:fríe:friendo",
    "hervir:hierve", "acariciar", "jugar:juega", "leer:lee:leyendo", "voltear", "asomar",
    "atravesar:atraviesa", "cruzar", "recorrer", "avanzar", "retroceder", "acercar", "alejar",
    "huir:huye:huyendo", "escapar", "pelear", "luchar", "abrir", "cerrar:cierra", "encender:enciende",
    "apagar", "soplar", "despegar", "aterrizar", "navegar", "remar", "bucear", "pastar", "picotear",
    "olfatear", "lamer", "masticar", "mordisquear", "merodear", "acechar", "sobresalir",
    "despertar:despierta", "dormir:duerme:durmiendo", "bostezar", "suspirar", "guiñar", "sacudir",
    "barrer", "lavar", "fregar", "amasar", "rebanar", "asar", "moverse", "mover:mueve",
    "volver:vuelve", "regresar", "entrar", "salir:sale", "llegar", "partir", "esperar", "trabajar",
    "escribir", "teclear", "fotografiar", "grabar", "filmar", "rugir", "aullar", "ladrar",
    "maullar", "ronronear", "zumbar"]
_VERBS += ["sujetar", "alzar", "coger", "soltar", "arrojar", "trotar"]
# Everyday visible doings: hands, kitchen, work, fight, talk.
_VERBS += ["recoger:recoge", "preparar", "alimentar", "sacar", "meter", "poner:pone:poniendo",
           "colocar", "servir:sirve:sirviendo", "limpiar", "ordenar", "construir:construye:"
           "construyendo", "cavar", "plantar", "regar:riega", "pescar", "cosechar", "coser",
           "planchar", "peinar", "maquillar", "afeitar", "atar", "desatar", "entregar", "recibir",
           "señalar", "pulsar", "arrastrar", "apuntar", "disparar", "esquivar", "bloquear",
           "cepillar", "desenvainar", "blandir", "empuñar", "agachar", "tomar", "buscar",
           "encontrar:encuentra", "descubrir", "examinar", "revisar", "conversar", "charlar",
           "discutir", "brindar", "aplaudir", "celebrar", "gesticular", "mezclar", "batir",
           "saborear", "morder:muerde", "tragar", "escupir", "toser", "estornudar", "bañar",
           "sumergir", "esconder", "ocultar", "atacar", "defender:defiende",
           "descender:desciende", "ascender:asciende", "acostar:acuesta", "vigilar", "espiar",
           "escuchar", "izar", "pilotar", "aparcar", "derrapar", "tropezar:tropieza", "resbalar",
           "jalar", "transportar", "repartir", "vender", "comprar", "pagar", "esculpir", "tallar",
           "bordar"]
_NOT_THIRD = {"bajar", "tocar", "cocinar", "llamar", "parar", "nadar", "gotear", "vagar", "picar",
              "rodar", "girar", "partir", "salir", "llegar", "esperar", "volver", "marchar",
              "brillar", "dar", "tomar", "plantar", "bañar", "pagar", "ordenar", "celebrar",
              "charlar", "revisar", "pastar"}
"""Verbs whose third person is also a common noun or adjective (baja, toca, cocina, nada,
gira, parte, toma "shot", planta, paga): only their other forms count."""


def _forms(entry: str) -> list[str]:
    """The forms prompts use, as plain words: third person singular and plural, gerund,
    imperfect and preterite (accented and, as unaccented texts write them, without)."""
    parts = entry.split(":")
    inf = parts[0]
    stem, end = inf[:-2], inf[-2:]
    third = parts[1] if len(parts) > 1 else None
    gerund = parts[2] if len(parts) > 2 else None
    if end == "ar":
        # the preterite -ó only with its accent: unaccented it is a noun or a preposition
        # (bajo, giro, salto, paseo, beso, corto, dibujo)
        base3, ger, imps, pret = stem + "a", stem + "ando", [stem + "aba"], [stem + "ó"]
    else:
        base3, ger = stem + "e", stem + "iendo"
        imps, pret = [stem + "ía", stem + "ia"], [stem + "ió", stem + "io"]
    base3 = third or base3
    forms = [gerund or ger, *imps, *(i + "n" for i in imps), *pret]
    if inf not in _NOT_THIRD and not inf.startswith("dar"):
        forms.append(base3)
    forms.append(base3 + "n")
    forms += [_strip_accent(f) for f in forms if not f.endswith("ó")]
    return [f for f in dict.fromkeys(forms) if len(f) > 3]


def _strip_accent(word: str) -> str:
    return word.translate(str.maketrans("áéíóú", "aeiou"))


ACTIONS: list[str] = sorted({re.escape(f) for entry in _VERBS for f in _forms(entry)},
                            key=lambda f: (-len(f), f))
"""Literal forms (escaped), longest first, then alphabetical: the same regex in every process."""
ACTIONS += [r"se (?:sienta|levanta|inclina|arrodilla|gira|da la vuelta|mueve|acerca|aleja|"
            r"desliza|balancea|mece|eleva|hunde|derrite|rompe|abre|cierra|esconde|asoma|sumerge)",
            r"est[aá] sentad[oa]|est[aá]n sentad[oa]s|de pie", r"r[ií]e"]
# Manner by grammar, any -mente adverb right before or after a verb of movement
# ("salta juguetonamente", "cuidadosamente se agacha"); said of other verbs it is not motion
# ("ruge agresivamente", "se detiene abruptamente").
_MANNER_ADJECTIVE = (r"(?:[aá]gil(?:es)?|torpes?|liger[oa]s?|pesad[oa]s?|suaves?|brusc[oa]s?|"
                     r"elegantes?|gr[aá]ciles?|gr[aá]cil|fluid[oa]s?|pausad[oa]s?|sigilos[oa]s?|"
                     r"raud[oa]s?|veloz|veloces|lent[oa]s?|r[aá]pid[oa]s?|presuros[oa]s?)"
                     r"(?![\wáéíóúñ])")
"""Adjectives of speed, force, weight or smoothness, said of the one moving as it moves."""
# ... and an adjective of speed, force or weight as a predicate of the mover right after a
# verb of movement ("el gato salta ágil", "las hojas caen ligeras"): how it moves, as the
# -mente adverb says it (one scan for both).
# Height or reach said of a movement, as Japanese 高く跳ぶ and Chinese 跳得高 say it ("salta muy
# alto", "vuela más bajo"), in the same scan; "vuela bajo el puente" is where, not how.
MOTION.append(Cue(_moving_forms() + r" (?:(?:muy |m[aá]s )?" + _MANNER_MENTE + r"|"
                  r"(?:muy |m[aá]s |tan )?" + _MANNER_ADJECTIVE + r"|(?:muy |m[aá]s |tan )?"
                  r"(?:alto|lejos)(?![\wáéíóúñ])|(?:muy |m[aá]s |tan )bajo(?![\wáéíóúñ]))|"
                  + _MANNER_MENTE + r" " + _moving_forms()))

# A verb that is itself a manner of going (a limp, a skid, a crawl, a collapse, a lunge), in
# every form: "cojea hacia la puerta", "el coche derrapa", "la serpiente repta", "el edificio
# se desploma", "se abalanza sobre él"; as "se tambalea" and "tropieza" above. And "dando" + a
# noun of a lurching or bouncing gait ("avanza dando tumbos", "se aleja dando saltitos"): how
# the body goes, as "a trompicones" or "a saltos" say it. (A gait's gerund after a verb of
# movement, "sube la escalera corriendo", is counted an action by the labelled sets, not a
# manner: not read.) Scanned with the simile below, as one cue.
_MANNER_OF_GOING = ["cojear", "renquear", "derrapar", "reptar", "trastabillar", "gatear"]
_MANNER_OF_GOING_SELF = ["desplomar", "abalanzar", "precipitar", "desmoronar", "arrastrar"]
"""... and those that are one only with se ("se arrastra", "avanza arrastrándose": crawling;
"arrastra la maleta" is pulling something, an action)."""
_GOING_MANNER = (r"(?:" + "|".join(sorted(
    {re.escape(f) for entry in _MANNER_OF_GOING for f in _forms(entry)}
    | {"se " + re.escape(f) for entry in _MANNER_OF_GOING_SELF for f in _forms(entry)
       if not f.endswith("ndo")}
    | {re.escape(f[:-4] + a + "ndose") for entry in _MANNER_OF_GOING_SELF
       for f in _forms(entry) if f.endswith("ando") for a in ("á", "a")},
    key=lambda f: (-len(f), f))) + r")(?![\wáéíóúñ])|"
    r"dando (?:tumbos|saltos|saltitos|brincos|volteretas|traspi[eé]s|bandazos|botes|tropezones|"
    r"zancadas)(?![\wáéíóúñ])")

_STILL = ["posar", "permanecer:permanece", "descansar", "yacer:yace", "reposar", "gritar",
          "rugir", "aullar", "ladrar", "maullar", "bramar", "chillar", "vociferar", "cantar",
          "hablar", "susurrar", "murmurar", "decir:dice:diciendo", "conversar", "charlar",
          "mirar", "observar", "contemplar", "escuchar"]
"""Verbs of a body held still in a pose or of a sound it makes (its voice, its look): a manner
word said of one of them ("grita con fuerza", "posa elegantemente") says how it sounds or
looks, not how anything moves (NOT_MOTION, m8)."""


def _still_forms() -> str:
    forms = {f for entry in _STILL for f in _forms(entry)}
    return "|".join(sorted((re.escape(f) for f in forms), key=lambda f: (-len(f), f)))


NOT_MOTION += (r"|(?<![\wáéíóúñ])(?:" + _still_forms() + r")"
               r" (?:(?!(?:y|e|o|mientras|que|pero)(?![\wáéíóúñ]))[a-záéíóúñ]+ ){0,3}?"
               r"(?:(?P<m8>" + _ADVERB + r")|(?P<m9>con)(?: [a-záéíóúñ]+){1,3})(?![\wáéíóúñ])")

_SPEED_OR_WEIGHT = (r"(?:(?:lent|r[aá]pid|brusc|pausad|repentin|s[uú]bit|torpe|pesad|veloz|"
                    r"apresurad|presuros)[a-záéíóú]?mente|despacio|deprisa|de golpe|de repente|"
                    r"con (?:cuidado|torpeza|dificultad|pesadez|prisa|rapidez|lentitud)|"
                    r"(?:de (?:forma|manera|modo) |a )(?:lent|r[aá]pid|brusc|torpe|pesad|gran|"
                    r"toda))")
"""Speed, weight or effort: said of sitting down (se sienta lentamente, se deja caer
pesadamente), they tell how the body gets into the pose, a movement; as Chinese 缓缓坐在."""
# A manner word said of sitting down that is not its speed or weight ("se sienta con gracia",
# "se sienta elegantemente en el banco"): the grace of the pose, not of a movement, as Chinese
# 优雅地坐在 and Japanese 優雅に座り are read ("sentada elegantemente" is a participle, m2).
NOT_MOTION += (r"|(?<![\wáéíóúñ])(?:se sientan?|sent[aá]ndose) (?!" + _SPEED_OR_WEIGHT + r")"
               r"(?:(?P<m13>" + _ADVERB + r")|(?P<m14>con)(?: [a-záéíóúñ]+){1,2})(?![\wáéíóúñ])")


# A simile said right after a verb of movement ("corre como un rayo", "se mueve como un gato",
# "camina como una reina"): how it moves, as "como si volara" says it. Not after a verb of
# returning or entering, where "como" names a role ("vuelve como un héroe", "entra como un
# invitado más").
_AS_A_ROLE = {"volver", "regresar", "entrar", "retroceder"}


def _after_a_mover() -> str:
    """Look-behinds, one a form (each of a fixed width), for "right after a verb of movement":
    the cue then begins at "como", which few places of a prompt do, instead of at every word
    a verb's form may begin with."""
    forms = {f for entry in _MOVING if entry.split(":")[0] not in _AS_A_ROLE
             for f in _forms(entry)}
    return r"(?:" + "|".join(r"(?<=(?<![\wáéíóúñ])" + re.escape(f) + r" )"
                             for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


MOTION.append(Cue(_GOING_MANNER))


def _subjunctive_forms() -> str:
    """The imperfect subjunctive of the verbs of movement (volara, flotaran, se deslizara,
    cayera, huyera): what "como si" takes in a simile of a movement."""
    forms: set[str] = set()
    for entry in _MOVING:
        inf = entry.split(":")[0]
        stem, end = inf[:-2], inf[-2:]
        if end == "ar":
            forms.update({stem + "ara", stem + "aran", stem + "ase", stem + "asen"})
        else:
            y = stem.endswith(("a", "e", "u"))  # caer -> cayera, huir -> huyera
            ending = "yera" if y else "iera"
            forms.update({stem + ending, stem + ending + "n"})
    return r"(?:se )?(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")"


# A simile of a movement: "corre por la playa como si volara", "avanza como si flotara" ("como
# si tuviera miedo" is a feeling, not motion).
MOTION.append(Cue(r"como si " + _subjunctive_forms() + r"|" + _after_a_mover()
                  + r"como (?:un|una|el|la|los|las) [\wáéíóúñ]+"))


# The movement named as a noun, with its manner said of it: right after it ("golpes rápidos",
# "un giro brusco"), or as the predicate of the movement as a subject ("los movimientos de la
# bailarina son fluidos", "sus saltos parecen ligeros"). A noun of no movement with the same
# adjective ("un vestido ligero", "una música lenta") or a waterfall (salto de agua) is not motion.
_MOVE_NOUN = (r"(?:movimientos?|giros?|saltos?|zancadas?|brazadas?|patadas?|golpes?|pu[nñ]etazos?|"
              r"piruetas?|volteretas?|aleteos?|desplazamientos?|andares|gestos?|balanceos?|"
              r"vaiv[eé]n(?:es)?|oscilaci(?:ón|on|ones)|sacudidas?)")
MOTION.append(Cue(r"(?<![\wáéíóúñ])(?:" + _MANNER + r"|leves?) " + _MOVE_NOUN + r"(?![\wáéíóúñ])"
                  # the manner before the noun too ("un leve balanceo", "un rápido giro")
                  + r"|(?<![\wáéíóúñ])" + _MOVE_NOUN + r" (?:muy |m[aá]s |tan )?" + _MANNER
                  # (not the camera's: "el movimiento de la cámara es lento")
                  + r"|(?<![\wáéíóúñ])" + _MOVE_NOUN + r"(?! de agua)(?! de (?:la )?c[aá]mara)"
                  r"(?: (?:de|del) [\wáéíóúñ]+(?: "
                  r"[\wáéíóúñ]+){0,2}?)? (?:es|son|parecen?|resultan?|se ven?|lucen?) (?:muy |m[aá]s "
                  r"|tan |bastante |algo )?" + _MANNER))

_EVENT_NOUN = (r"(?!(?:acci[oó]n|animaci[oó]n|iluminaci[oó]n|ambientaci[oó]n|composici[oó]n|"
               r"producci[oó]n|ficci[oó]n|transici[oó]n|direcci[oó]n|duraci[oó]n|resoluci[oó]n|"
               r"imaginaci[oó]n|generaci[oó]n|narraci[oó]n|atenci[oó]n|emoci[oó]n|tensi[oó]n|"
               r"pasi[oó]n|televisi[oó]n|versi[oó]n|dimensi[oó]n|sensaci[oó]n|estaci[oó]n|"
               r"habitaci[oó]n|poblaci[oó]n|vida|comida|bebida|entrada|salida|mirada|fachada|"
               r"madrugada|temporada|jornada|noche|calle|cine|museo|trofeo|deseo|recreo|"
               r"terror|suspense|amor|moda|[eé]poca|pel[ií]cula|serie|videojuego|anime)"
               r"(?![\wáéíóúñ]))"
               r"[a-záéíóúñ]{3,}(?:ci[oó]n|si[oó]n|miento|cuentro|ida|ada|ate|eo|ucha|elea|alla|aile|"
               r"rrera|uga|ida)")
"""A noun made from a verb (persecución, despedida, rescate, reencuentro, pelea): said after
"una escena de" it is what the scene's people do."""

GRAMMAR_ACTIONS: list[str] = [
    # "una escena de persecución", "escena emotiva de reencuentro": the event is the action
    r"(?<![\wáéíóúñ])(?:escena|secuencia|momento|toma|plano)s? (?:[a-záéíóúñ]+ )?de "
    r"(?P<v>" + _EVENT_NOUN + r")(?![\wáéíóúñ])",
    r"(?<![\wáéíóúñ])(?P<v>(?!cuando|mando|bando|comando|fernando|orlando|armando|siendo|"
    r"teniendo|habiendo|estando|comenzando|empezando|terminando|utilizando|usando|manteniendo|"
    r"mostrando|revelando|enseñando|capturando|enfocando|encuadrando|pasando|cambiando)"
    r"[a-záéíóúñ]{2,}(?:ando|iendo|yendo|ándo|iéndo|yéndo)(?:se|lo|la|los|las|le|les)?)"
    r"(?![\wáéíóúñ])",
    r"(?:est[aá]n?|sigue|siguen|contin[uú]an?|empieza|empiezan|comienza|comienzan|a punto de|"
    r"intenta|intentan|trata de|tratan de|se dispone a|se disponen a|se prepara para|"
    r"se preparan para|acaba de|acaban de) (?:a )?"
    r"(?P<v>[a-záéíóúñ]{3,}(?:ar|er|ir|ando|iendo))(?![\wáéíóúñ])",
    r"(?:(?<![\wáéíóúñ])(?:que|quien|mientras|cuando) )(?P<v>(?!(?:parezcan?|sean?|haya|"
    r"tengan?|llevan?|tienen?|parecen?|quedan?|resulte|resulten)(?![\wáéíóúñ]))"
    # time passing ("una ciudad que pasa del día a la noche") is no one's doing
    r"(?!pasan? (?:del?|de la) (?:d[ií]a|noche|ma[nñ]ana|tarde|invierno|verano|oto[nñ]o|primavera))"
    r"[a-záéíóúñ]{3,}(?:a|an|e|en))(?![\wáéíóúñ])",
    # the passive with its agent ("un ratón es perseguido por un gato"): a doing
    # (not a state: "está iluminada por la luna", "rodeado por árboles")
    r"(?<![\wáéíóúñ])(?:es|son|est[aá]n?|fue|fueron|siendo) (?P<v>(?!(?:ilumin|bañ|rode|cubiert|"
    r"acompañ|enmarc|decor|form|domin|llen|pint|ti[nñ]|inspir|cre|gener|hech|compuest|protegid|"
    r"habit|pobl|rodead)[a-záéíóúñ]*(?![\wáéíóúñ]))[a-záéíóúñ]{3,}(?:ad|id)[oa]s?)"
    r" por (?:el|la|los|las|un|una|unos|unas|su|sus) ",
    # a verb with a clitic pronoun before it ("lo toma", "se congela"): no noun follows "lo/se"
    # (not wearing, having, seeming, nor a freeze of the picture: "lo lleva puesto", "se
    # congela")
    r"(?<![\wáéíóúñ])(?:lo|le|les|se) (?P<v>(?!(?:lleva|llevan|tiene|tienen|parece|parecen|"
    r"queda|quedan|ve|ven|congela|congelan|ralentiza|ralentizan|repite|repiten)(?![\wáéíóúñ]))"
    r"[a-záéíóúñ]{3,}(?:a|an|e|en))(?![\wáéíóúñ])",
]

LEXICON = NativeLexicon(
    code="es",
    spaced=True,
    cues={C.CAMERA: CAMERA, C.SHOT: SHOT, C.LENS: LENS, C.LIGHTING: LIGHTING, C.COLOR: COLOR,
          C.STYLE: STYLE, C.SETTING: SETTING, C.MOTION: MOTION, C.PACING: PACING,
          C.CONSISTENCY: CONSISTENCY, C.AUDIO: AUDIO},
    subjects=SUBJECTS,
    actions=ACTIONS,
    grammar_actions=GRAMMAR_ACTIONS,
    negation=r"(?:sin|no hay|nada de|evitar|evita) (?:ning[uú]n |ninguna |el |la |los |las )?[\wáéíóúñ]+",
    facts={
        "night": r"noche|nocturn[oa]s?|medianoche|luna|ne[oó]n(?:es)?|oscuridad|de noche",
        "day": r"mediod[ií]a|de d[ií]a|soleado|luz del d[ií]a|a plena luz",
        "golden": r"atardecer|amanecer|puesta de sol|puesta del sol|hora dorada|ocaso|alba|crep[uú]sculo",
        "indoors": r"interior|habitaci[oó]n|cuarto|dormitorio|sal[oó]n|cocina|caf[eé]|cafeter[ií]a|"
                   r"restaurante|oficina|estudio|biblioteca|pasillo|museo|iglesia|bar|tienda|mesa|"
                   r"sof[aá]|cama|ventana|escritorio|chimenea",
        "posture": r"sentad[oa]s?|se sienta|de pie|tumbad[oa]|acostad[oa]|dormid[oa]|duerme|"
                   r"descansa|espera|mira|observa|contempla|apoyad[oa]",
        "outdoors": r"calle|bosque|playa|mar|monta[nñ]as?|desierto|lago|r[ií]o|parque|jard[ií]n|cielo|"
                    r"campo|prado|ciudad|exterior|nieve|selva|valle|costa|carretera",
        "snow": r"nieve|nevad[oa]|invierno|nieva",
        "rain": r"lluvia|llueve|lluvios[oa]",
        "still": r"inm[oó]vil|quiet[oa]|congelad[oa]|naturaleza muerta|bodeg[oó]n|estatua|"
                 r"escultura|retrato|fotograf[ií]a",
        "still_camera": r"c[aá]mara (?:fija|est[aá]tica|inm[oó]vil)|plano fijo|tr[ií]pode",
        "animated": r"anime|animaci[oó]n|animad[oa]|dibujos animados|pixar|ghibli|acuarela|[oó]leo|"
                    r"ilustraci[oó]n|c[oó]mic|3d|claymation|stop motion",
        "monochrome": r"blanco y negro|monocrom[aá]tic[oa]|monocromo",
        "wears": r"vestid[oa]s?|viste|lleva(?:ndo)?|con (?:un |una )?(?:abrigo|chaqueta|vestido|camisa|"
                 r"sombrero|traje|uniforme)",
    },
    not_motion=NOT_MOTION,
    # a fallback phrase whose head is an abstraction by word formation names nothing a shot shows
    not_a_subject=es_nouns.names_no_subject,
    # "una vez" is "once" ("Una vez atado el nudo, ..."), never a thing: the one time-noun
    # (vez/veces) that makes an adverb with the article
    subject_fallback=r"(?:^|[,.;:] ?|(?<![\wáéíóúñ])de )(?P<s>(?:un|una|el|la|los|las|unos|unas|dos|"
                     r"tres) (?!vez |veces )[\wáéíóúñü-]+"
                     r"(?: [\wáéíóúñü-]+)?)",
)
