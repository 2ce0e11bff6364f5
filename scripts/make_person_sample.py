"""Write the person-row sample (SYNTHETIC people, real Lai Châu commune codes).

sample_data/persons/<code>_<name>.xlsx   one entry workbook per commune, laid out like the
                                        national system's MauNhapLieu sheet
sample_data/persons/export_2024.csv     the same people as one multi-commune export
sample_data/persons/don_vi.csv          the register of these four communes (their lines
                                        of sample_data/lai_chau_register.csv, whose ĐBKK
                                        flags are synthetic too)

python scripts/make_person_sample.py [--out DIR] [--seed N] [--per-commune N]
Then: pcgd check sample_data/persons/*.xlsx --units sample_data/persons/don_vi.csv
"""

from __future__ import annotations

import argparse
import csv
import unicodedata
from pathlib import Path

import xlsxwriter
from synthetic_persons import COLUMNS, draw_persons

ROOT = Path(__file__).resolve().parents[1]
UNITS = ROOT / "sample_data" / "lai_chau_units.csv"
REGISTER = ROOT / "sample_data" / "lai_chau_register.csv"
COMMUNES = ["03394", "03400", "03413", "03589"]  # Thèn Sin, Tả Lèng, Sơn Bình, Mường So
YEAR = 2024
NOTICE = "DỮ LIỆU GIẢ LẬP, KHÔNG PHẢI NGƯỜI THẬT (synthetic data, not real people)"

# (group heading or None, heading, key): the entry workbook's two header rows
ENTRY_LAYOUT = [
    (None, "STT", None), (None, "Số phiếu", "household"), (None, "Thôn/bản", "village"),
    ("Họ và tên", "Họ đệm", "family_name"), ("Họ và tên", "Tên", "given_name"),
    ("Ngày sinh", "Ngày", "birth_day"), ("Ngày sinh", "Tháng", "birth_month"),
    ("Ngày sinh", "Năm", "birth_year"), (None, "Nữ", "female"), (None, "Dân tộc", "ethnicity"),
    (None, "Diện cư trú", "residence"), (None, "Tình trạng cư trú", "residence_status"),
    ("Đang học", "Khối học", "grade"), ("Đang học", "Lớp học", "class"),
    ("Đang học", "Tên trường", "school"), ("Tốt nghiệp", "Bậc tốt nghiệp", "graduated"),
    ("Tốt nghiệp", "Năm tốt nghiệp", "graduated_year"),
    (None, "Học xong lớp", "finished_grade"), (None, "Bỏ học lớp", "dropped_grade"),
    (None, "XMC đang học lớp", "literacy_class"),
    (None, "XMC hoàn thành lớp", "literacy_completed"), (None, "Tái mù chữ mức", "relapsed"),
    ("Khuyết tật", "KT vận động", "disability_motor"),
    ("Khuyết tật", "KT nghe-nói", "disability_hearing_speech"),
    ("Khuyết tật", "KT nhìn", "disability_vision"),
    ("Khuyết tật", "KT thần kinh-tâm thần", "disability_mental"),
    ("Khuyết tật", "KT trí tuệ", "disability_intellectual"),
    ("Khuyết tật", "KT học tập", "disability_learning"),
    ("Khuyết tật", "Tự kỷ", "disability_autism"), ("Khuyết tật", "KT khác", "disability_other"),
    (None, "Khả năng học tập", "able_to_learn"), (None, "Hoàn cảnh đặc biệt", "moved"),
    (None, "Quan hệ chủ hộ", "relation"), (None, "Ghi chú", "note"),
]


def units(codes: list[str]) -> list[dict]:
    with UNITS.open(encoding="utf-8") as fh:
        rows = {r["commune_code"]: r for r in csv.DictReader(fh)}
    return [rows[c] for c in codes]


def file_stem(unit: dict) -> str:
    plain = unicodedata.normalize("NFD", unit["commune"].replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in plain if c.isascii()).replace(" ", "_")
    return f"{unit['commune_code']}_{ascii_name}"


def write_entry_workbook(path: Path, unit: dict, people, year: int) -> None:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("MauNhapLieu")
    head = book.add_format({"bold": True, "align": "center", "valign": "vcenter",
                            "text_wrap": True, "border": 1})
    ws.write(0, 0, f"DANH SÁCH ĐIỀU TRA PCGD-XMC - {unit['commune'].upper()} - "
                   f"{unit['district'].upper()} — {NOTICE}")
    ws.write(1, 0, f"Năm học {year}-{year + 1}")
    c = 0
    while c < len(ENTRY_LAYOUT):
        group, text, _ = ENTRY_LAYOUT[c]
        end = c
        while group and end + 1 < len(ENTRY_LAYOUT) and ENTRY_LAYOUT[end + 1][0] == group:
            end += 1
        if group is None:
            ws.merge_range(2, c, 3, c, text, head)
        else:
            ws.merge_range(2, c, 2, end, group, head)
        c = end + 1
    for k, (group, text, _) in enumerate(ENTRY_LAYOUT):
        if group is not None:
            ws.write(3, k, text, head)
    columns = [(i, key) for i, (_, _, key) in enumerate(ENTRY_LAYOUT) if key]
    records = people[[k for _, k in columns]].itertuples(index=False)
    for r, values in enumerate(records, 4):
        ws.write_number(r, 0, r - 3)
        for (i, key), value in zip(columns, values, strict=True):
            if value == "":
                continue
            if key in ("birth_day", "birth_month", "birth_year", "household") and \
                    value.isdigit():
                ws.write_number(r, i, int(value))
            else:
                ws.write_string(r, i, value)
    book.close()


def write_register(path: Path, codes: list[str]) -> None:
    """The lines of the province's sample register for these communes."""
    with REGISTER.open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    kept = [lines[0], *(line for line in lines[1:] if any(f",{c}," in line for c in codes))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "sample_data" / "persons")
    parser.add_argument("--seed", type=int, default=20240930)
    parser.add_argument("--per-commune", type=int, default=2000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chosen = units(COMMUNES)
    people = draw_persons([(u["commune_code"], u["district_code"], u["province_code"])
                           for u in chosen], args.per_commune, YEAR, args.seed)
    for unit in chosen:
        mine = people[people["commune_code"] == unit["commune_code"]]
        write_entry_workbook(args.out / f"{file_stem(unit)}.xlsx", unit, mine, YEAR)
    export = args.out / f"export_{YEAR}.csv"
    people[COLUMNS].to_csv(export, index=False, encoding="utf-8", lineterminator="\n")
    write_register(args.out / "don_vi.csv", COMMUNES)
    print(f"{len(chosen)} workbooks and {export.name}: {len(people)} synthetic persons "
          f"in {args.out}")


if __name__ == "__main__":
    main()
