"""Total and subtotal rows: recognise them, and check them against their rows.

Forms carry "Cộng", "Tổng cộng", "Toàn huyện" rows, and a district's own row
among its communes ("Huyện Tam Đường" or "Cộng huyện Tam Đường" with no
commune code). They are not communes. Their counts must equal the sum of the
rows they total; where they do not, both figures are reported (a warning: the
commune rows are what pcgd uses).

Which rows a total covers:
- a row naming a district (by its district code/name cells, or by a label
  that is a district's name) covers that district's communes in the sheet;
- "Tổng cộng", "Toàn tỉnh/huyện/…" cover every commune row of the sheet;
- "Cộng" covers the commune rows since the previous "Cộng" or district section
  row ("I. Huyện Tam Đường"), whichever is nearer;
- a section row holding figures is its district's total;
- a heading such as "Huyện X" in a sheet without district columns covers the
  commune rows after it, up to the next total row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

_MARKS = re.compile(r"[\u0300-\u036f]")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_GRAND = re.compile(r"^(tongcong|toan(tinh|huyen|quan|thixa|thanhpho|xa|phuong|ca)|"
                    r"tong(so)?$|congtoan)")
_CLOSING = re.compile(r"^cong($|huyen|quan|thixa|thanhpho|tinh|chung)")
_UNIT_HEADING = re.compile(r"^((i|ii|iii|iv|v|vi|vii|viii|ix|x)+)?"
                           r"(huyen|quan|thixa|thanhpho|tp)(?!$)")
_DISTRICT_PREFIX = re.compile(r"^(cong)?(huyen|quan|thixa|thanhpho|tp)")

GRAND, CLOSING, OPENING, DISTRICT = "grand", "closing", "opening", "district"


def plain(text: object) -> str:
    """Lower case, no accents, no spaces or punctuation: "Cộng huyện" → "conghuyen"."""
    s = unicodedata.normalize("NFD", str(text).casefold()).replace("đ", "d")
    return _NOT_ALNUM.sub("", _MARKS.sub("", s))


def district_name_key(name: object) -> str:
    """"Huyện Tam Đường", "Cộng huyện Tam Đường", "Tam Đường" → "tamduong"."""
    return _DISTRICT_PREFIX.sub("", plain(name))


def total_kind(label: str, district_names: set[str]) -> str | None:
    """What kind of total the plain ``label`` of a row without a commune code is."""
    if not label:
        return None
    if _GRAND.match(label):
        return GRAND
    if district_name_key(label) in district_names and district_name_key(label):
        return DISTRICT
    if _CLOSING.match(label):
        return CLOSING
    if _UNIT_HEADING.match(label):
        return OPENING
    return None


@dataclass
class TotalRow:
    pos: int  # position among the data rows
    kind: str
    district: str  # district key for DISTRICT totals
    label: str  # as written, for the message


def scopes(totals: list[TotalRow], used: np.ndarray, districts: np.ndarray,
           starts: list[int] | None = None) -> list[np.ndarray]:
    """For each total row, the mask of commune rows it covers; ``starts``: the
    positions of district section rows, where a "Cộng" stops looking up."""
    n = len(used)
    positions = np.arange(n)
    out = []
    last_closing = -1
    starts = sorted(starts or [])
    ordered = sorted(totals, key=lambda tr: tr.pos)
    next_total = {tr.pos: (ordered[i + 1].pos if i + 1 < len(ordered) else n)
                  for i, tr in enumerate(ordered)}
    for tr in totals:
        if tr.kind == DISTRICT:
            mask = used & (districts == tr.district)
        elif tr.kind == GRAND:
            mask = used
        elif tr.kind == CLOSING:
            start = max([last_closing, *(p for p in starts if p < tr.pos)])
            mask = used & (positions > start) & (positions < tr.pos)
            last_closing = tr.pos
        else:
            mask = used & (positions > tr.pos) & (positions < next_total[tr.pos])
        out.append(mask)
    return out


def mismatch(total_value: float, column: np.ndarray, rows: np.ndarray) -> tuple[int, int] | None:
    """(total, sum) when a total row's cell differs from the sum of its ``rows`` (indexes).

    Nothing is said when the total cell is empty, no row is covered, or a covered
    row has no valid value (its own finding says so)."""
    if np.isnan(total_value) or not len(rows):
        return None
    values = column[rows]
    if np.isnan(values).any():
        return None
    total, summed = int(total_value), int(values.sum())
    return None if total == summed else (total, summed)
