"""The result of one ``pcgd check`` run: what reporters render, nothing more.

It carries keys, numbers and arrays, never a sentence and no language: each
reporter renders it in the language it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pcgd_cli.count_table import InputSummary, PersonSource
from pcgd_cli.engine.results import Evaluation, TierResult
from pcgd_cli.engine.targets import TargetOutcome
from pcgd_cli.findings import Finding
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.model import RuleSet, Text
from pcgd_cli.rules.target_model import TargetSet


@dataclass
class Report:
    book: RuleBook
    evaluation: Evaluation
    findings: list[Finding]
    inputs: list[InputSummary]
    targets: list[TargetOutcome] = field(default_factory=list)
    started: datetime | None = None
    seconds: float = 0.0
    # counts made from person rows: how many persons, files, each commune's accounting
    persons: PersonSource | None = None

    @property
    def rule_sets(self) -> list[RuleSet]:
        return list(self.book.rule_sets)

    @property
    def target_sets(self) -> list[TargetSet]:
        return list(self.book.target_sets)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def provisional(self) -> bool:
        return self.evaluation.two_tier or self.book.provisional

    def rule_set(self, rule_set_id: str) -> RuleSet:
        """The rule set a standard's result came from (``StandardResult.rule_set``)."""
        return self.book.rule_set(rule_set_id)

    def two_tier_notes(self) -> list[Text]:
        """Why a two-tier province's verdicts are provisional (one note per rule set)."""
        if not self.evaluation.two_tier:
            return []
        return [rs.two_tier.note for rs in self.book.rule_sets if rs.two_tier]

    def notes(self) -> list[Text]:
        """What every output says about the verdicts as a whole: why they are provisional
        (the two-tier province test, a provisional rule or target file's warning) and
        which tests were read the older way their rule file declares. Texts from the
        rule files, in both languages."""
        return [*self.two_tier_notes(),
                *(f.warning for f in self.book.files if f.provisional and f.warning),
                *(used.note for used in self.book.fallbacks_used)]

    def standard_notes(self, sid: str) -> list[Text]:
        """The older readings a standard's verdicts rest on (rule-file notes)."""
        return [used.note for used in self.book.fallbacks_used if used.standard == sid]

    def tier_notes(self, tier: TierResult) -> list[Text]:
        """Why a tier's verdicts are provisional: a province judged on its communes."""
        if not tier.provisional:
            return []
        return [rs.two_tier.note for rs in self.book.rule_sets if rs.two_tier]

    def rule_set_warning(self, rule_set_id: str) -> Text | str | None:
        """Why a provisional rule set's verdicts are provisional (its id when it does
        not say); None for a final rule set."""
        rules = self.rule_set(rule_set_id)
        if not rules.provisional:
            return None
        return rules.warning if rules.warning else rules.id

    @property
    def targets_met(self) -> bool:
        return all(o.met is True for o in self.targets)
