"""How a CSV file's bytes become text: UTF-8 (± BOM), UTF-16 (by its byte-order mark,
or by the NULs of its text when none is written) and Windows-1258, as a table of
cases; and the head read to tell what a file is (64 KB) must not fail when its last
byte cuts a Vietnamese letter in two."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from pcgd_cli.reading.workbook import _decode_csv, csv_head, read_csv

TEXT = "Mã xã;Xã;Trẻ 6 tuổi - Tổng số\n03394;Xã Thèn Sin;40\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "cp1258"])
@pytest.mark.parametrize("pad", ["", "x"])  # an even and an odd number of bytes
def test_each_encoding_decodes_to_the_text(encoding: str, pad: str) -> None:
    text = TEXT + pad
    # cp1258 writes tone marks apart from their letter (as Windows does): compare NFC
    data = text.encode(encoding) if encoding != "cp1258" else _cp1258(text)
    got = unicodedata.normalize("NFC", _decode_csv(data))
    assert got.lstrip("\ufeff") == text


def _cp1258(text: str) -> bytes:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures"))
    from make_messy import to_cp1258

    return to_cp1258(text)


@pytest.mark.parametrize("cut", [0, 1, 2])  # the 64 KB boundary after, inside "ổ" (3 bytes)
def test_the_head_of_a_long_file_cut_inside_a_letter(tmp_path: Path, cut: int) -> None:
    header = ["commune_code", "year", "household", "family_name", "given_name", "birth_year",
              "note"]
    path = tmp_path / "xuat.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for i in range(3000):
            writer.writerow(["03394", "2024", str(i), "Lò Văn", "A", "2010", "tuổi"])
    data = path.read_bytes()
    # the first person's note made longer (ASCII, a byte a character), so that the
    # 65,536th byte falls ``cut`` bytes into an "ổ" further on
    letter = "ổ".encode()
    at = data.rindex(letter, 0, 65_000)
    first = data.index("tuổi".encode())
    data = data[:first] + b"x" * ((1 << 16) - at - cut) + data[first:]
    path.write_bytes(data)
    rows = csv_head(path)
    assert rows[0] == header
    assert len(rows) > 1000 and all(r[-1].endswith("tuổi") for r in rows[1:])


@pytest.mark.parametrize("text", ["Mã xã;Năm sinh\n03394;2010\n",
                                  "Họ đệm;Tên;Năm sinh\nLò Văn;A;2010\n"])
def test_windows_1258_of_an_even_length_is_not_read_as_utf16(tmp_path: Path, text) -> None:
    # these bytes also decode as UTF-16 (into nonsense): the order of trying matters
    path = tmp_path / "cp1258.csv"
    data = _cp1258(text)
    if len(data) % 2:
        data += b"\n"
    path.write_bytes(data)
    rows = read_csv(path)[0].rows
    # as Windows writes it, a tone mark apart from its letter: compared in NFC
    assert [unicodedata.normalize("NFC", str(c)) for c in rows[0]] == \
        text.split("\n")[0].split(";")
