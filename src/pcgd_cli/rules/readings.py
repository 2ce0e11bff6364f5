"""Which reading of each test a run uses: its own, or the older one it declares.

A test may declare a ``fallback`` in its rule file (the reading of the forms
before a change: "đến 14 tuổi" on the cohort aged 14, preschool completion on
the 5-year-olds). The data decides, once per run: a test whose own numerator
columns the data lacks, while it has the fallback's, is read the older way;
when the data has both, or neither, the test's own reading stands. The engine
never sees the choice: it is handed a rule book whose tests already read the
chosen columns.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import IndicatorSpec, RuleSet, Text


@dataclass(frozen=True)
class FallbackUsed:
    """A test a run read the older way: its standard, its id, what it read instead of
    what, and the rule file's note saying so."""

    standard: str
    test: str
    numerator: tuple[str, ...]  # the older columns read
    instead_of: tuple[str, ...]  # the test's own numerator columns, absent from the data
    note: Text


def _falls_back(ind: IndicatorSpec, present: Collection[str]) -> bool:
    if ind.fallback is None:
        return False
    return (not any(c in present for c in ind.numerator)
            and any(c in present for c in ind.fallback.numerator))


def _resolved(rules: RuleSet, present: Collection[str], used: list[FallbackUsed]) -> RuleSet:
    def pick(ind: IndicatorSpec, sid: str) -> IndicatorSpec:
        if not _falls_back(ind, present):
            return ind
        if not any(u.standard == sid and u.test == ind.id for u in used):
            used.append(FallbackUsed(sid, ind.id, tuple(ind.fallback.numerator),
                                     tuple(ind.numerator), ind.fallback.note))
        return ind.fallen_back()

    standards = {}
    for sid, std in rules.standards.items():
        levels = [lv.model_copy(update={"indicators": [pick(i, sid) for i in lv.indicators]})
                  for lv in std.levels]
        every = [pick(i, sid) for i in std.every_level]
        standards[sid] = std.model_copy(update={"levels": levels, "every_level": every})
    every_standard = [pick(i, "") for i in rules.every_standard]
    return rules.model_copy(update={"standards": standards, "every_standard": every_standard})


def choose_readings(book: RuleBook, present: Collection[str]) -> RuleBook:
    """The book with each test reading the columns the data has (see the module)."""
    used: list[FallbackUsed] = list(book.fallbacks_used)
    rule_sets = tuple(_resolved(rs, present, used) for rs in book.rule_sets)
    return replace(book, rule_sets=rule_sets, fallbacks_used=tuple(used))
