"""write_json streams the report in chunks; what it writes must be report_dict exactly,
in schema_version 2 (json_report) and in the deprecated 1 (json_v1). Version 2 encodes
each unit's figures column by column; they must be the result columns' own."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pcgd_cli.pipeline import check_files, load_rule_book
from pcgd_cli.report import json_report, json_v1
from pcgd_cli.report.result_columns import result_columns

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"

# Two provinces (so a nation tier), no districts (two-tier), a ĐBKK commune, a blank
# (missing) count, a failing rate and a zero denominator.
CSV = """province_code,commune_code,commune,disadvantaged,age5_total,age5_attending,age5_completed,\
age6_total,age6_grade1,age14_total,age14_completed
01,00001,Xã A,1,100,99,90,50,49,40,39
01,00002,Xã B,0,100,80,70,50,,40,30
02,00003,Xã C,x,0,0,0,50,50,40,40
02,00004,Xã D,0,120,119,118,60,58,45,41
"""


def _text_of(value: object) -> str:
    # textual comparison also tells 100 from 100.0 and keeps key order
    return json.dumps(value, ensure_ascii=False)


def _written(report, lang: str = "vi", module=json_report) -> str:
    stream = io.StringIO()
    module.write_json(report, stream, lang)
    return stream.getvalue()


@pytest.fixture(params=[json_report, json_v1], ids=["v2", "v1"])
def module(request):
    return request.param


@pytest.fixture(params=["sample", "csv"])
def source(request, tmp_path: Path) -> Path:
    if request.param == "sample":
        return SAMPLE
    path = tmp_path / "two_provinces.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chunk", [3, 1000])
def test_written_json_is_report_dict(source: Path, lang: str, chunk: int, module,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    report = check_files([source], load_rule_book())
    whole = _text_of(module.report_dict(report, lang))  # computed with the default chunk size
    monkeypatch.setattr(module, "CHUNK", chunk)
    text = _written(report, lang, module)
    assert text.endswith("}\n")
    assert _text_of(json.loads(text)) == whole
    # chunking never changes the content
    assert _text_of(module.report_dict(report, lang)) == whole


def test_written_json_to_a_binary_file_is_the_same(source: Path) -> None:
    report = check_files([source], load_rule_book())
    binary = io.BytesIO()
    json_report.write_json(report, binary, "vi", explain=True)
    assert json.loads(binary.getvalue()) == json.loads(
        json.dumps(json_report.report_dict(report, "vi", explain=True)))


def test_written_json_has_one_unit_per_line(module) -> None:
    report = check_files([SAMPLE], load_rule_book())
    lines = _written(report, module=module).splitlines()
    units = [line for line in lines if line.lstrip().startswith('{"unit_type"')]
    assert len(units) == sum(len(tier) for tier in report.evaluation.tiers)


def test_report_without_findings_or_targets_is_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("commune_code,age6_total,age6_grade1\n00001,10,10\n", encoding="utf-8")
    report = check_files([path], load_rule_book())
    report.findings = []
    data = json.loads(_written(report))
    assert data["targets"] == [] and data["findings"] == []
    assert [u["unit_type"] for u in data["results"]] == ["commune", "province"]


def test_indicators_are_the_result_columns(source: Path) -> None:
    report = check_files([source], load_rule_book())
    tiers = result_columns(report.evaluation)
    units = iter(json_report.report_dict(report, "vi", tiers=tiers)["results"])
    unknown = 0
    for tier in tiers:
        for i in range(len(tier)):
            unit = next(units)
            assert (unit["unit_type"], unit["code"]) == (tier.tier, tier.units.code[i])
            for sid, std in tier.standards.items():
                if not std.evaluated:
                    continue
                expected = {f.key: ([int(f.numerator[i]), int(f.denominator[i]),
                                     int(f.excluded[i])] if f.known[i] else None)
                            for f in std.figures if f.checked}
                assert unit["standards"][sid]["indicators"] == expected, (unit["code"], sid)
                unknown += None in expected.values()
    assert next(units, None) is None
    if source.suffix == ".csv":  # its blank count leaves a figure unknown: null, not [x, y, e]
        assert unknown
