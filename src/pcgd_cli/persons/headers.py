"""Find the person table's header: up to four rows, group headings over sub-headings.

The entry workbook heads its columns with up to four rows: "Khuyết tật" merged
over "KT vận động", "KT nghe-nói" …; "Ngày sinh" over Ngày / Tháng / Năm. Each
column's text is its headings top to bottom joined with " - " (a heading
spanning several rows counted once). A column is named by the whole text when
the catalogue knows it, else by its most specific part ("Họ và tên - Họ đệm"
→ "Họ đệm"). Where the file does not say which cells are merged, a group
heading typed once is carried right over the columns that have a sub-heading.
The block of rows that names the most columns, among those with a birth and a
name column, wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pcgd_cli.validation.catalog import ColumnCatalog
from pcgd_cli.validation.headers import is_numbering_row

SCAN_ROWS = 30
MAX_HEIGHT = 4
BIRTH_KEYS = ("birth_year", "birth_date")
NAME_KEYS = ("family_name", "given_name", "full_name")

Merge = tuple[int, int, int, int]


def names_persons(keys: set[str] | dict[str, int]) -> bool:
    """Whether an export's columns hold person rows: a birth or a name column. Its header
    is its first line, so one of them is enough (an export without names is counted; one
    without a birth column has every row said as an error); with neither it is some other
    table (commune counts, a register), never counted as persons with every count zero."""
    return bool(set(keys) & {*BIRTH_KEYS, *NAME_KEYS})


@dataclass
class PersonHeader:
    header_row: int  # 0-based first row of the header
    first_data_row: int  # 0-based
    columns: dict[int, str]  # column index -> key
    texts: dict[int, str]  # column index -> header text as joined
    unknown: dict[int, str] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)


def _text(cell: object) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _grid(texts: list[list[str]], r: int, h: int, width: int) -> list[list[str]]:
    return [[texts[i][c] if c < len(texts[i]) else "" for c in range(width)]
            for i in range(r, r + h)]


def _merged(block: list[list[str]], r: int, rows: list[list[object]],
            merges: list[Merge]) -> list[list[str]]:
    out = [list(line) for line in block]
    for r0, c0, r1, c1 in merges:
        source = _text(rows[r0][c0]) if r0 < len(rows) and c0 < len(rows[r0]) else ""
        for i in range(len(out)):
            if r0 <= r + i <= r1:
                for c in range(c0, min(c1 + 1, len(out[i]))):
                    out[i][c] = source
    return out


def _carried(block: list[list[str]]) -> list[list[str]]:
    """Upper rows' headings carried right, over columns that have a heading below."""
    out = [list(line) for line in block]
    for i in range(len(out) - 1):
        last = ""
        for c, cell in enumerate(block[i]):
            last = cell or last
            below = any(block[j][c] for j in range(i + 1, len(block)))
            if not cell and below:
                out[i][c] = last
    return out


def _parts(block: list[list[str]], c: int) -> list[str]:
    parts: list[str] = []
    for line in block:
        if line[c] and (not parts or parts[-1] != line[c]):
            parts.append(line[c])
    return parts


def match_parts(parts: list[str], catalog: ColumnCatalog,
                memo: dict[str, str | None] | None = None) -> tuple[str | None, bool]:
    """The whole heading, else its most specific parts (the last ones); and whether
    the whole heading matched. ``memo``: headings already looked up (the search tries
    the same texts in many blocks of rows)."""
    memo = {} if memo is None else memo
    for start in range(len(parts)):
        text = " - ".join(parts[start:])
        if text not in memo:
            memo[text] = catalog.match(text)
        if memo[text] is not None:
            return memo[text], start == 0
    return None, False


def _columns(block: list[list[str]], catalog: ColumnCatalog, memo: dict[str, str | None]
             ) -> tuple[dict[int, str], dict[int, str], int]:
    keys: dict[int, str] = {}
    texts: dict[int, str] = {}
    whole = 0
    for c in range(len(block[0])):
        parts = _parts(block, c)
        if not parts:
            continue
        texts[c] = " - ".join(parts)
        key, exact = match_parts(parts, catalog, memo)
        if key is not None:
            keys[c] = key
            whole += exact
    return keys, texts, whole


def find_person_header(rows: list[list[object]], catalog: ColumnCatalog,
                       merges: list[Merge] | None = None,
                       blocks: dict | None = None) -> PersonHeader | None:
    """``blocks``: blocks of headings already matched, kept across sheets (workbooks of
    one system share their header; each sheet still tries every block)."""
    # ranked by the columns named, then by the headings matched whole (a title row
    # joined on top matches only by its parts), then the shorter block
    best: tuple[tuple[int, int, int], int, int, dict[int, str], dict[int, str]] | None = None
    blocks = {} if blocks is None else blocks
    memo: dict[str, str | None] = blocks.setdefault("headings", {})
    texts_of = [[_text(c) for c in row] for row in rows[:SCAN_ROWS + MAX_HEIGHT]]
    row_keys = [tuple(t) for t in texts_of]
    spans = [(r0, c0, r1, c1, _text(rows[r0][c0]) if r0 < len(rows) and c0 < len(rows[r0])
              else "") for r0, c0, r1, c1 in merges or ()]
    for r in range(min(SCAN_ROWS, len(rows))):
        if best is not None and r > best[1] + MAX_HEIGHT:
            break  # rows well below a header found are its data, not another header
        if not any(texts_of[r]):
            continue
        for h in range(1, MAX_HEIGHT + 1):
            if r + h > len(rows):
                break
            width = max(len(rows[i]) for i in range(r, r + h))
            near = tuple((r0 - r, c0, r1 - r, c1, text) for r0, c0, r1, c1, text in spans
                         if r0 < r + h and r1 >= r)
            key = (tuple(row_keys[r:r + h]), width, near, bool(merges))
            if key not in blocks:
                block = _grid(texts_of, r, h, width)
                variants = [_carried(block)]
                if merges:
                    variants.insert(0, _merged(block, r, rows, merges))
                blocks[key] = [_columns(v, catalog, memo) for v in variants]
            for keys, texts, whole in blocks[key]:
                found = set(keys.values())
                if not found & set(BIRTH_KEYS) or not found & set(NAME_KEYS):
                    continue
                score = (len(found), whole, -h)
                if best is None or score > best[0]:
                    best = (score, r, h, keys, texts)
    if best is None:
        return None
    _, r, h, keys, texts = best
    columns: dict[int, str] = {}
    duplicates: list[tuple[int, str]] = []
    for c, key in sorted(keys.items()):
        if key in columns.values():
            duplicates.append((c, key))
        else:
            columns[c] = key
    unknown = {c: t for c, t in texts.items() if c not in keys}
    first = r + h
    if first < len(rows) and is_numbering_row(rows[first]):
        first += 1  # the row of column numbers (1, 2, 3 …) under a form's header
    return PersonHeader(r, first, columns, {c: texts[c] for c in columns}, unknown, duplicates)
