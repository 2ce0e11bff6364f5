"""`pcgd rules show household-2025`: a counting rule file as people read it."""

from __future__ import annotations

import json
from pathlib import Path

from pcgd_cli.rules.counting_loader import (
    builtin_counting_ids,
    is_counting_file,
    load_counting_rules,
    resolve_counting,
)
from pcgd_cli.rules.counting_model import CountingRules

_WORDS = {
    "columns": {"vi": "Cột của phiếu (tiêu đề được nhận)", "en": "Survey columns (headers "
                "recognised)"},
    "options": {"vi": "Tùy chọn (--option TÊN=GIÁ_TRỊ; * = mặc định)",
                "en": "Options (--option NAME=CHOICE; * = default)"},
    "cohorts": {"vi": "Độ tuổi", "en": "Age bands"},
    "counts": {"vi": "Số liệu đếm", "en": "Counts"},
    "checks": {"vi": "Kiểm tra từng dòng", "en": "Checks on each row"},
    "values": {"vi": "Giá trị của mỗi người", "en": "Values of each person"},
    "ages": {"vi": "tuổi", "en": "years old"},
    "excluded_apart": {"vi": "trừ người bị loại trừ", "en": "less the excluded"},
}


def _w(key: str, lang: str) -> str:
    return _WORDS[key].get(lang, _WORDS[key]["vi"])


def is_counting(id_or_path: str, lang: str = "vi") -> bool:
    if id_or_path in builtin_counting_ids():
        return True
    path = Path(id_or_path)
    return path.is_file() and path.suffix.lower() in (".yaml", ".yml") and \
        is_counting_file(path, lang)


def _expr(expr: object) -> str:
    return json.dumps(expr, ensure_ascii=False) if not isinstance(expr, str) else expr


def counting_lines(id_or_path: str, lang: str = "vi") -> list[str]:
    rules = load_counting_rules(resolve_counting(id_or_path, lang), lang)
    return describe(rules, lang)


def describe(rules: CountingRules, lang: str) -> list[str]:
    lines = [f"{rules.id} — {rules.title.get(lang)} (version {rules.version})",
             rules.source.get(lang), "", _w("options", lang)]
    for name, opt in rules.options.items():
        choices = ", ".join(("*" if c == opt.default else "") + c for c in opt.choices)
        lines.append(f"- {name}: {opt.description.get(lang)} [{choices}]")
    lines += ["", _w("cohorts", lang)]
    for name, cohort in rules.cohorts.items():
        who = f", {cohort.who}" if cohort.who else ""
        lo, hi = cohort.ages
        lines.append(f"- {name}: {cohort.label.get(lang)} ({lo}-{hi} {_w('ages', lang)}{who})")
    lines += ["", _w("counts", lang)]
    for key, spec in rules.counts.items():
        what = spec.part or _expr(spec.when)
        label = f" {spec.label.get(lang)}:" if spec.label else ""
        cohort = f"[{spec.cohort}] " if spec.cohort else ""
        lines.append(f"- {key}:{label} {cohort}{what}")
    lines += ["", _w("checks", lang)]
    for check in rules.checks:
        what = _expr(check.when) if check.duplicate is None else \
            "duplicate: " + ", ".join(check.duplicate.key)
        lines.append(f"- {check.code} ({check.severity}): {what}")
    lines += ["", _w("values", lang)]
    for name, expr in rules.values.items():
        lines.append(f"- {name} = {_expr(expr)}")
    lines += ["", _w("columns", lang)]
    for key, col in rules.columns.items():
        names = " / ".join(dict.fromkeys([col.label.vi, *col.aliases, key]))
        lines.append(f"- {key}: {names}")
    return lines
