"""The critique pipeline: a prompt's components with their spans (`analysis`, vocabulary in
`lexicon`, fast matching in `dispatch`), its anti-patterns, the offline rewrite, and the scored
`Critique` that every front shows (`pipeline.critique`).

Kept free of imports here so `bot.core.critique.components` (used by the knowledge loader) does not
pull in the whole pipeline.
"""
