"""Sentences of `pcgd count`, in Vietnamese and English.

``FINDINGS``: finding code -> (vi message, en message, vi suggestion, en
suggestion), read by ``Finding.message()`` after the main catalogue. Each says
how the person was then counted. ``TEXTS``: the command's own sentences.
Parameters are data carried by the finding (``name``, ``value``, ``age`` …).
"""

from __future__ import annotations

_REJECTED_VI = "dòng này không được tính vào số liệu nào"
_REJECTED_EN = "the row is left out of every count"

FINDINGS: dict[str, tuple[str, str, str, str]] = {
    "person_no_birth_year": (
        "{name}: không đọc được năm sinh ('{value}'); " + _REJECTED_VI,
        "{name}: no readable year of birth ('{value}'); " + _REJECTED_EN,
        "ghi năm sinh 4 chữ số (ví dụ 2018) hoặc ngày sinh dd/mm/yyyy",
        "enter a 4-digit year of birth (e.g. 2018) or a date dd/mm/yyyy",
    ),
    "person_birth_year_out_of_range": (
        "{name}: năm sinh {birth} không hợp lệ với năm điều tra {survey_year} (sau năm điều "
        "tra hoặc quá 120 năm trước); " + _REJECTED_VI,
        "{name}: year of birth {birth} is impossible for survey year {survey_year} (after "
        "it, or more than 120 years before); " + _REJECTED_EN,
        "kiểm tra lại năm sinh",
        "check the year of birth",
    ),
    "person_bad_grade": (
        "{name}: '{value}' không phải là khối/lớp học (1-12 hoặc \"3 tuổi\", \"4 tuổi\", "
        "\"5 tuổi\"); " + _REJECTED_VI,
        "{name}: '{value}' is not a grade (1-12, or \"3 tuổi\", \"4 tuổi\", \"5 tuổi\"); "
        + _REJECTED_EN,
        "ghi khối 1-12, hoặc \"N tuổi\" cho trẻ mẫu giáo",
        "enter a grade 1-12, or \"N tuổi\" for kindergarten",
    ),
    "person_no_commune": (
        "{name}: thiếu mã xã; " + _REJECTED_VI,
        "{name}: no commune code; " + _REJECTED_EN,
        "điền mã xã (5 chữ số) cho dòng này",
        "fill in the commune code (5 digits) on this row",
    ),
    "person_no_survey_year": (
        "{name}: thiếu năm điều tra ('{value}'); " + _REJECTED_VI,
        "{name}: no survey year ('{value}'); " + _REJECTED_EN,
        "điền năm học (ví dụ 2024-2025) hoặc dùng --year",
        "fill in the school year (e.g. 2024-2025) or give --year",
    ),
    "person_duplicate": (
        "{name} (phiếu {household}) trùng với dòng {first_row} ({first_where}): cùng xã, "
        "phiếu, họ tên, ngày sinh; chỉ dòng đầu được tính",
        "{name} (form {household}) repeats row {first_row} ({first_where}): same commune, "
        "household, name and birth date; only the first row is counted",
        "xóa dòng trùng, hoặc sửa nếu là hai người khác nhau",
        "delete the repeated row, or correct it if these are two people",
    ),
    "person_level_too_high_for_age": (
        "{name}, {age} tuổi, đã tốt nghiệp '{value}': quá sớm so với tuổi; vẫn được tính "
        "theo bậc tốt nghiệp đã ghi",
        "{name}, aged {age}, has the diploma '{value}': too early for the age; counted with "
        "the diploma as recorded",
        "kiểm tra năm sinh và bậc tốt nghiệp",
        "check the year of birth and the diploma",
    ),
    "person_grade_far_from_age": (
        "{name}, {age} tuổi, đang học lớp {grade_now}: cách xa lớp đúng tuổi; vẫn được tính "
        "theo lớp đã ghi",
        "{name}, aged {age}, is in grade {grade_now}: far from the grade for the age; "
        "counted in the grade as recorded",
        "kiểm tra năm sinh và khối/lớp học",
        "check the year of birth and the grade",
    ),
    "person_relapse_in_school": (
        "{name}: có đánh dấu tái mù chữ ('{value}') nhưng đang đi học lớp {grade_now}; vẫn "
        "được tính là tái mù chữ",
        "{name}: marked relapsed into illiteracy ('{value}') but in grade {grade_now} now; "
        "counted as relapsed",
        "bỏ đánh dấu tái mù chữ nếu người này đang đi học",
        "clear the relapse mark if the person is in school",
    ),
    "person_able_without_disability": (
        "{name}: có đánh dấu 'Khả năng học tập' ('{value}') nhưng không có dạng khuyết tật "
        "nào; được tính là người không khuyết tật",
        "{name}: marked 'able to learn' ('{value}') without any disability; counted as not "
        "disabled",
        "đánh dấu dạng khuyết tật, hoặc bỏ đánh dấu khả năng học tập",
        "mark the kind of disability, or clear the able-to-learn mark",
    ),
    "person_unknown_diploma": (
        "{name}: bậc tốt nghiệp '{value}' không nhận ra (MN, TH, THCS, THPT); được tính là "
        "chưa có bằng",
        "{name}: diploma '{value}' not recognised (MN, TH, THCS, THPT); counted as none",
        "ghi một trong: MN, TH, THCS, THPT",
        "use one of: MN, TH, THCS, THPT",
    ),
    "person_unknown_relapse": (
        "{name}: mức tái mù chữ '{value}' không nhận ra (1 hoặc 2); được tính là không tái "
        "mù chữ",
        "{name}: relapse level '{value}' not recognised (1 or 2); counted as not relapsed",
        "ghi 1 hoặc 2",
        "enter 1 or 2",
    ),
    "person_unknown_circumstance": (
        "{name}: hoàn cảnh đặc biệt '{value}' không nhận ra (Chuyển đến, Chuyển đi, Chết); "
        "được tính như người đang cư trú",
        "{name}: special circumstance '{value}' not recognised (Chuyển đến, Chuyển đi, "
        "Chết); counted as a resident",
        "ghi một trong: Chuyển đến, Chuyển đi, Chết",
        "use one of: Chuyển đến, Chuyển đi, Chết",
    ),
    "persons_listed_cap": (
        "Lỗi '{value}': có {total} dòng, chỉ liệt kê {listed} dòng đầu",
        "Finding '{value}': {total} rows, only the first {listed} are listed",
        "sửa các dòng đã liệt kê rồi chạy lại để xem các dòng còn lại",
        "correct the rows listed and run again to see the rest",
    ),
    "person_unknown_column": (
        "Cột '{value}' không phải cột của phiếu điều tra; bỏ qua",
        "Column '{value}' is not a survey column; ignored",
        "đổi tên tiêu đề theo: pcgd rules show {rules_id}",
        "rename it after a header in: pcgd rules show {rules_id}",
    ),
    "person_duplicate_column": (
        "Cột '{column}' xuất hiện hai lần; chỉ đọc cột đầu",
        "Column '{column}' appears twice; only the first is read",
        "xóa hoặc đổi tên một trong hai cột",
        "delete or rename one of the two columns",
    ),
    "commune_without_persons": (
        "Xã {unit} ({value}) có trong danh mục nhưng không có dòng nào; không có số liệu "
        "(không tính là 0)",
        "Commune {unit} ({value}) is in the register but has no person rows; it has no "
        "figures (never counted as zero)",
        "thêm tệp phiếu điều tra của xã này",
        "add this commune's survey file",
    ),
    "commune_not_in_register": (
        "Mã xã {unit} ({extra} dòng) không có trong danh mục đơn vị; các dòng này không được "
        "tính",
        "Commune code {unit} ({extra} rows) is not in the register of units; these rows are "
        "left out of every count",
        "sửa mã xã, hoặc bổ sung xã vào danh mục (--units)",
        "correct the commune code, or add the commune to the register (--units)",
    ),
    "persons_no_rows": (
        "Trang không có dòng người nào dưới tiêu đề",
        "The sheet has no person rows under its header",
        "kiểm tra lại trang này",
        "check this sheet",
    ),
}


