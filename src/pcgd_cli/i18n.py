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
    "ui_insufficient_at_least": {"vi": "thiếu số liệu (≥ mức {n})",
                                 "en": "insufficient data (≥ level {n})"},
    "ui_not_evaluated": {"vi": "không xét", "en": "not evaluated"},
    "ui_below": {
        "vi": "Các xã chưa đạt mức tiếp theo — {standard}",
        "en": "Communes below the next level — {standard}",
    },
    "ui_commune": {"vi": "Xã", "en": "Commune"},
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
    "ui_severity": {"vi": "Loại", "en": "Severity"},
    "ui_where": {"vi": "Vị trí", "en": "Where"},
    "ui_message": {"vi": "Nội dung", "en": "Message"},
    "ui_suggestion": {"vi": "Gợi ý", "en": "Suggestion"},
    "ui_more_findings": {"vi": "… và {n} mục khác", "en": "… and {n} more"},
    "severity_error": {"vi": "lỗi", "en": "error"},
    "severity_warning": {"vi": "cảnh báo", "en": "warning"},
    "severity_info": {"vi": "thông tin", "en": "info"},
    "ui_tier_not_listed": {
        "vi": "Bảng dưới đây không liệt kê {n} {units} (quá dài để đọc trên màn hình); "
              "xem đủ: --output ket_qua.xlsx hoặc --format csv",
        "en": "The tables below leave out {n} {units} rows (too many to read on screen); "
              "all of them: --output result.xlsx or --format csv",
    },
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
    # --- Excel summary workbook, input template, batch runs (report/excel*.py,
    # template.py, batch.py) ---
    "xl_title": {
        "vi": "Kết quả kiểm tra phổ cập giáo dục, xóa mù chữ",
        "en": "Universal education and literacy: check results",
    },
    "xl_sheet_summary": {"vi": "Tổng hợp", "en": "Summary"},
    "xl_sheet_tiers": {"vi": "Huyện và tỉnh", "en": "Districts and province"},
    "xl_sheet_findings": {"vi": "Lỗi dữ liệu", "en": "Data errors"},
    "xl_sheet_info": {"vi": "Thông tin", "en": "About"},
    "xl_standard": {"vi": "Chuẩn", "en": "Standard"},
    "xl_level": {"vi": "Mức độ", "en": "Level"},
    "xl_article": {"vi": "Căn cứ", "en": "Legal basis"},
    "xl_units_n": {"vi": "Số {unit}", "en": "{unit}s"},
    "xl_units_met": {"vi": "Số {unit} đạt", "en": "{unit}s meeting it"},
    "xl_units_share": {"vi": "Tỷ lệ {unit} đạt (%)", "en": "Share of {unit}s (%)"},
    "xl_province_status": {"vi": "Tỉnh đạt mức này", "en": "Province meets this level"},
    "xl_province_level": {"vi": "Mức đạt của tỉnh", "en": "Province's level"},
    "xl_targets": {"vi": "Chỉ tiêu kế hoạch", "en": "Plan targets"},
    "xl_target_id": {"vi": "Mã chỉ tiêu", "en": "Target"},
    "xl_description": {"vi": "Nội dung", "en": "Description"},
    "xl_value": {"vi": "Giá trị đạt", "en": "Value"},
    "xl_target": {"vi": "Chỉ tiêu", "en": "Target value"},
    "xl_unit_of": {"vi": "Đơn vị tính", "en": "Measured in"},
    "xl_chart_data": {
        "vi": "Số xã theo mức đạt của từng chuẩn, theo {unit}",
        "en": "Communes by level reached for each standard, by {unit}",
    },
    "xl_chart_title": {"vi": "Số xã theo mức đạt — {standard}",
                       "en": "Communes by level reached — {standard}"},
    "xl_rules_line": {"vi": "Bộ quy tắc: {rules}", "en": "Rule sets: {rules}"},
    "xl_numerator": {"vi": "Tử số", "en": "Numerator"},
    "xl_denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "xl_rate": {"vi": "Tỷ lệ (%)", "en": "Rate (%)"},
    "xl_threshold": {"vi": "Ngưỡng (%)", "en": "Threshold (%)"},
    "xl_check": {"vi": "Đạt?", "en": "Met?"},
    "xl_shortfall": {"vi": "Còn thiếu (người)", "en": "Shortfall (people)"},
    "xl_level_heading": {"vi": "Mức độ {n} — {article}", "en": "Level {n} — {article}"},
    "xl_result": {"vi": "Kết quả", "en": "Result"},
    "xl_level_reached": {"vi": "Mức đạt", "en": "Level reached"},
    "xl_total_of": {"vi": "Cộng {name}", "en": "Total {name}"},
    "xl_check_pass": {"vi": "Đạt", "en": "Met"},
    "xl_check_fail": {"vi": "Chưa đạt", "en": "Not met"},
    "xl_check_na": {"vi": "Không áp dụng", "en": "Not applicable"},
    "xl_check_missing": {"vi": "Thiếu số liệu", "en": "Missing data"},
    "xl_check_not_checked": {"vi": "Không kiểm tra", "en": "Not checked"},
    "xl_status_not_evaluated": {"vi": "Không xét", "en": "Not evaluated"},
    "xl_yes": {"vi": "Có", "en": "Yes"},
    "xl_no": {"vi": "Không", "en": "No"},
    "xl_tier": {"vi": "Cấp", "en": "Tier"},
    "xl_code": {"vi": "Mã", "en": "Code"},
    "xl_name": {"vi": "Tên", "en": "Name"},
    "xl_child_units": {"vi": "Đơn vị được xét", "en": "Units counted"},
    "xl_share_met": {"vi": "Số đạt", "en": "Meeting it"},
    "xl_share_children": {"vi": "Tổng số", "en": "Of"},
    "xl_share_rate": {"vi": "Tỷ lệ đạt (%)", "en": "Share (%)"},
    "xl_share_required": {"vi": "Yêu cầu (%)", "en": "Required (%)"},
    "xl_code_col": {"vi": "Mã lỗi", "en": "Code"},
    "xl_file": {"vi": "Tệp", "en": "File"},
    "xl_sheet": {"vi": "Trang", "en": "Sheet"},
    "xl_cell": {"vi": "Ô", "en": "Cell"},
    "xl_row": {"vi": "Dòng", "en": "Row"},
    "xl_column": {"vi": "Cột", "en": "Column"},
    "xl_info_tool": {"vi": "Công cụ", "en": "Tool"},
    "xl_info_started": {"vi": "Thời điểm chạy (UTC)", "en": "Run started (UTC)"},
    "xl_info_seconds": {"vi": "Thời gian chạy (giây)", "en": "Run time (seconds)"},
    "xl_info_lang": {"vi": "Ngôn ngữ", "en": "Language"},
    "xl_info_provisional": {"vi": "Kết quả tạm tính", "en": "Provisional result"},
    "xl_info_note": {"vi": "Ghi chú", "en": "Note"},
    "xl_info_version": {"vi": "Phiên bản", "en": "Version"},
    "xl_info_source": {"vi": "Văn bản", "en": "Source"},
    "xl_info_target_sets": {"vi": "Bộ chỉ tiêu", "en": "Target sets"},
    "xl_info_inputs": {"vi": "Tệp dữ liệu đầu vào", "en": "Input files"},
    "xl_info_path": {"vi": "Đường dẫn", "en": "Path"},
    "xl_info_rows_read": {"vi": "Số dòng đã đọc", "en": "Rows read"},
    "xl_info_rows_used": {"vi": "Số dòng dùng (xã)", "en": "Rows used (communes)"},
    "xl_info_rows_total": {"vi": "Dòng tổng, dòng tên huyện", "en": "Total and section rows"},
    "xl_info_rows_blank": {"vi": "Dòng trống", "en": "Blank rows"},
    "xl_info_rows_rejected": {"vi": "Dòng bị loại", "en": "Rows rejected"},
    "xl_info_sheets": {"vi": "Trang đã dùng", "en": "Sheets used"},
    "xl_sheet_levels": {"vi": "Số xã theo mức đạt", "en": "Communes by level"},
    "xl_unit_level": {"vi": "mức độ", "en": "level"},
    "xl_unit_percent": {"vi": "%", "en": "%"},
    # an Excel number format: the level stays a number, shown with its word
    "xl_level_format": {"vi": '[=0]"chưa đạt mức nào";"mức "0',
                        "en": '[=0]"no level";"level "0'},
    "tpl_sheet_data": {"vi": "Số liệu", "en": "Data"},
    "tpl_sheet_help": {"vi": "Hướng dẫn", "en": "Instructions"},
    "tpl_title": {
        "vi": "Mẫu nhập số liệu phổ cập giáo dục, xóa mù chữ ({rules})",
        "en": "Input form for universal education and literacy ({rules})",
    },
    "tpl_step_1": {
        "vi": "1. Nhập mỗi xã một dòng ở trang '{sheet}'; không đổi tên, không xóa dòng tiêu đề.",
        "en": "1. Fill in one row per commune on sheet '{sheet}'; keep the header row as it is.",
    },
    "tpl_step_2": {
        "vi": "2. Số người là số nguyên ≥ 0; cột có/không chọn trong danh sách; để trống ô "
              "chưa có số liệu (không ghi 0).",
        "en": "2. Counts are whole numbers ≥ 0; pick yes/no from the list; leave a cell blank "
              "when the figure is unknown (do not write 0).",
    },
    "tpl_step_3": {
        "vi": "3. Mã xã giữ nguyên các số 0 ở đầu (ví dụ 03386).",
        "en": "3. Keep the leading zeros of commune codes (e.g. 03386).",
    },
    "tpl_step_4": {
        "vi": "4. Kiểm tra: pcgd check {file}",
        "en": "4. Check it: pcgd check {file}",
    },
    "tpl_step_names": {
        "vi": "5. Không có mã xã cũng được: ghi tên xã (\"Xã Bản Giang\" hoặc \"Bản Giang\"), "
              "có thể xếp các xã dưới một dòng tên huyện (\"I. Huyện Tam Đường\", sau đó "
              "dòng \"Cộng\") thay cho các cột huyện, rồi kiểm tra kèm danh mục đơn vị: "
              "pcgd check {file} --units danh_muc.csv. Hai đơn vị cùng tên (Thị trấn Mường Tè, "
              "Xã Mường Tè) phải ghi rõ loại đơn vị.",
        "en": "5. Commune codes may be left out: write the commune's name (\"Xã Bản Giang\" "
              "or \"Bản Giang\"), optionally under a row naming its district (\"I. Huyện "
              "Tam Đường\", then a \"Cộng\" row) instead of the district columns, and check "
              "it with the register of units: pcgd check {file} --units register.csv. Two "
              "units of one name (Thị trấn Mường Tè, Xã Mường Tè) need their type written.",
    },
    "tpl_col": {"vi": "Cột", "en": "Column"},
    "tpl_header": {"vi": "Tiêu đề cột (khóa)", "en": "Header (key)"},
    "tpl_kind": {"vi": "Kiểu", "en": "Type"},
    "tpl_meaning": {"vi": "Ý nghĩa", "en": "Meaning"},
    "tpl_used_by": {"vi": "Dùng để xét", "en": "Used by"},
    "tpl_kind_count": {"vi": "số nguyên ≥ 0", "en": "whole number ≥ 0"},
    "tpl_kind_yesno": {"vi": "có / không", "en": "yes / no"},
    "tpl_kind_flag": {"vi": "có / không (trống = không)", "en": "yes / no (blank = no)"},
    "tpl_kind_code": {"vi": "mã (dạng văn bản)", "en": "code (text)"},
    "tpl_kind_name": {"vi": "tên", "en": "name"},
    "tpl_kind_year": {"vi": "năm (4 chữ số)", "en": "year (4 digits)"},
    "tpl_meaning_total": {"vi": "Tổng số {cohort} trên địa bàn",
                          "en": "All {cohort} living in the commune"},
    "tpl_meaning_excluded": {
        "vi": "Số {cohort} khuyết tật không có khả năng học tập (trừ khỏi số phải phổ cập)",
        "en": "{cohort} disabled and unable to learn (taken out of the population to cover)",
    },
    "tpl_meaning_code": {
        "vi": "Mã {unit} theo danh mục đơn vị hành chính ({width} chữ số)",
        "en": "The {unit}'s code in the official list of administrative units ({width} digits)",
    },
    "tpl_meaning_name": {"vi": "Tên gọi của {unit}", "en": "The {unit}'s name"},
    "tpl_meaning_year": {
        "vi": "Năm thống kê (số liệu tính đến 30/9); để trống khi chỉ có một năm",
        "en": "Reference year (figures as of 30/9); leave blank for a single year",
    },
    "tpl_meaning_numerator": {"vi": "Số người được tính cho: {indicator}",
                              "en": "People counted for: {indicator}"},
    "tpl_meaning_yesno": {"vi": "Ghi 'có' khi xã đạt: {indicator}",
                          "en": "'yes' when the commune meets: {indicator}"},
    "tpl_used_level": {"vi": "mức độ {level} ({article})", "en": "level {level} ({article})"},
    "tpl_all_standards": {"vi": "mọi chuẩn và mức độ ({source})",
                          "en": "every standard and level ({source})"},
    "tpl_valid_count": {"vi": "Nhập số nguyên ≥ 0", "en": "Enter a whole number ≥ 0"},
    "tpl_valid_flag": {"vi": "Chọn có hoặc không", "en": "Pick yes or no"},
    "tpl_prompt_flag": {
        "vi": "Chọn 'có' hoặc 'không' trong danh sách; để trống nghĩa là không.",
        "en": "Pick 'yes' or 'no' from the list; blank means no.",
    },
    "tpl_optional": {"vi": "(không bắt buộc)", "en": "(optional)"},
    "tpl_disadvantaged_only": {"vi": "(chỉ xã ĐBKK)", "en": "(disadvantaged communes only)"},
    "tpl_yes": {"vi": "có", "en": "yes"},
    "tpl_no": {"vi": "không", "en": "no"},
    "tpl_output_type": {
        "vi": "Mẫu nhập liệu phải là tệp .xlsx: {path}",
        "en": "The template must be an .xlsx file: {path}",
    },
    "tpl_written": {"vi": "Đã ghi mẫu nhập liệu {path} ({n} xã)",
                    "en": "Template written to {path} ({n} communes)"},
    "batch_reading": {"vi": "Đọc tệp", "en": "Reading"},
    "batch_targets": {"vi": ", chỉ tiêu đạt {met}/{n}", "en": ", targets met {met}/{n}"},
    # --- end of Excel/template/batch block ---
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
        "vi": "Chưa kiểm tra (tệp không có cột; mức đạt ở trên chưa xét các tiêu chí "
              "này): {labels}",
        "en": "Not checked (no columns; the levels above leave these tests out): {labels}",
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
    # the register of units (--units)
    "register_no_header": {
        "vi": "Danh mục đơn vị {path} không có dòng tiêu đề với cột mã xã",
        "en": "Register of units {path} has no header row with a commune-code column",
    },
    "register_no_names": {
        "vi": "Danh mục đơn vị {path} không có cột tên xã",
        "en": "Register of units {path} has no commune-name column",
    },
    "register_no_district_codes": {
        "vi": "Danh mục đơn vị {path} có cột tên huyện nhưng không có cột mã huyện",
        "en": "Register of units {path} names districts but has no district-code column",
    },
    "register_empty": {
        "vi": "Danh mục đơn vị {path} không có xã nào",
        "en": "Register of units {path} lists no commune",
    },
    "register_hint": {
        "vi": "cột như sample_data/lai_chau_register.csv: province_code, province, "
              "district_code, district, commune_code, commune, commune_type, disadvantaged "
              "(hoặc nhãn tiếng Việt: Mã huyện, Huyện, Mã xã, Xã, Loại đơn vị, Xã ĐBKK)",
        "en": "columns as in sample_data/lai_chau_register.csv: province_code, province, "
              "district_code, district, commune_code, commune, commune_type, disadvantaged "
              "(or the Vietnamese labels: Mã huyện, Huyện, Mã xã, Xã, Loại đơn vị, Xã ĐBKK)",
    },
    "register_problems": {
        "vi": "Danh mục đơn vị {path} có lỗi: {problems}",
        "en": "Register of units {path} has mistakes: {problems}",
    },
    "register_problems_hint": {
        "vi": "sửa các dòng này trong danh mục rồi chạy lại",
        "en": "correct these lines of the register and run again",
    },
    "register_line": {"vi": "dòng {line}: {what}", "en": "line {line}: {what}"},
    "register_no_code": {"vi": "thiếu mã xã", "en": "no commune code"},
    "register_bad_code": {"vi": "mã xã '{code}' không phải dãy số",
                          "en": "commune code '{code}' is not a number"},
    "register_duplicate_code": {"vi": "mã xã {code} đã có ở dòng {first}",
                                "en": "commune code {code} is already on line {first}"},
    "register_no_name": {"vi": "thiếu tên xã", "en": "no commune name"},
    "register_bad_type": {
        "vi": "loại đơn vị '{value}' không phải Xã, Phường hay Thị trấn",
        "en": "commune type '{value}' is not Xã, Phường or Thị trấn",
    },
    "register_bad_flag": {
        "vi": "ô ĐBKK '{value}' không phải có/không (1/0, x/để trống, có/không)",
        "en": "ĐBKK cell '{value}' is not yes/no (1/0, x/blank, có/không)",
    },
    "register_no_district_code": {"vi": "thiếu mã huyện", "en": "no district code"},
    "register_district_two_names": {
        "vi": "huyện {code} ghi là '{name}', dòng {first_line} ghi là '{first}'",
        "en": "district {code} is '{name}' here but '{first}' on line {first_line}",
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


# Words and numbers that every layer writes the same way.
TIER_NAMES = {
    "vi": {"commune": "xã", "district": "huyện", "province": "tỉnh", "nation": "cả nước"},
    "en": {"commune": "commune", "district": "district", "province": "province",
           "nation": "nation"},
}


_EN_PLURALS = {"commune": "communes", "district": "districts", "province": "provinces",
               "nation": "nations"}


def tier_name(tier: str, lang: str, count: int = 1) -> str:
    """"xã" / "commune"; English counts take a plural ("2 districts"), Vietnamese none."""
    if lang == "en":
        return TIER_NAMES["en"][tier] if count == 1 else _EN_PLURALS[tier]
    return TIER_NAMES["vi"][tier]


_VI_SEPARATORS = str.maketrans(",.", ".,")


def number_text(value: float, lang: str, decimals: int | None = 2) -> str:
    """Numbers as each language writes them: 1.234,56 in Vietnamese, 1,234.56 in
    English; ``decimals=None`` keeps only the digits needed (89,5)."""
    text = f"{value:,g}" if decimals is None else f"{value:,.{decimals}f}"
    return text if lang == "en" else text.translate(_VI_SEPARATORS)


def fmt_threshold(value: float, lang: str = "vi") -> str:
    return f"{number_text(value, lang, None)}%"
