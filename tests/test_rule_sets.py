"""Rule and target sets as a user feature: list, show, validate, a user's own files, and
every mistake reported with file:line (exit 2, no traceback, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcgd_cli.rules.loader import check_rule_file
from targets_support import LITERACY_LEVEL1, commune, run, run_json, targets_by_id, unit, write_rows

RULES = Path(__file__).resolve().parents[1] / "rules"
ND20 = (RULES / "nd20-2014.yaml").read_text(encoding="utf-8")
GRADE1_L1 = "            threshold: 90\n            gap: {vi: \"cần thêm {n} trẻ 6 tuổi vào lớp 1\""


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def _user_rules(tmp_path: Path, old: str, new: str, name: str = "my.yaml") -> tuple[Path, int]:
    assert ND20.count(old) >= 1
    text = ND20.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, _line_of(text, new)


def test_rules_list_shows_every_set_with_its_status():
    code, out, _ = run("rules", "list", "--lang", "en")
    assert code == 0
    for text in ("nd20-2014", "nd277-2025", "laichau-2030", "qd525-2030", "provisional",
                 "final", "targets", "standards", "2014.2"):
        assert text in out, text


@pytest.mark.parametrize(("lang", "texts"), [
    ("vi", ["Nghị định 20/2014, Điều 6", "xã ĐBKK: ≥ 90%", "huyện cần ≥ 95% số xã đạt",
            "Thông tư 07/2016/TT-BGDĐT, Điều 2", "Điều kiện tiên quyết"]),
    ("en", ["Decree 20/2014, Art. 16", "xã ĐBKK: ≥ 70%", "district needs ≥ 100% of its communes",
            "Circular 07/2016, Art. 2", "people aged 15-25"]),
])
def test_rules_show_every_level_threshold_and_article(lang, texts):
    code, out, _ = run("rules", "show", "nd20-2014", "--lang", lang)
    assert code == 0
    for text in texts:
        assert text in out, text


def test_rules_show_targets_and_provisional_sets():
    _, out, _ = run("rules", "show", "laichau-2030")
    assert "≥ 12% số huyện đạt PCGD THCS mức độ 3" in out
    assert "Σ lower_sec_graduates_vocational" in out
    _, out, _ = run("rules", "show", "nd277-2025")
    assert "TẠM TÍNH" in out and "tỉnh cần ≥ 100% số huyện đạt" in out


def test_a_user_copy_with_a_changed_threshold_is_used(tmp_path):
    # 6-year-olds in grade 1 at primary level 1: 90% → 99%
    path, _ = _user_rules(tmp_path, GRADE1_L1, GRADE1_L1.replace("90", "99"))
    code, out, _ = run("rules", "validate", path)
    assert code == 0 and "hợp lệ" in out
    data = write_rows(tmp_path / "d.csv", [commune("00001", age6_grade1=98)])
    _, default = run_json(data)
    _, mine = run_json(data, "--rules", path)
    assert unit(default, "commune")["standards"]["primary"]["level"] == 3  # 98% meets 98%
    assert unit(mine, "commune")["standards"]["primary"]["level"] == 0
    assert mine["rules"][0]["id"] == "nd20-2014"


def test_a_user_rule_file_with_a_mistake(tmp_path):
    path, line = _user_rules(tmp_path, GRADE1_L1, GRADE1_L1.replace("90", "150"))
    code, _, err = run("rules", "validate", path)
    assert code == 2
    assert f"{path}:{line}:" in err
    assert "between 0 and 100" in err
    out = tmp_path / "out.json"
    data = write_rows(tmp_path / "d.csv", [commune("00001")])
    code, _, err = run("check", data, "--rules", path, "--output", out)
    assert code == 2
    assert f"{path}:{line}:" in err and "Traceback" not in err
    assert not out.exists()


def test_mistakes_name_their_line(tmp_path):
    old = "    short: {vi: \"PCGD tiểu học\""
    text = ND20.replace(old, old.replace("short", "shortt"), 1)
    text = text.replace("numerator: age6_grade1", "numerator: age6_in_grade_one", 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("rules", "validate", path)
    assert code == 2
    lines = err.strip().splitlines()
    assert any(f":{_line_of(text, 'shortt')}:" in x and "shortt" in x for x in lines)
    text2 = ND20.replace("numerator: age6_grade1", "numerator: age6_in_grade_one", 1)
    path.write_text(text2, encoding="utf-8")
    code, _, err = run("rules", "validate", path)
    assert code == 2
    assert f"{path}:{_line_of(text2, 'age6_in_grade_one')}:" in err
    assert "unknown column 'age6_in_grade_one'" in err


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nversion: 1\ntitle: {vi: [unclosed\n", encoding="utf-8")
    code, _, err = run("rules", "validate", path)
    assert code == 2 and f"{path}:" in err and "YAML" in err


def test_a_cycle_of_prerequisites_is_refused(tmp_path):
    # literacy level 1 requiring lower_secondary level 1, which requires literacy level 1
    old = "        article: {vi: \"Nghị định 20/2014, Điều 20\", en: \"Decree 20/2014, Art. 20\"}\n"
    path, line = _user_rules(tmp_path, old,
                             old + "        requires: [{standard: lower_secondary, level: 1}]\n")
    rules, messages = check_rule_file(path)
    assert rules is None
    assert any("cycle" in m and "literacy 1" in m for m in messages), messages
    code, _, err = run("check", write_rows(tmp_path / "d.csv", [commune("00001")]),
                       "--rules", path)
    assert code == 2 and "cycle" in err


# --- target files ---------------------------------------------------------------------------

TARGETS = """\
id: my-plan
version: "1"
title: {vi: "Kế hoạch của tôi"}
source: {vi: "tự đặt"}
scope: province
targets:
  - id: literacy_half
    kind: share
    label: {vi: "≥ 50% số xã đạt XMC mức độ 2"}
    standard: literacy
    level: 2
    of: commune
    threshold: 50
