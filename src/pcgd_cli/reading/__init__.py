"""Reading spreadsheets into raw cell grids. Knows nothing of rules."""

from pcgd_cli.reading.sources import expand_inputs
from pcgd_cli.reading.workbook import RawSheet, read_file

__all__ = ["RawSheet", "expand_inputs", "read_file"]
