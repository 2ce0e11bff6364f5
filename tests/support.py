"""Evaluate rows of counts through the public library, without touching the disk.

Test modules describe communes as dicts of column key → cell value (a number,
text, or "" for an empty cell). ``evaluate_rows`` lays them out as one sheet
with a header row, then runs the same validation and engine ``pcgd check``
runs: header matching, value parsing, the commune table, evaluation and the
roll-up. A key absent from every row is a column absent from the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pcgd_cli.engine import Evaluation
from pcgd_cli.findings import Finding
from pcgd_cli.pipeline import judge, load_rule_book, tabulate_sheets
from pcgd_cli.reading import RawSheet
from pcgd_cli.report.json_v1 import tier_dicts
from pcgd_cli.rules.book import RuleBook

FAKE_FILE = Path("cases.xlsx")


@cache
def rule_book(ids: tuple[str, ...] = ("nd20-2014",)) -> RuleBook:
    return load_rule_book(list(ids))


@dataclass
class Outcome:
    evaluation: Evaluation
    findings: list[Finding]
    units: list[dict]  # every unit of every tier, as in the JSON report

    def tier(self, name: str) -> list[dict]:
        return [u for u in self.units if u["unit_type"] == name]

    def one(self, name: str, code: str | None = None, year: int | None = None) -> dict:
        found = [u for u in self.tier(name)
                 if (code is None or u["code"] == code) and (year is None or u["year"] == year)]
        assert len(found) == 1, f"expected one {name} {code or ''}, found {len(found)}"
        return found[0]


def evaluate_rows(rows: list[dict], ids: tuple[str, ...] = ("nd20-2014",)) -> Outcome:
    """Rows of one sheet → the JSON-shaped results of every unit, through the stages
    ``pcgd check`` runs: tabulate the sheet, judge the count table."""
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    grid: list[list[object]] = [list(keys)]
    grid += [[row.get(k, "") for k in keys] for row in rows]
    book = rule_book(ids)
    # no validation stage: a law case judges its counts as written, even those the
    # validation would reject (literate at level 2 above level 1 …)
    reading = tabulate_sheets([RawSheet(FAKE_FILE, "Xa", grid)], book)
    judged = judge(reading.table, book)
    by_id = {rs.id: rs for rs in book.rule_sets}
    units = [u for tier in judged.evaluation.tiers for u in tier_dicts(tier, by_id, "vi")]
    return Outcome(judged.evaluation, reading.findings + judged.findings, units)


# ---- tables of law cases -------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One commune and what the law says about it.

    ``level``: the highest level met (0 none), or "insufficient_data".
    ``checks``: (level, indicator id, expected status[, expected shortfall]).
    ``levels``: {level: expected status of that level}.
    ``finding``: a finding code that must be raised.
    """

    name: str
    counts: dict
    level: int | str
    dbkk: bool = False
    checks: tuple = ()
    levels: dict = field(default_factory=dict)
    finding: str = ""


def commune_row(case: Case, base: dict) -> dict:
    row = {"commune_code": "00001", "commune": "Xã Thử", "disadvantaged": "x" if case.dbkk else ""}
    row.update(base)
    row.update(case.counts)
    return row


def indicator(standard: dict, level: int, ind_id: str) -> dict:
    found = [i for i in standard["levels"][str(level)]["indicators"] if i["id"] == ind_id]
    assert found, f"no indicator {ind_id} at level {level}"
    return found[0]


def assert_case(case: Case, standard_id: str, base: dict) -> None:
    row = commune_row(case, base)
    outcome = evaluate_rows([row])
    std = outcome.one("commune")["standards"][standard_id]
    if case.level == "insufficient_data":
        assert (std["status"], std["level"]) == ("insufficient_data", None), std
    else:
        assert std["level"] == case.level, (std["status"], std["level"])
        assert std["status"] == ("met" if case.level else "not_met")
    for lvl, status in case.levels.items():
        assert std["levels"][str(lvl)]["status"] == status, (lvl, std["levels"][str(lvl)])
    for check in case.checks:
        lvl, ind_id, status, *shortfall = check
        got = indicator(std, lvl, ind_id)
        assert got["status"] == status, got
        if shortfall:
            assert got["shortfall"] == shortfall[0], got
    # a blank count cell is said, once, as a warning naming its column
    blank = {k for k, v in row.items() if v in ("", None) and k != "disadvantaged"
             and not k.endswith("_excluded")}
    said = {f.column for f in outcome.findings if f.code == "missing_value"}
    assert said == blank, (said, blank)
    others = [f for f in outcome.findings if f.code != "missing_value"]
    if case.finding:
        assert case.finding in {f.code for f in others}
    else:
        assert not [f for f in others if f.severity != "info"], others


def case_ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]
