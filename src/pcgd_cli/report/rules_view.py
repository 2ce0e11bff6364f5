"""`pcgd rules list` and `pcgd rules show`: rule and target sets as people read them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from pcgd_cli.i18n import fmt_threshold, t, tier_name
from pcgd_cli.rules.book import RuleBook
from pcgd_cli.rules.counting_model import CountingRules
from pcgd_cli.rules.model import CohortSpec, IndicatorSpec, RuleSet
from pcgd_cli.rules.target_model import TargetSet

CHILD = {"district": "commune", "province": "district", "nation": "province"}


def rule_sets_table(book: RuleBook, lang: str, counting: Sequence[CountingRules] = ()
                    ) -> Table:
    """One row per rule and target set of the book, and per counting rule set
    (``pcgd rules list``: the built-in ones)."""
    table = Table(header_style="bold")
    for key in ("rules_id", "rules_kind", "rules_version", "rules_status", "rules_title",
                "rules_source"):
        table.add_column(t(key, lang))
    for kind, files in (("standards", book.rule_sets), ("targets", book.target_sets)):
        for rs in files:
            status = t("rules_provisional_yes" if rs.provisional else "rules_provisional_no", lang)
            table.add_row(rs.id, t(f"rules_kind_{kind}", lang), rs.version,
                          f"[yellow]{status}[/]" if rs.provisional else status,
                          rs.title.get(lang), rs.source.get(lang))
    for cs in counting:
        table.add_row(cs.id, t("rules_kind_counting", lang), cs.version,
                      t("rules_provisional_no", lang), cs.title.get(lang), cs.source.get(lang))
    return table


def _cohorts(names: list[str], cohorts: dict[str, CohortSpec], lang: str) -> str:
    return " + ".join(cohorts[c].label.get(lang) if c in cohorts else c for c in names)


def _indicator(ind: IndicatorSpec, rs: RuleSet, lang: str) -> list[str]:
    if ind.kind == "yesno":
        line = t("show_yesno", lang, label=ind.label.get(lang), column=ind.column)
    else:
        line = t("show_rate", lang, label=ind.label.get(lang),
                 numerator=" + ".join(ind.numerator),
                 cohort=_cohorts(ind.cohort, rs.cohorts, lang),
                 threshold=fmt_threshold(ind.threshold, lang))
    extras = []
    dis = ind.disadvantaged
    if dis is not None and (dis.numerator or dis.cohort):
        extras.append(t("show_dbkk_band", lang,
                        numerator=" + ".join(dis.numerator or ind.numerator),
                        cohort=_cohorts(dis.cohort or ind.cohort, rs.cohorts, lang)))
    if dis is not None and dis.threshold is not None:
        extras.append(t("show_dbkk_threshold", lang, threshold=fmt_threshold(dis.threshold, lang)))
    if ind.fallback is not None:
        extras.append(t("show_fallback", lang, numerator=" + ".join(ind.fallback.numerator),
                        cohort=_cohorts(ind.fallback.cohort, rs.cohorts, lang)))
    if ind.optional:
        extras.append(t("show_optional", lang))
    if ind.source is not None:
        extras.append(ind.source.get(lang))
    return [f"- [{ind.id}] {line}" + (f" ({'; '.join(extras)})" if extras else "")]


def _header(rs: RuleSet | TargetSet, lang: str) -> list[str]:
    lines = [t("show_header", lang, id=rs.id, title=rs.title.get(lang), version=rs.version),
             t("show_source", lang, source=rs.source.get(lang))]
    if rs.provisional:
        text = rs.warning.get(lang) if rs.warning else ""
        lines.append(t("show_provisional", lang, text=text))
    return lines


def _standard_lines(rs: RuleSet, lang: str) -> list[str]:
    lines = _header(rs, lang)
    if rs.two_tier is not None:
        lines.append(t("show_two_tier", lang, text=rs.two_tier.note.get(lang)))
    if rs.every_standard:
        lines.append(t("show_every_standard", lang))
        for ind in rs.every_standard:
            lines += ["  " + x for x in _indicator(ind, rs, lang)]
    for sid, std in rs.standards.items():
        lines += ["", f"{sid} — {std.title.get(lang)} ({std.short.get(lang)})"]
        if std.every_level:
            lines.append("  " + t("show_every_level", lang))
            for ind in std.every_level:
                lines += ["    " + x for x in _indicator(ind, rs, lang)]
        for level in std.levels:
            lines.append("  " + t("show_level", lang, n=level.level,
                                  article=level.article.get(lang)))
            for ind in level.indicators:
                lines += ["    " + x for x in _indicator(ind, rs, lang)]
            if level.requires:
                items = ", ".join(
                    t("show_requires_item", lang,
                      standard=rs.standards[r.standard or sid].short.get(lang), level=r.level)
                    for r in level.requires)
                lines.append("    " + t("show_requires", lang, items=items))
            if level.shares:
                items = "; ".join(
                    t("show_share_item", lang, tier=tier_name(tier, lang),
                      share=fmt_threshold(share, lang), child=tier_name(CHILD[tier], lang))
                    for tier, share in level.shares.items())
                lines.append("    " + t("show_shares", lang, items=items))
    return lines


def _target_lines(ts: TargetSet, book: RuleBook, lang: str) -> list[str]:
    lines = _header(ts, lang)
    lines.append(t("show_scope", lang, scope=tier_name(ts.scope, lang), year=ts.year or "—"))
    shorts = {sid: std.short.get(lang) for rs in book.rule_sets
              for sid, std in rs.standards.items()}
    cohorts = ts.cohorts_with(book.rule_sets)
    for tg in ts.targets:
        standard = shorts.get(tg.standard or "", tg.standard)
        if tg.kind == "level":
            test = t("show_target_level", lang, scope=tier_name(ts.scope, lang),
                     standard=standard, level=tg.level)
        elif tg.kind == "share":
            test = t("show_target_share", lang, threshold=fmt_threshold(tg.threshold, lang),
                     units=tier_name(tg.of, lang), standard=standard, level=tg.level)
        else:
            test = t("show_target_rate", lang, numerator=" + ".join(tg.numerator),
                     cohort=_cohorts(tg.cohort, cohorts, lang),
                     threshold=fmt_threshold(tg.threshold, lang))
        lines.append(f"- [{tg.id}] ({tg.kind}) {tg.label.get(lang)}: {test}")
    return lines


def show_lines(rule_file: RuleSet | TargetSet, book: RuleBook, lang: str) -> list[str]:
    """Every standard, level, test and threshold of a rule set, or every target of a
    target set (its standards and cohorts named through ``book``)."""
    if isinstance(rule_file, TargetSet):
        return _target_lines(rule_file, book, lang)
    return _standard_lines(rule_file, lang)
