"""The sense a common word has in a video prompt, where the dictionary's first sense is another.

The gloss (`ethics.gloss`) reads each word by its dictionary's first usable sense, and for the
words a creator writes in nearly every prompt that sense is often the wrong one: CC-CEDICT's
拍 is "pat" (in a prompt: to film), 让 "yield" (to make someone do), 发 "send out / hair" (to
post), 抖音 is read as 抖 + 音 "tremble sound" (TikTok), 短视频 is segmented 短视 + 频 "lack
foresight frequency" (a short video); JMdict's 投稿 is "contribution" (a post), 中2 reads
"inside 2" (an eighth grader), 映像 "image" (footage); Apertium's cara is "face / expensive",
jefe "leader / boss". The English layers then judge noise: the rules' grammar ("make her ...",
"post it to ...", "real face", "eighth grader") and MiniLM's nearness both need the reading a
creator meant.

These tables are definitions, not phrases from labelled rows: each entry is a word of the
language's video-prompt register (filming, posting, editing, platforms, school grades, the
verbs that say who makes whom do what) with its meaning there, the way a bilingual dictionary
for the domain would give it. A word here is also a headword for segmentation (Chinese forward
maximum matching, Japanese longest match), so 短视频 and 女主播 are read whole. Only the gloss
reads them; the native lexicons and `ethics.concepts` (all of a word's senses) are unchanged.
"""

from __future__ import annotations

from typing import Final

VERB_MARK: Final = "\x01"
"""Marks a Chinese entry that is a verb (a pronoun before it is its subject, not a possessive;
`gloss.VERB` has the same meaning)."""

CHINESE: Final[dict[str, str]] = {
    # filming, editing, captioning
    "拍": "\x01film", "拍到": "\x01filmed", "拍下": "\x01film", "拍成": "\x01film as",
    "拍个": "\x01film a", "剪": "\x01edit", "剪成": "\x01edit into", "剪辑": "\x01edit",
    "混剪": "edit montage", "配": "\x01with", "配字": "caption", "配文": "caption",
    "配上": "\x01add", "字幕": "caption", "画外音": "voice-over", "一段": "a clip",
    "短视频": "short video", "录屏": "screen recording", "录像": "footage",
    "监控录像": "CCTV footage", "监控": "CCTV", "镜头": "camera",
    # making, saying, showing: who makes whom do what
    "让": "\x01make", "叫": "\x01make", "弄": "\x01make", "弄得": "\x01make it", "弄成": "\x01make into",
    "做": "\x01make", "做成": "\x01make into", "做个": "\x01make a", "做一个": "\x01make a",
    "生成": "\x01generate", "P成": "\x01photoshop into", "P图": "photoshop", "换脸": "face swap",
    "说": "\x01say", "说成": "\x01claim", "教": "\x01teach", "教你": "\x01teach you",
    "教程": "tutorial", "教学": "tutorial", "怎么": "how to", "如何": "how to",
    "每一步": "every step", "步骤": "steps", "给": "\x01to", "帮我": "\x01help me",
    "会": "\x01will", "要": "\x01want", "像": "like", "看起来像": "\x01look like",
    "弄得像": "\x01make it look like", "假装": "\x01pretend", "冒充": "\x01impersonate",
    "装成": "\x01pose as", "打": "\x01beat", "打出": "\x01show", "打上": "\x01put on",
    # real, fake
    "真实": "real", "真实的": "real", "真的": "real", "真人": "real person", "本人": "the real person",
    # posting and platforms
    "发": "\x01post", "发到": "\x01post to", "发在": "\x01post on", "发给": "\x01send to",
    "发出去": "\x01post it", "发布": "\x01post", "转发": "\x01share", "上传": "\x01upload",
    "抖音": "TikTok", "快手": "Kuaishou", "小红书": "Xiaohongshu", "B站": "Bilibili",
    "微博": "Weibo", "朋友圈": "WeChat Moments", "群里": "in the group chat", "群": "group chat",
    # people by role
    "同学": "classmate", "女主播": "female anchor", "男主播": "male anchor", "主播": "streamer",
    "女同事": "female coworker", "男同事": "male coworker",
    # school grades: an age said by the grade
    "小学": "elementary school", "初一": "seventh grader", "初二": "eighth grader",
    "初三": "ninth grader", "高一": "high school freshman", "高二": "high school sophomore",
    "高三": "high school senior", "初中": "middle school", "高中": "high school",
    # words of every prompt whose first dictionary sense is another register
    "特写": "close-up", "片": "clip", "片段": "clip", "看": "\x01watch", "带": "\x01with",
    "都": "all", "上": "on", "天台": "rooftop", "宝宝": "baby", "纪录片": "documentary",
    "质感": "texture", "宣传": "\x01promote", "剧": "drama", "店": "shop", "钱": "money",
    "搞笑": "funny", "通话": "call", "自拍": "selfie", "时": "when", "为": "for",
    "真": "really", "姐": "sister", "哥": "brother", "发布会": "press conference",
    "几": "several", "几张": "several", "几个": "several",
}
"""Simplified Chinese word -> its sense in a video prompt (`VERB_MARK` first for a verb)."""

