"""The JSON report, schema_version 2 (docs/report.schema.json; README "JSON report").

Labels, articles, thresholds and not-checked tests are said once, in "rules"
(json_rules.py); each unit carries what varies by unit, read from the result
columns (result_columns.py): per standard its status and level, each level's status
(and a parent unit's share of its units), each indicator's numerator, denominator and
excluded once, and, short of its next level, the tests failing there and by how many
people, the unmet prerequisites and the unknown tests. Sentences (the gap in words)
only with ``explain``. Version 1 stays behind ``--json-schema 1`` for one release
(json_v1.py).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

import numpy as np
import orjson

from pcgd_cli.engine.results import STATUS_NAMES, Check, Status
from pcgd_cli.report.explain import reason_lines, share_gap_text
from pcgd_cli.report.json_common import (
    byte_writer,
    close_document,
    encode,
    head,
    no_cycle_collection,
    open_results,
    tail,
    write_chunks,
)
from pcgd_cli.report.json_rules import rules_part
from pcgd_cli.report.result_columns import StandardColumns, TierColumns, result_columns
from pcgd_cli.report.second_core import write_in_two
from pcgd_cli.report_model import Report

SCHEMA_VERSION = 2
# Units turned into dicts and written at a time: bounds memory on national files.
CHUNK = 500
# From this many chunks the later ones and the findings are encoded in a child process
# (second_core.py): a province's report (one chunk) is not worth a fork. The parent
# takes the first PARENT_SHARE of the chunks: the child also encodes the findings
# (6,000 year findings nationally, about a third of the work).
SPLIT_FROM = 8
PARENT_SHARE = 0.8

# Status names indexed by the engine's integer codes: a list lookup per unit.
_STATUSES = [STATUS_NAMES[Status(s)] for s in range(len(Status))]


def _figure_entry(std: StandardColumns, i: int) -> dict:
    """Unit i's {indicator: [numerator, denominator, excluded] or None}. A ĐBKK commune's
    figures of a test with a ĐBKK age band are that band's (rules say which)."""
    return {fig.key: ([int(fig.numerator[i]), int(fig.denominator[i]), int(fig.excluded[i])]
                      if fig.known[i] else None)
            for fig in std.figures if fig.checked}  # not checked: said once in "rules"


def _figures_encoded(std: StandardColumns, a: int, b: int) -> list[bytes]:
    """Per unit a..b-1, its "indicators" object as JSON. Each figure's columns are
    encoded by orjson in one call and cut into units; a unit with a figure unknown
    (null) is encoded from its own entry. Unit by unit in Python, building and then
    encoding these lists was most of the JSON report's time on the national file."""
    checked = [fig for fig in std.figures if fig.checked]
    if b <= a:
        return []
    if not checked:
        return [b"{}"] * (b - a)
    template = b"{" + b",".join(encode(fig.key).replace(b"%", b"%%") + b":[%b]"
                                for fig in checked) + b"}"
    columns = []
    for fig in checked:
        triples = np.stack([fig.numerator[a:b], fig.denominator[a:b], fig.excluded[a:b]],
                           axis=1)
        if triples.dtype.kind not in "iu":  # the engine counts in int64; else unit by unit
            return [encode(_figure_entry(std, i)) for i in range(a, b)]
        columns.append(encode(triples)[2:-2].split(b"],["))  # [[x,y,e],…] → "x,y,e", …
    known = np.logical_and.reduce([fig.known[a:b] for fig in checked]).tolist()
    per_unit = zip(*columns, strict=True)
    return [template % parts if whole else encode(_figure_entry(std, a + n))
            for n, (whole, parts) in enumerate(zip(known, per_unit, strict=True))]


