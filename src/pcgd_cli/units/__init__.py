"""The register of units (``--units``) and how names typed in tables find its communes."""

from pcgd_cli.units.register import (
    DistrictMatch,
    NameMatch,
    Register,
    RegisteredDistrict,
    RegisteredUnit,
    load_register,
)

__all__ = ["DistrictMatch", "NameMatch", "Register", "RegisteredDistrict", "RegisteredUnit",
           "load_register"]
