"""Broken files: exit 2 with one line naming the file, never a traceback."""

from __future__ import annotations

import pytest
from messy_helpers import run_check


@pytest.mark.parametrize("name, words", [
    ("truncated", "không phải là bảng tính hợp lệ"),
    ("not_workbook", "không phải là bảng tính hợp lệ"),
    ("text_as_xlsx", "không phải là bảng tính hợp lệ"),
    ("empty", "rỗng"),
    ("encrypted", "mật khẩu"),
    ("unknown_type", "loại tệp"),
    ("zero_rows", "dòng tiêu đề"),
    ("huge", "XFD1048576"),
])
def test_broken_file_exits_2_with_one_line(messy, name, words):
    code, report, stderr, result = run_check(messy[name])
    assert code == 2
    assert report is None  # nothing half-written on stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], stderr


def test_missing_file(tmp_path):
    code, _, stderr, _ = run_check(tmp_path / "không có.xlsx")
    assert code == 2 and "không có.xlsx" in stderr
