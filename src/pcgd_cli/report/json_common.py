"""What both JSON report versions share: the keys around "results", the encoder, and the
streamed layout (one unit or finding per line)."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO

import orjson

from pcgd_cli import __version__
from pcgd_cli.count_table import PersonSource
from pcgd_cli.report.finding_text import finding_texts
from pcgd_cli.report.targets_text import target_results
from pcgd_cli.report_model import Report

# orjson takes numpy scalars and arrays as they are (no conversion pass in Python) and
# encodes about 3× faster than the standard library's C encoder (benchmarks/README.md).
_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


def encode(value: object) -> bytes:
    return orjson.dumps(value, option=_OPTIONS)


def rule_file_entry(rs, kind: str, lang: str) -> dict:
    """What every rule or target file says of itself, in both versions."""
    return {"id": rs.id, "version": rs.version, "title": rs.title.get(lang),
            "provisional": rs.provisional, "kind": kind, "source": rs.source.get(lang)}


def head(report: Report, lang: str, schema_version: int, rules: list[dict]) -> dict:
    """The keys before "results"."""
    notes = [note.get(lang) for note in report.notes()]
    return {
        "schema_version": schema_version,
        "tool": {"name": "pcgd", "version": __version__},
        "run": {"started": report.started.isoformat() if report.started else None,
                "seconds": round(report.seconds, 3), "lang": lang,
                "provisional": report.provisional, "notes": notes},
        "rules": rules,
        "inputs": [{"path": str(s.path), "sha256": s.sha256, "rows_read": s.rows_read,
                    "rows_used": s.rows_used, "rows_total": s.rows_total,
                    "rows_blank": s.rows_blank, "rows_rejected": s.rows_rejected,
                    **({"rows_left_out": s.rows_left_out} if report.persons else {})}
                   for s in report.inputs],
        **({"persons": persons_part(report.persons)} if report.persons else {}),
    }


def persons_part(persons: PersonSource) -> dict:
    """Where counts made from person rows came from (each commune's own accounting is in
    its results entry)."""
    return {"persons": persons.persons, "files": persons.files,
            "counting_rules": {"id": persons.rules_id, "version": persons.rules_version,
                               "options": persons.options},
            "totals": persons.totals()}


def tail(report: Report, lang: str) -> dict:
    """The keys after "results": plan targets and findings (the same in both versions)."""
    return {
        "targets": [
            {"id": tr.id, "description": tr.description, "value": tr.value,
             "target": tr.target, "met": tr.met, "unit": tr.unit, "gap": tr.gap or None,
             "year": tr.year, "target_set": tr.target_set, "kind": tr.kind,
             "status": tr.status, "unit_type": tr.scope, "code": tr.code or None,
             "name": tr.name or None, "provisional": tr.provisional,
             **({"details": tr.details} if tr.details else {})}
            for tr in target_results(report.targets, report.book, lang)
        ],
        "findings": [finding_entry(f, lang, report) for f in report.findings],
    }


def finding_entry(f, lang: str, report: Report) -> dict:
    message, suggestion = finding_texts(f, lang, report.book)
    return {"severity": f.severity, "code": f.code, "file": f.file or None,
            "sheet": f.sheet or None, "cell": f.cell or None, "row": f.row,
            "column": f.column or None, "unit": f.unit or None, "value": f.value or None,
            "message": message, "suggestion": suggestion}


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """The report is many small acyclic dicts and lists; the cyclic garbage collector,
    run every few hundred allocations, finds nothing in them and cost a fifth of the
    JSON writing time on the national file."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def byte_writer(stream: IO) -> Callable[[bytes], object]:
    """Write encoded bytes to ``stream``: a binary file as it is, a text stream through
    its byte buffer when it has one (stdout), else decoded (an in-memory StringIO)."""
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            return buffer.write
        return lambda data: stream.write(data.decode("utf-8"))
    return stream.write


def write_document(stream: IO, top: dict, results: Iterable[list[bytes]], end: dict) -> None:
    """``{**top, "results": [...], **end}`` as JSON, one unit or finding per line, the
    results (each unit already encoded) written a chunk at a time so that the national
    report never sits in memory whole; one write per chunk (a write per unit cost 0.4 s
    nationally)."""
    write = byte_writer(stream)
    open_results(write, top)
    wrote = write_chunks(write, results, wrote=False)
    close_document(write, wrote, end)


def open_results(write: Callable[[bytes], object], top: dict) -> None:
    """The document up to the opening bracket of "results"."""
    write(b"{\n")
    for key, value in top.items():
        write(b" " + encode(key) + b": " + encode(value) + b",\n")
    write(b" " + encode("results") + b": [")


def write_chunks(write: Callable[[bytes], object], chunks: Iterable[list[bytes]],
                 wrote: bool) -> bool:
    """Entries of an open list, a chunk per write; ``wrote``: whether the list holds
    entries already (a comma then comes first). Returns it after these chunks."""
    for chunk in chunks:
        if chunk:
            write((b",\n  " if wrote else b"\n  ") + b",\n  ".join(chunk))
            wrote = True
    return wrote


def close_document(write: Callable[[bytes], object], wrote: bool, end: dict) -> None:
    """The closing bracket of "results" (``wrote``: it holds entries), then ``end``'s
    keys as lists, and the closing brace."""
    _close_list(write, wrote, last=not end)
    keys = list(end)
    for n, key in enumerate(keys):
        write(b" " + encode(key) + b": [")
        entries = write_chunks(write, [list(map(encode, end[key]))], wrote=False)
        _close_list(write, entries, last=n == len(keys) - 1)
    write(b"}\n")


def _close_list(write: Callable[[bytes], object], wrote: bool, last: bool) -> None:
    write(b"\n ]" if wrote else b"]")
    write(b"\n" if last else b",\n")
