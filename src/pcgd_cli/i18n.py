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
    # explanations
    "gap_units": {
        "vi": "cần thêm {n} {units} đạt {standard} mức độ {level}",
        "en": "{n} more {units} at {standard} level {level} needed",
    },
    # plan targets, rule sets, years (issue 3)
    "target_no_tier": {
        "vi": "không xét được: dữ liệu không có cấp {units}",
        "en": "cannot be judged: the data has no {units} tier",
    },
    "target_no_columns": {
        "vi": "không xét được: thiếu cột {columns}",
        "en": "cannot be judged: columns {columns} are missing",
    },
    "target_no_units": {
        "vi": "không xét được: không có {units} nào (hoặc số phải phổ cập bằng 0)",
        "en": "cannot be judged: no {units} (or nobody to cover)",
    },
    "target_not_evaluated": {
        "vi": "không xét được: chuẩn {standard} không được xét",
        "en": "cannot be judged: standard {standard} was not evaluated",
    },
    "target_unknown": {
        "vi": "chưa kết luận được: {n} {units} thiếu số liệu",
        "en": "undecided: {n} {units} with missing data",
    },
    "targets_need_scope": {
        "vi": "Chỉ tiêu {id} xét theo {scope}, nhưng dữ liệu chỉ có một tỉnh",
        "en": "Targets {id} are judged for the {scope}, but the data has a single province",
    },
    "targets_need_scope_hint": {
        "vi": "dùng tệp số liệu của nhiều tỉnh (cả nước)",
        "en": "use a file spanning several provinces (national data)",
    },
    "targets_conflict": {
        "vi": "Hai tệp chỉ tiêu cùng có mã '{id}'",
        "en": "Two target files share the id '{id}'",
    },
    "ui_targets": {"vi": "Chỉ tiêu kế hoạch — {title}", "en": "Plan targets — {title}"},
    "ui_target": {"vi": "Chỉ tiêu", "en": "Target"},
    "ui_value": {"vi": "Hiện đạt", "en": "Value"},
    "ui_required": {"vi": "Yêu cầu", "en": "Required"},
    "ui_target_met": {"vi": "Đạt?", "en": "Met?"},
    "ui_yes": {"vi": "đạt", "en": "met"},
    "ui_no": {"vi": "chưa đạt", "en": "not met"},
    "ui_undecided": {"vi": "chưa rõ", "en": "undecided"},
    "ui_share_of": {"vi": "{met}/{of} {units}", "en": "{met}/{of} {units}"},
    "ui_not_checked": {
        "vi": "Chưa kiểm tra (không có cột, không tính là đạt): {labels}",
        "en": "Not checked (columns absent; never counted as met): {labels}",
    },
    "ui_by_year": {"vi": "Mức đạt theo năm — {standard}", "en": "Level by year — {standard}"},
    "ui_more_lost": {
        "vi": "… và {n} đơn vị khác bị giảm mức (xem đủ: --format json, mã level_lost)",
        "en": "… and {n} more units that lost a level (all of them: --format json, level_lost)",
    },
    "rules_kind_standards": {"vi": "chuẩn", "en": "standards"},
    "rules_kind_targets": {"vi": "chỉ tiêu", "en": "targets"},
    "rules_provisional_yes": {"vi": "tạm tính", "en": "provisional"},
    "rules_provisional_no": {"vi": "chính thức", "en": "final"},
    "rules_id": {"vi": "Mã", "en": "Id"},
    "rules_title": {"vi": "Tên", "en": "Title"},
    "rules_version": {"vi": "Phiên bản", "en": "Version"},
    "rules_kind": {"vi": "Loại", "en": "Kind"},
    "rules_status": {"vi": "Trạng thái", "en": "Status"},
    "rules_source": {"vi": "Nguồn", "en": "Source"},
    "show_header": {"vi": "{id} — {title} (phiên bản {version})",
                    "en": "{id} — {title} (version {version})"},
    "show_source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "show_provisional": {"vi": "TẠM TÍNH: {text}", "en": "PROVISIONAL: {text}"},
    "show_two_tier": {"vi": "Chính quyền hai cấp: {text}", "en": "Two-tier government: {text}"},
    "show_every_standard": {"vi": "Áp dụng cho mọi chuẩn và mọi mức:",
                            "en": "Part of every standard and level:"},
    "show_every_level": {"vi": "Áp dụng cho mọi mức:", "en": "Part of every level:"},
    "show_level": {"vi": "Mức độ {n} — {article}", "en": "Level {n} — {article}"},
    "show_rate": {"vi": "{label}: {numerator} / số phải phổ cập ({cohort}) ≥ {threshold}",
                  "en": "{label}: {numerator} / to cover ({cohort}) ≥ {threshold}"},
    "show_yesno": {"vi": "{label}: cột {column} phải là 'có'",
                   "en": "{label}: column {column} must say yes"},
    "show_dbkk_threshold": {"vi": "xã ĐBKK: ≥ {threshold}", "en": "xã ĐBKK: ≥ {threshold}"},
    "show_dbkk_band": {"vi": "xã ĐBKK: {numerator} / ({cohort})",
                       "en": "xã ĐBKK: {numerator} / ({cohort})"},
    "show_optional": {"vi": "tùy chọn: không có cột thì ghi 'chưa kiểm tra'",
                      "en": "optional: 'not checked' when its columns are absent"},
    "show_requires": {"vi": "Điều kiện tiên quyết: {items}", "en": "Prerequisites: {items}"},
    "show_requires_item": {"vi": "{standard} mức độ {level}", "en": "{standard} level {level}"},
    "show_shares": {"vi": "Công nhận đơn vị trên: {items}", "en": "Units above: {items}"},
    "show_share_item": {"vi": "{tier} cần ≥ {share} số {child} đạt",
                        "en": "{tier} needs ≥ {share} of its {child}s"},
    "show_scope": {"vi": "Xét cho: {scope}; năm mục tiêu: {year}",
                   "en": "Judged for: {scope}; target year: {year}"},
    "show_target_level": {"vi": "{scope} đạt {standard} mức độ {level}",
                          "en": "the {scope} meets {standard} level {level}"},
    "show_target_share": {"vi": "≥ {threshold} số {units} đạt {standard} mức độ {level}",
                          "en": "≥ {threshold} of {units}s at {standard} level {level}"},
    "show_target_rate": {"vi": "Σ {numerator} / Σ số phải phổ cập ({cohort}) ≥ {threshold}",
                         "en": "Σ {numerator} / Σ to cover ({cohort}) ≥ {threshold}"},
}


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["vi"]
    return text.format(**values) if values else text
