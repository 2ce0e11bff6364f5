"""Synthetic household-survey rows (one per person), for the sample and the benchmark.

NOT real people: names, births, schooling and circumstances are drawn from
fixed seeds with plausible shares for a mountain province. A few rows carry
the mistakes `pcgd count` reports (no birth year, a grade that is not one, a
person entered twice), so the demo shows its findings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FAMILY = ["Lò Văn", "Lò Thị", "Tao Văn", "Giàng A", "Vàng Thị", "Hoàng Văn", "Lường Thị",
          "Nguyễn Văn", "Chảo Láo", "Tẩn Thị", "Sùng A", "Lý Thị"]
GIVEN = ["An", "Bình", "Chi", "Dung", "Giang", "Hoa", "Khánh", "Lan", "Mai", "Nam", "Páo",
         "Sinh", "Thào", "Vân", "Xuân", "Dính", "Chứ", "Mỷ"]
ETHNIC = ["Thái", "Mông", "Dao", "", "Giáy", "Hà Nhì", "Lự", "Khơ Mú"]
VILLAGES = ["Bản Nà", "Bản Lếch", "Bản Hon", "Bản Sang", "Bản Mới", "Bản Cang"]
DISABILITY_KEYS = ["disability_motor", "disability_hearing_speech", "disability_vision",
                   "disability_mental", "disability_intellectual", "disability_learning",
                   "disability_autism", "disability_other"]
COLUMNS = ["commune_code", "district_code", "province_code", "village", "year", "household",
           "family_name", "given_name", "birth_day", "birth_month", "birth_year", "female",
           "ethnicity", "residence", "residence_status", "grade", "class", "school",
           "graduated", "graduated_year", "finished_grade", "dropped_grade", "literacy_class",
           "literacy_completed", "relapsed", *DISABILITY_KEYS, "able_to_learn", "moved",
           "relation", "note"]


def _pick(rng, values: list[str], n: int) -> np.ndarray:
    return np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]


def draw_persons(communes: list[tuple[str, str, str]], per_commune: int, year: int,
                 seed: int) -> pd.DataFrame:
    """``per_commune`` persons for each (commune, district, province) code, as text."""
    rng = np.random.default_rng(seed)
    n = per_commune * len(communes)
    which = np.repeat(np.arange(len(communes)), per_commune)
    codes = np.asarray(communes, dtype=object)
    age = np.minimum(rng.gamma(2.2, 13.0, n).astype(int), 95)
    birth = year - age
    grade = np.full(n, "", dtype=object)
    klass = np.full(n, "", dtype=object)
    school = np.full(n, "", dtype=object)
    graduated = np.full(n, "", dtype=object)
    gyear = np.full(n, "", dtype=object)
    finished = np.full(n, "", dtype=object)
    dropped = np.full(n, "", dtype=object)
    lit_done = np.full(n, "", dtype=object)
    relapsed = np.full(n, "", dtype=object)
    u = rng.random(n)
    kinder = (age >= 3) & (age <= 5) & (u < 0.97)
    grade[kinder] = [f"{a} tuổi" for a in age[kinder]]
    school[kinder] = "Trường Mầm non " + _pick(rng, VILLAGES, int(kinder.sum()))
    late = rng.random(n) < 0.03
    g = age - 5 - late
    stay = np.where(age <= 14, 0.97, 0.72)
    pupil = (age >= 6) & (g >= 1) & (g <= 12) & (u < stay)
    grade[pupil] = g[pupil].astype(str)
    letters = _pick(rng, ["A", "B", "C", "A*", "B!", "A*!"], int(pupil.sum()))
    klass[pupil] = [f"{a}{b}" for a, b in zip(g[pupil], letters, strict=True)]
    school[pupil] = np.where(g[pupil] <= 5, "Trường PTDTBT TH", "Trường PTDTBT THCS")
    school[pupil & (g >= 10)] = "Trường THPT"
    done = np.where(pupil, g - 1, np.minimum(age - 6, 12))
    graduated[(age >= 6) & (u < 0.95)] = "MN"
    graduated[done >= 5] = "TH"
    graduated[(done >= 9) & (rng.random(n) < 0.85)] = "THCS"
    graduated[(done >= 12) & (rng.random(n) < 0.6)] = "THPT"
    thcs_now = (graduated == "THCS") & (age == 15)
    gyear[thcs_now] = f"{year - 1}-{year}"
    vocational = thcs_now & ~pupil & (rng.random(n) < 0.4)
    klass[vocational] = "Trung cấp nghề"
    adult_out = (age >= 15) & ~pupil
    fin = adult_out & (rng.random(n) < 0.5)
    finished[fin] = np.clip(done[fin], 1, 12).astype(str)
    drop = adult_out & ~fin & (rng.random(n) < 0.2)
    dropped[drop] = np.clip(done[drop] + 1, 1, 12).astype(str)
    no_school = (age >= 15) & (graduated == "") & (rng.random(n) < 0.5)
    lit_done[no_school] = _pick(rng, ["3", "5"], int(no_school.sum()))
    rel = (age >= 15) & ~pupil & (rng.random(n) < 0.01)
    relapsed[rel] = _pick(rng, ["1", "2"], int(rel.sum()))
    moved = np.full(n, "", dtype=object)
    m = rng.random(n)
    moved[m < 0.012] = "Chuyển đi"
    moved[(m >= 0.012) & (m < 0.018)] = "Chết"
    moved[(m >= 0.018) & (m < 0.03)] = "Chuyển đến"
    disabled = rng.random(n) < 0.015
    frame = {
        "commune_code": codes[which, 0], "district_code": codes[which, 1],
        "province_code": codes[which, 2], "village": _pick(rng, VILLAGES, n),
        "year": f"{year}-{year + 1}",
        "household": (np.arange(n) % per_commune // 4 + 1).astype(str),
        "family_name": _pick(rng, FAMILY, n), "given_name": _pick(rng, GIVEN, n),
        "birth_day": rng.integers(1, 29, n).astype(str),
        "birth_month": rng.integers(1, 13, n).astype(str), "birth_year": birth.astype(str),
        "female": np.where(rng.random(n) < 0.5, "X", ""), "ethnicity": _pick(rng, ETHNIC, n),
        "residence": np.where(rng.random(n) < 0.05, "Tạm trú", "Thường trú"),
        "residence_status": "Đang ở", "grade": grade, "class": klass, "school": school,
        "graduated": graduated, "graduated_year": gyear, "finished_grade": finished,
        "dropped_grade": dropped, "literacy_class": "", "literacy_completed": lit_done,
        "relapsed": relapsed,
    }
    kinds = rng.integers(0, len(DISABILITY_KEYS), n)
    for i, key in enumerate(DISABILITY_KEYS):
        frame[key] = np.where(disabled & (kinds == i), "X", "")
    frame["able_to_learn"] = np.where(disabled & (rng.random(n) < 0.6), "X", "")
    frame["moved"] = moved
    frame["relation"] = np.where(np.arange(n) % 4 == 0, "Chủ hộ", "Con")
    frame["note"] = ""
    out = pd.DataFrame(frame, columns=COLUMNS)
    _stage_mistakes(out, rng)
    return out


def _stage_mistakes(frame: pd.DataFrame, rng) -> None:
    """About one row in 5,000 each: no birth year, a grade that is not one, a duplicate."""
    n = len(frame)
    k = max(1, n // 5000)
    rows = rng.choice(n - 1, size=3 * k, replace=False) + 1
    frame.loc[rows[:k], "birth_year"] = ""
    frame.loc[rows[k:2 * k], "grade"] = "Lớp Mười"
    for r in rows[2 * k:]:  # the row above, entered again
        frame.iloc[r] = frame.iloc[r - 1]
