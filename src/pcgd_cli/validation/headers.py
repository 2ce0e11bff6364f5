"""Find the header row of a sheet, even under titles or as a two-row merged header.

Where the file says which cells are merged (.xlsx, .xls), a merged cell's text
fills its whole range: a group heading over its sub-headings, a heading that
spans both header rows. Where it does not (.ods, .csv), and as a second guess
for a heading typed once above several columns without merging, a group
heading is carried to the right until the next one. The candidate that names
the most columns wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcgd_cli.validation.catalog import ColumnCatalog

SCAN_ROWS = 30  # forms put at most a few title rows above the header

Merge = tuple[int, int, int, int]


@dataclass
class HeaderMatch:
    first_data_row: int  # 0-based
    columns: dict[int, str]  # column index -> key
    texts: dict[int, str]  # column index -> header text as written
    unknown: dict[int, str]  # column index -> header text matching no key
    duplicates: list[tuple[int, str]]
    header_row: int = 0  # 0-based first row of the header
    numbering_row: int | None = None  # 0-based row of column numbers, skipped


def _text(cell: object) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _row_texts(rows: list[list[object]], r: int, width: int) -> list[str]:
    row = rows[r] if r < len(rows) else []
    return [_text(row[i]) if i < len(row) else "" for i in range(width)]


def _forward_fill(texts: list[str]) -> list[str]:
    # a group heading typed once, above the columns it covers
    out, last = [], ""
    for text in texts:
        last = text or last
        out.append(last)
    return out


def _apply_merges(texts: list[str], r: int, rows: list[list[object]],
                  merges: list[Merge]) -> list[str]:
    """Each cell of a merged range shows the text of the range's first cell."""
    out = list(texts)
    for r0, c0, r1, c1 in merges:
        if r0 <= r <= r1 and c0 < len(out):
            source = _text(rows[r0][c0]) if r0 < len(rows) and c0 < len(rows[r0]) else ""
            for c in range(c0, min(c1 + 1, len(out))):
                out[c] = source
    return out


def _join(group: list[str], sub: list[str]) -> list[str]:
    # a heading spanning both rows has the same text in both: keep it once
    return [f"{g} - {s}" if g and s and g != s else (g or s) for g, s in zip(group, sub,
                                                                              strict=True)]


def _candidates(rows: list[list[object]], r: int, merges: list[Merge] | None) -> list[
        tuple[int, list[str]]]:
    """(height, header texts) for a one-row header at r and two-row headers at r, r+1."""
    width = max(len(rows[r]), len(rows[r + 1]) if r + 1 < len(rows) else 0)
    top = _row_texts(rows, r, width)
    out = [(1, _apply_merges(top, r, rows, merges) if merges else top)]
    if r + 1 >= len(rows):
        return out
    bottom = _row_texts(rows, r + 1, width)
    if merges:
        out.append((2, _join(_apply_merges(top, r, rows, merges),
                             _apply_merges(bottom, r + 1, rows, merges))))
    # the guess: group headings carried right; a cell empty below keeps its own text
    guessed = _join(_forward_fill(top), bottom)
    guessed = [g if bottom[i] else top[i] for i, g in enumerate(guessed)]
    out.append((2, guessed))
    return out


def is_numbering_row(row: list[object]) -> bool:
    """The row of column numbers (1, 2, 3 … or (1), (2) …) under a form's header."""
    values = [c for c in row if _text(c)]
    if len(values) < 3:
        return False
    try:
        numbers = [float(str(v).strip().strip("()")) for v in values]
    except ValueError:
        return False
    start = numbers[0]
    return numbers == [start + i for i in range(len(numbers))]


def find_header(rows: list[list[object]], catalog: ColumnCatalog,
                merges: list[Merge] | None = None,
                required: tuple[str, ...] = ("commune_code",)) -> HeaderMatch | None:
    """The header (one or two rows) that names the most columns, with one of the
    ``required`` columns: a commune code, or (with a register of units) a name. Of two
    naming as many, the first that names the first required column (a title "Tên đơn
    vị" above a header "Mã xã" is not the header)."""
    best: tuple[tuple[int, bool], int, int, list[str]] | None = None
    for r in range(min(SCAN_ROWS, len(rows))):
        if not any(_text(c) for c in rows[r]):
            continue
        for height, texts in _candidates(rows, r, merges):
            keys = [catalog.match(t) if t else None for t in texts]
            if not any(key in keys for key in required):
                continue
            score = (len({k for k in keys if k is not None}), required[0] in keys)
            if best is None or score > best[0]:
                best = (score, r, r + height, texts)
    if best is None:
        return None
    _, header_row, data_row, texts = best
    columns: dict[int, str] = {}
    unknown: dict[int, str] = {}
    duplicates: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if not text:
            continue
        key = catalog.match(text)
        if key is None:
            unknown[i] = text
        elif key in seen:
            duplicates.append((i, key))
        else:
            seen.add(key)
            columns[i] = key
    numbering = None
    if data_row < len(rows) and is_numbering_row(rows[data_row]):
        numbering = data_row
        data_row += 1
    return HeaderMatch(data_row, columns, {i: texts[i] for i in columns}, unknown, duplicates,
                       header_row, numbering)
