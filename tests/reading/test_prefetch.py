"""A workbook read ahead in a thread is the workbook read_file reads, and a file the
thread could not read fails where and how it always did."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcgd_cli.errors import PcgdError
from pcgd_cli.reading import read_file
from pcgd_cli.reading.prefetch import Prefetch

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"


def _error(path: Path) -> tuple[str, dict]:
    with pytest.raises(PcgdError) as caught:
        read_file(path)
    return caught.value.key, caught.value.params


def test_read_ahead_is_read_file(messy) -> None:
    # hidden rows (form_xlsx) and formulas never calculated (uncached): scanned apart
    paths = [SAMPLE, messy["form_xlsx"], messy["uncached"], messy["form_ods"], messy["utf8"]]
    prefetch = Prefetch(paths)
    for path in paths:
        assert prefetch.read(path) == read_file(path)
    prefetch.wait()


@pytest.mark.parametrize("name", ["truncated", "not_workbook", "encrypted", "huge"])
def test_a_file_not_read_ahead_fails_as_before(messy, name: str) -> None:
    path = messy[name]
    prefetch = Prefetch([path, SAMPLE])
    if name == "huge":  # too large: read as a sheet that says so, both ways
        assert prefetch.read(path) == read_file(path)
    else:
        with pytest.raises(PcgdError) as caught:
            prefetch.read(path)
        assert (caught.value.key, caught.value.params) == _error(path)
    assert prefetch.read(SAMPLE) == read_file(SAMPLE)  # the files after it are still read
    prefetch.wait()


def test_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    prefetch = Prefetch([SAMPLE])
    prefetch.wait()
    expected = read_file(SAMPLE)

    def read_again(path: Path):
        raise AssertionError(f"{path} read twice")

    monkeypatch.setattr("pcgd_cli.reading.prefetch.read_file", read_again)
    assert prefetch.read(SAMPLE) == expected


def test_a_missing_file_fails_as_before(tmp_path: Path) -> None:
    path = tmp_path / "gone.xlsx"
    prefetch = Prefetch([path])
    with pytest.raises(PcgdError) as caught:
        prefetch.read(path)
    assert (caught.value.key, caught.value.params) == _error(path)
