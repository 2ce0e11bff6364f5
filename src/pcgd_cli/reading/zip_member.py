"""A sheet's XML inflated straight from the workbook's archive, for the scans.

Both scans of a national sheet (reading/xlsx_scan.py) were mostly zipfile's read:
zlib's inflate (56 ms for the national file's 44 MB of XML) and the CRC-32 zipfile
computes on the way (22 ms). The scan that must end before calamine starts is on the
path of every check, so the member is inflated here with ISA-L (``isal``: 22 ms for
the same XML) and without a CRC: calamine's own zip reader checks the member when it
reads it, and a damaged archive is reported from there (a scan of it is thrown away
with it). Anything but a plain deflated member is read through zipfile as before.
"""

from __future__ import annotations

import struct
import zipfile
from typing import IO

try:  # wheels for Linux, macOS and Windows; the standard library's zlib otherwise
    from isal.isal_zlib import decompressobj
    from isal.isal_zlib import error as InflateError  # noqa: N812 - zlib's name, kept
except ImportError:  # pragma: no cover - a platform without an isal wheel
    from zlib import decompressobj
    from zlib import error as InflateError  # noqa: N812, F401 - raised by the scans

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, …, name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_INPUT = 1 << 18  # compressed bytes taken at a time
_ENCRYPTED = 0x1


class _Inflated:
    """``read(n)``: at most ``n`` of the member's next bytes, none at its end. The
    inflater hands out at most ``n`` bytes at a time and keeps the rest of its input:
    no output is copied again (a buffer of output cost 17 ms of 44 on the national
    sheet)."""

    def __init__(self, archive: IO[bytes], start: int, size: int) -> None:
        self._archive, self._left = archive, size
        self._archive.seek(start)
        self._inflate = decompressobj(-15)  # raw deflate, as a zip member holds it
        self._input = b""
        self._rest = b""

    def read(self, n: int) -> bytes:
        if self._rest:
            return self._take_rest(n)
        while True:
            if not self._input and self._left:
                self._input = self._archive.read(min(_INPUT, self._left))
                self._left -= len(self._input)
                if not self._input:
                    raise EOFError("the archive ends inside a member")
            # with its input all taken, ISA-L may still hold output: asked with b""
            out = self._inflate.decompress(self._input, n)
            self._input = self._inflate.unconsumed_tail
            if out:
                return out
            if not self._input and not self._left:
                self._rest = self._inflate.flush()
                return self._take_rest(n)

    def _take_rest(self, n: int) -> bytes:
        out, self._rest = self._rest[:n], self._rest[n:]
        return out

    def __enter__(self) -> _Inflated:
        return self

    def __exit__(self, *_: object) -> None:
        self._archive.close()


def open_member(book: zipfile.ZipFile, member: str, path: str) -> IO[bytes] | _Inflated:
    """The member ``member`` of ``book`` (opened from ``path``), to read as a stream."""
    info = book.getinfo(member)
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & _ENCRYPTED:
        return book.open(member)
    archive = open(path, "rb")  # noqa: SIM115 - closed by the stream's __exit__
    try:
        archive.seek(info.header_offset)
        header = archive.read(_LOCAL_HEADER.size)
        if len(header) < _LOCAL_HEADER.size:
            raise zipfile.BadZipFile(f"the local header of {member} is past the end")
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != _LOCAL_SIGNATURE:
            raise zipfile.BadZipFile(f"no local header for {member}")
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        return _Inflated(archive, start, info.compress_size)
    except BaseException:
        archive.close()
        raise
