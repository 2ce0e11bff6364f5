"""The rule book: every rule file a run uses, in one object handed to everyone.

Readers, validation, the engine and the reporters ask the book for columns,
labels, standards, cohorts and tests instead of loading rule files or
looking them up in their own ways. The book is made once, by the command
line (or a library caller), from the rule and target files asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pcgd_cli.rules.model import CohortSpec, ColumnSpec, IndicatorSpec, RuleSet, StandardSpec, Text
from pcgd_cli.rules.target_model import TargetSet

if TYPE_CHECKING:
    from pcgd_cli.rules.readings import FallbackUsed


@dataclass(frozen=True)
class RuleBook:
    rule_sets: tuple[RuleSet, ...]
    target_sets: tuple[TargetSet, ...] = ()
    # the columns every rule set shares: year, codes, names, ĐBKK (rules/units.yaml)
    unit_columns: Mapping[str, ColumnSpec] = field(default_factory=dict)
    # tests this run reads the older way their rule file declares (rules/readings.py)
    fallbacks_used: tuple[FallbackUsed, ...] = ()

    @property
    def files(self) -> list[RuleSet | TargetSet]:
        """Every rule and target file, rule sets first: what reports name as their basis."""
        return [*self.rule_sets, *self.target_sets]

    @cached_property
    def columns(self) -> dict[str, ColumnSpec]:
        """Every input column: the unit columns, then each rule and target file's own."""
        columns = dict(self.unit_columns)
        for rule_file in self.files:
            columns.update(rule_file.columns)
        return columns

    def column(self, key: str) -> ColumnSpec | None:
        return self.columns.get(key)

    def label(self, key: str, lang: str) -> str:
        """A column's label in ``lang``; the key itself for a column no file declares."""
        spec = self.columns.get(key)
        return spec.label.get(lang) if spec is not None else key

    def header_names(self, key: str) -> str:
        """The header texts that name ``key``, to say what was looked for: its label,
        its first two aliases (a message stays readable) and the key."""
        spec = self.columns.get(key)
        if spec is None:
            return key
        names = [spec.label.vi, *spec.aliases[:2], key]
        return " / ".join(f"'{n}'" for n in dict.fromkeys(n for n in names if n))

    @cached_property
    def owner(self) -> dict[str, RuleSet]:
        """Standard id → the rule set that declares it."""
        return {sid: rs for rs in self.rule_sets for sid in rs.standards}

    def rule_set(self, rule_set_id: str) -> RuleSet:
        return next(rs for rs in self.rule_sets if rs.id == rule_set_id)

    def standard(self, sid: str) -> StandardSpec | None:
        rules = self.owner.get(sid)
        return rules.standards[sid] if rules is not None else None

    def standard_short(self, sid: str | None) -> Text | None:
        std = self.standard(sid) if sid else None
        return std.short if std is not None else None

    def indicator(self, sid: str, test_id: str) -> IndicatorSpec | None:
        """A standard's test by its id (the same id at every level reads the same)."""
        rules = self.owner.get(sid)
        if rules is None:
            return None
        return next((ind for ind in rules.standard_indicators(rules.standards[sid])
                     if ind.id == test_id), None)

    @cached_property
    def cohorts(self) -> dict[str, CohortSpec]:
        """Every cohort: the rule sets', then the target files' own."""
        merged: dict[str, CohortSpec] = {}
        for rule_file in self.files:
            merged.update(rule_file.cohorts)
        return merged

    @cached_property
    def excluded_columns(self) -> dict[str, str]:
        """Each cohort's "excluded" column → its total column (a blank excluded is 0)."""
        return {c.excluded: c.total for f in self.files for c in f.cohorts.values()
                if c.excluded}

    @cached_property
    def optional_only_columns(self) -> set[str]:
        """Columns that only optional tests read (Circular 07 conditions, disabled access)."""
        required: set[str] = set()
        optional: set[str] = set()
        for rs in self.rule_sets:
            needed, extra = rs.column_reads()
            required |= needed
            optional |= extra
        return optional - required

    @property
    def provisional(self) -> bool:
        return any(f.provisional for f in self.files)

    def provisional_standards(self) -> set[str]:
        """Standards of a provisional rule set: every verdict on them says so."""
        return {sid for rs in self.rule_sets if rs.provisional for sid in rs.standards}
