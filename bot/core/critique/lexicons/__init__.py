"""Component lexicons for the languages read natively (see bot.core.critique.native).

One module per language, each exposing `LEXICON`. They are written for how people prompt in
that language (its camera vocabulary, its grammar of verbs), not translated from the English
lexicon, and are imported only when a prompt in that language arrives.
"""
