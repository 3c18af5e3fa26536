"""The bot's own words in the languages it reads: a small message catalogue in the core.

Two uses. The critique of a Chinese, Spanish or Japanese prompt writes its suggestions (what
to add and why) in the prompt's language, so the author is not answered in English. A front
whose user has a known locale (Discord sends one with every interaction; Slack's front asks
users.info for it) shows its labels (Score, Missing, Rewrite, the verdict, buttons, notices)
in that language where the catalogue has it; English otherwise. Keys are stable; a missing
translation falls back to English, never to a blank.
"""

from __future__ import annotations

from bot.core.critique.components import Component as C

CATALOGUE_LANGUAGES: tuple[str, ...] = ("en", "zh", "es", "ja")

# Discord locales (and similar BCP 47 tags) mapped to a catalogue language.
_LOCALES: dict[str, str] = {"zh-cn": "zh", "zh": "zh", "zh-hans": "zh", "es-es": "es",
                            "es-419": "es", "es": "es", "es-mx": "es", "ja": "ja", "ja-jp": "ja",
                            "en-us": "en", "en-gb": "en", "en": "en"}


def language_for_locale(locale: object) -> str:
    """The catalogue language for a user's locale ("zh-CN" -> "zh", "es-ES" -> "es"); English
    for anything the catalogue does not cover (zh-TW included: its characters differ)."""
    text = str(getattr(locale, "value", locale) or "").strip().lower().replace("_", "-")
    if text in _LOCALES:
        return _LOCALES[text]
    return _LOCALES.get(text.split("-")[0], "en") if text and text != "zh-tw" else "en"


# What each missing component's suggestion asks for (pipeline.ASK in English).
ASK: dict[str, dict[C, str]] = {
    "zh": {
        C.SUBJECT: "把主体写具体：是谁或是什么，加一两个视觉细节。",
        C.ACTION: "给主体一个清楚的动作，用具体的动词。",
        C.MOTION: "写出运动的物理感：速度、方向、重量和节奏。",
        C.CAMERA: "定下镜头：一个有方向和速度的运镜，或固定机位。",
        C.SHOT: "选一个景别或角度（远景、中景、特写、低角度）。",
        C.LENS: "考虑镜头焦段或景深（35mm、微距、浅景深）。",
        C.LIGHTING: "定下光线：光源、方向和质感（黄金时刻、逆光）。",
        C.COLOR: "给出色调或调色，免得颜色漂移。",
        C.STYLE: "写出具体的风格和情绪，不要把画面交给运气。",
        C.SETTING: "交代场景：在哪里、什么时候（夜晚被雨淋湿的小巷）。",
        C.PACING: "说明节奏：实时、慢动作，或先后顺序。",
        C.CONSISTENCY: "加上需要保持不变的锚点（服装、标记、道具）。",
        C.AUDIO: "这个模型会生成声音：描述环境音、音效或对白。",
    },
    "es": {
        C.SUBJECT: "Concreta el sujeto: quién o qué, con uno o dos detalles visuales.",
        C.ACTION: "Dale al sujeto una acción clara con un verbo concreto.",
        C.MOTION: "Describe la física del movimiento: velocidad, dirección, peso y ritmo.",
        C.CAMERA: "Decide la cámara: un movimiento con dirección y velocidad, o cámara fija.",
        C.SHOT: "Elige un tamaño de plano o un ángulo (plano general, medio, primer plano, "
                "contrapicado).",
        C.LENS: "Piensa en el objetivo o la profundidad de campo (35 mm, macro, poca "
                "profundidad de campo).",
        C.LIGHTING: "Define la luz: fuente, dirección y calidad (hora dorada, contraluz).",
        C.COLOR: "Nombra una paleta o un etalonaje para que el color no derive.",
        C.STYLE: "Nombra un estilo y un ánimo concretos en vez de dejar el aspecto al azar.",
        C.SETTING: "Sitúalo: dónde y cuándo (un callejón mojado por la lluvia, de noche).",
        C.PACING: "Indica el ritmo: tiempo real, cámara lenta o el orden de los momentos.",
        C.CONSISTENCY: "Añade anclas que deben mantenerse (vestuario, marcas, objetos).",
        C.AUDIO: "Este modelo genera sonido: describe el ambiente, los efectos o el diálogo.",
    },
    "ja": {
        C.SUBJECT: "被写体を具体的に：誰が・何が、見た目の特徴を一つか二つ。",
        C.ACTION: "被写体に、具体的な動詞で一つのはっきりした動作を。",
        C.MOTION: "動きの物理を書く：速さ、方向、重さ、タイミング。",
        C.CAMERA: "カメラを決める：方向と速さのある一つの動き、または固定カメラ。",
        C.SHOT: "ショットサイズかアングルを選ぶ（ロング、ミディアム、クローズアップ、ローアングル）。",
        C.LENS: "レンズや被写界深度も考える（35mm、マクロ、浅い被写界深度）。",
        C.LIGHTING: "光を決める：光源、方向、質（ゴールデンアワー、逆光）。",
        C.COLOR: "色が揺れないよう、配色やカラーグレードを指定する。",
        C.STYLE: "見た目を運任せにせず、具体的なスタイルと雰囲気を書く。",
        C.SETTING: "場所と時間を置く（雨に濡れた夜の路地）。",
        C.PACING: "テンポを書く：リアルタイム、スローモーション、出来事の順番。",
        C.CONSISTENCY: "変わってはいけない目印を足す（衣装、傷、小道具）。",
        C.AUDIO: "このモデルは音を作る：環境音、効果音、セリフを書く。",
    },
}

