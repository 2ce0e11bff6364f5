"""Messages in Vietnamese (default) and English.

Labels of standards, indicators and columns come from the rule files; this
catalogue holds only the tool's own sentences. Every key has both languages
(a test checks it).
"""

from __future__ import annotations

LANGS = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --help of every command and option (cli.py names these keys; cli_help.py renders them)
    "help_pcgd": {
        "vi": "Kiểm tra chuẩn phổ cập giáo dục, xóa mù chữ (Nghị định 20/2014/NĐ-CP) từ bảng "
              "tính của xã, huyện, tỉnh.",
        "en": "Check Vietnam's universal education and literacy standards (Decree "
              "20/2014/NĐ-CP) from commune, district and province spreadsheets.",
    },
    "help_version": {"vi": "In phiên bản rồi thoát", "en": "Show the version and exit"},
    "help_help": {"vi": "In hướng dẫn này rồi thoát", "en": "Show this help and exit"},
    "help_lang": {"vi": "Ngôn ngữ: vi (mặc định) hoặc en",
                  "en": "Language: vi (the default) or en"},
    "help_check": {
        "vi": "Kiểm tra dữ liệu theo các chuẩn.\n\n"
              "Mã thoát: 0 chạy xong (đạt mọi chỉ tiêu được yêu cầu); 1 có chỉ tiêu chưa đạt; "
              "2 lỗi tham số, quy tắc hoặc dữ liệu.\n\n"
              "Ví dụ: pcgd check du_lieu.xlsx --targets laichau-2030 -o tong_hop.xlsx",
        "en": "Check data against the standards.\n\n"
              "Exit codes: 0 the check ran (every requested target met); 1 a target not met; "
              "2 usage, rules or data error.\n\n"
              "Example: pcgd check data.xlsx --targets laichau-2030 -o summary.xlsx",
    },
    "help_check_files": {
        "vi": "Tệp .xlsx, .xls, .ods, .csv, thư mục hoặc mẫu như *.xlsx",
        "en": "An .xlsx, .xls, .ods or .csv file, a folder or a pattern such as *.xlsx",
    },
    "help_rules_option": {
        "vi": "Mã bộ quy tắc hoặc tệp .yaml (mặc định nd20-2014); lặp lại được",
        "en": "Rule set id or .yaml file (default nd20-2014); repeatable",
    },
    "help_targets": {
        "vi": "Chỉ tiêu kế hoạch, ví dụ laichau-2030; lặp lại được",
        "en": "Plan targets, e.g. laichau-2030; repeatable",
    },
    "help_format": {
        "vi": "Dạng kết quả in ra: table (mặc định), json hoặc csv",
        "en": "What to print: table (the default), json or csv",
    },
    "help_output": {
        "vi": "Ghi kết quả ra tệp .xlsx, .json, .csv hoặc .parquet",
        "en": "Write the result to an .xlsx, .json, .csv or .parquet file",
    },
    "help_json_schema": {
        "vi": "Phiên bản JSON: 2 (mặc định) hoặc 1 (cũ, bỏ ở bản sau)",
        "en": "JSON schema version: 2 (the default) or 1 (deprecated, removed in the next "
              "release)",
    },
    "help_explain": {
        "vi": "Thêm vào JSON câu giải thích còn thiếu gì để đạt mức tiếp theo",
        "en": "Add to the JSON the sentences saying what each unit lacks for its next level",
    },
    "help_split_by": {
        "vi": "Với --output .xlsx: ghi thêm một tệp cho mỗi tỉnh (TÊN_<mã tỉnh>.xlsx)",
        "en": "With --output .xlsx: also write one workbook per province "
              "(NAME_<province code>.xlsx)",
    },
    "help_sheet": {
        "vi": "Chỉ đọc trang này (đọc được cả trang ẩn); lặp lại được",
        "en": "Read only this sheet (hidden ones too); repeatable",
    },
    "help_exit_zero": {
        "vi": "Trả mã 0 cả khi chỉ tiêu chưa đạt",
        "en": "Exit 0 even when a target is not met",
    },
    "help_quiet": {"vi": "Chỉ in lỗi", "en": "Print nothing but errors"},
    "help_template": {
        "vi": "Ghi mẫu nhập liệu làm từ bộ quy tắc.",
        "en": "Write the input workbook made from the rules.",
    },
    "help_template_output": {"vi": "Tệp .xlsx sẽ ghi", "en": "The .xlsx file to write"},
    "help_units": {
        "vi": "Danh mục đơn vị .csv/.xlsx để điền sẵn các xã",
        "en": "Register of units (.csv/.xlsx) whose communes are pre-filled",
    },
    "help_check_units": {
        "vi": "Danh mục đơn vị .csv/.xlsx: tìm xã theo tên, lấy huyện và ĐBKK từ đó",
        "en": "Register of units (.csv/.xlsx): communes by name, their districts and "
              "especially-difficult (disadvantaged) flags from it",
    },
    "help_rules": {
        "vi": "Bộ quy tắc: liệt kê, xem, kiểm tra.",
        "en": "Rule sets: list, show, validate.",
    },
    "help_rules_list": {
        "vi": "Liệt kê các bộ quy tắc và chỉ tiêu có sẵn.",
        "en": "List the built-in rule and target sets.",
    },
    "help_rules_show": {
        "vi": "Mọi chuẩn, mức, tiêu chí, ngưỡng của một bộ quy tắc.",
        "en": "Every standard, level, test and threshold of a rule set.",
    },
    "help_rules_show_id": {"vi": "Mã bộ quy tắc hoặc tệp .yaml", "en": "Rule set id or .yaml file"},
    "help_rules_validate": {
        "vi": "Kiểm tra tệp quy tắc, chỉ tiêu hoặc quy tắc đếm: mọi lỗi kèm tệp:dòng.",
        "en": "Check a rule, target or counting file: every mistake with file:line.",
    },
    "help_count": {
        "vi": "Đếm phiếu điều tra hộ gia đình (mỗi dòng một người) thành số liệu của xã.\n\n"
              "Mã thoát: 0 đếm xong; 2 lỗi tham số, tệp hoặc dữ liệu (số liệu vẫn được ghi "
              "khi lỗi nằm ở các dòng).\n\n"
              "Ví dụ: pcgd count so_nhap_lieu.xlsx --commune 03394 -o so_lieu.xlsx",
        "en": "Count the household survey (one row per person) into commune counts.\n\n"
              "Exit codes: 0 counted; 2 usage, file or data error (the counts are still "
              "written when the errors are in rows).\n\n"
              "Example: pcgd count entry_book.xlsx --commune 03394 -o counts.xlsx",
    },
    "help_count_files": {
        "vi": "Sổ nhập liệu .xlsx/.xls của xã, thư mục, hoặc tệp xuất .csv/.parquet nhiều xã",
        "en": "A commune's entry workbook (.xlsx/.xls), a folder, or a multi-commune "
              ".csv/.parquet export",
    },
    "help_count_year": {
        "vi": "Năm điều tra N (năm học N-N+1), thay năm ghi trong tệp",
        "en": "Survey year N (school year N-N+1), instead of the file's",
    },
    "help_count_units": {
        "vi": "Danh mục đơn vị .csv/.xlsx: xã, huyện, ĐBKK; nhận ra xã theo tên tệp hoặc "
              "tiêu đề",
        "en": "Register of units (.csv/.xlsx): communes, districts and flags; finds a "
              "workbook's commune from its title or file name",
    },
    "help_count_commune": {
        "vi": "Mã xã của sổ nhập liệu (một xã mỗi sổ)",
        "en": "The entry workbook's commune code (one commune per workbook)",
    },
    "help_count_by": {"vi": "Đếm theo thôn: village", "en": "Count per village: village"},
    "help_count_output": {
        "vi": "Ghi số liệu ra .xlsx, .csv, .parquet hoặc .json",
        "en": "Write the counts to an .xlsx, .csv, .parquet or .json file",
    },
    "help_count_show_sql": {
        "vi": "In câu lệnh SQL dùng để đếm (một dòng mỗi xã, năm), thay cho số liệu",
        "en": "Print the SQL query that counts (a row per commune and year), instead of the "
              "counts",
    },
    "help_count_rules": {
        "vi": "Bộ quy tắc đếm: mã hoặc tệp .yaml (mặc định household-2025)",
        "en": "Counting rules: id or .yaml file (default household-2025)",
    },
    "help_count_option": {
        "vi": "Tùy chọn của quy tắc đếm, ví dụ residents=permanent; lặp lại được",
        "en": "A counting option, e.g. residents=permanent; repeatable",
    },
    "help_rules_validate_path": {"vi": "Tệp .yaml cần kiểm tra", "en": "The .yaml file to check"},
    # placeholders in usage lines: the values a user types
    "metavar_file": {"vi": "TỆP", "en": "FILE"},
    "metavar_id_path": {"vi": "MÃ|TỆP", "en": "ID|PATH"},
    "metavar_id": {"vi": "MÃ", "en": "ID"},
    "metavar_path": {"vi": "TỆP", "en": "PATH"},
    "metavar_name": {"vi": "TÊN", "en": "NAME"},
    "metavar_xlsx": {"vi": "TỆP.xlsx", "en": "FILE.xlsx"},
    "metavar_csv": {"vi": "TỆP.csv", "en": "FILE.csv"},
    "metavar_yaml": {"vi": "TỆP.yaml", "en": "FILE.yaml"},
    "metavar_lang": {"vi": "vi|en", "en": "vi|en"},
    "metavar_format": {"vi": "table|json|csv", "en": "table|json|csv"},
    "metavar_year": {"vi": "NĂM", "en": "N"},
    "metavar_code": {"vi": "MÃ_XÃ", "en": "CODE"},
    "metavar_village": {"vi": "village", "en": "village"},
    "metavar_option": {"vi": "TÊN=GIÁ_TRỊ", "en": "NAME=CHOICE"},

    "metavar_json_schema": {"vi": "2|1", "en": "2|1"},
    "metavar_split_by": {"vi": "province", "en": "province"},
    # how help is laid out, and usage errors (typer's own texts are English only)
    "usage_prefix": {"vi": "Cách dùng: ", "en": "Usage: "},
    "usage_options": {"vi": "[TÙY_CHỌN]", "en": "[OPTIONS]"},
    "usage_command": {"vi": "LỆNH [THAM_SỐ]...", "en": "COMMAND [ARGS]..."},
    "usage_arguments": {"vi": "Tham số", "en": "Arguments"},
    "usage_options_heading": {"vi": "Tùy chọn", "en": "Options"},
    "usage_commands": {"vi": "Lệnh", "en": "Commands"},
    "usage_see_help": {"vi": "xem {command} --help", "en": "see {command} --help"},
    "usage_no_such_option": {"vi": "Không có tùy chọn {option}", "en": "No such option: {option}"},
    "usage_no_such_command": {"vi": "Không có lệnh {name}", "en": "No such command: {name}"},
    "usage_did_you_mean": {"vi": " (có phải {names}?)", "en": " (did you mean {names}?)"},
    "usage_option_needs_value": {
        "vi": "Tùy chọn {option} cần một giá trị",
        "en": "Option {option} needs a value",
    },
    "usage_option_takes_no_value": {
        "vi": "Tùy chọn {option} không nhận giá trị",
        "en": "Option {option} takes no value",
    },
    "usage_missing_argument": {"vi": "Thiếu tham số {name}", "en": "Missing argument {name}"},
    "usage_missing_option": {"vi": "Thiếu tùy chọn {name}", "en": "Missing option {name}"},
    "usage_bad_value": {"vi": "Giá trị không hợp lệ cho {name}", "en": "Invalid value for {name}"},
    "usage_expected": {"vi": "; cần {expected}", "en": "; expected {expected}"},
    "usage_extra_arguments": {"vi": "Thừa tham số: {args}", "en": "Unexpected arguments: {args}"},
    "usage_invalid": {"vi": "Dòng lệnh không hợp lệ", "en": "Invalid command line"},
    "usage_aborted": {"vi": "Đã hủy", "en": "Aborted"},
    # a run stopped by a signal (stop.py)
    "stopped": {
        "vi": "Đã dừng ({signal}); không để lại tệp ghi dở",
        "en": "Stopped ({signal}); no half-written file left",
    },
    # usage and files
    "and_more": {"vi": " … và {n} lỗi khác", "en": " … and {n} more"},
    "bad_lang": {"vi": "Ngôn ngữ không hỗ trợ: {lang}", "en": "Unsupported language: {lang}"},
    "bad_lang_hint": {"vi": "--lang vi | --lang en", "en": "--lang vi | --lang en"},
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
        "vi": "dùng đuôi .xlsx, .json, .csv hoặc .parquet",
        "en": "use .xlsx, .json, .csv or .parquet",
    },
    "split_needs_xlsx": {
        "vi": "--split-by chỉ dùng với --output TỆP.xlsx",
        "en": "--split-by works only with --output FILE.xlsx",
    },
    "split_needs_xlsx_hint": {
        "vi": "thêm --output tong_hop.xlsx",
        "en": "add --output summary.xlsx",
    },
    "json_schema_1_deprecated": {
        "vi": "JSON schema_version 1 sẽ bị bỏ ở phiên bản sau; hãy chuyển sang bản 2 "
              "(README: JSON report)",
        "en": "JSON schema_version 1 is deprecated and will be removed in the next release; "
              "move to version 2 (README: JSON report)",
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
    "rules_invalid": {
        "vi": "Tệp quy tắc {path} có lỗi: {problems}{more}",
        "en": "Rule file {path} has mistakes: {problems}{more}",
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
    "ui_persons": {
        "vi": "Số liệu đếm từ {persons} người trong {files} tệp phiếu điều tra (quy tắc đếm "
              "{rules}): {counted} được tính, {moved_out} chuyển đi, {deceased} đã chết, "
              "{not_resident} không cư trú, {rejected} bị loại do lỗi; trong số được tính, "
              "{excluded} người khuyết tật không có khả năng học tập được trừ khỏi số phải "
              "phổ cập",
        "en": "Counted from {persons} persons in {files} survey file(s) (counting rules "
              "{rules}): {counted} counted, {moved_out} moved out, {deceased} deceased, "
              "{not_resident} not resident, {rejected} rejected for errors; of those counted, "
              "{excluded} disabled and unable to learn are left out of the population to "
              "cover",
    },
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
    "xl_level_n": {"vi": "Mức độ {n}", "en": "Level {n}"},
    "xl_thresholds": {"vi": "Ngưỡng: {levels}", "en": "Threshold: {levels}"},
    "xl_level_threshold": {"vi": "mức {n} {threshold}", "en": "level {n} {threshold}"},
    "xl_dbkk": {"vi": "xã ĐBKK", "en": "ĐBKK commune"},
    "xl_must_be_yes": {"vi": "Phải ghi Có", "en": "Must say yes"},
    "xl_national_note": {
        "vi": "Dữ liệu gồm {n} tỉnh: bảng tổng hợp toàn quốc liệt kê các {units} theo tỉnh; "
              "số liệu từng xã nằm trong tệp của mỗi tỉnh (--split-by province).",
        "en": "The data spans {n} provinces: this national summary lists the {units} by "
              "province; each province's communes are in its own workbook "
              "(--split-by province).",
    },
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
    "xl_sheet_persons": {"vi": "Người được đếm", "en": "Persons counted"},
    "xl_persons_title": {
        "vi": "Số liệu đếm từ {persons} người trong {files} tệp phiếu điều tra (quy tắc "
              "đếm {rules}): từng xã",
        "en": "Counted from {persons} persons in {files} survey file(s) (counting rules "
              "{rules}): commune by commune",
    },
    "xl_persons_all": {"vi": "mọi xã", "en": "all communes"},
    "xl_info_counting": {"vi": "Quy tắc đếm phiếu điều tra", "en": "Counting rules"},
    "xl_info_counting_options": {"vi": "Tùy chọn đếm", "en": "Counting options"},
    "xl_info_persons": {"vi": "Số người đọc từ phiếu", "en": "Persons read"},
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
    "show_fallback": {"vi": "tệp cũ không có cột này: {numerator} / ({cohort})",
                      "en": "older files without its column: {numerator} / ({cohort})"},
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
    # --- data findings (findings.py): finding_<code> is the message, finding_<code>_hint
    # the suggestion. Values: the finding's fields, its params, and the names the
    # renderer looks up in the rule book ({column_label}, {standard_label} …). ---
    "finding_no_header": {
        "vi": "Không tìm thấy dòng tiêu đề có cột mã xã trong trang này (đã tìm: {labels})",
        "en": "No header row with a commune-code column in this sheet (looked for: {labels})",
    },
    "finding_no_header_hint": {
        "vi": "thêm cột 'Mã xã' (commune_code) vào dòng tiêu đề, hoặc dùng: pcgd template; bảng "
              "chỉ ghi tên xã thì kiểm tra kèm danh mục đơn vị: --units danh_muc.csv",
        "en": "add a 'Mã xã' (commune_code) header, or start from: pcgd template; a table of "
              "commune names is checked with a register of units: --units register.csv",
    },
    "finding_no_data_sheet": {
        "vi": "Không có trang nào có dòng tiêu đề nhận ra được",
        "en": "No sheet has a recognisable header row",
    },
    "finding_no_data_sheet_hint": {
        "vi": "tiêu đề phải có cột 'Mã xã' và các cột số liệu (xem: pcgd template mau.xlsx), "
              "hoặc cột tên xã khi kiểm tra kèm danh mục đơn vị (--units danh_muc.csv)",
        "en": "the header needs 'Mã xã' and count columns (see: pcgd template blank.xlsx), or a "
              "commune-name column when checked with a register of units (--units register.csv)",
    },
    "finding_unknown_column": {
        "vi": "Cột '{value}' không thuộc bộ quy tắc nào đang dùng; bỏ qua",
        "en": "Column '{value}' is not used by the rule sets in use; ignored",
    },
    "finding_unknown_column_hint": {
        "vi": "{closest}đổi tên tiêu đề theo nhãn trong: pcgd rules show nd20-2014",
        "en": "{closest}rename it after a label in: pcgd rules show nd20-2014",
    },
    "finding_duplicate_column": {
        "vi": "Cột '{column}' xuất hiện hai lần trong cùng trang",
        "en": "Column '{column}' appears twice in the same sheet",
    },
    "finding_duplicate_column_hint": {
        "vi": "xóa hoặc đổi tên một trong hai cột",
        "en": "delete or rename one of the two columns",
    },
    "finding_conflicting_value": {
        "vi": "Xã {unit}: cột '{column}' có hai giá trị khác nhau ({value})",
        "en": "Commune {unit}: column '{column}' has two different values ({value})",
    },
    "finding_conflicting_value_hint": {
        "vi": "sửa để các trang/tệp ghi cùng một số liệu",
        "en": "make the sheets/files agree",
    },
    "finding_missing_commune_code": {
        "vi": "Dòng có số liệu nhưng thiếu mã xã; dòng bị bỏ qua",
        "en": "Row has data but no commune code; row rejected",
    },
    "finding_missing_commune_code_hint": {
        "vi": "điền mã xã (5 chữ số theo danh mục hành chính)",
        "en": "fill in the commune code (5-digit GSO code)",
    },
    "finding_duplicate_commune": {
        "vi": "Mã xã {unit} xuất hiện nhiều lần trong cùng trang; số liệu ghi khác nhau giữa các "
              "dòng bị coi là thiếu",
        "en": "Commune code {unit} appears more than once in the same sheet; figures that differ "
              "between the rows are treated as missing",
    },
    "finding_duplicate_commune_hint": {
        "vi": "giữ lại một dòng cho mỗi xã (mỗi năm)",
        "en": "keep one row per commune (per year)",
    },
    "finding_commune_two_parents": {
        "vi": "Xã {unit} thuộc hai huyện khác nhau ({value})",
        "en": "Commune {unit} is under two districts ({value})",
    },
    "finding_commune_two_parents_hint": {
        "vi": "sửa mã huyện cho đúng",
        "en": "correct the district code",
    },
    "finding_not_a_number": {
        "vi": "'{column_label}': '{value}' không phải là số",
        "en": "'{column_label}': '{value}' is not a number",
    },
    "finding_not_a_number_hint": {
        "vi": "nhập số nguyên không âm, ví dụ 1234",
        "en": "enter a whole number ≥ 0, e.g. 1234",
    },
    "finding_fractional_count": {
        "vi": "'{column_label}': số người phải là số nguyên, gặp {value}",
        "en": "'{column_label}': a count of people must be whole, found {value}",
    },
    "finding_fractional_count_hint": {"vi": "sửa thành số nguyên", "en": "make it a whole number"},
    "finding_negative_count": {
        "vi": "'{column_label}': số người không được âm, gặp {value}",
        "en": "'{column_label}': a count of people cannot be negative, found {value}",
    },
    "finding_negative_count_hint": {"vi": "sửa thành số không âm", "en": "make it zero or more"},
    "finding_percent_in_count": {
        "vi": "'{value}' là tỷ lệ phần trăm, không phải số người",
        "en": "'{value}' is a percentage, not a number of people",
    },
    "finding_percent_in_count_hint": {
        "vi": "nhập số người (ví dụ 95), không nhập tỷ lệ %",
        "en": "enter the number of people (e.g. 95), not a percentage",
    },
    "finding_count_too_large": {
        "vi": "Số người {value} quá lớn (trên 1 tỷ)",
        "en": "The count {value} is too large (over one billion)",
    },
    "finding_count_too_large_hint": {
        "vi": "kiểm tra lại ô này: có thể gõ thừa chữ số hoặc dán nhầm mã",
        "en": "check the cell: an extra digit or a pasted code?",
    },
    "finding_missing_value": {
        "vi": "Xã {unit}: ô '{column_label}' để trống; xã bị ghi là thiếu dữ liệu cho các chuẩn "
              "dùng cột này",
        "en": "Commune {unit}: the '{column_label}' cell is blank; the commune is insufficient "
              "data for the standards that use it",
    },
    "finding_missing_value_hint": {
        "vi": "điền số liệu (ghi 0 nếu không có ai); ô pcgd count để trống là số chưa biết "
              "(có người bị loại do lỗi): sửa phiếu điều tra rồi đếm lại, đừng ghi 0",
        "en": "fill it in (0 if there is nobody); a cell pcgd count left blank is unknown (a "
              "person was rejected for an error): correct the survey rows and count again, "
              "do not enter 0",
    },
    "finding_commune_without_district": {
        "vi": "Xã {unit} chỉ có ở trang không có cột huyện, trong khi các trang khác có cột "
              "huyện; dòng bị bỏ qua",
        "en": "Commune {unit} is only in a sheet without district columns, while other "
              "sheets have them; row rejected",
    },
    "finding_commune_without_district_hint": {
        "vi": "thêm xã này vào trang có cột huyện, hoặc thêm cột mã huyện vào trang này",
        "en": "add this commune to the sheet with the district columns, or add a district "
              "code column to this sheet",
    },
    "finding_missing_district_code": {
        "vi": "Xã {unit}: thiếu mã huyện; dòng bị bỏ qua",
        "en": "Commune {unit}: no district code; row rejected",
    },
    "finding_missing_district_code_hint": {
        "vi": "điền mã huyện (3 chữ số theo danh mục hành chính) cho dòng này",
        "en": "fill in the district code (3-digit GSO code) on this row",
    },
    "finding_missing_year": {
        "vi": "Xã {unit}: ô năm để trống; dòng bị bỏ qua",
        "en": "Commune {unit}: the year cell is blank; row rejected",
    },
    "finding_missing_year_hint": {
        "vi": "điền năm số liệu (ví dụ 2024) cho dòng này",
        "en": "fill in the year of the figures (e.g. 2024) on this row",
    },
    "finding_bad_flag": {
        "vi": "'{value}' không phải giá trị có/không",
        "en": "'{value}' is not a yes/no value",
    },
    "finding_bad_flag_hint": {
        "vi": "dùng 1/0, x/để trống, có/không",
        "en": "use 1/0, x/blank, yes/no",
    },
    "finding_bad_year": {"vi": "'{value}' không phải là năm", "en": "'{value}' is not a year"},
    "finding_bad_year_hint": {
        "vi": "nhập năm 4 chữ số, ví dụ 2024",
        "en": "enter a 4-digit year, e.g. 2024",
    },
    "finding_numerator_above_denominator": {
        "vi": "{column} = {value} lớn hơn số phải phổ cập {extra}",
        "en": "{column} = {value} is greater than the population to cover, {extra}",
    },
    "finding_numerator_above_denominator_hint": {
        "vi": "kiểm tra lại hai cột này",
        "en": "check these two columns",
    },
    "finding_excluded_above_total": {
        "vi": "Số loại trừ {value} lớn hơn tổng số {extra}",
        "en": "Excluded {value} is greater than the total {extra}",
    },
    "finding_excluded_above_total_hint": {
        "vi": "kiểm tra lại cột tổng số và cột khuyết tật",
        "en": "check the total and excluded columns",
    },
    "finding_literacy_l2_above_l1": {
        "vi": "Số biết chữ mức độ 2 ({value}) lớn hơn số biết chữ mức độ 1 ({extra})",
        "en": "Literate at level 2 ({value}) exceeds literate at level 1 ({extra})",
    },
    "finding_literacy_l2_above_l1_hint": {
        "vi": "người biết chữ mức độ 2 cũng là người biết chữ mức độ 1",
        "en": "level-2 literates are also level-1 literates",
    },
    "finding_level2_without_level1": {
        "vi": "Xã {unit} đạt {standard_label} mức độ {upper} nhưng chưa đạt mức độ {lower}",
        "en": "Commune {unit} meets {standard_label} level {upper} but not level {lower}",
    },
    "finding_level2_without_level1_hint": {
        "vi": "kiểm tra số liệu của mức độ {lower} (với XMC: độ tuổi 15-35, xã ĐBKK 15-25)",
        "en": "check the counts behind level {lower} (literacy: ages 15-35, ĐBKK 15-25)",
    },
    "finding_not_applicable": {
        "vi": "Xã {unit}: '{test_label}' không áp dụng (mẫu số bằng 0: không có ai trong độ "
              "tuổi); tiêu chí này không cản mức đạt",
        "en": "Commune {unit}: '{test_label}' does not apply (zero denominator: nobody of that "
              "age); it does not block the level",
    },
    "finding_not_applicable_hint": {
        "vi": "kiểm tra lại nếu xã thật sự có người trong độ tuổi này",
        "en": "check the counts if the commune does have people of that age",
    },
    "finding_total_row_mismatch": {
        "vi": "Dòng tổng '{unit}': cột {column} ghi {value}, cộng các dòng được {extra}",
        "en": "Total row '{unit}': column {column} says {value}, the rows add up to {extra}",
    },
    "finding_total_row_mismatch_hint": {
        "vi": "sửa dòng tổng hoặc số liệu các xã",
        "en": "correct the total row or the commune rows",
    },
    "finding_standard_not_evaluated": {
        "vi": "Chuẩn {standard_label} không được xét: tệp không có cột nào của chuẩn này",
        "en": "Standard {standard_label} not evaluated: the data has none of its columns",
    },
    "finding_standard_not_evaluated_hint": {
        "vi": "thêm các cột của chuẩn này nếu cần xét",
        "en": "add its columns to have it checked",
    },
    "finding_column_missing": {
        "vi": "Thiếu cột '{column_label}'; chuẩn {extra_label} được ghi là thiếu dữ liệu (nhãn "
              "được nhận: {labels})",
        "en": "Column '{column_label}' is missing; standard {extra_label} is insufficient data "
              "(headers recognised: {labels})",
    },
    "finding_column_missing_hint": {"vi": "thêm cột này vào bảng", "en": "add the column"},
    "finding_hidden_sheet": {
        "vi": "Trang ẩn '{value}' không được đọc",
        "en": "Hidden sheet '{value}' not read",
    },
    "finding_hidden_sheet_hint": {
        "vi": "để đọc trang này: pcgd check … --sheet \"{value}\"",
        "en": "to read it: pcgd check … --sheet \"{value}\"",
    },
    "finding_hidden_rows": {
        "vi": "Trang có {extra} dòng bị ẩn (dòng {value}); các dòng này vẫn được đọc",
        "en": "The sheet has {extra} hidden rows (rows {value}); they are read",
    },
    "finding_hidden_rows_hint": {
        "vi": "bỏ ẩn để kiểm tra số liệu các dòng này",
        "en": "unhide them to check their figures",
    },
    "finding_formula_not_calculated": {
        "vi": "Ô có công thức nhưng chưa có giá trị đã tính; không dùng ô này",
        "en": "The cell holds a formula that was never calculated; its value is not used",
    },
    "finding_formula_not_calculated_hint": {
        "vi": "mở tệp bằng Excel hoặc LibreOffice, để chương trình tính lại rồi lưu",
        "en": "open the file in Excel or LibreOffice, let it recalculate, and save",
    },
    "finding_sheet_too_large": {
        "vi": "Trang dùng tới ô {cell}, quá lớn để đọc; trang bị bỏ qua",
        "en": "The sheet uses cells up to {cell}, too large to read; sheet skipped",
    },
    "finding_sheet_too_large_hint": {
        "vi": "xóa các ô thừa ở xa bảng số liệu (Ctrl+End để tìm) rồi lưu lại",
        "en": "delete the stray cells far from the table (Ctrl+End finds them) and save",
    },
    "finding_column_above_column": {
        "vi": "{column} = {value} lớn hơn {extra}",
        "en": "{column} = {value} is greater than {extra}",
    },
    "finding_column_above_column_hint": {
        "vi": "kiểm tra lại hai cột này",
        "en": "check these two columns",
    },
    "finding_level_lost": {
        "vi": "{name}: {standard_label} giảm từ mức {l0} (năm {y0}) xuống mức {l1} (năm {y1})",
        "en": "{name}: {standard_label} fell from level {l0} ({y0}) to level {l1} ({y1})",
    },
    "finding_level_lost_hint": {
        "vi": "xem lý do ở bảng các đơn vị chưa đạt của năm {y1}",
        "en": "see the reasons in the table of units below the next level for {y1}",
    },
    "finding_level_not_kept_two_years": {
        "vi": "{name}: không duy trì được {standard_label} mức {held} hai năm liên tiếp ({y0}, "
              "{y1})",
        "en": "{name}: {standard_label} level {held} not kept for two consecutive years ({y0}, "
              "{y1})",
    },
    "finding_level_not_kept_two_years_hint": {
        "vi": "phải được công nhận lại từ đầu (Thông tư 07/2016/TT-BGDĐT, Điều 9)",
        "en": "it must be recognised again from scratch (Circular 07/2016, Art. 9)",
    },
    "finding_column_not_in_use": {
        "vi": "Cột '{value}' ({column}) thuộc bộ quy tắc {extra}, không dùng trong lần kiểm tra "
              "này",
        "en": "Column '{value}' ({column}) belongs to {extra}, which this check does not use",
    },
    "finding_column_not_in_use_hint": {
        "vi": "để dùng cột này, thêm {option}",
        "en": "to use it, add {option}",
    },
    "finding_optional_not_checked": {
        "vi": "Không có cột cho tiêu chí '{test_label}' ({test_source}): tiêu chí này chưa được "
              "kiểm tra, không tính là đạt",
        "en": "No column for the test '{test_label}' ({test_source}): it is not checked, never "
              "counted as met",
    },
    "finding_optional_not_checked_hint": {
        "vi": "thêm cột '{column_label}' nếu cần kiểm tra",
        "en": "add the column '{column_label}' to have it checked",
    },
    "finding_commune_name_unknown": {
        "vi": "Không tìm thấy xã '{value}' trong danh mục đơn vị; dòng bị bỏ qua",
        "en": "No commune '{value}' in the register of units; row rejected",
    },
    "finding_commune_name_unknown_hint": {
        "vi": "sửa tên theo danh mục (tên gần giống: {closest}) hoặc ghi mã xã",
        "en": "correct the name after the register (closest: {closest}) or write the commune code",
    },
    "finding_commune_name_ambiguous": {
        "vi": "Tên '{value}' ứng với nhiều đơn vị trong danh mục: {candidates}; dòng bị bỏ qua",
        "en": "'{value}' names several units of the register: {candidates}; row rejected",
    },
    "finding_commune_name_ambiguous_hint": {
        "vi": "ghi rõ loại đơn vị (Xã, Phường, Thị trấn) trước tên, hoặc ghi mã xã",
        "en": "write the unit's type (Xã, Phường, Thị trấn) before the name, or its code",
    },
    "finding_commune_name_differs": {
        "vi": "Mã xã {unit} là {extra} trong danh mục đơn vị ({register}, dòng {line}), nhưng "
              "bảng ghi tên '{value}'; dùng theo mã",
        "en": "Commune code {unit} is {extra} in the register ({register}, line {line}), but the "
              "table names it '{value}'; the code is used",
    },
    "finding_commune_name_differs_hint": {
        "vi": "kiểm tra lại mã xã và tên xã trên dòng này",
        "en": "check this row's commune code and name",
    },
    "finding_unit_not_in_register": {
        "vi": "Mã xã {value} không có trong danh mục đơn vị {register}: huyện và ĐBKK của xã này "
              "chỉ lấy theo bảng",
        "en": "Commune code {value} is not in the register {register}: its district and ĐBKK "
              "flag come from the table only",
    },
    "finding_unit_not_in_register_hint": {
        "vi": "kiểm tra mã xã, hoặc bổ sung xã này vào danh mục",
        "en": "check the code, or add the commune to the register",
    },
    "finding_district_code_unknown": {
        "vi": "Dòng tên huyện '{value}' không cho biết mã huyện; kết quả ghi huyện này theo tên",
        "en": "The section row '{value}' gives no district code; the results name the district "
              "by its name",
    },
    "finding_district_code_unknown_hint": {
        "vi": "kiểm tra kèm danh mục đơn vị để có mã huyện: pcgd check … --units danh_muc.csv",
        "en": "check with a register of units to get its code: pcgd check … --units register.csv",
    },
    "finding_district_not_in_register": {
        "vi": "Dòng tên huyện '{value}' không khớp huyện nào trong danh mục đơn vị {register}; "
              "các xã bên dưới được xếp huyện theo danh mục",
        "en": "The section row '{value}' names no district of the register {register}; the "
              "communes below are placed as the register says",
    },
    "finding_district_not_in_register_hint": {
        "vi": "sửa tên huyện (tên gần giống: {closest})",
        "en": "correct the district's name (closest: {closest})",
    },
    "finding_district_differs_from_register": {
        "vi": "Xã {unit}: bảng xếp vào huyện {value}, danh mục đơn vị ({register}, dòng {line}) "
              "ghi huyện {extra}; dùng theo danh mục",
        "en": "Commune {unit}: the table puts it under district {value}, the register "
              "({register}, line {line}) under {extra}; the register is used",
    },
    "finding_district_differs_from_register_hint": {
        "vi": "chuyển xã về đúng huyện, hoặc sửa danh mục",
        "en": "move the commune under its district, or correct the register",
    },
    "finding_disadvantaged_differs_from_register": {
        "vi": "Xã {unit}: bảng ghi ĐBKK = {value}, danh mục đơn vị ({register}, dòng {line}) ghi "
              "ĐBKK = {extra}; dùng theo danh mục",
        "en": "Commune {unit}: the table says ĐBKK = {value}, the register ({register}, line "
              "{line}) says ĐBKK = {extra}; the register is used",
    },
    "finding_disadvantaged_differs_from_register_hint": {
        "vi": "sửa ô ĐBKK cho khớp danh mục (hoặc cập nhật danh mục nếu danh mục đã cũ)",
        "en": "make the cell agree with the register (or update the register if it is out of date)",
    },
    "finding_reading_fallback": {
        "vi": "Dữ liệu không có cột '{instead_label}': tiêu chí '{test_label}' "
              "({standard_label}) được xét theo cột '{column_label}', như các tệp trước đây",
        "en": "The data has no '{instead_label}' column: the test '{test_label}' "
              "({standard_label}) is judged on '{column_label}', as older files were",
    },
    "finding_reading_fallback_hint": {
        "vi": "mẫu biểu năm 2025 có cột '{instead_label}'; thêm cột này để xét theo cách "
              "đọc hiện hành",
        "en": "the 2025 forms have a '{instead_label}' column; add it to be judged the "
              "current way",
    },
    "finding_persons_flags_unknown": {
        "vi": "Không biết xã nào là xã ĐBKK: không có danh mục đơn vị có cột ĐBKK; tiêu chí "
              "nào có kết quả phụ thuộc vào điều này được ghi là thiếu dữ liệu",
        "en": "Which communes are ĐBKK is not known: no register of units with a ĐBKK "
              "column; a test whose verdict depends on it is insufficient data",
    },
    "finding_persons_flags_unknown_hint": {
        "vi": "kiểm tra kèm danh mục đơn vị có cột Xã ĐBKK: --units danh_muc.csv",
        "en": "check with a register of units that has the ĐBKK column: --units register.csv",
    },
    "finding_closest": {
        "vi": "có phải '{label}'? Nếu không, ",
        "en": "did you mean '{label}'? If not, ",
    },
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
    # --- person rows (pcgd count, persons/): the command's own sentences ---
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
        "en": "File {path}: no household-survey table found (a year or date of birth column and "
              "a name column are needed)",
    },
    "no_person_header_hint": {
        "vi": "tiêu đề cột phải như mẫu nhập liệu (Họ đệm, Tên, Năm sinh …); xem: pcgd rules "
              "show household-2025",
        "en": "headers as in the entry workbook (Họ đệm, Tên, Năm sinh …); see: pcgd rules show "
              "household-2025",
    },
    "export_no_person_columns": {
        "vi": "Tệp {path}: không tìm thấy bảng phiếu điều tra (không có cột năm sinh, ngày "
              "sinh hay họ tên; mỗi dòng phải là một người)",
        "en": "File {path}: no household-survey table found (no column of year or date of "
              "birth or of names; each row must be a person)",
    },
    "export_no_person_columns_hint": {
        "vi": "bảng số liệu của xã thì kiểm tra bằng: pcgd check {path}",
        "en": "a table of commune counts is checked with: pcgd check {path}",
    },
    "no_survey_year": {
        "vi": "Tệp {path}: không biết năm điều tra (không có ô năm học ở đầu trang, cũng không "
              "có cột năm)",
        "en": "File {path}: no survey year (no school-year cell at the top, no year column)",
    },
    "survey_year_unreadable": {
        "vi": "Tệp {path}, trang {sheet}, ô {cell}: không đọc được năm điều tra từ '{value}' "
              "(cần năm học như 2024-2025, một năm hoặc một ngày như 30/09/2024)",
        "en": "File {path}, sheet {sheet}, cell {cell}: no survey year can be read from "
              "'{value}' (a school year such as 2024-2025, a year or a date such as "
              "30/09/2024 is needed)",
    },
    "no_survey_year_hint": {
        "vi": "dùng --year 2024 (năm học 2024-2025)",
        "en": "give --year 2024 (school year 2024-2025)",
    },
    "commune_names_need_units": {
        "vi": "Tệp {path} ghi tên xã, không có mã xã: cần danh mục đơn vị để nhận ra các xã",
        "en": "File {path} names its communes without codes: the register of units is needed "
              "to recognise them",
    },
    "commune_names_need_units_hint": {
        "vi": "thêm --units danh_muc.csv (các xã được nhận ra theo tên)",
        "en": "add --units units.csv (communes are matched by name)",
    },
    "no_commune": {
        "vi": "Tệp {path}: không biết của xã nào",
        "en": "File {path}: which commune it belongs to is not known",
    },
    "no_commune_hint": {
        "vi": "dùng --commune MÃ_XÃ, hoặc --units danh_muc.csv để nhận ra xã từ tiêu đề hoặc tên "
              "tệp",
        "en": "give --commune CODE, or --units units.csv to recognise the commune from the title "
              "or the file name",
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
    "by_unknown_hint": {"vi": "--by village", "en": "--by village"},
    "persons_none_counted": {
        "vi": "Không đếm được người nào từ {files} tệp phiếu điều tra",
        "en": "No person could be counted from the {files} survey file(s)",
    },
    "persons_none_counted_hint": {
        "vi": "xem lỗi từng dòng: pcgd count … --format json",
        "en": "see the errors row by row: pcgd count … --format json",
    },
    "mixed_inputs": {
        "vi": "Không kiểm tra chung được phiếu điều tra (mỗi dòng một người, như {persons}) "
              "với bảng số liệu xã (như {table})",
        "en": "Person rows (as in {persons}) and commune count tables (as in {table}) cannot "
              "be checked together",
    },
    "mixed_inputs_hint": {
        "vi": "kiểm tra riêng từng loại, hoặc đếm phiếu trước: pcgd count … -o so_lieu.xlsx",
        "en": "check each kind on its own, or count the persons first: pcgd count … -o "
              "counts.xlsx",
    },
    "year_bad_hint": {"vi": "--year 2024", "en": "--year 2024"},
    "by_unknown": {
        "vi": "--by chỉ nhận 'village' (thôn), gặp '{value}'",
        "en": "--by takes only 'village', found '{value}'",
    },
    "show_sql_with_output": {
        "vi": "--show-sql chỉ in câu lệnh SQL, không dùng cùng {option}",
        "en": "--show-sql prints the SQL only; it cannot be used with {option}",
    },
    "show_sql_with_output_hint": {
        "vi": "chạy hai lần: pcgd count --show-sql > dem.sql, rồi pcgd count … {option}",
        "en": "run twice: pcgd count --show-sql > count.sql, then pcgd count … {option}",
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
        "vi": "Dữ liệu có {n} lỗi; các dòng lỗi không được tính, số liệu của nhóm tuổi có "
              "người bị loại để trống, các số liệu khác vẫn được ghi",
        "en": "The data has {n} errors; rows in error are not counted, the counts of the age "
              "groups a rejected person may be in are left blank, the others are written",
    },
    "count_more_findings": {
        "vi": "… và {n} phát hiện khác (xem --format json hoặc --output)",
        "en": "… and {n} more findings (see --format json or --output)",
    },
    "count_written": {
        "vi": "Đã ghi số liệu {n} xã vào {path}",
        "en": "Counts of {n} communes written to {path}",
    },
    "counting_show_columns": {"vi": "Cột của phiếu (tiêu đề được nhận)",
                              "en": "Survey columns (headers recognised)"},
    "counting_show_options": {"vi": "Tùy chọn (--option TÊN=GIÁ_TRỊ; * = mặc định)",
                              "en": "Options (--option NAME=CHOICE; * = default)"},
    "counting_show_cohorts": {"vi": "Độ tuổi", "en": "Age bands"},
    "counting_show_counts": {"vi": "Số liệu đếm", "en": "Counts"},
    "counting_show_checks": {"vi": "Kiểm tra từng dòng", "en": "Checks on each row"},
    "counting_show_values": {"vi": "Giá trị của mỗi người", "en": "Values of each person"},
    "counting_show_ages": {"vi": "tuổi", "en": "years old"},
    "rules_kind_counting": {
        "vi": "đếm phiếu",
        "en": "counting",
    },
    "count_reading": {
        "vi": "Đang đọc",
        "en": "Reading",
    },
    "count_counting": {
        "vi": "Đang đếm",
        "en": "Counting",
    },
    "col_key": {
        "vi": "Mã cột",
        "en": "Key",
    },
    "col_label": {
        "vi": "Nhãn",
        "en": "Label",
    },
    "col_label_en": {
        "vi": "Nhãn tiếng Anh",
        "en": "English label",
    },
    "sheet_counts": {
        "vi": "So lieu",
        "en": "Counts",
    },
    "sheet_labels": {
        "vi": "Nhan cot",
        "en": "Column labels",
    },
    "count_too_many_communes": {
        "vi": "({n} xã: chỉ in {shown} xã đầu; ghi đủ bằng --output hoặc --format csv)",
        "en": "({n} communes: the first {shown} shown; all with --output or --format csv)",
    },
    "fate_persons_read": {
        "vi": "Số người đọc",
        "en": "Persons read",
    },
    "fate_counted": {
        "vi": "Được tính",
        "en": "Counted",
    },
    "fate_moved_out": {
        "vi": "Chuyển đi",
        "en": "Moved out",
    },
    "fate_deceased": {
        "vi": "Đã chết",
        "en": "Deceased",
    },
    "fate_not_resident": {
        "vi": "Không cư trú (theo tùy chọn)",
        "en": "Not resident (option)",
    },
    "fate_rejected": {
        "vi": "Bị loại do lỗi",
        "en": "Rejected (errors)",
    },
    "fate_excluded": {
        "vi": "KT không có khả năng học tập (trong số được tính)",
        "en": "Disabled, unable to learn (of those counted)",
    },
    # --- person-row findings: each says how the person was then counted ---
    "finding_person_no_birth_year": {
        "vi": "{name}: không đọc được năm sinh ('{value}'); dòng này không được tính vào số liệu "
              "nào",
        "en": "{name}: no readable year of birth ('{value}'); the row is left out of every count",
    },
    "finding_person_no_birth_year_hint": {
        "vi": "ghi năm sinh 4 chữ số (ví dụ 2018) hoặc ngày sinh dd/mm/yyyy",
        "en": "enter a 4-digit year of birth (e.g. 2018) or a date dd/mm/yyyy",
    },
    "finding_person_birth_year_out_of_range": {
        "vi": "{name}: năm sinh {birth} không hợp lệ với năm điều tra {survey_year} (sau năm "
              "điều tra hoặc quá 120 năm trước); dòng này không được tính vào số liệu nào",
        "en": "{name}: year of birth {birth} is impossible for survey year {survey_year} (after "
              "it, or more than 120 years before); the row is left out of every count",
    },
    "finding_person_birth_year_out_of_range_hint": {
        "vi": "kiểm tra lại năm sinh",
        "en": "check the year of birth",
    },
    "finding_person_bad_grade": {
        "vi": "{name}: '{value}' không phải là khối/lớp học (1-12 hoặc \"3 tuổi\", \"4 tuổi\", "
              "\"5 tuổi\"); dòng này không được tính vào số liệu nào",
        "en": "{name}: '{value}' is not a grade (1-12, or \"3 tuổi\", \"4 tuổi\", \"5 tuổi\"); "
              "the row is left out of every count",
    },
    "finding_person_bad_grade_hint": {
        "vi": "ghi khối 1-12, hoặc \"3 tuổi\", \"4 tuổi\", \"5 tuổi\" cho trẻ mẫu giáo; lớp học "
              "bắt đầu bằng số khối (3B, Lớp 3B) hoặc là lớp mẫu giáo (Mầm, Chồi, Lá, MG …)",
        "en": "enter a grade 1-12, or \"3 tuổi\", \"4 tuổi\", \"5 tuổi\" for kindergarten; a "
              "class starts with its grade (3B, Lớp 3B) or is a kindergarten class (Mầm, Chồi, "
              "Lá, MG …)",
    },
    "finding_person_no_commune": {
        "vi": "{name}: thiếu mã xã; dòng này không được tính vào số liệu nào",
        "en": "{name}: no commune code; the row is left out of every count",
    },
    "finding_person_no_commune_hint": {
        "vi": "điền mã xã (5 chữ số) cho dòng này",
        "en": "fill in the commune code (5 digits) on this row",
    },
    "finding_person_no_survey_year": {
        "vi": "{name}: thiếu năm điều tra ('{value}'); dòng này không được tính vào số liệu nào",
        "en": "{name}: no survey year ('{value}'); the row is left out of every count",
    },
    "finding_person_no_survey_year_hint": {
        "vi": "điền năm học (ví dụ 2024-2025) hoặc dùng --year",
        "en": "fill in the school year (e.g. 2024-2025) or give --year",
    },
    "finding_person_duplicate": {
        "vi": "{name} (phiếu {household}) trùng với dòng {first_row} ({first_where}): cùng xã, "
              "năm điều tra, phiếu, họ tên, ngày sinh; chỉ dòng đầu được tính",
        "en": "{name} (form {household}) repeats row {first_row} ({first_where}): same commune, "
              "survey year, household, name and birth date; only the first row is counted",
    },
    "finding_person_duplicate_hint": {
        "vi": "xóa dòng trùng, hoặc sửa nếu là hai người khác nhau",
        "en": "delete the repeated row, or correct it if these are two people",
    },
    "finding_person_level_too_high_for_age": {
        "vi": "{name}, {age} tuổi, đã tốt nghiệp '{value}': quá sớm so với tuổi; vẫn được tính "
              "theo bậc tốt nghiệp đã ghi",
        "en": "{name}, aged {age}, has the diploma '{value}': too early for the age; counted "
              "with the diploma as recorded",
    },
    "finding_person_level_too_high_for_age_hint": {
        "vi": "kiểm tra năm sinh và bậc tốt nghiệp",
        "en": "check the year of birth and the diploma",
    },
    "finding_person_grade_far_from_age": {
        "vi": "{name}, {age} tuổi, đang học lớp {grade_now}: cách xa lớp đúng tuổi; vẫn được "
              "tính theo lớp đã ghi",
        "en": "{name}, aged {age}, is in grade {grade_now}: far from the grade for the age; "
              "counted in the grade as recorded",
    },
    "finding_person_grade_far_from_age_hint": {
        "vi": "kiểm tra năm sinh và khối/lớp học",
        "en": "check the year of birth and the grade",
    },
    "finding_person_diploma_above_grade": {
        "vi": "{name}: đã tốt nghiệp '{value}' nhưng đang học lớp {grade_now}; vẫn được tính "
              "theo lớp và bậc tốt nghiệp đã ghi",
        "en": "{name}: has the diploma '{value}' but is in grade {grade_now} now; counted with "
              "the grade and the diploma as recorded",
    },
    "finding_person_diploma_above_grade_hint": {
        "vi": "kiểm tra bậc tốt nghiệp và khối/lớp đang học",
        "en": "check the diploma and the grade now",
    },
    "finding_person_relapse_in_school": {
        "vi": "{name}: có đánh dấu tái mù chữ ('{value}') nhưng đang đi học lớp {grade_now}; vẫn "
              "được tính là tái mù chữ",
        "en": "{name}: marked relapsed into illiteracy ('{value}') but in grade {grade_now} now; "
              "counted as relapsed",
    },
    "finding_person_relapse_in_school_hint": {
        "vi": "bỏ đánh dấu tái mù chữ nếu người này đang đi học",
        "en": "clear the relapse mark if the person is in school",
    },
    "finding_person_able_without_disability": {
        "vi": "{name}: có đánh dấu 'Khả năng học tập' ('{value}') nhưng không có dạng khuyết tật "
              "nào; được tính là người không khuyết tật",
        "en": "{name}: marked 'able to learn' ('{value}') without any disability; counted as not "
              "disabled",
    },
    "finding_person_able_without_disability_hint": {
        "vi": "đánh dấu dạng khuyết tật, hoặc bỏ đánh dấu khả năng học tập",
        "en": "mark the kind of disability, or clear the able-to-learn mark",
    },
    "finding_person_unknown_diploma": {
        "vi": "{name}: bậc tốt nghiệp '{value}' không nhận ra (MN, TH, THCS, THPT); được tính là "
              "chưa có bằng",
        "en": "{name}: diploma '{value}' not recognised (MN, TH, THCS, THPT); counted as none",
    },
    "finding_person_unknown_diploma_hint": {
        "vi": "ghi một trong: MN, TH, THCS, THPT",
        "en": "use one of: MN, TH, THCS, THPT",
    },
    "finding_person_unknown_relapse": {
        "vi": "{name}: mức tái mù chữ '{value}' không nhận ra (1 hoặc 2); được tính là không tái "
              "mù chữ",
        "en": "{name}: relapse level '{value}' not recognised (1 or 2); counted as not relapsed",
    },
    "finding_person_unknown_relapse_hint": {
        "vi": "ghi 1 hoặc 2",
        "en": "enter 1 or 2",
    },
    "finding_person_unknown_circumstance": {
        "vi": "{name}: hoàn cảnh đặc biệt '{value}' không nhận ra (Chuyển đến, Chuyển đi, Chết); "
              "được tính như người đang cư trú",
        "en": "{name}: special circumstance '{value}' not recognised (Chuyển đến, Chuyển đi, "
              "Chết); counted as a resident",
    },
    "finding_person_unknown_circumstance_hint": {
        "vi": "ghi một trong: Chuyển đến, Chuyển đi, Chết",
        "en": "use one of: Chuyển đến, Chuyển đi, Chết",
    },
    "persons_every_cohort": {"vi": "mọi nhóm tuổi", "en": "every age group"},
    "finding_persons_counts_unknown": {
        "vi": "Xã {unit}, năm {year}: {persons} người bị loại do lỗi (người đầu tiên ở ô "
              "{first}) thuộc {groups_vi}; các số liệu này ({columns}) để trống, không đoán, và "
              "các tiêu chí dùng chúng được ghi là thiếu dữ liệu",
        "en": "Commune {unit}, year {year}: {persons} person(s) rejected for errors (the first "
              "at {first}) fall in {groups_en}; those counts ({columns}) are left blank, never "
              "guessed, and the tests that use them are insufficient data",
    },
    "finding_persons_counts_unknown_hint": {
        "vi": "sửa các dòng bị lỗi (liệt kê ở trên) rồi đếm lại",
        "en": "correct the rows in error (listed above) and count again",
    },
    "finding_persons_listed_cap": {
        "vi": "Lỗi '{value}': có {total} dòng, chỉ liệt kê {listed} dòng đầu",
        "en": "Finding '{value}': {total} rows, only the first {listed} are listed",
    },
    "finding_persons_listed_cap_hint": {
        "vi": "sửa các dòng đã liệt kê rồi chạy lại để xem các dòng còn lại",
        "en": "correct the rows listed and run again to see the rest",
    },
    "finding_person_unknown_column": {
        "vi": "Cột '{value}' không phải cột của phiếu điều tra; bỏ qua",
        "en": "Column '{value}' is not a survey column; ignored",
    },
    "finding_person_unknown_column_hint": {
        "vi": "đổi tên tiêu đề theo: pcgd rules show {rules_id}",
        "en": "rename it after a header in: pcgd rules show {rules_id}",
    },
    "finding_person_duplicate_column": {
        "vi": "Cột '{column}' xuất hiện hai lần; chỉ đọc cột đầu",
        "en": "Column '{column}' appears twice; only the first is read",
    },
    "finding_person_duplicate_column_hint": {
        "vi": "xóa hoặc đổi tên một trong hai cột",
        "en": "delete or rename one of the two columns",
    },
    "finding_commune_without_persons": {
        "vi": "Xã {unit} ({value}) có trong danh mục nhưng không có dòng nào; không có số liệu "
              "(không tính là 0)",
        "en": "Commune {unit} ({value}) is in the register but has no person rows; it has no "
              "figures (never counted as zero)",
    },
    "finding_commune_without_persons_hint": {
        "vi": "thêm tệp phiếu điều tra của xã này",
        "en": "add this commune's survey file",
    },
    "finding_commune_not_in_register": {
        "vi": "Mã xã {unit} ({rows} dòng, dòng đầu tiên ở ô này) không có trong danh mục đơn "
              "vị; các dòng này không được tính",
        "en": "Commune code {unit} ({rows} rows, the first at this cell) is not in the register "
              "of units; these rows are left out of every count",
    },
    "finding_commune_not_in_register_hint": {
        "vi": "sửa mã xã, hoặc bổ sung xã vào danh mục (--units)",
        "en": "correct the commune code, or add the commune to the register (--units)",
    },
    "finding_person_commune_name_unknown": {
        "vi": "Tên xã '{value}' ({rows} dòng, dòng đầu tiên ở ô này) không có trong danh mục "
              "đơn vị; các dòng này không được tính",
        "en": "Commune name '{value}' ({rows} rows, the first at this cell) is not in the "
              "register of units; these rows are left out of every count",
    },
    "finding_person_commune_name_unknown_hint": {
        "vi": "sửa tên xã cho đúng danh mục (gần nhất: {closest}), hoặc thêm cột Mã xã",
        "en": "write the name as the register does (closest: {closest}), or add a commune "
              "code column",
    },
    "finding_person_commune_name_ambiguous": {
        "vi": "Tên xã '{value}' ({rows} dòng, dòng đầu tiên ở ô này) ứng với nhiều xã trong "
              "danh mục: {candidates}; các dòng này không được tính",
        "en": "Commune name '{value}' ({rows} rows, the first at this cell) fits several "
              "communes of the register: {candidates}; these rows are left out of every count",
    },
    "finding_person_commune_name_ambiguous_hint": {
        "vi": "thêm cột Mã xã, hoặc ghi rõ loại đơn vị (Xã, Phường, Thị trấn)",
        "en": "add a commune code column, or write the unit type (Xã, Phường, Thị trấn)",
    },
    "finding_commune_option_unused": {
        "vi": "--commune {commune} không dùng cho tệp này: tệp có cột xã, mỗi dòng theo xã "
              "của nó",
        "en": "--commune {commune} is not used for this file: it has a commune column, each "
              "row goes to its own commune",
    },
    "finding_commune_option_unused_hint": {
        "vi": "bỏ --commune khi đếm tệp xuất nhiều xã",
        "en": "leave out --commune when counting an export of many communes",
    },
    "finding_persons_no_village_column": {
        "vi": "--by village: trang này không có cột thôn (Thôn, Bản, Xóm …); mọi dòng của "
              "nó được đếm vào một thôn để trống",
        "en": "--by village: this sheet has no village column (Thôn, Bản, Xóm …); all its "
              "rows are counted under a blank village",
    },
    "finding_persons_no_village_column_hint": {
        "vi": "thêm cột Thôn vào tệp, hoặc đếm không có --by village",
        "en": "add a village column (Thôn) to the file, or count without --by village",
    },
    "finding_persons_no_rows": {
        "vi": "Trang không có dòng người nào dưới tiêu đề",
        "en": "The sheet has no person rows under its header",
    },
    "finding_persons_no_rows_hint": {
        "vi": "kiểm tra lại trang này",
        "en": "check this sheet",
    },
}


def t(key: str, lang: str = "vi", /, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``values`` filled in.

    ``key`` and ``lang`` are positional-only so a message may have a ``{lang}``
    placeholder of its own (``bad_lang``). A value that is itself a ``Phrase``
    (a word or clause still to be put in the language, e.g. a tier's name) is
    rendered in ``lang`` first.
    """
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["vi"]
    if not values:
        return text
    for k, v in values.items():
        if isinstance(v, _LATER):
            values[k] = v.render(lang)  # ``values`` is this call's own dict
    return text.format(**values)


class Phrase:
    """A word or clause whose language is chosen when the sentence holding it is
    rendered: ``Phrase("and_more", n=3)``, ``Phrase.tier("province")``."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    @classmethod
    def tier(cls, tier: str, count: int = 1) -> Phrase:
        return cls("", tier=tier, count=count)

    def render(self, lang: str) -> str:
        if not self.key:
            return tier_name(str(self.values["tier"]), lang, int(self.values["count"]))
        return t(self.key, lang, **self.values)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, {self.values!r})"


class Joined:
    """Phrases (or plain text) joined by ``separator`` once their language is known:
    a list of problems in one message."""

    def __init__(self, parts: list[Phrase | str], separator: str) -> None:
        self.parts = parts
        self.separator = separator

    def render(self, lang: str) -> str:
        return self.separator.join(p.render(lang) if isinstance(p, Phrase) else str(p)
                                   for p in self.parts)


# What ``t`` renders in the sentence's language first. A tuple made once: a
# ``Phrase | Joined`` union is built anew at each use, and ``t`` runs twice per finding.
_LATER = (Phrase, Joined)


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
