"""What the sheets of the summary workbook share: result words, the rule-files line,
commune grouping."""

from __future__ import annotations

from pcgd_cli.engine.results import Check, Evaluation, Status, TierResult
from pcgd_cli.i18n import t
from pcgd_cli.report.explain import year_or_none

CHECK_KEYS = {Check.PASS: "xl_check_pass", Check.FAIL: "xl_check_fail",
              Check.NOT_APPLICABLE: "xl_check_na", Check.MISSING: "xl_check_missing",
              Check.NOT_CHECKED: "xl_check_not_checked"}
STATUS_KEYS = {Status.MET: "xl_check_pass", Status.NOT_MET: "xl_check_fail",
               Status.INSUFFICIENT: "xl_check_missing",
               Status.NOT_EVALUATED: "xl_status_not_evaluated"}


def check_word(check: int, lang: str) -> str:
    key = CHECK_KEYS.get(Check(check))
    return t(key, lang) if key else ""


def status_word(status: int, lang: str) -> str:
    return t(STATUS_KEYS[Status(status)], lang)


def colour_words(lang: str) -> tuple[list[str], list[str], list[str]]:
    """The words conditional formatting colours green, red and yellow."""
    return ([t("xl_check_pass", lang)], [t("xl_check_fail", lang)],
            [t("xl_check_missing", lang)])


def rule_files_line(report, lang: str) -> str:
    """"Bộ quy tắc: nd20-2014 2014.1, laichau-2030 2030.1": every rule and target file."""
    files = report.book.files
    return t("xl_rules_line", lang,
             rules=", ".join(f"{rf.id} {rf.version}" for rf in files))


def multi_year(evaluation: Evaluation) -> bool:
    return evaluation.tiers[0].units["year"].nunique() > 1


def unit_name(tier: TierResult, i: int, with_year: bool) -> str:
    units = tier.units
    name = str(units["name"].iat[i] or units["code"].iat[i] or "")
    year = year_or_none(units["year"].iat[i])
    return f"{name} ({year})" if with_year and year is not None else name


def commune_groups(evaluation: Evaluation) -> list[tuple[int, list[int]]]:
    """Communes under their parent unit (district, or province when two-tier), in the
    parent tier's order: [(parent index, [commune indexes])]."""
    return unit_groups(evaluation, 0)


def unit_groups(evaluation: Evaluation, depth: int) -> list[tuple[int, list[int]]]:
    """The units of tier ``depth`` under their parent unit (the tier above), in the
    parent tier's order: [(parent index, [unit indexes])]."""
    units, parents = evaluation.tiers[depth], evaluation.tiers[depth + 1]
    index = {(str(code), year_or_none(year)): i for i, (code, year) in
             enumerate(zip(parents.units["code"], parents.units["year"], strict=True))}
    members: dict[int, list[int]] = {i: [] for i in range(len(parents))}
    for i, (code, year) in enumerate(zip(units.units["parent_code"],
                                         units.units["year"], strict=True)):
        members[index[(str(code), year_or_none(year))]].append(i)
    return list(members.items())


def national(evaluation: Evaluation) -> bool:
    """Data spanning several provinces: the workbook is the national summary."""
    return evaluation.tier("nation") is not None