# Why this prompt needs the component (the needs' reasons, one per component).
REASON: dict[str, dict[C, str]] = {
    "zh": {
        C.SUBJECT: "具体的外观（颜色、材质、服装）是模型能在每一帧保持不变的东西。",
        C.ACTION: "在主要动作之后加一个小小的次要动作，画面才显得真实而不摆拍。",
        C.MOTION: "运动是视频最先出问题的地方：速度、重量和方向让动作符合物理。",
        C.CAMERA: "一个为动作服务的镜头，而不是随机漂移；静止的主体配固定机位。",
        C.SHOT: "景别告诉模型要呈现主体和环境的多少。",
        C.LENS: "焦段和景深决定视线落在哪里，也能藏住背景的漂移。",
        C.LIGHTING: "明确的光源让每一帧的明暗保持稳定。",
        C.COLOR: "明确的色调让颜色不在镜头之间漂移。",
        C.STYLE: "具体的风格和情绪，而不是把观感交给运气。",
        C.SETTING: "交代地点和时间，背景才不会变形。",
        C.PACING: "节奏告诉模型如何分配短短几秒。",
        C.CONSISTENCY: "一个固定的识别细节，在每个镜头里重复。",
        C.AUDIO: "会生成声音的模型会按描述生成对白、音效和环境音。",
    },
    "es": {
        C.SUBJECT: "El aspecto concreto (color, material, vestuario) es lo que el modelo puede "
                   "mantener igual en cada fotograma.",
        C.ACTION: "Un pequeño gesto secundario tras la acción principal hace que el momento "
                  "parezca vivido, no posado.",
        C.MOTION: "El movimiento es lo primero que falla en vídeo: velocidad, peso y dirección "
                  "lo hacen físicamente creíble.",
        C.CAMERA: "Una cámara al servicio de la acción en vez de una deriva al azar; un sujeto "
                  "quieto pide cámara fija.",
        C.SHOT: "El tamaño de plano dice al modelo cuánto del sujeto y de su mundo mostrar.",
        C.LENS: "La focal y la profundidad de campo deciden qué mira el ojo y ocultan la "
                "deriva del fondo.",
        C.LIGHTING: "Una fuente de luz nombrada mantiene estables sombras y brillos entre "
                    "fotogramas.",
        C.COLOR: "Una paleta nombrada evita que el color derive de un plano a otro.",
        C.STYLE: "Un estilo y un ánimo concretos en lugar de dejar el aspecto al azar.",
        C.SETTING: "Un lugar y un momento anclan el fondo para que no se deforme.",
        C.PACING: "El ritmo dice al modelo cómo repartir los pocos segundos del clip.",
        C.CONSISTENCY: "Un detalle fijo que se repite en cada plano.",
        C.AUDIO: "Los modelos que generan sonido siguen el diálogo, los efectos y el ambiente "
                 "descritos.",
    },
    "ja": {
        C.SUBJECT: "色・素材・衣装といった具体的な見た目は、モデルがどのフレームでも保てるもの。",
        C.ACTION: "主な動作のあとに小さな動きを一つ足すと、ポーズではなく生きた瞬間に見える。",
        C.MOTION: "動画は動きから崩れる：速さ・重さ・方向が動作を物理的にもっともらしくする。",
        C.CAMERA: "ランダムな漂いではなく、動作に仕えるカメラ。止まった被写体には固定カメラ。",
        C.SHOT: "ショットサイズは、被写体と周りをどこまで見せるかをモデルに伝える。",
        C.LENS: "焦点距離と被写界深度が視線の行き先を決め、背景の揺らぎを隠す。",
        C.LIGHTING: "光源を名指しすると、影とハイライトがフレーム間で安定する。",
        C.COLOR: "配色を決めると、ショットごとに色が揺れない。",
        C.STYLE: "見た目を運任せにせず、具体的なスタイルと雰囲気を。",
        C.SETTING: "場所と時間が背景を固定し、形が崩れない。",
        C.PACING: "テンポは、数秒のクリップの使い方をモデルに伝える。",
        C.CONSISTENCY: "どのショットでも繰り返す、変わらない目印。",
        C.AUDIO: "音を生成するモデルは、書かれたセリフ・効果音・環境音に従う。",
    },
}

