"""Find, read and check rule files; every mistake is reported with file:line.

Rule files are parsed with ``yaml.safe_load`` only: nothing a rule file says is
ever executed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pcgd_cli.errors import PcgdError
from pcgd_cli.i18n import Phrase
from pcgd_cli.rules.model import ColumnSpec, RuleSet

M = TypeVar("M", bound=BaseModel)

UNITS_FILE = "units.yaml"
# libyaml's safe loader when PyYAML has it: the same documents, 7× faster (60 → 8 ms for
# nd20-2014.yaml, a tenth of a province check); the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    """The installed copy inside the package, else the repository's ``rules/``."""
    packaged = resources.files("pcgd_cli") / "rules_data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "rules"


def builtin_rule_ids(kind: str = "standards") -> dict[str, Path]:
    """Rule sets shipped with pcgd: ``standards`` (rules/*.yaml) or ``targets``."""
    folder = rules_dir() / "targets" if kind == "targets" else rules_dir()
    return {
        path.stem: path
        for path in sorted(folder.glob("*.yaml"))
        if path.name != UNITS_FILE
    }


def _yaml_node_line(root: yaml.Node | None, loc: tuple[object, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a line."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
            if match is None:
                # an unknown key: point at the key itself
                key = next((k for k, _ in node.value if k.value == str(part)), None)
                return key.start_mark.line + 1 if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def _parse(text: str, loader_class) -> tuple[object, yaml.Node | None]:
    """The data and its node tree (for line numbers) from one parse of the text."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    finally:
        loader.dispose()


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PcgdError("rules_not_found", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PcgdError("rules_unreadable", path=path, error=exc) from None
    try:
        return _parse(text, _LOADER)
    except yaml.YAMLError:
        pass
    try:  # a broken file: the pure-Python parser words its problems better than libyaml
        return _parse(text, yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        problem = getattr(exc, "problem", None) or str(exc)
        raise PcgdError("rules_yaml", path=path, line=line, error=problem) from None


def validation_messages(path: Path, exc: ValidationError, root: yaml.Node | None) -> list[str]:
    messages = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top)"
        line = _yaml_node_line(root, loc)
        messages.append(f"{path}:{line}: {where}: {err['msg']}")
    return messages


def reference_problems(rules: RuleSet, columns: dict[str, ColumnSpec]) -> list[tuple[tuple, str]]:
    """Names a rule set uses but does not declare (columns, cohorts, standards)."""
    problems: list[tuple[tuple, str]] = []
    for name, cohort in rules.cohorts.items():
        for field in ("total", "excluded"):
            col = getattr(cohort, field)
            if col is not None and columns.get(col, None) is None:
                problems.append((("cohorts", name, field), f"unknown column '{col}'"))
            elif col is not None and columns[col].kind != "count":
                problems.append((("cohorts", name, field), f"column '{col}' is not a count"))

    def check_indicator(loc: tuple, ind) -> None:
        for i, col in enumerate(ind.numerator):
            if col not in columns:
                problems.append(((*loc, "numerator", i), f"unknown column '{col}'"))
        for i, cohort in enumerate(ind.cohort):
            if cohort not in rules.cohorts:
                problems.append(((*loc, "cohort", i), f"unknown cohort '{cohort}'"))
        if ind.disadvantaged is not None:
            for i, col in enumerate(ind.disadvantaged.numerator or []):
                if col not in columns:
                    problems.append(((*loc, "disadvantaged", "numerator", i),
                                     f"unknown column '{col}'"))
            for i, cohort in enumerate(ind.disadvantaged.cohort or []):
                if cohort not in rules.cohorts:
                    problems.append(((*loc, "disadvantaged", "cohort", i),
                                     f"unknown cohort '{cohort}'"))
        if ind.column is not None and ind.column not in columns:
            problems.append(((*loc, "column"), f"unknown column '{ind.column}'"))
        if ind.fallback is not None:
            for i, col in enumerate(ind.fallback.numerator):
                if col not in columns:
                    problems.append(((*loc, "fallback", "numerator", i),
                                     f"unknown column '{col}'"))
            for i, cohort in enumerate(ind.fallback.cohort):
                if cohort not in rules.cohorts:
                    problems.append(((*loc, "fallback", "cohort", i),
                                     f"unknown cohort '{cohort}'"))

    for i, check in enumerate(rules.checks):
        for field in ("column", "at_most"):
            col = getattr(check, field)
            if col not in columns:
                problems.append((("checks", i, field), f"unknown column '{col}'"))
            elif columns[col].kind != "count":
                problems.append((("checks", i, field), f"column '{col}' is not a count"))
    for i, ind in enumerate(rules.every_standard):
        check_indicator(("every_standard", i), ind)
    for sid, std in rules.standards.items():
        for i, ind in enumerate(std.every_level):
            check_indicator(("standards", sid, "every_level", i), ind)
        for li, level in enumerate(std.levels):
            loc = ("standards", sid, "levels", li)
            for i, ind in enumerate(level.indicators):
                check_indicator((*loc, "indicators", i), ind)
            for ri, req in enumerate(level.requires):
                target = rules.standards.get(req.standard or sid)
                if target is None:
                    problems.append(((*loc, "requires", ri, "standard"),
                                     f"unknown standard '{req.standard}'"))
                elif not any(lv.level == req.level for lv in target.levels):
                    problems.append(((*loc, "requires", ri, "level"),
                                     f"standard '{req.standard or sid}' has no level {req.level}"))
                elif req.standard in (None, sid) and req.level >= level.level:
                    problems.append(((*loc, "requires", ri, "level"),
                                     "a level can only require a lower level of its standard"))
    if not problems:
        problems += requirement_cycles(rules)
    return problems


def requirement_cycles(rules: RuleSet) -> list[tuple[tuple, str]]:
    """Prerequisites that lead back to themselves (A needs B needs A) can never be judged."""
    edges: dict[tuple[str, int], list[tuple[tuple, tuple[str, int]]]] = {}
    for sid, std in rules.standards.items():
        for li, level in enumerate(std.levels):
            edges[(sid, level.level)] = [
                (("standards", sid, "levels", li, "requires", ri),
                 (req.standard or sid, req.level))
                for ri, req in enumerate(level.requires)]
    problems: list[tuple[tuple, str]] = []
    done: set[tuple[str, int]] = set()

    def visit(node: tuple[str, int], path: list[tuple[str, int]]) -> None:
        for loc, nxt in edges.get(node, []):
            if nxt in path:
                cycle = " → ".join(f"{s} {lv}" for s, lv in [*path[path.index(nxt):], nxt])
                problems.append((loc, f"prerequisites form a cycle: {cycle}"))
            elif nxt not in done:
                visit(nxt, [*path, nxt])
        done.add(node)

    for node in edges:
        if node not in done:
            visit(node, [node])
    return problems


@cache
def _units_columns() -> dict[str, ColumnSpec]:
    data, _ = read_yaml(rules_dir() / UNITS_FILE)
    return {k: ColumnSpec.model_validate(v) for k, v in data["columns"].items()}


def unit_columns() -> dict[str, ColumnSpec]:
    """Columns every rule set shares: year, codes, names, ĐBKK (rules/units.yaml)."""
    return dict(_units_columns())


def builtin_declared_columns() -> list[tuple[str, str, dict[str, ColumnSpec]]]:
    """(id, the option that uses it, its columns) of every built-in rule and target
    file, read as plain YAML: to say which option a header belongs to."""
    found = []
    for kind, option in (("standards", "--rules"), ("targets", "--targets")):
        for rid, path in builtin_rule_ids(kind).items():
            data, _ = read_yaml(path)
            raw = (data or {}).get("columns") or {} if isinstance(data, dict) else {}
            found.append((rid, f"{option} {rid}",
                          {k: ColumnSpec.model_validate(v) for k, v in raw.items()}))
    return found


def parse_file(path: Path, model: type[M]) -> tuple[M | None, yaml.Node | None, list[str]]:
    """Read ``path`` and validate it as ``model``: the model, the YAML node tree (to
    locate later problems) and the mistakes, each as ``file:line: where: what``
    (a file that is not a mapping is one such mistake, at its top)."""
    data, root = read_yaml(path)
    try:
        return model.model_validate(data), root, []
    except ValidationError as exc:
        return None, root, validation_messages(path, exc, root)


def located(path: Path, root: yaml.Node | None, problems: list[tuple[tuple, str]]) -> list[str]:
    """Problems found after parsing (unknown names, cycles), each with its file:line."""
    return [f"{path}:{_yaml_node_line(root, loc)}: {'.'.join(map(str, loc))}: {msg}"
            for loc, msg in problems]


def raise_if_invalid(path: Path, messages: list[str]) -> None:
    """One line for the CLI: the first five mistakes, and how to see them all."""
    if not messages:
        return
    more = len(messages) - 5
    raise PcgdError("rules_invalid", path=path, problems="; ".join(messages[:5]),
                    more=Phrase("and_more", n=more) if more > 0 else "")


def check_rule_file(path: Path) -> tuple[RuleSet | None, list[str]]:
    """Parse and check one rule file; all problems, each as ``file:line: where: what``."""
    rules, root, messages = parse_file(path, RuleSet)
    if rules is None:
        return None, messages
    columns = {**unit_columns(), **rules.columns}
    messages = located(path, root, reference_problems(rules, columns))
    return (None if messages else rules), messages


def load_rule_set(path: Path) -> RuleSet:
    rules, messages = check_rule_file(path)
    raise_if_invalid(path, messages)
    return rules


def resolve_rule_set(id_or_path: str, kind: str = "standards") -> Path:
    """A built-in id (``nd20-2014``) or a path to the user's own file."""
    return resolve_id_or_path(id_or_path, builtin_rule_ids(kind), "rules_unknown_id")


def resolve_id_or_path(name: str, builtin: dict[str, Path], unknown: str) -> Path:
    """``name`` as one of the ``builtin`` files, else as the user's YAML file (or any
    file that exists); neither: the error ``unknown`` listing the known ids."""
    if name in builtin:
        return builtin[name]
    path = Path(name)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return path
    raise PcgdError(unknown, id=name, known=", ".join(builtin))
