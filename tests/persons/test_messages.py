"""Every person-row finding and sentence has both languages in the one catalogue and
formats with the data the engine gives it."""

from __future__ import annotations

import pytest
from person_support import rules

from pcgd_cli.findings import Finding
from pcgd_cli.i18n import MESSAGES
from pcgd_cli.report.finding_text import finding_message, finding_suggestion

# what count_persons puts in a row finding's params (numbers: every number value)
PARAMS = {"name": "Lò Văn A", "household": "7", "first_row": "5", "first_where": "a.xlsx:S",
          "rules_id": "household-2025", "total": "9", "listed": "5", "rows": "3",
          "candidates": "03199 Thị trấn Mường Tè", "closest": "Thèn Sin", "commune": "03394",
          **{name: "1" for name in rules().values},
          # persons_counts_unknown: the counts a commune's rejected persons leave blank
          "year": "2024", "persons": "2", "first": "S!A1", "columns": "age6_*",
          "groups_vi": "trẻ 6 tuổi", "groups_en": "6-year-olds"}
PERSON_CODES = sorted({c.code for c in rules().checks}
                      | {"persons_listed_cap", "persons_counts_unknown", "commune_not_in_register",
                         "persons_no_village_column", "person_commune_name_unknown",
                         "person_commune_name_ambiguous", "commune_option_unused",
                         "commune_without_persons"})


def test_every_check_has_a_message() -> None:
    for check in rules().checks:
        assert f"finding_{check.code}" in MESSAGES, check.code
        assert f"finding_{check.code}_hint" in MESSAGES, check.code


@pytest.mark.parametrize("code", PERSON_CODES)
def test_finding_formats_in_both_languages(code: str) -> None:
    f = Finding("warning", code, "f.xlsx", "S", "A1", 1, "grade", "x", "03394", "3",
                params=dict(PARAMS))
    vi, en = finding_message(f, "vi"), finding_message(f, "en")
    assert vi and en and vi != en
    assert finding_suggestion(f, "vi") and finding_suggestion(f, "en")
    assert "{" not in vi + en
