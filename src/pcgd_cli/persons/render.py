"""`pcgd count` on a terminal: the counts as a table, findings and the row accounting."""

from __future__ import annotations

from rich.table import Table

from pcgd_cli.findings import Finding
from pcgd_cli.i18n import t
from pcgd_cli.persons.count import PersonCounts
from pcgd_cli.persons.output import accounting_totals, column_labels, counts_frame
from pcgd_cli.report.finding_text import finding_message, finding_suggestion
from pcgd_cli.rules.book import RuleBook

SHOWN_COMMUNES = 6
SHOWN_FINDINGS = 30
SHOWN_PER_CODE = 5


def counts_table(result: PersonCounts, book: RuleBook, lang: str) -> tuple[Table, str]:
    """One row per count (label and key), one column per commune-year (the first few)."""
    import pandas as pd

    labels = column_labels(result, book)
    frame = counts_frame(result)
    shown = frame.head(SHOWN_COMMUNES)
    table = Table(header_style="bold")
    table.add_column(t("col_label", lang))
    table.add_column(t("col_key", lang))
    heads = [f"{r.commune_code} {r.year} {getattr(r, 'village', '')}".rstrip()
             for r in shown.itertuples()]  # a village not written: blank (counts_frame)
    for head in heads:
        table.add_column(head, justify="right")
    for key in result.rules.counts:
        label = labels.get(key)
        table.add_row(label.get(lang) if label else key, key,
                      # "?": unknown, a rejected person may be in it (said in a finding)
                      *["?" if pd.isna(v) else str(v) for v in shown[key].tolist()])
    note = ""
    if len(frame) > SHOWN_COMMUNES:
        note = t("count_too_many_communes", lang, n=len(frame), shown=SHOWN_COMMUNES)
    return table, note


def finding_line(f: Finding, lang: str) -> str:
    where = ":".join(x for x in (f.file, f.location) if x)
    suggestion = finding_suggestion(f, lang)
    line = f"{t('severity_' + f.severity, lang)}: " + (f"{where}: " if where else "")
    return line + finding_message(f, lang) + (f" — {suggestion}" if suggestion else "")


def finding_lines(findings: list[Finding], lang: str, limit: int = SHOWN_FINDINGS,
                  per_code: int = SHOWN_PER_CODE) -> list[str]:
    """Errors first, a few of each code (the rest counted), at most ``limit`` lines."""
    order = {"error": 0, "warning": 1, "info": 2}
    groups: dict[tuple[int, str], list[Finding]] = {}
    for f in findings:
        groups.setdefault((order[f.severity], f.code), []).append(f)
    lines: list[str] = []
    hidden = 0
    for _, members in sorted(groups.items(), key=lambda g: g[0]):
        room = min(per_code, limit - len(lines))
        lines += [finding_line(f, lang) for f in members[:max(room, 0)]]
        hidden += len(members) - max(room, 0)
    if hidden > 0:
        lines.append(t("count_more_findings", lang, n=hidden))
    return lines


def summary_line(result: PersonCounts, lang: str) -> str:
    totals = accounting_totals(result)
    return t("count_summary", lang, persons=totals["persons_read"], files=len(result.files),
                counted=totals["counted"], moved_out=totals["moved_out"],
                deceased=totals["deceased"], not_resident=totals["not_resident"],
                rejected=totals["rejected"], communes=result.counts["commune_code"].nunique())
