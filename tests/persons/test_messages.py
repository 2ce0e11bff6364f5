"""Every person-row finding and sentence has both languages and formats with the data
the engine gives it."""

from __future__ import annotations

import pytest
from person_support import rules

from pcgd_cli.findings import CATALOG, Finding
from pcgd_cli.persons.messages import FINDINGS, TEXTS

# what count_persons puts in a row finding's params (numbers: every number value)
PARAMS = {"name": "Lò Văn A", "household": "7", "first_row": "5", "first_where": "a.xlsx:S",
          "rules_id": "household-2025", "total": "9", "listed": "5",
          **{name: "1" for name in rules().values}}


def test_every_check_has_a_message() -> None:
    for check in rules().checks:
        assert check.code in FINDINGS, check.code


def test_codes_do_not_shadow_the_main_catalogue() -> None:
    assert not set(FINDINGS) & set(CATALOG)


@pytest.mark.parametrize("code", sorted(FINDINGS))
def test_finding_formats_in_both_languages(code: str) -> None:
    f = Finding("warning", code, "f.xlsx", "S", "A1", 1, "grade", "x", "03394", "3",
                params=dict(PARAMS))
    vi, en = f.message("vi"), f.message("en")
    assert vi and en and vi != en
    assert f.suggestion("vi") and f.suggestion("en")
    assert "{" not in vi + en


def test_every_text_has_both_languages() -> None:
    for key, entry in TEXTS.items():
        assert entry.get("vi") and entry.get("en"), key