"""


def test_a_user_target_file(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(TARGETS, encoding="utf-8")
    code, out, _ = run("rules", "validate", path)
    assert code == 0
    data = write_rows(tmp_path / "d.csv", [commune("00001"), commune("00002",
                                                                    **LITERACY_LEVEL1)])
    code, report = run_json(data, "--targets", path)
    assert code == 0
    assert targets_by_id(report)["literacy_half"]["value"] == 50.0
    assert report["rules"][1] == {"id": "my-plan", "version": "1", "title": "Kế hoạch của tôi",
                                  "provisional": False, "kind": "targets", "source": "tự đặt"}


@pytest.mark.parametrize(("old", "new", "message"), [
    ("standard: literacy", "standard: literature", "unknown standard 'literature'"),
    ("level: 2", "level: 4", "standard 'literacy' has no level 4"),
    ("of: commune", "of: nation", "Input should be 'commune', 'district' or 'province'"),
    ("    of: commune\n", "", "a 'share' target needs: of"),
    ("scope: province", "scope: district", "Input should be 'province' or 'nation'"),
])
def test_a_user_target_file_with_a_mistake(tmp_path, old, new, message):
    text = TARGETS.replace(old, new)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("rules", "validate", path)
    assert code == 2
    assert f"{path}:" in err and message in err
    code, _, err = run("check", write_rows(tmp_path / "d.csv", [commune("00001")]),
                       "--targets", path)
    assert code == 2 and message in err and "Traceback" not in err


def test_share_target_below_its_scope_is_refused(tmp_path):
    text = TARGETS.replace("of: commune", "of: province")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = run("rules", "validate", path)
    assert code == 2
    assert f"{path}:{_line_of(text, 'of: province')}:" in err


def test_unknown_target_id_lists_the_built_in_ones(tmp_path):
    code, _, err = run("check", write_rows(tmp_path / "d.csv", [commune("00001")]),
                       "--targets", "hanoi-2030")
    assert code == 2 and "laichau-2030" in err
