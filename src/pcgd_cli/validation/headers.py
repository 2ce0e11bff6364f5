"""Find the header row of a sheet, even under titles or as a two-row merged header."""

from __future__ import annotations

from dataclasses import dataclass

from pcgd_cli.validation.catalog import ColumnCatalog

SCAN_ROWS = 30  # forms put at most a few title rows above the header


@dataclass
class HeaderMatch:
    first_data_row: int  # 0-based
    columns: dict[int, str]  # column index -> key
    texts: dict[int, str]  # column index -> header text as written
    unknown: dict[int, str]  # column index -> header text matching no key
    duplicates: list[tuple[int, str]]


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _forward_fill(row: list[object]) -> list[str]:
    # a merged group heading holds its text only in its first cell
    out, last = [], ""
    for cell in row:
        text = _text(cell)
        last = text or last
        out.append(last)
    return out


def _candidates(rows: list[list[object]], r: int) -> list[list[str]]:
    single = [_text(c) for c in rows[r]]
    if r + 1 >= len(rows):
        return [single]
    group = _forward_fill(rows[r])
    sub = [_text(c) for c in rows[r + 1]]
    combined = [f"{g} - {s}" if s and g else (g or s) for g, s in zip(group, sub, strict=False)]
    # a header cell spanning both rows (merged vertically) keeps its own text
    combined = [c if _text(rows[r + 1][i]) else single[i] for i, c in enumerate(combined)]
    return [single, combined]


def _is_numbering_row(row: list[object]) -> bool:
    """The row of column numbers (1, 2, 3 …) under a form's header."""
    values = [c for c in row if _text(c)]
    if len(values) < 3:
        return False
    try:
        numbers = [float(str(v).strip("()")) for v in values]
    except ValueError:
        return False
    return numbers == [float(i) for i in range(int(numbers[0]), int(numbers[0]) + len(numbers))]


def find_header(rows: list[list[object]], catalog: ColumnCatalog) -> HeaderMatch | None:
    """The header (one or two rows) that names the most columns, with a commune code."""
    best: tuple[int, int, list[str]] | None = None
    for r in range(min(SCAN_ROWS, len(rows))):
        for height, texts in enumerate(_candidates(rows, r), start=1):
            keys = [catalog.match(t) if t else None for t in texts]
            if "commune_code" not in keys:
                continue
            score = sum(k is not None for k in keys)
            if best is None or score > best[0]:
                best = (score, r + height, texts)
    if best is None:
        return None
    _, data_row, texts = best
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
    if data_row < len(rows) and _is_numbering_row(rows[data_row]):
        data_row += 1
    return HeaderMatch(data_row, columns, {i: texts[i] for i in columns}, unknown, duplicates)
