"""The one exact test of the tool: numerator / denominator ≥ threshold %, on integers.

Thresholds are Fractions (89.5 is 179/2), so the test is
numerator × 100 × q ≥ p × denominator with no float in it: 89.995% fails 90%.
Works on Python ints and on numpy int64 arrays alike (indicators of every
commune, shares of units, plan targets).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np


def reaches(numerator, denominator, threshold: Fraction):
    p, q = threshold.numerator, threshold.denominator
    return numerator * (100 * q) >= p * denominator


def short_of(numerator, denominator, threshold: Fraction):
    """How many more to count in the numerator: ceil(threshold × denominator / 100) −
    numerator, never below 0 (people for a rate, units for a share)."""
    p, q = threshold.numerator, threshold.denominator
    need = -((-p * denominator) // (100 * q))
    return np.maximum(need - numerator, 0)
