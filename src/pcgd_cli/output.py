"""Write an output file all at once: to a temporary file, then renamed into place.

A run that fails half-way leaves no partial file; an output that would
overwrite one of the inputs is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from pcgd_cli.errors import PcgdError

TEXT_SUFFIXES = (".json", ".csv")
OUTPUT_SUFFIXES = (*TEXT_SUFFIXES, ".xlsx")


def check_output_path(output: Path, inputs: list[Path], suffixes: tuple[str, ...]) -> None:
    if output.suffix.lower() not in suffixes:
        raise PcgdError("output_type", path=output)
    target = output.resolve()
    if any(target == p.resolve() for p in inputs):
        raise PcgdError("output_is_input", path=output)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(output: Path, write: Callable[[IO], None], binary: bool = False,
                     encoding: str = "utf-8") -> None:
    """``write`` gets an open temporary file; only a complete file is renamed to ``output``."""
    folder = output.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PcgdError("output_failed", path=output, error=exc) from None
    try:
        mode = "wb" if binary else "w"
        kwargs = {} if binary else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            write(fh)
        # mkstemp makes the file private (0600); an output is an ordinary file
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, output)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise PcgdError("output_failed", path=output, error=exc) from None
        raise
