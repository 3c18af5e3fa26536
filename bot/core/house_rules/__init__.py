"""House rules: a team's own rules for prompts (required components, banned words, preferred
terms, a default model and negative prompt, limits, an ethics bar), from a `framecraft.toml`
or stored per workspace and channel, checked against every critique and by `framecraft lint`.

`model` (the rules), `toml_file` (reading them, errors with key and line), `layers` (which
rules are in force), `evaluate` (findings), `fixes` (safe fixes, rule-following rewrites),
`review` (the "House rules" part of a review and the `house_rules` JSON key).
"""

from bot.core.house_rules.evaluate import Finding, HouseRulesReport, evaluate
from bot.core.house_rules.fixes import FixResult, apply_safe_fixes, follow_rules
from bot.core.house_rules.layers import Layer, RulesInForce, for_chat, for_cli, merge
from bot.core.house_rules.model import SEVERITY_RANK, HouseRules, Severity
from bot.core.house_rules.toml_file import RulesError, find_rules_file, load_rules_file, parse_rules

__all__ = ["SEVERITY_RANK", "Finding", "FixResult", "HouseRules", "HouseRulesReport", "Layer",
           "RulesError", "RulesInForce", "Severity", "apply_safe_fixes", "evaluate",
           "find_rules_file", "follow_rules", "for_chat", "for_cli", "load_rules_file", "merge",
           "parse_rules"]
