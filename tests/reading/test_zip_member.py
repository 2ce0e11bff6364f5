"""The scans read a sheet's XML through reading/zip_member.py: the bytes must be
zipfile's, whatever the size asked for, and an archive that is not what its
directory says is an error the scan already handles."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pcgd_cli.reading.zip_member import open_member

XML = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i * 7)
               for i in range(1, 20000))


def _archive(path: Path, compression: int) -> Path:
    with zipfile.ZipFile(path, "w", compression) as book:
        book.writestr("xl/worksheets/sheet1.xml", XML)
        book.writestr("xl/other.xml", b"<x/>")
    return path


def _read_all(path: Path, size: int) -> bytes:
    with zipfile.ZipFile(path) as book, open_member(book, "xl/worksheets/sheet1.xml",
                                                    str(path)) as stream:
        parts = []
        while part := stream.read(size):
            assert len(part) <= size
            parts.append(part)
        assert stream.read(size) == b""  # and stays ended
    return b"".join(parts)


@pytest.mark.parametrize("size", [1, 7, 4096, 1 << 20])
@pytest.mark.parametrize("compression", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_the_bytes_are_zipfile_s(tmp_path: Path, size: int, compression: int) -> None:
    path = _archive(tmp_path / "a.xlsx", compression)
    if size == 1 and compression == zipfile.ZIP_DEFLATED:
        size = 3  # a byte at a time is 600,000 calls: a few bytes say the same
    assert _read_all(path, size) == XML


def test_a_member_not_where_the_directory_says_is_a_bad_archive(tmp_path: Path) -> None:
    path = _archive(tmp_path / "a.xlsx", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as book:
        offset = book.getinfo("xl/worksheets/sheet1.xml").header_offset
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = b"XXXX"
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as book, pytest.raises(zipfile.BadZipFile):
        open_member(book, "xl/worksheets/sheet1.xml", str(path))


def test_an_archive_cut_short_ends_the_read_with_an_error(tmp_path: Path) -> None:
    path = _archive(tmp_path / "a.xlsx", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
        stream = open_member(book, "xl/worksheets/sheet1.xml", str(path))
    # the member's data runs to the end of the file here: cut its second half off
    cut = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    path.write_bytes(path.read_bytes()[:cut])
    with stream, pytest.raises(EOFError):
        while stream.read(1 << 16):
            pass


def test_a_local_header_past_the_end_is_a_bad_archive(tmp_path: Path) -> None:
    from pcgd_cli.reading.xlsx_scan import scan_xlsx

    path = _archive(tmp_path / "a.xlsx", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    # the central directory's record of the member: its local header offset moved to
    # ten bytes before the end of the file
    record = data.rfind(b"PK\x01\x02" , 0, data.rfind(b"xl/worksheets/sheet1.xml"))
    data[record + 42:record + 46] = (len(data) - 10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as book, pytest.raises(zipfile.BadZipFile):
        open_member(book, info.filename, str(path))
    assert scan_xlsx(str(path)) == {}  # left to calamine, which says the file is broken
