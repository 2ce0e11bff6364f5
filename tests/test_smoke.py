"""The sample data checks end to end through the library (detailed cases live elsewhere)."""

from pathlib import Path

from pcgd_cli.engine import Status
from pcgd_cli.pipeline import check_files, load_rule_book

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "lai_chau_2024.xlsx"


def test_sample_has_every_tier_and_standard():
    report = check_files([SAMPLE], load_rule_book(["nd20-2014"]))
    tiers = [t.tier for t in report.evaluation.tiers]
    assert tiers == ["commune", "district", "province"]
    communes = report.evaluation.tiers[0]
    assert len(communes.units) == 106
    assert set(communes.standards) == {"preschool5", "primary", "lower_secondary", "literacy"}
    summary = report.inputs[0]
    assert summary.rows_read == summary.rows_used == 106
    # a mix of outcomes: some communes meet primary level 3, some do not
    primary = communes.standards["primary"]
    assert (primary.level == 3).any() and (primary.level < 3).any()
    assert (primary.status == Status.MET).sum() > 90
