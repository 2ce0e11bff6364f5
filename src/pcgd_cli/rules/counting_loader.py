"""Find, read and check counting rule files (rules/counting/*.yaml).

Mistakes are reported as ``file:line: where: what`` like the standards' rule
files; expressions are type-checked by compiling them, once per option choice.
"""

from __future__ import annotations

from pathlib import Path

from pcgd_cli.rules.counting_model import CountingRules
from pcgd_cli.rules.loader import (
    located,
    parse_file,
    raise_if_invalid,
    read_yaml,
    resolve_id_or_path,
    rules_dir,
)

DEFAULT_COUNTING = "household-2025"


def counting_dir() -> Path:
    return rules_dir() / "counting"


def builtin_counting_ids() -> dict[str, Path]:
    return {path.stem: path for path in sorted(counting_dir().glob("*.yaml"))}


def is_counting_file(path: Path) -> bool:
    """A counting rule file says ``kind: counting`` (or has counts made of values)."""
    data, _ = read_yaml(path)
    return isinstance(data, dict) and (data.get("kind") == "counting"
                                       or {"counts", "values"} <= set(data))


def check_counting_file(path: Path) -> tuple[CountingRules | None, list[str]]:
    """Parse and check one counting rule file: every mistake as ``file:line: where: what``."""
    from pcgd_cli.persons.sql import rule_problems

    rules, root, messages = parse_file(path, CountingRules)
    if rules is None:
        return None, messages
    messages = located(path, root, rule_problems(rules))
    return (None if messages else rules), messages


def load_counting_rules(path: Path) -> CountingRules:
    rules, messages = check_counting_file(path)
    raise_if_invalid(path, messages)
    return rules


def resolve_counting(id_or_path: str | None) -> Path:
    """A built-in id (``household-2025``) or a path to the user's own file."""
    return resolve_id_or_path(id_or_path or DEFAULT_COUNTING, builtin_counting_ids(),
                               "counting_unknown_id")


def is_counting(id_or_path: str) -> bool:
    """A built-in counting rule id, or the path of a counting rule file."""
    if id_or_path in builtin_counting_ids():
        return True
    path = Path(id_or_path)
    return path.is_file() and path.suffix.lower() in (".yaml", ".yml") and \
        is_counting_file(path)


def builtin_counting_sets() -> list[CountingRules]:
    return [load_counting_rules(path) for path in builtin_counting_ids().values()]