def _commune_gaps(std: StandardColumns, a: int, b: int) -> list[dict | None]:
    """Per unit a..b-1 short of a level: that level, the tests failing there with the
    people short (None for a yes/no test), unmet prerequisites and unknown tests.
    Built test by test over the units concerned, not unit by unit."""
    next_level = std.next_level[a:b]
    gaps: list[dict | None] = [None] * (b - a)
    keys = [f.key for f in std.figures]
    for k, level in enumerate(std.levels):
        here = next_level == k
        if not here.any():
            continue
        number = level.spec.level
        for n in here.nonzero()[0].tolist():
            gaps[n] = {"level": number}
        for test in level.tests:
            check = test.result.check[a:b]
            key = keys[test.figure]
            failing = (here & (check == Check.FAIL)).nonzero()[0].tolist()
            yesno = test.result.spec.kind == "yesno"
            short = test.result.shortfall[a:b]
            for n in failing:
                gaps[n].setdefault("failing", {})[key] = None if yesno else int(short[n])
        for req in level.requirements:
            status = req.status[a:b]
            for n in (here & (status != Status.MET)).nonzero()[0].tolist():
                gaps[n].setdefault("requires", []).append(
                    {"standard": req.standard, "level": req.level,
                     "status": _STATUSES[int(status[n])]})
        for test in level.tests:
            check = test.result.check[a:b]
            for n in (here & (check == Check.MISSING)).nonzero()[0].tolist():
                gaps[n].setdefault("unknown", []).append(keys[test.figure])
    return gaps


def _parent_gaps(std: StandardColumns, a: int, b: int) -> list[dict | None]:
    """Per parent unit a..b-1 short of a level: that level and the units still needed."""
    out: list[dict | None] = []
    for n, k in enumerate(std.next_level[a:b].tolist()):
        if k < 0:
            out.append(None)
            continue
        share = std.levels[k].share
        gap: dict = {"level": std.levels[k].spec.level}
        if share is not None and share.required is not None:
            gap["units_short"] = int(share.shortfall[a + n])
        out.append(gap)
    return out


def _level_entry(std: StandardColumns, tier: TierColumns, i: int) -> dict:
    out = {}
    for level in std.levels:
        entry: dict = {"status": _STATUSES[int(level.status[i])]}
        share = level.share
        if share is not None:
            entry["share"] = {"units": tier.child_tier, "children": int(share.children[i]),
                              "met": int(share.met[i]), "unknown": int(share.unknown[i]),
                              "required": share.required, "shortfall": int(share.shortfall[i])}
        out[str(level.spec.level)] = entry
    return out


def _standards_encoded(std: StandardColumns, tier: TierColumns, report: Report, lang: str,
                       explain: bool, a: int, b: int) -> list[bytes]:
    """Per unit a..b-1, the standard's entry as JSON: status and level, each level's
    status (with a parent unit's share), the indicators, and the gap to the next level.
    What comes before the indicators takes a few distinct values among communes: each
    is encoded once."""
    statuses = std.status[a:b].tolist()
    if not std.evaluated:
        return [encode({"status": _STATUSES[s], "level": None}) for s in statuses]
    levels = std.level[a:b].tolist()
    at_least = std.level_at_least[a:b].tolist()
    level_statuses = list(zip(*(level.status[a:b].tolist() for level in std.levels),
                              strict=True)) if std.levels else [()] * (b - a)
    shares = any(level.share is not None for level in std.levels)
    figures = _figures_encoded(std, a, b)
    gaps = _commune_gaps(std, a, b) if tier.tier == "commune" else _parent_gaps(std, a, b)
    heads: dict[tuple, bytes] = {}
    out = []
    for n in range(b - a):
        key = (statuses[n], levels[n], at_least[n], level_statuses[n])
        head = None if shares else heads.get(key)
        if head is None:
            entry: dict = {"status": _STATUSES[statuses[n]],
                           "level": None if levels[n] < 0 else levels[n]}
            if levels[n] < 0 < at_least[n]:  # unknown level, yet some level is known met
                entry["level_at_least"] = at_least[n]
            if std.provisional:
                entry["provisional"] = True
            entry["levels"] = _level_entry(std, tier, a + n)
            head = heads[key] = encode(entry)[:-1] + b',"indicators":'
        gap = gaps[n]
        if gap is None:
            out.append(head + figures[n] + b"}")
            continue
        if explain:
            gap["explain"] = _explain(std, tier, report, int(std.next_level[a + n]), a + n, lang)
        out.append(head + figures[n] + b',"gap":' + encode(gap) + b"}")
    return out


