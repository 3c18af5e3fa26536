"""Where a Spanish shot is taken from, read by the grammar that attaches it to the shot.

The camera cues take "plano desde X" and "vista desde X" when "desde" follows the noun; Spanish
puts the shot's size and what it shows first and where it is taken from last ("Plano general de
la sala desde una esquina alta", "Plano general fijo desde la orilla del río"), as English
"a wide shot of the room from a high corner". In a sentence that opens with the shot (plano,
toma, vista, encuadre), a "desde" phrase with no verb before it in the sentence is the camera's
place. A verb between gives "desde" to the verb ("Plano general de un hombre que camina desde
la puerta": his path), and so does light ("iluminado desde abajo": the light's direction).

Any noun with "de cámara" after it is the camera's ("barrido de cámara", "retroceso de cámara",
"giro de la cámara"), as English "camera sweep": a de-phrase modifies the noun before it. Not
a camera of something ("cámara de seguridad", "la cámara de fotos"), nor slow motion.

The angle said as a locution ("de perfil", "de tres cuartos", "en ángulo") is the camera's
too, as English reads "a profile shot" and "a three-quarter view": a closed class, the
locutions of an angle of view.
"""

from __future__ import annotations

from bot.core import cached_re as re

_SENTENCE = re.compile(r"[^.;:!?\n]+")
_OPENS_WITH_SHOT = re.compile(r"\s*(?:(?:primer[ií]?(?:simo)? |gran |un |una |el |la )?"
                              r"(?:planos?|tomas?|vistas?|encuadres?)(?![\wáéíóúñü]))")
_FROM = re.compile(r"(?<![\wáéíóúñü])desde (?:el|la|los|las|un|una|lo) [\wáéíóúñü]+"
                   r"(?: (?:del?|de la) [\wáéíóúñü]+| [\wáéíóúñü]+(?:[oa]s?|al|ar|es))?")
_NOT_THE_SHOTS = re.compile(r"(?<![\wáéíóúñü])(?:que|quien|donde|mientras|cuando)(?![\wáéíóúñü])|"
                            r"[\wáéíóúñü]{3,}(?:ando|iendo|yendo)(?![\wáéíóúñü])|"
                            r"(?<![\wáéíóúñü])(?:luz|luces|ilumina\w*|alumbra\w*)(?![\wáéíóúñü])")
"""Words that give a later "desde" to something else: a relative or a conjunction (a clause of
its own), a gerund (a doing), a light."""
_ANGLE = re.compile(r"(?<![\wáéíóúñü])(?:de perfil|de tres cuartos|en [aá]ngulo(?! recto))"
                    r"(?![\wáéíóúñü])")
"""The locutions of an angle of view (a closed class)."""


_OF_THE_CAMERA = re.compile(r"(?<![\wáéíóúñü])de (?:la )?c[aá]mara(?! lenta| r[aá]pida| de (?!\d))"
                            r"(?![\wáéíóúñü])")
_NOUN_BEFORE = re.compile(r"(?<![\wáéíóúñü])(?!(?:sin|con|de|en|la|el|una?|su)(?![\wáéíóúñü]))"
                          r"[a-záéíóúñü]{3,} \Z")


def viewpoints(view: str) -> list[tuple[int, int]]:
    """Spans of where the shot is taken from ("desde"), of the angle it is taken at, and of
    a noun of the camera's with its "de cámara"."""
    out = [m.span() for m in _ANGLE.finditer(view)]
    for of in _OF_THE_CAMERA.finditer(view):
        noun = _NOUN_BEFORE.search(view, max(0, of.start() - 30), of.start())
        if noun:
            out.append((noun.start(), of.end()))
    for sentence in _SENTENCE.finditer(view):
        if not _OPENS_WITH_SHOT.match(view, sentence.start(), sentence.end()):
            continue
        found = _FROM.search(view, sentence.start(), sentence.end())
        if found and not _NOT_THE_SHOTS.search(view, sentence.start(), found.start()):
            # "desde" alone: the place it names may be the subject too ("Toma en primera
            # persona desde un automóvil antiguo que conduce bajo la lluvia")
            out.append((found.start(), found.start() + len("desde")))
    return out
