"""The shipped person sample: workbooks and the export of the same people agree."""

from __future__ import annotations

from pathlib import Path

from person_support import count

from pcgd_cli.units import load_register

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "sample_data" / "persons"


def test_workbooks_and_export_give_the_same_counts() -> None:
    register = load_register(ROOT / "sample_data" / "lai_chau_units.csv")
    books = count(sorted(FOLDER.glob("*.xlsx")), register=register)
    export = count([FOLDER / "export_2024.csv"], register=register)
    assert books.counts["commune_code"].tolist() == ["03394", "03400", "03413", "03589"]
    assert books.counts.equals(export.counts)
    assert books.accounting.equals(export.accounting)
    assert sorted(f.code for f in books.errors) == sorted(f.code for f in export.errors) == [
        "person_bad_grade", "person_duplicate", "person_no_birth_year"]
    assert books.persons == export.persons == 8000