ADDS: dict[str, str] = {"en": "The rewrite adds", "zh": "改写加入了", "es": "La reescritura añade",
                        "ja": "書き直しで追加："}
QUOTES: dict[str, tuple[str, str]] = {"en": ("\"", "\""), "zh": ("“", "”"), "es": ("«", "»"),
                                      "ja": ("「", "」")}

# Front labels, in the member's language (Discord: the interaction's locale; Slack: the
# member's Slack locale from users.info, bot.slack.member_language). Keys are stable ids.
LABELS: dict[str, dict[str, str]] = {
    "score": {"en": "Score", "zh": "评分", "es": "Puntuación", "ja": "スコア"},
    "missing": {"en": "Missing", "zh": "缺少", "es": "Falta", "ja": "足りないもの"},
    "rewrite": {"en": "Rewrite", "zh": "改写", "es": "Reescritura", "ja": "書き直し"},
    "suggestions": {"en": "Suggestions", "zh": "建议", "es": "Sugerencias", "ja": "提案"},
    "components": {"en": "Components", "zh": "要素", "es": "Componentes", "ja": "要素"},
    "anti_patterns": {"en": "Problems", "zh": "问题", "es": "Problemas", "ja": "問題点"},
    "learn_more": {"en": "Learn more", "zh": "延伸阅读", "es": "Para saber más", "ja": "詳しく"},
    "language": {"en": "Language", "zh": "语言", "es": "Idioma", "ja": "言語"},
    "watch_out": {"en": "Watch out", "zh": "注意", "es": "Atención", "ja": "注意点"},
    "ethics": {"en": "Ethics", "zh": "伦理", "es": "Ética", "ja": "倫理"},
    "ethics_stop": {"en": "Stop: this prompt raises an ethics concern",
                    "zh": "停止：这个提示词涉及伦理问题",
                    "es": "Alto: este prompt plantea un problema ético",
                    "ja": "ストップ：このプロンプトには倫理上の懸念があります"},
    "instead": {"en": "Instead", "zh": "可以改为", "es": "En su lugar", "ja": "代わりに"},
    "fix": {"en": "Fix", "zh": "改法", "es": "Solución", "ja": "直し方"},
    "similar": {"en": "Prompts like yours that work", "zh": "效果好的类似提示词",
                "es": "Prompts como el tuyo que funcionan", "ja": "うまくいった似たプロンプト"},
    # Buttons and the select under a review (Slack's Block Kit; short, Slack clips at 75).
    "translate_to": {"en": "Translate to...", "zh": "转换给模型…", "es": "Traducir a…",
                     "ja": "別のモデル向けに…"},
    "rewrite_only": {"en": "Show rewrite only", "zh": "只看改写",
                     "es": "Ver solo la reescritura", "ja": "書き直しだけ表示"},
    "helpful": {"en": "Helpful", "zh": "有帮助", "es": "Útil", "ja": "役に立った"},
    "not_helpful": {"en": "Not helpful", "zh": "没帮助", "es": "No me sirvió",
                    "ja": "役に立たなかった"},
    "share": {"en": "Share to channel", "zh": "分享到频道", "es": "Compartir en el canal",
              "ja": "チャンネルに共有"},
    # Notices of the fronts ({name}, {calls}, {window} filled in by the front).
    "thanks_helpful": {"en": "Thanks, noted: helpful.", "zh": "谢谢，已记下：有帮助。",
                       "es": "Gracias, anotado: útil.",
                       "ja": "ありがとうございます。「役に立った」と記録しました。"},
    "thanks_not_helpful": {"en": "Thanks, noted: not helpful. It helps us tune the reviews.",
                           "zh": "谢谢，已记下：没帮助。这能帮我们改进评审。",
                           "es": "Gracias, anotado: no te sirvió. Nos ayuda a afinar las "
                                 "revisiones.",
                           "ja": "ありがとうございます。「役に立たなかった」と記録しました。"
                                 "レビューの改善に役立てます。"},
    "rate_limited": {"en": "You have run `{name}` {calls} times in the last {window} seconds. "
                           "Give it a moment and try again.",
                     "zh": "你在过去 {window} 秒内已运行 `{name}` {calls} 次。请稍等片刻再试。",
                     "es": "Has ejecutado `{name}` {calls} veces en los últimos {window} "
                           "segundos. Espera un momento y vuelve a intentarlo.",
                     "ja": "`{name}` を直近 {window} 秒で {calls} 回実行しました。"
                           "少し待ってからもう一度お試しください。"},
    "review_gone": {"en": "I no longer have that review; run `/critique` again.",
                    "zh": "这条评审已经不在了；请再运行一次 `/critique`。",
                    "es": "Ya no tengo esa revisión; vuelve a ejecutar `/critique`.",
                    "ja": "そのレビューはもう残っていません。もう一度 `/critique` を実行してください。"},
}
VERDICTS: dict[str, dict[str, str]] = {
    "Ready to generate": {"zh": "可以生成了", "es": "Lista para generar", "ja": "生成できます"},
    "Strong: a few refinements": {"zh": "很好：再打磨几处", "es": "Sólida: faltan unos retoques",
                                  "ja": "良好：あと少し調整"},
    "Needs work: key components missing": {"zh": "需要加工：缺少关键要素",
                                           "es": "Mejorable: faltan componentes clave",
                                           "ja": "要改善：重要な要素が足りない"},
    "Underspecified: the model will guess": {"zh": "描述不足：模型只能去猜",
                                             "es": "Poco específica: el modelo tendrá que adivinar",
                                             "ja": "情報不足：モデルが推測することになる"},
}
COMPONENT_LABELS: dict[str, dict[C, str]] = {
    "zh": {C.SUBJECT: "主体", C.ACTION: "动作", C.MOTION: "运动", C.CAMERA: "运镜", C.SHOT: "景别",
           C.LENS: "镜头焦段", C.LIGHTING: "光线", C.COLOR: "色调", C.STYLE: "风格", C.SETTING: "场景",
           C.PACING: "节奏", C.CONSISTENCY: "一致性", C.AUDIO: "声音"},
    "es": {C.SUBJECT: "Sujeto", C.ACTION: "Acción", C.MOTION: "Movimiento", C.CAMERA: "Cámara",
           C.SHOT: "Plano", C.LENS: "Objetivo", C.LIGHTING: "Luz", C.COLOR: "Color",
           C.STYLE: "Estilo", C.SETTING: "Lugar", C.PACING: "Ritmo", C.CONSISTENCY: "Continuidad",
           C.AUDIO: "Sonido"},
    "ja": {C.SUBJECT: "被写体", C.ACTION: "動作", C.MOTION: "動き", C.CAMERA: "カメラ", C.SHOT: "ショット",
           C.LENS: "レンズ", C.LIGHTING: "光", C.COLOR: "色", C.STYLE: "スタイル", C.SETTING: "場所",
           C.PACING: "テンポ", C.CONSISTENCY: "一貫性", C.AUDIO: "音"},
}

