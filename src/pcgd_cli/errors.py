"""The one exception type for usage, rule-file and file problems, and the exit codes.

Data problems inside a readable file are not exceptions: they are findings
collected into the report (see ``findings.py``).
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pcgd_cli.findings import Finding


class ExitCode(IntEnum):
    OK = 0  # the check ran and every requested target is met
    TARGET_NOT_MET = 1  # the check ran and a requested target is not met
    INPUT_ERROR = 2  # usage, rules or input error; nothing half-written


class PcgdError(Exception):
    """A problem the user can fix: says what is wrong and how to fix it.

    It carries a message key of the catalogue (``i18n.MESSAGES``) and its values,
    never a sentence: the command line renders it in the user's language
    (``message(lang)``, ``hint(lang)``) on one line of stderr and exits with
    ``exit_code``. The hint is the message ``<key>_hint`` unless ``hint`` names
    another key ("" for none). ``finding``: the data finding that made the input
    unusable, rendered like the report's findings.
    """

    def __init__(self, key: str, /, *, hint: str | None = None,
                 exit_code: ExitCode = ExitCode.INPUT_ERROR, finding: Finding | None = None,
                 **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.hint_key = hint
        self.exit_code = exit_code
        self.finding = finding
        self.params = params

    def message(self, lang: str = "vi") -> str:
        from pcgd_cli.i18n import t

        return t(self.key, lang, **self.params)

    def hint(self, lang: str = "vi") -> str:
        from pcgd_cli.i18n import MESSAGES, t

        key = f"{self.key}_hint" if self.hint_key is None else self.hint_key
        return t(key, lang, **self.params) if key in MESSAGES else ""

    def __str__(self) -> str:
        hint = self.hint()
        return f"{self.message()} ({hint})" if hint else self.message()
