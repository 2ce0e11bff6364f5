"""A run stopped by SIGTERM (a scheduler's time limit) or SIGINT (Ctrl-C) while it writes
its output leaves neither the output nor a temporary file, exits 128 + the signal and
says so in one line: in a real process, on a real input large enough to be caught
writing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from excel_fixtures import write_communes_csv
from pcgd_cli.output import write_atomically
from pcgd_cli.stop import Stopped

COMMUNES = 3000  # the summary workbook then takes seconds to write


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("input") / "xa.csv"
    communes = [(f"{100 + i // 100}", f"Huyện {i // 100}", f"{10000 + i:05d}", f"Xã {i}")
                for i in range(COMMUNES)]
    return write_communes_csv(path, communes)


def temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def stop_while_writing(big_input: Path, folder: Path, signum: int, *options: str):
    out = folder / "tong_hop.xlsx"
    child = subprocess.Popen(
        [sys.executable, "-m", "pcgd_cli", "check", str(big_input), "--output", str(out),
         "--quiet", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not temporary_files(folder):
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"never caught writing: exit {child.returncode}, "
                        f"{child.communicate()[1]}")
        time.sleep(0.005)
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=120)
    return child.returncode, stderr, out


@pytest.mark.parametrize(("signum", "lang", "words"), [
    (signal.SIGTERM, "vi", "Đã dừng (SIGTERM)"),
    (signal.SIGINT, "vi", "Đã dừng (SIGINT)"),
    (signal.SIGTERM, "en", "Stopped (SIGTERM)"),
])
def test_a_run_stopped_while_writing_leaves_nothing(big_input, tmp_path, signum, lang, words):
    code, stderr, out = stop_while_writing(big_input, tmp_path, signum, "--lang", lang)
    assert code == 128 + signum
    assert not out.exists()
    assert temporary_files(tmp_path) == []
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], stderr


def test_the_previous_output_survives_a_stop(big_input, tmp_path):
    (tmp_path / "tong_hop.xlsx").write_bytes(b"last night's workbook")
    code, _, out = stop_while_writing(big_input, tmp_path, signal.SIGTERM)
    assert code == 128 + signal.SIGTERM
    assert out.read_bytes() == b"last night's workbook"
    assert temporary_files(tmp_path) == []


def test_a_stop_inside_the_writer_removes_the_temporary_file(tmp_path):
    def stopped(stream):
        stream.write(b"PK\x03\x04 half a zip")
        raise Stopped(signal.SIGTERM)

    with pytest.raises(Stopped):
        write_atomically(tmp_path / "kq.xlsx", stopped, binary=True)
    assert list(tmp_path.iterdir()) == []


def test_an_output_gets_the_permissions_of_an_ordinary_file(tmp_path):
    mask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "kq.csv", lambda fh: fh.write("a\n"))
    finally:
        os.umask(mask)
    assert (tmp_path / "kq.csv").stat().st_mode & 0o777 == 0o644