def _explain(std: StandardColumns, tier: TierColumns, report: Report, k: int, i: int,
             lang: str) -> list[str]:
    """The gap in words, as the terminal and the workbook say it."""
    level = tier.result.standards[std.id].levels[k]
    if tier.tier == "commune":
        return reason_lines(level, i, std.rules, report.book, lang)
    text = share_gap_text(level, i, tier.tier, tier.child_tier, lang, std.spec.short.get(lang))
    return [text] if text else []


def tier_lines(tier: TierColumns, report: Report, lang: str, explain: bool, a: int = 0,
               b: int | None = None) -> list[bytes]:
    """The results entries of the tier's units a..b-1 (all of them by default), each
    encoded on its own."""
    b = len(tier) if b is None else min(b, len(tier))
    units = tier.units
    # the unit's own keys, then its standards' entries, each encoded already
    line = b'%b,"standards":{' + b",".join(encode(sid).replace(b"%", b"%%") + b":%b"
                                           for sid in tier.standards) + b"}}"
    standards = zip(*(_standards_encoded(std, tier, report, lang, explain, a, b)
                      for std in tier.standards.values()), strict=True) \
        if tier.standards else [()] * (b - a)
    commune = tier.tier == "commune"
    out = []
    for i, entries in zip(range(a, b), standards, strict=True):
        unit = {"unit_type": tier.tier, "code": units.code[i], "name": units.name[i],
                "parent_code": units.parent_code[i], "year": units.year[i]}
        if commune:
            unit["disadvantaged"] = units.disadvantaged[i]
            if report.persons is not None:  # the persons its counts were made from
                unit["persons"] = report.persons.of(units.code[i], units.year[i])
        else:
            unit["communes"] = units.communes[i]
        if tier.provisional:
            unit["provisional"] = True
        out.append(line % (encode(unit)[:-1], *entries))
    return out


def chunk_list(tiers: list[TierColumns], size: int) -> list[tuple[TierColumns, int]]:
    """(tier, first unit) of each chunk of at most ``size`` units, communes first."""
    return [(tier, a) for tier in tiers for a in range(0, len(tier), size)]


def result_chunks(report: Report, chunks: list[tuple[TierColumns, int]], size: int,
                  lang: str, explain: bool) -> Iterator[list[bytes]]:
    """The results entries of ``chunks`` encoded, a chunk at a time."""
    for tier, a in chunks:
        yield tier_lines(tier, report, lang, explain, a, a + size)


def _head(report: Report, tiers: list[TierColumns], lang: str) -> dict:
    return head(report, lang, SCHEMA_VERSION, rules_part(report, tiers[0] if tiers else None,
                                                         lang))


def report_dict(report: Report, lang: str = "vi", explain: bool = False,
                tiers: list[TierColumns] | None = None) -> dict:
    """The whole JSON report as one dict: what ``write_json`` writes, read back."""
    stream = io.BytesIO()
    write_json(report, stream, lang, explain, tiers)
    return orjson.loads(stream.getvalue())


def write_json(report: Report, stream: IO, lang: str = "vi", explain: bool = False,
               tiers: list[TierColumns] | None = None) -> None:
    """The JSON report, a chunk of units at a time. ``tiers``: the result columns when
    the caller has them already (another output)."""
    tiers = result_columns(report.evaluation) if tiers is None else tiers
    chunks = chunk_list(tiers, CHUNK)
    # every chunk holds a unit, so the child's first one follows the parent's last
    cut = max(1, round(len(chunks) * PARENT_SHARE)) if len(chunks) >= SPLIT_FROM else len(chunks)

    def first(write) -> None:
        open_results(write, _head(report, tiers, lang))
        write_chunks(write, result_chunks(report, chunks[:cut], CHUNK, lang, explain),
                     wrote=False)

    def second(write) -> None:
        wrote = write_chunks(write, result_chunks(report, chunks[cut:], CHUNK, lang, explain),
                             wrote=cut > 0)
        close_document(write, wrote, tail(report, lang))

    write = byte_writer(stream)
    with no_cycle_collection():
        if cut < len(chunks):
            write_in_two(first, second, write)
        else:
            first(write)
            second(write)
