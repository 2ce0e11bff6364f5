"""Evaluation: knows rules and arrays, nothing of files or screens."""

from pcgd_cli.engine.evaluate import evaluate_units
from pcgd_cli.engine.results import Check, Evaluation, Status

__all__ = ["Check", "Evaluation", "Status", "evaluate_units"]
