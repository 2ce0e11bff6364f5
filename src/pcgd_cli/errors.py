"""The one exception type for usage, rule-file and file problems, and the exit codes.

Data problems inside a readable file are not exceptions: they are findings
collected into the report (see ``findings.py``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # the check ran and every requested target is met
    TARGET_NOT_MET = 1  # the check ran and a requested target is not met
    INPUT_ERROR = 2  # usage, rules or input error; nothing half-written


class PcgdError(Exception):
    """A problem the user can fix: says what is wrong and how to fix it.

    ``message`` and ``hint`` are already in the user's language; the CLI prints
    them on one line to stderr and exits with ``exit_code``.
    """

    def __init__(self, message: str, hint: str = "", exit_code: ExitCode = ExitCode.INPUT_ERROR):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code

    def line(self) -> str:
        """As the command line prints it: one line on stderr."""
        return f"pcgd: {self.message} — {self.hint}" if self.hint else f"pcgd: {self.message}"

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message