TEXTS: dict[str, dict[str, str]] = {
    "counting_unknown_id": {
        "vi": "Không có bộ quy tắc đếm '{id}' (có sẵn: {known})",
        "en": "No counting rule set '{id}' (built in: {known})",
    },
    "counting_unknown_id_hint": {
        "vi": "dùng --rules-counting household-2025 hoặc đường dẫn tệp .yaml",
        "en": "use --rules-counting household-2025 or a path to a .yaml file",
    },
    "option_unknown": {
        "vi": "Không có tùy chọn '{option}' (có: {known})",
        "en": "No option '{option}' (known: {known})",
    },
    "option_bad_choice": {
        "vi": "Tùy chọn {option} không có giá trị '{choice}' (có: {known})",
        "en": "Option {option} has no choice '{choice}' (known: {known})",
    },
    "option_syntax": {
        "vi": "Tùy chọn '{value}' phải có dạng TÊN=GIÁ_TRỊ",
        "en": "Option '{value}' must read NAME=CHOICE",
    },
    "option_hint": {
        "vi": "xem các tùy chọn: pcgd rules show {rules_id}",
        "en": "see the options: pcgd rules show {rules_id}",
    },
    "no_person_header": {
        "vi": "Tệp {path}: không tìm thấy bảng phiếu điều tra (cần cột năm sinh hoặc ngày sinh "
              "và họ tên)",
        "en": "File {path}: no household-survey table found (a year or date of birth column "
              "and a name column are needed)",
    },
    "no_person_header_hint": {
        "vi": "tiêu đề cột phải như mẫu nhập liệu (Họ đệm, Tên, Năm sinh …); xem: pcgd rules "
              "show household-2025",
        "en": "headers as in the entry workbook (Họ đệm, Tên, Năm sinh …); see: pcgd rules "
              "show household-2025",
    },
    "no_survey_year": {
        "vi": "Tệp {path}: không biết năm điều tra (không có ô năm học ở đầu trang, cũng không "
              "có cột năm)",
        "en": "File {path}: no survey year (no school-year cell at the top, no year column)",
    },
    "no_survey_year_hint": {
        "vi": "dùng --year 2024 (năm học 2024-2025)",
        "en": "give --year 2024 (school year 2024-2025)",
    },
    "no_commune": {
        "vi": "Tệp {path}: không biết của xã nào",
        "en": "File {path}: which commune it belongs to is not known",
    },
    "no_commune_hint": {
        "vi": "dùng --commune MÃ_XÃ, hoặc --units danh_muc.csv để nhận ra xã từ tiêu đề hoặc "
              "tên tệp",
        "en": "give --commune CODE, or --units units.csv to recognise the commune from the "
              "title or the file name",
    },
    "commune_ambiguous": {
        "vi": "Tệp {path}: tên '{name}' ứng với nhiều xã ({candidates})",
        "en": "File {path}: the name '{name}' fits several communes ({candidates})",
    },
    "commune_unknown": {
        "vi": "Tệp {path}: không nhận ra xã '{name}' trong danh mục{closest}",
        "en": "File {path}: commune '{name}' is not in the register{closest}",
    },
    "commune_hint": {
        "vi": "dùng --commune MÃ_XÃ",
        "en": "give --commune CODE",
    },
    "bad_commune_code": {
        "vi": "Mã xã '{code}' không hợp lệ (5 chữ số)",
        "en": "Commune code '{code}' is not valid (5 digits)",
    },
    "commune_not_registered": {
        "vi": "Mã xã {code} không có trong danh mục {path}",
        "en": "Commune code {code} is not in the register {path}",
    },
    "export_unreadable": {
        "vi": "Không đọc được tệp {path}: {error}",
        "en": "Cannot read {path}: {error}",
    },
    "export_unreadable_hint": {
        "vi": "tệp CSV phải mã hóa UTF-8, có dòng tiêu đề; tệp Parquet phải nguyên vẹn",
        "en": "a CSV file must be UTF-8 with a header line; a Parquet file must be whole",
    },
    "count_output_type": {
        "vi": "Không ghi được số liệu dạng {path}",
        "en": "Cannot write counts of this type: {path}",
    },
    "count_output_type_hint": {
        "vi": "dùng đuôi .xlsx, .csv, .parquet hoặc .json",
        "en": "use .xlsx, .csv, .parquet or .json",
    },
    "by_unknown": {
        "vi": "--by chỉ nhận 'village' (thôn), gặp '{value}'",
        "en": "--by takes only 'village', found '{value}'",
    },
    "year_bad": {
        "vi": "--year {value} không phải là năm (ví dụ 2024)",
        "en": "--year {value} is not a year (e.g. 2024)",
    },
    "count_summary": {
        "vi": "{persons} người đọc từ {files} tệp: {counted} được tính, {moved_out} chuyển đi, "
              "{deceased} đã chết, {not_resident} không cư trú, {rejected} bị loại do lỗi; "
              "{communes} xã",
        "en": "{persons} persons read from {files} files: {counted} counted, {moved_out} moved "
              "out, {deceased} deceased, {not_resident} not resident, {rejected} rejected for "
              "errors; {communes} communes",
    },
    "count_errors": {
        "vi": "Dữ liệu có {n} lỗi; các dòng lỗi không được tính, số liệu vẫn được ghi",
        "en": "The data has {n} errors; rows in error are not counted, the counts are written",
    },
    "count_more_findings": {
        "vi": "… và {n} phát hiện khác (xem --format json hoặc --output)",
        "en": "… and {n} more findings (see --format json or --output)",
    },
    "count_written": {
        "vi": "Đã ghi số liệu {n} xã vào {path}",
        "en": "Counts of {n} communes written to {path}",
    },
    "rules_kind_counting": {"vi": "đếm phiếu", "en": "counting"},
    "count_reading": {"vi": "Đang đọc", "en": "Reading"},
    "count_counting": {"vi": "Đang đếm", "en": "Counting"},
    "col_key": {"vi": "Mã cột", "en": "Key"},
    "col_label": {"vi": "Nhãn", "en": "Label"},
    "col_label_en": {"vi": "Nhãn tiếng Anh", "en": "English label"},
    "sheet_counts": {"vi": "So lieu", "en": "Counts"},
    "sheet_labels": {"vi": "Nhan cot", "en": "Column labels"},
    "count_too_many_communes": {
        "vi": "({n} xã: chỉ in {shown} xã đầu; ghi đủ bằng --output hoặc --format csv)",
        "en": "({n} communes: the first {shown} shown; all with --output or --format csv)",
    },
    "fate_persons_read": {"vi": "Số người đọc", "en": "Persons read"},
    "fate_counted": {"vi": "Được tính", "en": "Counted"},
    "fate_moved_out": {"vi": "Chuyển đi", "en": "Moved out"},
    "fate_deceased": {"vi": "Đã chết", "en": "Deceased"},
    "fate_not_resident": {"vi": "Không cư trú (theo tùy chọn)", "en": "Not resident (option)"},
    "fate_rejected": {"vi": "Bị loại do lỗi", "en": "Rejected (errors)"},
    "fate_excluded": {"vi": "KT không có khả năng học tập (trong số được tính)",
                      "en": "Disabled, unable to learn (of those counted)"},
}


def text(key: str, lang: str = "vi", /, **values: object) -> str:
    entry = TEXTS[key]
    return (entry.get(lang) or entry["vi"]).format(**values)
