"""`pcgd rules show household-2025`: a counting rule file as people read it."""

from __future__ import annotations

import json

from pcgd_cli.i18n import t
from pcgd_cli.rules.counting_model import CountingRules


def _expr(expr: object) -> str:
    return json.dumps(expr, ensure_ascii=False) if not isinstance(expr, str) else expr


def describe(rules: CountingRules, lang: str) -> list[str]:
    lines = [f"{rules.id} — {rules.title.get(lang)} (version {rules.version})",
             rules.source.get(lang), "", t("counting_show_options", lang)]
    for name, opt in rules.options.items():
        choices = ", ".join(("*" if c == opt.default else "") + c for c in opt.choices)
        lines.append(f"- {name}: {opt.description.get(lang)} [{choices}]")
    lines += ["", t("counting_show_cohorts", lang)]
    for name, cohort in rules.cohorts.items():
        who = f", {cohort.who}" if cohort.who else ""
        lo, hi = cohort.ages
        ages = t("counting_show_ages", lang)
        lines.append(f"- {name}: {cohort.label.get(lang)} ({lo}-{hi} {ages}{who})")
    lines += ["", t("counting_show_counts", lang)]
    for key, spec in rules.counts.items():
        what = spec.part or _expr(spec.when)
        label = f" {spec.label.get(lang)}:" if spec.label else ""
        cohort = f"[{spec.cohort}] " if spec.cohort else ""
        lines.append(f"- {key}:{label} {cohort}{what}")
    lines += ["", t("counting_show_checks", lang)]
    for check in rules.checks:
        what = _expr(check.when) if check.duplicate is None else \
            "duplicate: " + ", ".join(check.duplicate.key)
        lines.append(f"- {check.code} ({check.severity}): {what}")
    lines += ["", t("counting_show_values", lang)]
    for name, expr in rules.values.items():
        lines.append(f"- {name} = {_expr(expr)}")
    lines += ["", t("counting_show_columns", lang)]
    for key, col in rules.columns.items():
        names = " / ".join(dict.fromkeys([col.label.vi, *col.aliases, key]))
        lines.append(f"- {key}: {names}")
    return lines
