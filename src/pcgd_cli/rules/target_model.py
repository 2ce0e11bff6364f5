"""Pydantic models of a plan-target file (rules/targets/*.yaml).

A target file is data, like a rule file: unknown keys are mistakes. It names
the unit its targets are for (``scope``: the province, or the nation) and
lists targets of three generic kinds:

- ``level``: the scope unit is recognised at a standard's level;
- ``share``: at least ``threshold`` % of the units of a lower tier (``of``)
  inside the scope unit are recognised at a standard's level;
- ``rate``: Σ numerator / Σ (cohort total − excluded) over the scope unit's
  communes reaches ``threshold`` %.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from pcgd_cli.rules.model import (
    CohortSpec,
    ColumnUse,
    Names,
    Percent,
    Reading,
    RuleFile,
    Strict,
    Text,
    reading_uses,
)

Scope = Literal["province", "nation"]
ChildTier = Literal["commune", "district", "province"]
TIER_ORDER = ("commune", "district", "province", "nation")


class TargetSpec(Strict):
    id: str
    kind: Literal["level", "share", "rate"]
    label: Text
    standard: str | None = None  # level, share
    level: int | None = Field(default=None, ge=1, le=9)  # level, share
    of: ChildTier | None = None  # share: the tier whose units are counted
    numerator: Names = Field(default_factory=list)  # rate
    cohort: Names = Field(default_factory=list)  # rate
    threshold: Percent | None = None  # share, rate
    gap: Text | None = None  # rate: "cần thêm {n} học sinh vào GDNN"
    source: Text | None = None

    @model_validator(mode="after")
    def _shape(self) -> TargetSpec:
        need = {"level": ("standard", "level"),
                "share": ("standard", "level", "of", "threshold"),
                "rate": ("numerator", "cohort", "threshold", "gap")}[self.kind]
        missing = [name for name in need if not getattr(self, name)]
        if missing:
            raise ValueError(f"a '{self.kind}' target needs: {', '.join(missing)}")
        unused = {"level": ("of", "numerator", "cohort", "threshold", "gap"),
                  "share": ("numerator", "cohort", "gap"),
                  "rate": ("standard", "level", "of")}[self.kind]
        extra = [name for name in unused if getattr(self, name)]
        if extra:
            raise ValueError(f"a '{self.kind}' target does not take: {', '.join(extra)}")
        return self

    def uses(self, cohorts) -> list[ColumnUse]:
        """The columns a rate target reads (none for level and share targets)."""
        if self.kind != "rate":
            return []
        return reading_uses(Reading(tuple(self.numerator), tuple(self.cohort)), cohorts)

    def columns(self, cohorts) -> list[str]:
        return list(dict.fromkeys(use.column for use in self.uses(cohorts)))


class TargetSet(RuleFile):
    scope: Scope = "province"
    year: int | None = None  # the plan's horizon, for display
    targets: list[TargetSpec] = Field(min_length=1)

    def cohorts_with(self, rule_sets) -> dict[str, CohortSpec]:
        """The cohorts a rate target may name: the target file's own first, else a rule
        set's (as the engine reads them)."""
        return {**{k: v for rs in rule_sets for k, v in rs.cohorts.items()}, **self.cohorts}
