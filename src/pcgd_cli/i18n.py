"""Messages in Vietnamese (default) and English.

Labels of standards, indicators and columns come from the rule files; this
catalogue holds only the tool's own sentences. Every key has both languages
(a test checks it).
"""

from __future__ import annotations

LANGS = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # usage and files
    "and_more": {"vi": " … và {n} lỗi khác", "en": " … and {n} more"},
    "bad_lang": {"vi": "Ngôn ngữ không hỗ trợ: {lang}", "en": "Unsupported language: {lang}"},
    "no_input": {"vi": "Chưa chỉ ra tệp dữ liệu nào", "en": "No input file given"},
    "no_input_hint": {"vi": "ví dụ: pcgd check du_lieu.xlsx", "en": "e.g. pcgd check data.xlsx"},
    "file_not_found": {"vi": "Không tìm thấy tệp {path}", "en": "File not found: {path}"},
    "file_not_found_hint": {
        "vi": "kiểm tra lại đường dẫn và tên tệp",
        "en": "check the path and the file name",
    },
    "folder_empty": {
        "vi": "Thư mục {path} không có bảng tính nào (.xlsx, .xls, .ods, .csv)",
        "en": "Folder {path} holds no spreadsheet (.xlsx, .xls, .ods, .csv)",
    },
    "file_type": {
        "vi": "Không đọc được loại tệp {path}",
        "en": "Unknown file type: {path}",
    },
    "file_type_hint": {
        "vi": "dùng tệp .xlsx, .xls, .ods hoặc .csv",
        "en": "use an .xlsx, .xls, .ods or .csv file",
    },
    "file_unreadable": {
        "vi": "Không đọc được tệp {path}: {error}",
        "en": "Cannot read {path}: {error}",
    },
    "file_unreadable_hint": {
        "vi": "mở tệp bằng Excel, kiểm tra tệp không bị hỏng hay đặt mật khẩu, rồi lưu lại",
        "en": "open the file in Excel, check it is not corrupt or password-protected, save again",
    },
    "output_is_input": {
        "vi": "Tệp kết quả {path} trùng với một tệp dữ liệu đầu vào",
        "en": "Output {path} is one of the input files",
    },
    "output_is_input_hint": {
        "vi": "chọn tên tệp kết quả khác",
        "en": "choose another output name",
    },
    "output_type": {
        "vi": "Không ghi được kết quả dạng {path}",
        "en": "Cannot write output of this type: {path}",
    },
    "output_type_hint": {
        "vi": "dùng đuôi .xlsx, .json hoặc .csv",
        "en": "use .xlsx, .json or .csv",
    },
    "output_failed": {
        "vi": "Không ghi được tệp kết quả {path}: {error}",
        "en": "Cannot write {path}: {error}",
    },
    "input_errors": {
        "vi": "Dữ liệu có {n} lỗi; các xã bị ảnh hưởng được ghi là thiếu dữ liệu",
        "en": "The data has {n} errors; the communes affected are marked insufficient data",
    },
    # reading files (reader)
    "file_empty": {"vi": "Tệp {path} rỗng", "en": "File {path} is empty"},
    "file_empty_hint": {
        "vi": "kiểm tra lại tệp đã được lưu đầy đủ chưa",
        "en": "check that the file was saved completely",
    },
    "file_password": {
        "vi": "Tệp {path} được đặt mật khẩu",
        "en": "File {path} is password-protected",
    },
    "file_password_hint": {
        "vi": "mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại",
        "en": "open it in Excel, remove the password (File > Info > Protect Workbook), save again",
    },
    "file_corrupt": {
        "vi": "Tệp {path} không phải là bảng tính hợp lệ (hỏng hoặc sai đuôi tệp)",
        "en": "File {path} is not a valid workbook (corrupt or with the wrong extension)",
    },
    "sheet_not_found": {
        "vi": "Không có trang '{sheet}' trong các tệp (có: {known})",
        "en": "No sheet '{sheet}' in the files (sheets: {known})",
    },
    "sheet_not_found_hint": {
        "vi": "ghi đúng tên trang như trên thẻ trang của Excel",
        "en": "spell the sheet name as on Excel's sheet tab",
    },
    "ui_finding_group": {"vi": "{code} ({n})", "en": "{code} ({n})"},
    # rule files
    "rules_not_found": {
        "vi": "Không tìm thấy tệp quy tắc {path}",
        "en": "Rule file not found: {path}",
    },
    "rules_not_found_hint": {
        "vi": "xem danh sách: pcgd rules list",
        "en": "see: pcgd rules list",
    },
    "rules_unreadable": {
        "vi": "Không đọc được tệp quy tắc {path}: {error}",
        "en": "Cannot read rule file {path}: {error}",
    },
    "rules_yaml": {
        "vi": "{path}:{line}: lỗi cú pháp YAML: {error}",
        "en": "{path}:{line}: YAML syntax error: {error}",
    },
    "rules_not_mapping": {
        "vi": "tệp quy tắc phải là một bảng khóa: giá trị (id, version, standards …)",
        "en": "a rule file must be a mapping (id, version, standards …)",
    },
    "rules_invalid": {
        "vi": "Tệp quy tắc {path} có lỗi: {problems}",
        "en": "Rule file {path} has mistakes: {problems}",
    },
    "rules_invalid_hint": {
        "vi": "xem đủ các lỗi: pcgd rules validate {path}",
        "en": "see every mistake: pcgd rules validate {path}",
    },
    "rules_unknown_id": {
        "vi": "Không có bộ quy tắc '{id}' (có sẵn: {known})",
        "en": "No rule set '{id}' (built in: {known})",
    },
    "rules_unknown_id_hint": {
        "vi": "dùng một mã có sẵn hoặc đường dẫn tới tệp .yaml",
        "en": "use a built-in id or a path to a .yaml file",
    },
    "rules_conflict": {
        "vi": "Hai bộ quy tắc cùng khai báo chuẩn '{standard}'",
        "en": "Two rule sets both declare standard '{standard}'",
    },
    "rules_valid": {"vi": "{path}: hợp lệ", "en": "{path}: valid"},
    # terminal report
    "ui_unit": {"vi": "Đơn vị", "en": "Unit"},
    "ui_year": {"vi": "Năm", "en": "Year"},
    "ui_communes": {"vi": "Số xã", "en": "Communes"},
    "ui_level_n": {"vi": "Đạt mức {n}", "en": "Level {n}"},
    "ui_met": {"vi": "Đạt", "en": "Met"},
    "ui_unknown": {"vi": "Thiếu số liệu", "en": "Unknown"},
    "ui_level": {"vi": "Mức đạt", "en": "Level"},
    "ui_gap": {"vi": "Còn thiếu", "en": "Gap"},
    "ui_level_value": {"vi": "mức {n}", "en": "level {n}"},
    "ui_met_single": {"vi": "đạt", "en": "met"},
    "ui_not_met": {"vi": "chưa đạt", "en": "not met"},
    "ui_insufficient": {"vi": "thiếu số liệu", "en": "insufficient data"},
    "ui_not_evaluated": {"vi": "không xét", "en": "not evaluated"},
    "ui_below": {
        "vi": "Các xã chưa đạt mức tiếp theo — {standard}",
        "en": "Communes below the next level — {standard}",
    },
    "ui_commune": {"vi": "Xã", "en": "Commune"},
    "ui_district": {"vi": "Huyện", "en": "District"},
    "ui_next": {"vi": "Mức cần đạt", "en": "Next level"},
    "ui_reason": {"vi": "Lý do và khoảng cách", "en": "Why, and the gap"},
    "ui_more_units": {
        "vi": "… và {n} xã khác (xem đủ: --output ket_qua.xlsx hoặc --format csv)",
        "en": "… and {n} more communes (all of them: --output result.xlsx or --format csv)",
    },
    "ui_requires": {
        "vi": "chưa đạt điều kiện tiên quyết: {standard} mức độ {level}",
        "en": "prerequisite not met: {standard} level {level}",
    },
    "ui_requires_unknown": {
        "vi": "chưa rõ điều kiện tiên quyết: {standard} mức độ {level}",
        "en": "prerequisite unknown: {standard} level {level}",
    },
    "ui_missing": {"vi": "thiếu số liệu: {label}", "en": "missing data: {label}"},
    "ui_findings": {"vi": "Lỗi và cảnh báo về dữ liệu", "en": "Data errors and warnings"},
    "ui_severity": {"vi": "Mức", "en": "Severity"},
    "ui_where": {"vi": "Vị trí", "en": "Where"},
    "ui_message": {"vi": "Nội dung", "en": "Message"},
    "ui_suggestion": {"vi": "Gợi ý", "en": "Suggestion"},
    "ui_more_findings": {"vi": "… và {n} mục khác", "en": "… and {n} more"},
    "severity_error": {"vi": "lỗi", "en": "error"},
    "severity_warning": {"vi": "cảnh báo", "en": "warning"},
    "severity_info": {"vi": "thông tin", "en": "info"},
    "ui_provisional": {"vi": "TẠM TÍNH", "en": "PROVISIONAL"},
    "ui_rules": {"vi": "Bộ quy tắc", "en": "Rule sets"},
    "ui_summary_line": {
        "vi": "{files} tệp, {communes} xã, {errors} lỗi, {warnings} cảnh báo",
        "en": "{files} file(s), {communes} communes, {errors} errors, {warnings} warnings",
    },
    # terminal summary table (compact: the standard is the table's title)
    "ui_level_short": {"vi": "Mức {n}", "en": "Level {n}"},
    "ui_gap_units": {"vi": "{n} {units} → mức {level}", "en": "{n} {units} → level {level}"},
    # explanations
    "gap_units": {
        "vi": "cần thêm {n} {units} đạt {standard} mức độ {level}",
        "en": "{n} more {units} at {standard} level {level} needed",
    },
}


def t(key: str, lang: str = "vi", /, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in.

    ``key`` and ``lang`` are positional-only so a message may have a ``{lang}``
    placeholder of its own (``bad_lang``).
    """
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**values) if values else text
