"""Person rows (the household survey) → commune counts: `pcgd count`.

``count_persons(paths, rules, ...) -> PersonCounts`` is the entry point;
``load_counting_rules(resolve_counting("household-2025"))`` gives the rules.
Imported lazily: the rule loader needs neither pandas nor DuckDB.
"""

from __future__ import annotations

__all__ = ["PersonCounts", "count_persons", "load_counting_rules", "resolve_counting"]


def __getattr__(name: str):
    if name in ("PersonCounts", "count_persons"):
        from pcgd_cli.persons import count

        return getattr(count, name)
    if name in ("load_counting_rules", "resolve_counting"):
        from pcgd_cli.rules import counting_loader

        return getattr(counting_loader, name)
    raise AttributeError(name)
