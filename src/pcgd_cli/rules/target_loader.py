"""Read and check plan-target files with the same strictness as rule files.

Every mistake is reported as ``file:line: where: what``. Names a target uses
(standards, levels, columns, cohorts) are checked against the rule sets it
will run with; ``pcgd rules validate`` checks them against the built-in ones.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.loader import (
    builtin_rule_ids,
    load_rule_set,
    located,
    parse_file,
    raise_if_invalid,
    read_yaml,
    resolve_rule_set,
    unit_columns,
)
from pcgd_cli.rules.model import RuleSet
from pcgd_cli.rules.target_model import TIER_ORDER, TargetSet


def is_target_file(path: Path) -> bool:
    """A target file lists ``targets:``; a rule file lists ``standards:``."""
    data, _ = read_yaml(path)
    return isinstance(data, dict) and "targets" in data and "standards" not in data


def builtin_standard_sets() -> list[RuleSet]:
    return [load_rule_set(path) for path in builtin_rule_ids("standards").values()]


def target_problems(targets: TargetSet, rule_sets: list[RuleSet]) -> list[tuple[tuple, str]]:
    standards = {sid: std for rs in rule_sets for sid, std in rs.standards.items()}
    columns = {**unit_columns(), **{k: v for rs in rule_sets for k, v in rs.columns.items()},
               **targets.columns}
    cohorts = targets.cohorts_with(rule_sets)
    problems: list[tuple[tuple, str]] = []
    for name, cohort in targets.cohorts.items():
        for field in ("total", "excluded"):
            col = getattr(cohort, field)
            if col is not None and col not in columns:
                problems.append((("cohorts", name, field), f"unknown column '{col}'"))
    seen: set[str] = set()
    for i, tg in enumerate(targets.targets):
        loc = ("targets", i)
        if tg.id in seen:
            problems.append(((*loc, "id"), f"target id '{tg.id}' is used twice"))
        seen.add(tg.id)
        if tg.standard is not None:
            std = standards.get(tg.standard)
            if std is None:
                problems.append(((*loc, "standard"), f"unknown standard '{tg.standard}' "
                                 f"(known: {', '.join(standards) or 'none'})"))
            elif not any(lv.level == tg.level for lv in std.levels):
                problems.append(((*loc, "level"),
                                 f"standard '{tg.standard}' has no level {tg.level}"))
        if tg.of is not None and TIER_ORDER.index(tg.of) >= TIER_ORDER.index(targets.scope):
            problems.append(((*loc, "of"), f"'{tg.of}' is not a tier below the scope "
                             f"'{targets.scope}'"))
        for j, col in enumerate(tg.numerator):
            if col not in columns:
                problems.append(((*loc, "numerator", j), f"unknown column '{col}'"))
            elif columns[col].kind != "count":
                problems.append(((*loc, "numerator", j), f"column '{col}' is not a count"))
        for j, name in enumerate(tg.cohort):
            if name not in cohorts:
                problems.append(((*loc, "cohort", j), f"unknown cohort '{name}'"))
        if tg.gap is not None and "{n}" not in tg.gap.vi:
            problems.append(((*loc, "gap", "vi"), "the gap sentence needs '{n}' (how many)"))
    return problems


def check_target_file(path: Path, rule_sets: list[RuleSet] | None = None,
                      ) -> tuple[TargetSet | None, list[str]]:
    """Parse and check one target file; all problems, each as ``file:line: where: what``."""
    targets, root, messages = parse_file(path, TargetSet)
    if targets is None:
        return None, messages
    if rule_sets is None:
        rule_sets = builtin_standard_sets()
    messages = located(path, root, target_problems(targets, rule_sets))
    return (None if messages else targets), messages


def load_target_set(path: Path, rule_sets: list[RuleSet] | None = None) -> TargetSet:
    targets, messages = check_target_file(path, rule_sets)
    raise_if_invalid(path, messages)
    return targets


DEFAULT_RULES = ("nd20-2014",)


def load_rule_sets(ids: list[str] | tuple[str, ...] = ()) -> list[RuleSet]:
    rule_sets = [load_rule_set(resolve_rule_set(i)) for i in ids or DEFAULT_RULES]
    seen: dict[str, str] = {}
    for rs in rule_sets:
        for sid in rs.standards:
            if sid in seen:
                raise PcgdError("rules_conflict", standard=sid)
            seen[sid] = rs.id
    return rule_sets


def load_target_sets(ids: list[str] | tuple[str, ...], rule_sets: list[RuleSet]
                     ) -> list[TargetSet]:
    """Built-in ids (``laichau-2030``) or the user's own files, checked against the rule
    sets in use (every standard and level a target names must exist)."""
    target_sets = [load_target_set(resolve_rule_set(i, kind="targets"), rule_sets)
                   for i in ids]
    seen: set[str] = set()
    for ts in target_sets:
        if ts.id in seen:
            raise PcgdError("targets_conflict", id=ts.id)
        seen.add(ts.id)
    return target_sets


def load_rule_book(rule_ids: list[str] | tuple[str, ...] = (),
                   target_ids: list[str] | tuple[str, ...] = ()) -> RuleBook:
    """The rule sets (default ``nd20-2014``) and target sets a run uses, with the unit
    columns every rule set shares: the one object the stages and reporters consult."""
    rule_sets = load_rule_sets(rule_ids)
    target_sets = load_target_sets(target_ids, rule_sets)
    return RuleBook(tuple(rule_sets), tuple(target_sets), unit_columns())


def load_any(id_or_path: str) -> RuleSet | TargetSet:
    """A built-in rule or target set by id, or the user's own file of either kind."""
    targets = builtin_rule_ids("targets")
    if id_or_path in targets:
        return load_target_set(targets[id_or_path])
    path = resolve_rule_set(id_or_path)
    if not Path(path).exists():
        raise PcgdError("rules_not_found", path=path)
    return load_target_set(path) if is_target_file(path) else load_rule_set(path)


def load_builtin_book() -> RuleBook:
    """Every built-in rule set and target set: what ``pcgd rules list`` shows."""
    rule_sets = builtin_standard_sets()
    targets = [load_target_set(path, rule_sets) for path in builtin_rule_ids("targets").values()]
    return RuleBook(tuple(rule_sets), tuple(targets), unit_columns())
