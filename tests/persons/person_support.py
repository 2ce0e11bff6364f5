"""Build person-row files the way communes keep them: the national system's entry
workbook (title, survey year in A2, a two-row header with group headings merged
over their columns, data from row 5), and multi-commune CSV / Parquet exports."""

from __future__ import annotations

import csv
from pathlib import Path

import xlsxwriter

from pcgd_cli.persons.count import count_persons
from pcgd_cli.rules.counting_loader import load_counting_rules, resolve_counting

# (group heading, sub-heading or None, key)
ENTRY_COLUMNS = [
    ("STT", None, "index"), ("Số phiếu", None, "household"), ("Họ đệm", None, "family_name"),
    ("Tên", None, "given_name"), ("Ngày sinh", "Ngày", "birth_day"),
    ("Ngày sinh", "Tháng", "birth_month"), ("Ngày sinh", "Năm", "birth_year"),
    ("Nữ", None, "female"), ("Dân tộc", None, "ethnicity"), ("Diện cư trú", None, "residence"),
    ("Tình trạng cư trú", None, "residence_status"), ("Khối học", None, "grade"),
    ("Lớp học", None, "class"), ("Tên trường", None, "school"),
    ("Bậc tốt nghiệp", None, "graduated"), ("Bổ túc", None, "graduated_continuing"),
    ("Năm tốt nghiệp", None, "graduated_year"), ("Bậc TN nghề", None, "vocational_level"),
    ("Học xong lớp", None, "finished_grade"), ("Bỏ học lớp", None, "dropped_grade"),
    ("XMC đang học lớp", None, "literacy_class"),
    ("XMC hoàn thành lớp", None, "literacy_completed"),
    ("Tái mù chữ mức", None, "relapsed"),
    ("Khuyết tật", "KT vận động", "disability_motor"),
    ("Khuyết tật", "KT nghe-nói", "disability_hearing_speech"),
    ("Khuyết tật", "KT nhìn", "disability_vision"),
    ("Khuyết tật", "KT thần kinh-tâm thần", "disability_mental"),
    ("Khuyết tật", "KT trí tuệ", "disability_intellectual"),
    ("Khuyết tật", "KT học tập", "disability_learning"),
    ("Khuyết tật", "Tự kỷ", "disability_autism"), ("Khuyết tật", "KT khác", "disability_other"),
    ("Khả năng học tập", None, "able_to_learn"), ("Hoàn cảnh đặc biệt", None, "moved"),
    ("Quan hệ chủ hộ", None, "relation"), ("Ghi chú", None, "note"),
]
KEYS = [k for _, _, k in ENTRY_COLUMNS]
FIRST_DATA_ROW = 5  # 1-based


def person(**values) -> dict:
    """A person with a name and a household; values by key."""
    base = {"household": "1", "family_name": "Lò Văn", "given_name": "A"}
    base.update({k: v for k, v in values.items()})
    return base


def write_entry_workbook(path: Path, persons: list[dict], year_cell: object = "Năm học 2024-2025",
                         title: str = "DANH SÁCH PHIẾU ĐIỀU TRA PCGD-XMC",
                         sheet: str = "MauNhapLieu") -> Path:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(sheet)
    ws.write(0, 0, title)
    if year_cell is not None:
        ws.write(1, 0, year_cell)
    c = 0
    while c < len(ENTRY_COLUMNS):
        group, sub, _ = ENTRY_COLUMNS[c]
        if sub is None:
            ws.merge_range(2, c, 3, c, group)
            c += 1
            continue
        end = c
        while end + 1 < len(ENTRY_COLUMNS) and ENTRY_COLUMNS[end + 1][0] == group:
            end += 1
        ws.merge_range(2, c, 2, end, group)
        for k in range(c, end + 1):
            ws.write(3, k, ENTRY_COLUMNS[k][1])
        c = end + 1
    for i, p in enumerate(persons):
        row = FIRST_DATA_ROW - 1 + i
        ws.write(row, 0, i + 1)
        for key, value in p.items():
            if key in KEYS and value is not None and key != "index":
                ws.write(row, KEYS.index(key), value)
    book.close()
    return path


EXPORT_KEYS = ["commune_code", "commune", "district_code", "province_code", "village", "year",
               *KEYS[1:], "birth_date", "full_name"]


def write_export_csv(path: Path, persons: list[dict], headers: dict[str, str] | None = None
                     ) -> Path:
    """``persons`` carry commune_code, year …; ``headers`` renames keys (labels)."""
    keys = [k for k in EXPORT_KEYS if any(k in p for p in persons)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([(headers or {}).get(k, k) for k in keys])
        for p in persons:
            writer.writerow(["" if p.get(k) is None else p.get(k) for k in keys])
    return path


def rules():
    return load_counting_rules(resolve_counting("household-2025"))


def count(paths, **kwargs):
    return count_persons([Path(p) for p in paths], rules(), **kwargs)


def make_register(folder: Path, communes: list[tuple[str, str, str, str]]):
    """A register of units (--units) of (commune code, commune, district code, district)."""
    from pcgd_cli.units import load_register

    path = folder / "don_vi.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["province_code", "province", "district_code", "district",
                         "commune_code", "commune"])
        for code, name, district_code, district in communes:
            writer.writerow(["12", "Tỉnh Lai Châu", district_code, district, code, name])
    return load_register(path)
