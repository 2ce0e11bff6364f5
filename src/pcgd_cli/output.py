"""Write an output file all at once: to a temporary file, then renamed into place.

A run that fails half-way leaves no partial file; an output that would
overwrite one of the inputs is refused.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO

from pcgd_cli.errors import PcgdError

TEXT_SUFFIXES = (".json", ".csv")
OUTPUT_SUFFIXES = (*TEXT_SUFFIXES, ".xlsx", ".parquet")


def check_output_path(output: Path, inputs: list[Path], suffixes: tuple[str, ...]) -> None:
    if output.suffix.lower() not in suffixes:
        raise PcgdError("output_type", path=output)
    target = output.resolve()
    if any(target == p.resolve() for p in inputs):
        raise PcgdError("output_is_input", path=output)


# O_EXCL: never open a file another run created; O_BINARY: no newline translation on Windows
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _new_temp(output: Path, temps: list[Path]) -> int:
    """A new temporary file beside ``output``, its name added to ``temps``: an open
    descriptor."""
    folder = output.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        # the name is listed before the file exists, so a stop arriving while it is
        # created still finds it to remove (mkstemp returns the name only after)
        temps.append(folder / f".{output.name}.{secrets.token_hex(4)}.tmp")
        try:
            # 0o666: the umask gives the output an ordinary file's permissions
            return os.open(temps[-1], _NEW_FILE, 0o666)
        except FileExistsError:
            temps.pop()
    raise FileExistsError(f"{folder}/.{output.name}.*.tmp")


def write_atomically(output: Path, write: Callable[[IO], None], binary: bool = False,
                     encoding: str = "utf-8") -> None:
    """``write`` gets an open temporary file; only a complete file is renamed to ``output``.

    Whatever stops the write (an error, Ctrl-C, SIGTERM: see ``stop.py``) removes the
    temporary file."""
    write_all_atomically([(output, write)], binary, encoding)


def write_all_atomically(outputs: list[tuple[Path, Callable[[IO], None]]],
                         binary: bool = True, encoding: str = "utf-8") -> None:
    """Several files, all or none: each is written to its temporary file, and the files
    are renamed into place only once every one of them is complete (``--split-by``)."""
    temps: list[Path] = []
    current = outputs[0][0] if outputs else Path()
    try:
        for output, write in outputs:
            current = output
            fd = _new_temp(output, temps)
            mode = "wb" if binary else "w"
            kwargs = {} if binary else {"encoding": encoding, "newline": ""}
            with os.fdopen(fd, mode, **kwargs) as fh:
                write(fh)
        for (output, _), tmp in zip(outputs, temps, strict=True):
            current = output
            os.replace(tmp, output)
    except BaseException as exc:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise PcgdError("output_failed", path=current, error=exc) from None
        raise
