"""Dialect translation: one prompt rewritten in the language each video model responds to."""

from bot.core.dialects.translate import compare, translate
from bot.core.dialects.types import Change, Comparison, Dropped, Translation

__all__ = ["Change", "Comparison", "Dropped", "Translation", "compare", "translate"]
