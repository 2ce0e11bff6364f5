"""Random tables and random cell garbage: the reader and the validator raise
nothing but PcgdError, and every row read is accounted for."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcgd_cli.errors import PcgdError
from pcgd_cli.pipeline import column_catalog, load_rule_sets
from pcgd_cli.reading.workbook import RawSheet, read_csv
from pcgd_cli.units import load_register
from pcgd_cli.validation.consistency import check_consistency, missing_columns
from pcgd_cli.validation.table import InputSummary, build_unit_table

RULES = load_rule_sets([])
CATALOG = column_catalog(RULES)
REGISTER = load_register(Path(__file__).resolve().parents[2] / "sample_data"
                         / "lai_chau_register.csv")
HEADERS = ["Mã xã", "Xã", "Mã huyện", "Huyện", "Năm", "Xã ĐBKK", "Trẻ 5 tuổi - Tổng số",
           "Trẻ 5 tuổi - Khuyết tật không có khả năng học tập", "Trẻ 5 tuổi - Ra lớp",
           "Trẻ 5 tuổi - Hoàn thành chương trình GDMN", "Người 15-35 tuổi - Biết chữ mức độ 1",
           "Người 15-35 tuổi - Biết chữ mức độ 2", "Cộng", "STT", "", "Trẻ 6 tuổi", "Tổng số"]

garbage = st.one_of(
    st.none(), st.just(""), st.booleans(),
    st.integers(-10**12, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1.234", "1 234", "95,5%", "12.0", "-3", "x", "có", "Cộng", "Tổng cộng",
                     "Huyện Tam Đường", "Cộng huyện Tam Đường", "2024-2025", "03394", "3394",
                     "I. Huyện Mường Tè", "II - Huyện Tam Đường", "Mường Tè", "Xã Thèn Sin",
                     "BẢN GIANG", "TT. Tam Đường", "Huyện Không Có", "Tên đơn vị",
                     "\u00a0", "=SUM(A1)", "#REF!", "1e400", "nan", "Toàn huyện", "(1)"]),
    st.text(max_size=12),
)


def _accounted(summary: InputSummary) -> bool:
    return summary.rows_read == (summary.rows_used + summary.rows_total + summary.rows_blank
                                 + summary.rows_rejected)


def _run(sheet: RawSheet, register=None) -> InputSummary:
    summary = InputSummary(sheet.file)
    table = build_unit_table([sheet], CATALOG, {sheet.file: summary}, register=register)
    check_consistency(table, RULES)
    missing_columns(table, RULES, CATALOG)
    return summary


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(st.lists(garbage, max_size=4), max_size=3),
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=10).flatmap(
        # most tables have a commune-code column somewhere, so that rows get read
        lambda h: st.integers(0, len(h)).map(lambda i: [*h[:i], "Mã xã", *h[i:]])
        | st.just(h)),
    body=st.lists(st.lists(garbage, max_size=12), max_size=15),
    merges=st.one_of(st.none(), st.lists(st.tuples(
        st.integers(0, 6), st.integers(0, 12), st.integers(0, 6), st.integers(0, 12)),
        max_size=4)),
    register=st.sampled_from([None, REGISTER]),  # names, sections and the register too
)
def test_random_grids_never_crash_and_rows_add_up(titles, header, body, merges, register):
    rows = [*titles, list(header), *body]
    if merges is not None:
        merges = [(r0, c0, r0 + dr, c0 + dc) for r0, c0, dr, dc in merges]
    sheet = RawSheet(Path("x.xlsx"), "Xa", rows, merges=merges,
                     uncached_formulas=[(len(titles) + 1, 0)], hidden_rows=[0])
    summary = _run(sheet, register)
    assert _accounted(summary)
    if any(h == "Mã xã" for h in header):
        assert summary.rows_read <= len(body) + 1


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=400), header=st.booleans())
def test_random_csv_bytes_raise_only_pcgd_errors(data, header):
    if header:
        data = "Mã xã,Trẻ 5 tuổi - Tổng số\n".encode() + data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(data)
        try:
            sheets = read_csv(path)
        except PcgdError:
            return
    summary = _run(sheets[0])
    assert _accounted(summary)
