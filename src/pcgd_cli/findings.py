"""Data problems as objects: a stable code, a severity, a location, a message.

A finding keeps its parameters, not a rendered sentence, so the same finding
prints in Vietnamese or English (``message(lang)``, ``suggestion(lang)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]

# code -> (vi message, en message, vi suggestion, en suggestion)
CATALOG: dict[str, tuple[str, str, str, str]] = {
    "no_header": (
        "Không tìm thấy dòng tiêu đề có cột mã xã trong trang này (đã tìm: {labels})",
        "No header row with a commune-code column in this sheet (looked for: {labels})",
        "thêm cột 'Mã xã' (commune_code) vào dòng tiêu đề, hoặc dùng: pcgd template; bảng "
        "chỉ ghi tên xã thì kiểm tra kèm danh mục đơn vị: --units danh_muc.csv",
        "add a 'Mã xã' (commune_code) header, or start from: pcgd template; a table of "
        "commune names is checked with a register of units: --units register.csv",
    ),
    "no_data_sheet": (
        "Không có trang nào có dòng tiêu đề nhận ra được",
        "No sheet has a recognisable header row",
        "tiêu đề phải có cột 'Mã xã' và các cột số liệu (xem: pcgd template mau.xlsx), hoặc "
        "cột tên xã khi kiểm tra kèm danh mục đơn vị (--units danh_muc.csv)",
        "the header needs 'Mã xã' and count columns (see: pcgd template blank.xlsx), or a "
        "commune-name column when checked with a register of units (--units register.csv)",
    ),
    "unknown_column": (
        "Cột '{value}' không thuộc bộ quy tắc nào đang dùng; bỏ qua",
        "Column '{value}' is not used by the rule sets in use; ignored",
        "{closest}đổi tên tiêu đề theo nhãn trong: pcgd rules show nd20-2014",
        "{closest_en}rename it after a label in: pcgd rules show nd20-2014",
    ),
    "duplicate_column": (
        "Cột '{column}' xuất hiện hai lần trong cùng trang",
        "Column '{column}' appears twice in the same sheet",
        "xóa hoặc đổi tên một trong hai cột",
        "delete or rename one of the two columns",
    ),
    "conflicting_value": (
        "Xã {unit}: cột '{column}' có hai giá trị khác nhau ({value})",
        "Commune {unit}: column '{column}' has two different values ({value})",
        "sửa để các trang/tệp ghi cùng một số liệu",
        "make the sheets/files agree",
    ),
    "missing_commune_code": (
        "Dòng có số liệu nhưng thiếu mã xã; dòng bị bỏ qua",
        "Row has data but no commune code; row rejected",
        "điền mã xã (5 chữ số theo danh mục hành chính)",
        "fill in the commune code (5-digit GSO code)",
    ),
    "duplicate_commune": (
        "Mã xã {unit} xuất hiện nhiều lần trong cùng trang; số liệu ghi khác nhau giữa "
        "các dòng bị coi là thiếu",
        "Commune code {unit} appears more than once in the same sheet; figures that differ "
        "between the rows are treated as missing",
        "giữ lại một dòng cho mỗi xã (mỗi năm)",
        "keep one row per commune (per year)",
    ),
    "commune_two_parents": (
        "Xã {unit} thuộc hai huyện khác nhau ({value})",
        "Commune {unit} is under two districts ({value})",
        "sửa mã huyện cho đúng",
        "correct the district code",
    ),
    "not_a_number": (
        "'{column_label}': '{value}' không phải là số",
        "'{column_label}': '{value}' is not a number",
        "nhập số nguyên không âm, ví dụ 1234",
        "enter a whole number ≥ 0, e.g. 1234",
    ),
    "fractional_count": (
        "'{column_label}': số người phải là số nguyên, gặp {value}",
        "'{column_label}': a count of people must be whole, found {value}",
        "sửa thành số nguyên",
        "make it a whole number",
    ),
    "negative_count": (
        "'{column_label}': số người không được âm, gặp {value}",
        "'{column_label}': a count of people cannot be negative, found {value}",
        "sửa thành số không âm",
        "make it zero or more",
    ),
    "percent_in_count": (
        "'{value}' là tỷ lệ phần trăm, không phải số người",
        "'{value}' is a percentage, not a number of people",
        "nhập số người (ví dụ 95), không nhập tỷ lệ %",
        "enter the number of people (e.g. 95), not a percentage",
    ),
    "count_too_large": (
        "Số người {value} quá lớn (trên 1 tỷ)",
        "The count {value} is too large (over one billion)",
        "kiểm tra lại ô này: có thể gõ thừa chữ số hoặc dán nhầm mã",
        "check the cell: an extra digit or a pasted code?",
    ),
    "missing_value": (
        "Xã {unit}: ô '{column_label}' để trống; xã bị ghi là thiếu dữ liệu cho các chuẩn "
        "dùng cột này",
        "Commune {unit}: the '{column_label}' cell is blank; the commune is insufficient "
        "data for the standards that use it",
        "điền số liệu (ghi 0 nếu không có ai)",
        "fill it in (0 if there is nobody)",
    ),
    "missing_district_code": (
        "Xã {unit}: thiếu mã huyện; dòng bị bỏ qua",
        "Commune {unit}: no district code; row rejected",
        "điền mã huyện (3 chữ số theo danh mục hành chính) cho dòng này",
        "fill in the district code (3-digit GSO code) on this row",
    ),
    "missing_year": (
        "Xã {unit}: ô năm để trống; dòng bị bỏ qua",
        "Commune {unit}: the year cell is blank; row rejected",
        "điền năm số liệu (ví dụ 2024) cho dòng này",
        "fill in the year of the figures (e.g. 2024) on this row",
    ),
    "bad_flag": (
        "'{value}' không phải giá trị có/không",
        "'{value}' is not a yes/no value",
        "dùng 1/0, x/để trống, có/không",
        "use 1/0, x/blank, yes/no",
    ),
    "bad_year": (
        "'{value}' không phải là năm",
        "'{value}' is not a year",
        "nhập năm 4 chữ số, ví dụ 2024",
        "enter a 4-digit year, e.g. 2024",
    ),
    "numerator_above_denominator": (
        "{column} = {value} lớn hơn số phải phổ cập {extra}",
        "{column} = {value} is greater than the population to cover, {extra}",
        "kiểm tra lại hai cột này",
        "check these two columns",
    ),
    "excluded_above_total": (
        "Số loại trừ {value} lớn hơn tổng số {extra}",
        "Excluded {value} is greater than the total {extra}",
        "kiểm tra lại cột tổng số và cột khuyết tật",
        "check the total and excluded columns",
    ),
    "literacy_l2_above_l1": (
        "Số biết chữ mức độ 2 ({value}) lớn hơn số biết chữ mức độ 1 ({extra})",
        "Literate at level 2 ({value}) exceeds literate at level 1 ({extra})",
        "người biết chữ mức độ 2 cũng là người biết chữ mức độ 1",
        "level-2 literates are also level-1 literates",
    ),
    "level2_without_level1": (
        "Xã {unit} đạt {standard_label} mức độ {upper} nhưng chưa đạt mức độ {lower}",
        "Commune {unit} meets {standard_label} level {upper} but not level {lower}",
        "kiểm tra số liệu của mức độ {lower} (với XMC: độ tuổi 15-35, xã ĐBKK 15-25)",
        "check the counts behind level {lower} (literacy: ages 15-35, ĐBKK 15-25)",
    ),
    "not_applicable": (
        "Xã {unit}: '{value}' không áp dụng (mẫu số bằng 0: không có ai trong độ tuổi); "
        "tiêu chí này không cản mức đạt",
        "Commune {unit}: '{label_en}' does not apply (zero denominator: nobody of that age); "
        "it does not block the level",
        "kiểm tra lại nếu xã thật sự có người trong độ tuổi này",
        "check the counts if the commune does have people of that age",
    ),
    "total_row_mismatch": (
        "Dòng tổng '{unit}': cột {column} ghi {value}, cộng các dòng được {extra}",
        "Total row '{unit}': column {column} says {value}, the rows add up to {extra}",
        "sửa dòng tổng hoặc số liệu các xã",
        "correct the total row or the commune rows",
    ),
    "standard_not_evaluated": (
        "Chuẩn {standard_label} không được xét: tệp không có cột nào của chuẩn này",
        "Standard {standard_label} not evaluated: the data has none of its columns",
        "thêm các cột của chuẩn này nếu cần xét",
        "add its columns to have it checked",
    ),
    "column_missing": (
        "Thiếu cột '{column_label}'; chuẩn {extra_label} được ghi là thiếu dữ liệu "
        "(nhãn được nhận: {value})",
        "Column '{column_label}' is missing; standard {extra_label} is insufficient data "
        "(headers recognised: {value})",
        "thêm cột này vào bảng",
        "add the column",
    ),
    # reading and cross-column checks (reader)
    "hidden_sheet": (
        "Trang ẩn '{value}' không được đọc",
        "Hidden sheet '{value}' not read",
        "để đọc trang này: pcgd check … --sheet \"{value}\"",
        "to read it: pcgd check … --sheet \"{value}\"",
    ),
    "hidden_rows": (
        "Trang có {extra} dòng bị ẩn (dòng {value}); các dòng này vẫn được đọc",
        "The sheet has {extra} hidden rows (rows {value}); they are read",
        "bỏ ẩn để kiểm tra số liệu các dòng này",
        "unhide them to check their figures",
    ),
    "formula_not_calculated": (
        "Ô có công thức nhưng chưa có giá trị đã tính; không dùng ô này",
        "The cell holds a formula that was never calculated; its value is not used",
        "mở tệp bằng Excel hoặc LibreOffice, để chương trình tính lại rồi lưu",
        "open the file in Excel or LibreOffice, let it recalculate, and save",
    ),
    "sheet_too_large": (
        "Trang dùng tới ô {cell}, quá lớn để đọc; trang bị bỏ qua",
        "The sheet uses cells up to {cell}, too large to read; sheet skipped",
        "xóa các ô thừa ở xa bảng số liệu (Ctrl+End để tìm) rồi lưu lại",
        "delete the stray cells far from the table (Ctrl+End finds them) and save",
    ),
    "column_above_column": (
        "{column} = {value} lớn hơn {extra}",
        "{column} = {value} is greater than {extra}",
        "kiểm tra lại hai cột này",
        "check these two columns",
    ),
    # plan targets, rule sets, years (issue 3)
    "level_lost": (
        "{name}: {standard} giảm từ mức {l0} (năm {y0}) xuống mức {l1} (năm {y1})",
        "{name}: {standard_en} fell from level {l0} ({y0}) to level {l1} ({y1})",
        "xem lý do ở bảng các đơn vị chưa đạt của năm {y1}",
        "see the reasons in the table of units below the next level for {y1}",
    ),
    "level_not_kept_two_years": (
        "{name}: không duy trì được {standard} mức {held} hai năm liên tiếp ({y0}, {y1})",
        "{name}: {standard_en} level {held} not kept for two consecutive years ({y0}, {y1})",
        "phải được công nhận lại từ đầu (Thông tư 07/2016/TT-BGDĐT, Điều 9)",
        "it must be recognised again from scratch (Circular 07/2016, Art. 9)",
    ),
    "column_not_in_use": (
        "Cột '{value}' ({column}) thuộc bộ quy tắc {extra}, không dùng trong lần kiểm tra này",
        "Column '{value}' ({column}) belongs to {extra}, which this check does not use",
        "để dùng cột này, thêm {option}",
        "to use it, add {option}",
    ),
    "optional_not_checked": (
        "Không có cột cho tiêu chí '{value}' ({extra}): tiêu chí này chưa được kiểm tra, "
        "không tính là đạt",
        "No column for the test '{label_en}' ({source_en}): it is not checked, never counted "
        "as met",
        "thêm cột '{column_label}' nếu cần kiểm tra",
        "add the column '{column_label}' to have it checked",
    ),
    # the register of units (--units), names and district section rows (issue 13)
    "commune_name_unknown": (
        "Không tìm thấy xã '{value}' trong danh mục đơn vị; dòng bị bỏ qua",
        "No commune '{value}' in the register of units; row rejected",
        "sửa tên theo danh mục (tên gần giống: {closest}) hoặc ghi mã xã",
        "correct the name after the register (closest: {closest}) or write the commune code",
    ),
    "commune_name_ambiguous": (
        "Tên '{value}' ứng với nhiều đơn vị trong danh mục: {candidates}; dòng bị bỏ qua",
        "'{value}' names several units of the register: {candidates}; row rejected",
        "ghi rõ loại đơn vị (Xã, Phường, Thị trấn) trước tên, hoặc ghi mã xã",
        "write the unit's type (Xã, Phường, Thị trấn) before the name, or its code",
    ),
    "commune_name_differs": (
        "Mã xã {unit} là {extra} trong danh mục đơn vị ({register}, dòng {line}), nhưng bảng "
        "ghi tên '{value}'; dùng theo mã",
        "Commune code {unit} is {extra} in the register ({register}, line {line}), but the "
        "table names it '{value}'; the code is used",
        "kiểm tra lại mã xã và tên xã trên dòng này",
        "check this row's commune code and name",
    ),
    "unit_not_in_register": (
        "Mã xã {value} không có trong danh mục đơn vị {register}: huyện và ĐBKK của xã này "
        "chỉ lấy theo bảng",
        "Commune code {value} is not in the register {register}: its district and ĐBKK flag "
        "come from the table only",
        "kiểm tra mã xã, hoặc bổ sung xã này vào danh mục",
        "check the code, or add the commune to the register",
    ),
    "district_code_unknown": (
        "Dòng tên huyện '{value}' không cho biết mã huyện; kết quả ghi huyện này theo tên",
        "The section row '{value}' gives no district code; the results name the district "
        "by its name",
        "kiểm tra kèm danh mục đơn vị để có mã huyện: pcgd check … --units danh_muc.csv",
        "check with a register of units to get its code: pcgd check … --units register.csv",
    ),
    "district_not_in_register": (
        "Dòng tên huyện '{value}' không khớp huyện nào trong danh mục đơn vị {register}; các "
        "xã bên dưới được xếp huyện theo danh mục",
        "The section row '{value}' names no district of the register {register}; the "
        "communes below are placed as the register says",
        "sửa tên huyện (tên gần giống: {closest})",
        "correct the district's name (closest: {closest})",
    ),
    "district_differs_from_register": (
        "Xã {unit}: bảng xếp vào huyện {value}, danh mục đơn vị ({register}, dòng {line}) ghi "
        "huyện {extra}; dùng theo danh mục",
        "Commune {unit}: the table puts it under district {value}, the register ({register}, "
        "line {line}) under {extra}; the register is used",
        "chuyển xã về đúng huyện, hoặc sửa danh mục",
        "move the commune under its district, or correct the register",
    ),
    "disadvantaged_differs_from_register": (
        "Xã {unit}: bảng ghi ĐBKK = {value}, danh mục đơn vị ({register}, dòng {line}) ghi "
        "ĐBKK = {extra}; dùng theo danh mục",
        "Commune {unit}: the table says ĐBKK = {value}, the register ({register}, line {line}) "
        "says ĐBKK = {extra}; the register is used",
        "sửa ô ĐBKK cho khớp danh mục (hoặc cập nhật danh mục nếu danh mục đã cũ)",
        "make the cell agree with the register (or update the register if it is out of date)",
    ),
}


def _templates(code: str) -> tuple[str, str, str, str]:
    """The catalogue above, then the person-row findings of `pcgd count`."""
    if code in CATALOG:
        return CATALOG[code]
    from pcgd_cli.persons.messages import FINDINGS

    return FINDINGS[code]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    unit: str = ""
    extra: str = ""
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def _values(self, lang: str = "vi") -> dict[str, object]:
        values = {"value": self.value, "column": self.column, "unit": self.unit,
                  "extra": self.extra, "cell": self.cell, "labels": "",
                  # names for people, filled in by the pipeline from the rule files
                  "column_label": self.column, "standard_label": self.column,
                  "extra_label": self.extra, "closest": "", "closest_en": "", **self.params}
        if lang == "en":  # a parameter "x_en" is the English of "x"
            values.update({k[:-3]: v for k, v in self.params.items() if k.endswith("_en")})
        return values

    def message(self, lang: str = "vi") -> str:
        vi, en, _, _ = _templates(self.code)
        return (en if lang == "en" else vi).format(**self._values(lang))

    def suggestion(self, lang: str = "vi") -> str:
        _, _, vi, en = _templates(self.code)
        return (en if lang == "en" else vi).format(**self._values(lang))

    @property
    def location(self) -> str:
        """``Xa!G17`` style, or the file name when the problem has no cell."""
        if self.cell:
            return f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        return self.sheet or ""


def cell_ref(row0: int, col0: int) -> str:
    """0-based row and column to an A1 reference."""
    letters = ""
    col = col0 + 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row0 + 1}"
