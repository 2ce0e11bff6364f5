"""Match raw sheets to the rule sets' columns, coerce values, join, collect findings."""

from pcgd_cli.validation.catalog import ColumnCatalog
from pcgd_cli.validation.table import InputSummary, UnitTable, build_unit_table

__all__ = ["ColumnCatalog", "InputSummary", "UnitTable", "build_unit_table"]
