"""A large JSON report is encoded in two processes (report/second_core.py): the bytes
must be those one process writes, whether the child succeeds, fails or cannot be made."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from pcgd_cli.pipeline import check_files, load_rule_book
from pcgd_cli.report import json_report, second_core
from pcgd_cli.report.second_core import write_in_two

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "lai_chau_2024.xlsx"

fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")


def _json(report, lang: str, explain: bool, split_from: int,
          monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.setattr(json_report, "CHUNK", 7)  # the sample's 106 communes: 16 chunks
    monkeypatch.setattr(json_report, "SPLIT_FROM", split_from)
    stream = io.BytesIO()
    json_report.write_json(report, stream, lang, explain)
    return stream.getvalue()


@fork_only
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("explain", [False, True])
def test_report_written_in_two_processes_is_the_same_bytes(
        lang: str, explain: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    report = check_files([SAMPLE], load_rule_book([], ["laichau-2030"]))
    one = _json(report, lang, explain, split_from=10**9, monkeypatch=monkeypatch)
    two = _json(report, lang, explain, split_from=2, monkeypatch=monkeypatch)
    assert two == one


def _parts(parent: int):
    def first(write) -> None:
        write(b"first;")

    def second(write) -> None:
        if os.getpid() != parent:
            raise MemoryError  # only in the child
        write(b"second;")

    return first, second


@fork_only
def test_a_failed_child_is_done_again_here() -> None:
    out: list[bytes] = []
    write_in_two(*_parts(os.getpid()), out.append)
    assert b"".join(out) == b"first;second;"


def test_without_fork_both_parts_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(second_core.os, "fork", raising=False)
    out: list[bytes] = []
    write_in_two(*_parts(os.getpid()), out.append)
    assert b"".join(out) == b"first;second;"


@fork_only
def test_a_stop_in_the_parent_ends_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    children: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        children.append(pid)  # in the child: 0, never read there
        return pid

    def first(write) -> None:
        raise KeyboardInterrupt

    def second(write) -> None:
        import time

        time.sleep(30)

    monkeypatch.setattr(second_core.os, "fork", fork)
    with pytest.raises(KeyboardInterrupt):
        write_in_two(first, second, [].append)
    with pytest.raises(ChildProcessError):  # killed and reaped already
        os.waitpid(children[0], os.WNOHANG)


def test_no_fork_beside_another_live_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    def no_fork():
        raise AssertionError("forked beside a live thread")

    monkeypatch.setattr(os, "fork", no_fork)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        stream = io.BytesIO()
        write_in_two(lambda w: w(b"first "), lambda w: w(b"second"), stream.write)
    finally:
        stop.set()
        other.join()
    assert stream.getvalue() == b"first second"
