"""Where a person is at school, as a table of cases: the grade column decides over the
class and the school; a class's leading number (after an optional "Lớp"); the classes
and schools that make kindergarten; vocational training only without a general grade;
the school year a lower-secondary diploma was obtained in.

Every case is one person in its own commune of one export (N = 2024 unless the case
gives another year); a case names the counts it looks at and their values, and the
error its row makes (a rejected row is in no count).
"""

from __future__ import annotations

import pandas as pd
import pytest
from person_support import count, write_export_csv

KG5 = {"age5_attending": 1, "age3_5_attending": 1}
NOT_KG5 = {"age5_total": 1, "age5_attending": 0, "age3_5_attending": 0}
BAD = "person_bad_grade"
STREAMING = ("lower_sec_graduates", "lower_sec_graduates_vocational", "age15_18_studying")

# (case, person's cells, {count: value}, error code or None)
CASES = [
    # the grade column decides: a school that also teaches preschool does not override it
    ("6, grade 1 at a 'Liên cấp Mầm non - Tiểu học' school",
     {"birth_year": 2018, "grade": 1, "school": "Trường Liên cấp Mầm non - Tiểu học Hoa Sen"},
     {"age6_grade1": 1}, None),
    ("11, grade 5 at 'Trường Mầm non và Tiểu học'",
     {"birth_year": 2013, "grade": 5, "school": "Trường Mầm non và Tiểu học Bản Bo"},
     {"age11_in_primary": 1}, None),
    ("6, class 1A at 'Trường MN-TH'",
     {"birth_year": 2018, "class": "1A", "school": "Trường MN-TH Sơn Bình"},
     {"age6_grade1": 1}, None),
    ("5, class 5A at 'Trường MN-TH' is grade 5, not kindergarten",
     {"birth_year": 2019, "class": "5A", "school": "Trường MN-TH Sơn Bình"}, NOT_KG5, None),
    ("5, grade 1 at a preschool-only school: the grade decides",
     {"birth_year": 2019, "grade": 1, "school": "Trường Mầm non Hoa Ban"}, NOT_KG5, None),
    ("6, grade 1 with class 'Lá': the grade decides",
     {"birth_year": 2018, "grade": 1, "class": "Lá"}, {"age6_grade1": 1}, None),
    ("5, grade '5 tuổi' with class 1A: the grade decides",
     {"birth_year": 2019, "grade": "5 tuổi", "class": "1A"}, KG5, None),
    ("5, grade '5 tuổi' at a primary school",
     {"birth_year": 2019, "grade": "5 tuổi", "school": "Trường Tiểu học Bản Bo"}, KG5, None),
    # kindergarten with the grade blank: a preschool-only school, or a kindergarten class
    ("5, class 5A at a preschool-only school",
     {"birth_year": 2019, "class": "5A", "school": "Trường Mầm non Hoa Ban"}, KG5, None),
    ("5, no class, at 'Trường MN Hoa Ban'",
     {"birth_year": 2019, "school": "Trường MN Hoa Ban"}, KG5, None),
    ("5, at 'Trường Mầm non Thành Công' ('Th' of a name is no TH)",
     {"birth_year": 2019, "school": "Trường Mầm non Thành Công"}, KG5, None),
    ("5, class 'Lá'", {"birth_year": 2019, "class": "Lá"}, KG5, None),
    ("5, class 'Lớp Lá 2'", {"birth_year": 2019, "class": "Lớp Lá 2"}, KG5, None),
    ("5, class 'MG lớn'", {"birth_year": 2019, "class": "MG lớn"}, KG5, None),
    ("5, class 'MG 5A'", {"birth_year": 2019, "class": "MG 5A"}, KG5, None),
    ("5, class 'Mẫu giáo lớn'", {"birth_year": 2019, "class": "Mẫu giáo lớn"}, KG5, None),
    ("5, class '5 tuổi A'", {"birth_year": 2019, "class": "5 tuổi A"}, KG5, None),
    ("4, class 'Chồi 2'", {"birth_year": 2020, "class": "Chồi 2"},
     {"age3_5_attending": 1}, None),
    ("3, class 'Mầm'", {"birth_year": 2021, "class": "Mầm"}, {"age3_5_attending": 1}, None),
    ("3, class 'Nhà trẻ'", {"birth_year": 2021, "class": "Nhà trẻ"},
     {"age3_5_attending": 1}, None),
    # grades "N tuổi": 3 to 5 only
    ("3, grade '3 tuổi'", {"birth_year": 2021, "grade": "3 tuổi"}, {"age3_5_attending": 1}, None),
    ("2, grade '2 tuổi' is not a grade", {"birth_year": 2022, "grade": "2 tuổi"}, {}, BAD),
    ("6, grade '6 tuổi' is not a grade", {"birth_year": 2018, "grade": "6 tuổi"},
     {"age6_total": None}, BAD),
    # class strings: an optional "Lớp" before the leading number
    ("6, class 'Lớp 1A'", {"birth_year": 2018, "class": "Lớp 1A"}, {"age6_grade1": 1}, None),
    ("6, class 'lớp 1'", {"birth_year": 2018, "class": "lớp 1"}, {"age6_grade1": 1}, None),
    ("11, class 'Lớp 5A*!'", {"birth_year": 2013, "class": "Lớp 5A*!"},
     {"age11_in_primary": 1}, None),
    ("16, class 'Lớp 10A1'", {"birth_year": 2008, "class": "Lớp 10A1"},
     {"age15_18_studying": 1}, None),
    ("6, class 'A1' (no number, no kindergarten name) is not a grade",
     {"birth_year": 2018, "class": "A1"}, {"age6_total": None}, BAD),
    ("6, class 'Lớp Một' is not a grade", {"birth_year": 2018, "class": "Lớp Một"},
     {"age6_total": None}, BAD),
    # vocational training now: at a vocational school or centre, with no general grade
    ("16, grade 8 at a GDNN-GDTX centre",
     {"birth_year": 2008, "grade": 8, "school": "Trung tâm GDNN-GDTX huyện"},
     {"age15_18_studying": 0}, None),
    ("17, grade 11 at a GDNN-GDTX centre",
     {"birth_year": 2007, "grade": 11, "school": "Trung tâm GDNN-GDTX huyện"},
     {"age15_18_studying": 1}, None),
    ("15, THCS 2023-2024, grade 10 at a GDNN-GDTX centre: not vocational",
     {"birth_year": 2009, "graduated": "THCS", "graduated_year": "2023-2024", "grade": 10,
      "school": "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên"},
     dict(zip(STREAMING, (1, 0, 1), strict=True)), None),
    ("15, THCS 2024, grade 10 at a 'Trung cấp' school: not vocational",
     {"birth_year": 2009, "graduated": "THCS", "graduated_year": 2024, "grade": 10,
      "school": "Trường Trung cấp Dân tộc nội trú"},
     dict(zip(STREAMING, (1, 0, 1), strict=True)), None),
    ("15, THCS 2024, at a vocational school, no grade",
     {"birth_year": 2009, "graduated": "THCS", "graduated_year": 2024,
      "school": "Trường Trung cấp nghề Lai Châu"},
     dict(zip(STREAMING, (1, 1, 1), strict=True)), None),
    ("16, class 'Trung cấp nghề', no grade: training, not a mistake",
     {"birth_year": 2008, "class": "Trung cấp nghề"}, {"age15_18_studying": 1}, None),
    ("17, at a Cao đẳng, no grade",
     {"birth_year": 2007, "school": "Trường Cao đẳng Cộng đồng Lai Châu"},
     {"age15_18_studying": 1}, None),
    # the graduation year is the school year's second calendar year, in either form
    ("THCS '2023-2024'", {"birth_year": 2009, "graduated": "THCS",
                          "graduated_year": "2023-2024"}, {"lower_sec_graduates": 1}, None),
    ("THCS '2023-24'", {"birth_year": 2009, "graduated": "THCS", "graduated_year": "2023-24"},
     {"lower_sec_graduates": 1}, None),
    ("THCS '2023/24'", {"birth_year": 2009, "graduated": "THCS", "graduated_year": "2023/24"},
     {"lower_sec_graduates": 1}, None),
    ("THCS 2024", {"birth_year": 2009, "graduated": "THCS", "graduated_year": 2024},
     {"lower_sec_graduates": 1}, None),
    ("THCS '2022-23' (a year earlier)", {"birth_year": 2009, "graduated": "THCS",
                                         "graduated_year": "2022-23"},
     {"lower_sec_graduates": 0}, None),
    ("THCS '2024-25' (the year now, not ended)",
     {"birth_year": 2009, "graduated": "THCS", "graduated_year": "2024-25"},
     {"lower_sec_graduates": 0}, None),
    ("THCS '2024-2025'", {"birth_year": 2009, "graduated": "THCS",
                          "graduated_year": "2024-2025"}, {"lower_sec_graduates": 0}, None),
    ("THCS 2023", {"birth_year": 2009, "graduated": "THCS", "graduated_year": 2023},
     {"lower_sec_graduates": 0}, None),
    ("THCS '1999-00' in survey year 2000-2001",
     {"year": "2000-2001", "birth_year": 1985, "graduated": "THCS",
      "graduated_year": "1999-00"}, {"lower_sec_graduates": 1}, None),
]


def _code(i: int) -> str:
    return f"{i + 1:05d}"


@pytest.fixture(scope="module")
def counted(tmp_path_factory):
    people = [{"commune_code": _code(i), "year": "2024-2025", "household": "1",
               "family_name": "Lò Văn", "given_name": "A", **cells}
              for i, (_, cells, _, _) in enumerate(CASES)]
    path = write_export_csv(tmp_path_factory.mktemp("grades") / "cases.csv", people)
    return count([path])


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_case(counted, i: int) -> None:
    name, _, expected, error = CASES[i]
    row = counted.counts.set_index("commune_code").loc[_code(i)]
    # None: blank, a rejected person of the cohort makes its counts unknown
    got = {k: None if pd.isna(row[k]) else int(row[k]) for k in expected}
    assert got == expected, name
    codes = [f.code for f in counted.findings if f.unit == _code(i) and f.severity == "error"]
    assert codes == ([error] if error else []), name
    if error:
        accounting = counted.accounting.set_index("commune_code").loc[_code(i)]
        assert accounting["rejected"] == 1 and accounting["counted"] == 0
