"""`pcgd count` on a terminal: the counts as a table, findings and the row accounting."""

from __future__ import annotations

from rich.table import Table

from pcgd_cli.findings import Finding
from pcgd_cli.i18n import t
from pcgd_cli.persons.count import PersonCounts
from pcgd_cli.persons.messages import text
from pcgd_cli.persons.output import accounting_totals, column_labels

SHOWN_COMMUNES = 6
SHOWN_FINDINGS = 30


def counts_table(result: PersonCounts, lang: str) -> tuple[Table, str]:
    """One row per count (label and key), one column per commune-year (the first few)."""
    labels = column_labels(result)
    frame = result.counts
    shown = frame.head(SHOWN_COMMUNES)
    table = Table(header_style="bold")
    table.add_column(text("col_label", lang))
    table.add_column(text("col_key", lang))
    heads = [f"{r.commune_code} {r.year}" + (f" {r.village}" if "village" in frame else "")
             for r in shown.itertuples()]
    for head in heads:
        table.add_column(head, justify="right")
    for key in result.rules.counts:
        label = labels.get(key)
        table.add_row(label.get(lang) if label else key, key,
                      *[str(v) for v in shown[key].tolist()])
    note = ""
    if len(frame) > SHOWN_COMMUNES:
        note = text("count_too_many_communes", lang, n=len(frame), shown=SHOWN_COMMUNES)
    return table, note


def finding_line(f: Finding, lang: str) -> str:
    where = ":".join(x for x in (f.file, f.location) if x)
    suggestion = f.suggestion(lang)
    line = f"{t('severity_' + f.severity, lang)}: " + (f"{where}: " if where else "")
    return line + f.message(lang) + (f" — {suggestion}" if suggestion else "")


def finding_lines(findings: list[Finding], lang: str, limit: int = SHOWN_FINDINGS) -> list[str]:
    order = {"error": 0, "warning": 1, "info": 2}
    ranked = sorted(findings, key=lambda f: order[f.severity])
    lines = [finding_line(f, lang) for f in ranked[:limit]]
    if len(ranked) > limit:
        lines.append(text("count_more_findings", lang, n=len(ranked) - limit))
    return lines


def summary_line(result: PersonCounts, lang: str) -> str:
    totals = accounting_totals(result)
    return text("count_summary", lang, persons=totals["persons_read"], files=len(result.files),
                counted=totals["counted"], moved_out=totals["moved_out"],
                deceased=totals["deceased"], not_resident=totals["not_resident"],
                rejected=totals["rejected"], communes=result.counts["commune_code"].nunique())
