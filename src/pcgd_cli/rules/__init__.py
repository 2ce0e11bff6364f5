"""Rule sets: the standards, thresholds and input columns, declared as data."""

from pcgd_cli.rules.loader import builtin_rule_ids, load_rule_set, resolve_rule_set
from pcgd_cli.rules.model import (
    ColumnSpec,
    IndicatorSpec,
    LevelSpec,
    RuleSet,
    StandardSpec,
    Text,
)

__all__ = [
    "ColumnSpec",
    "IndicatorSpec",
    "LevelSpec",
    "RuleSet",
    "StandardSpec",
    "Text",
    "builtin_rule_ids",
    "load_rule_set",
    "resolve_rule_set",
]
