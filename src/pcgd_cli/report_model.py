"""The result of one ``pcgd check`` run: what reporters render, nothing more."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pcgd_cli.engine.results import Evaluation
from pcgd_cli.findings import Finding
from pcgd_cli.rules.model import RuleSet
from pcgd_cli.rules.target_model import TargetSet
from pcgd_cli.validation.table import InputSummary


@dataclass
class TargetResult:
    id: str
    description: str
    value: float | None
    target: float
    met: bool | None
    unit: str = "%"
    gap: str = ""
    year: int | None = None
    details: dict = field(default_factory=dict)
    # which plan, which kind of target, for which unit (plan targets, issue 3)
    target_set: str = ""
    kind: str = ""
    status: str = ""
    scope: str = ""
    code: str = ""
    name: str = ""
    provisional: bool = False


@dataclass
class Report:
    evaluation: Evaluation
    findings: list[Finding]
    inputs: list[InputSummary]
    rule_sets: list[RuleSet]
    target_sets: list[TargetSet] = field(default_factory=list)
    targets: list[TargetResult] = field(default_factory=list)
    started: datetime | None = None
    seconds: float = 0.0
    lang: str = "vi"

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def provisional(self) -> bool:
        return (self.evaluation.two_tier or any(rs.provisional for rs in self.rule_sets)
                or any(ts.provisional for ts in self.target_sets))

    def rule_set(self, rule_set_id: str) -> RuleSet:
        """The rule set a standard's result came from (``StandardResult.rule_set``)."""
        return next(rs for rs in self.rule_sets if rs.id == rule_set_id)

    def notes(self) -> list[str]:
        """Why verdicts are provisional, in the report's language: the two-tier
        province test, and each provisional rule or target file's warning."""
        notes = []
        if self.evaluation.two_tier:
            notes += [rs.two_tier.note.get(self.lang) for rs in self.rule_sets if rs.two_tier]
        notes += [rs.warning.get(self.lang) for rs in [*self.rule_sets, *self.target_sets]
                  if rs.provisional and rs.warning]
        return notes

    @property
    def targets_met(self) -> bool:
        return all(t.met is True for t in self.targets)