# Fixes for the anti-patterns a non-English prompt can trip (the English ones elsewhere).
FIX: dict[str, dict[str, str]] = {
    "quality-spam": {"zh": "删掉画质词；分辨率在工具里设，用光线、镜头和质感来描述画面。",
                     "es": "Bórralas: la resolución se elige en la herramienta; describe la luz, "
                           "el objetivo y la textura.",
                     "ja": "画質ワードは削除。解像度はツールで設定し、光・レンズ・質感で描写する。"},
    "too-many-actions": {"zh": "保留主要动作，其余放到后面的镜头，或用“然后”排好先后。",
                         "es": "Quédate con la acción principal y pasa el resto a otros planos, o "
                               "ordénalas con «luego».",
                         "ja": "主な動作を残し、残りは次のショットへ。または「その後」で順番をつける。"},
    "over-length": {"zh": "只留下这个镜头需要的：主体、动作、运镜、光线、风格。",
                    "es": "Deja solo el plano: sujeto, acción, cámara, luz y estilo.",
                    "ja": "このショットに必要なものだけに：被写体、動作、カメラ、光、スタイル。"},
    "conflicting-camera": {"zh": "一个镜头只用一种运镜（组合时最多两种）。",
                           "es": "Un movimiento de cámara por plano (dos como mucho si se combinan).",
                           "ja": "1ショットにカメラの動きは一つ（組み合わせても二つまで）。"},
    "too-many-camera-moves": {"zh": "选一个最能服务画面意图的运镜。",
                              "es": "Elige el movimiento que sirve a la intención del plano.",
                              "ja": "ショットの意図に合う動きを一つ選ぶ。"},
}

# The notice for a language the critique does not read natively.
UNSUPPORTED = ("I read English, Chinese, Spanish and Japanese; this looks like {name}, so the "
               "score below only covers the words I recognise (English camera, shot and "
               "lighting terms among them), not the whole prompt.")
TRADITIONAL = ("This looks like Traditional Chinese: I read it through my Simplified Chinese "
               "vocabulary, so a few words may be missed; the rewrite is in Simplified "
               "characters.")


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key, {})
    return entry.get(lang) or entry.get("en") or key


def verdict(text: str, lang: str) -> str:
    return VERDICTS.get(text, {}).get(lang, text)


def component_label(comp: C, lang: str) -> str:
    from bot.core.critique.components import COMPONENTS

    return COMPONENT_LABELS.get(lang, {}).get(comp) or COMPONENTS[comp].label