JAPANESE: Final[dict[str, str]] = {
    # filming, editing, posting
    "撮る": "film", "撮影": "filming", "映像": "footage", "合成": "composite",
    "投稿": "post", "アップ": "upload", "晒す": "expose publicly", "拡散": "spread",
    "自撮り": "selfie", "テロップ": "caption", "用": "for", "人": "person",
    "って": "", "と言う": "", "編集": "editing", "再現": "reenactment", "作り方": "how to make",
    "上げる": "post", "載せる": "post", "貼る": "post", "流す": "spread", "あと": "after",
    # real
    "本物": "real", "実際": "real", "本人": "the real person",
    # school grades
    "小1": "first grader", "小2": "second grader", "小3": "third grader", "小4": "fourth grader",
    "小5": "fifth grader", "小6": "sixth grader", "中1": "seventh grader", "中2": "eighth grader",
    "中3": "ninth grader", "高1": "high school freshman", "高2": "high school sophomore",
    "高3": "high school senior", "小１": "first grader", "小２": "second grader",
    "小３": "third grader", "小４": "fourth grader", "小５": "fifth grader", "小６": "sixth grader",
    "中１": "seventh grader", "中２": "eighth grader", "中３": "ninth grader",
    "高１": "high school freshman", "高２": "high school sophomore", "高３": "high school senior",
    "女子": "girl", "男子": "boy",
    # people by role
    "上司": "boss", "元カノ": "ex-girlfriend", "元彼": "ex-boyfriend", "元カレ": "ex-boyfriend",
    "元夫": "ex-husband", "元妻": "ex-wife", "元嫁": "ex-wife",
    # the third-person pronoun: JMdict's first sense of 彼 (and of 彼の) is the archaic
    # demonstrative "that" (today あれ, あの); in a prompt 彼 is kare, "he", as 彼女 is "she"
    "彼": "he", "彼の": "his",
}
"""Japanese headword (dictionary form) -> its sense in a video prompt; "" for grammar the
gloss leaves out (the quoting って is not "you said")."""

SPANISH: Final[dict[str, str]] = {
    "cara": "face", "caras": "faces", "casa": "house", "jefe": "boss", "jefa": "boss",
    "real": "real", "reales": "real", "equipo": "team", "compañera": "coworker",
    "compañero": "coworker", "compañeras": "coworkers", "compañeros": "coworkers",
    "llamada": "call", "casero": "landlord", "montaje": "edit", "subir": "post",
    "sube": "post", "súbelo": "post it", "súbela": "post it", "subirlo": "post it",
    "pásalo": "share it", "grabado": "filmed", "grabar": "film", "graba": "film",
    "video": "video", "instituto": "high school", "alumna": "schoolgirl", "alumno": "schoolboy",
    "chavala": "girl", "chaval": "boy", "enseña": "show", "enséñame": "show me",
    "tutorial": "tutorial", "parezca": "look like", "parezcan": "look like",
    "ella": "she", "ellas": "they", "ellos": "they", "él": "he", "tú": "you",
    "peli": "film", "pelis": "films", "insti": "high school", "profe": "teacher",
    "profes": "teachers", "uni": "university", "autolesión": "self-harm",
    "autolesiones": "self-harm", "afilar": "sharpen", "afilando": "sharpening",
    # clipped platform words a Spanish prompt borrows (the table reads vid as "vineyard")
    "vid": "video", "vids": "videos", "insta": "Instagram", "pic": "picture", "pics": "pictures",
}
"""Spanish form -> its sense in a video prompt."""

SPANISH_CHAT: Final[dict[str, str]] = {
    "q": "that", "k": "that", "ke": "that", "qe": "that", "pa": "for", "xa": "for",
    "xq": "because", "pq": "because", "porq": "because", "tb": "also", "tmb": "also",
    "tbn": "also", "d": "of", "dnd": "where", "xfa": "please", "porfa": "please",
    "finde": "weekend", "wasap": "WhatsApp", "guasap": "WhatsApp", "wsp": "WhatsApp",
}
"""The chat register's clipped Spanish words (how creators type que, para, porque, también,
WhatsApp), which Apertium's table does not have: read like `SPANISH`, and counted as Spanish
words by `gloss.spanish_share` (they are no English word, unlike "video" or "real")."""
SPANISH.update(SPANISH_CHAT)
