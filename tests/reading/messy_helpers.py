"""Helpers for the reader tests: run ``pcgd check`` and read its JSON report."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from pcgd_cli.cli import app

_SCRIPT = Path(__file__).resolve().parents[1] / "fixtures" / "make_messy.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("make_messy", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_messy = _load_script()


def run_check(*args: str):
    """``pcgd check`` through the CLI: (exit code, JSON report or None, stderr)."""
    result = CliRunner().invoke(app, ["check", *map(str, args), "--format", "json"])
    report = json.loads(result.stdout) if result.stdout.strip() else None
    return result.exit_code, report, result.stderr, result


def findings(report: dict, *severities: str) -> list[tuple[str, str | None]]:
    return [(f["code"], f["cell"]) for f in report["findings"]
            if not severities or f["severity"] in severities]


def accounting_adds_up(report: dict) -> bool:
    return all(i["rows_read"] == i["rows_used"] + i["rows_total"] + i["rows_blank"]
               + i["rows_rejected"] for i in report["inputs"])
