"""Pydantic models of a counting rule file (rules/counting/*.yaml).

A counting rule file says how person rows become commune counts: the
person-row columns and their headers, named values of each person (written in
a small expression language, see ``persons/expressions.py``), who is counted,
the age bands, every count, the checks on rows, and the options (the product's
decisions where sources disagree). Unknown keys are mistakes, not extensions.
Expressions are kept as plain YAML data here and checked by the loader, which
knows where each one sits in the file.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from pcgd_cli.rules.model import Strict, Text

Name = str
Expr = Any  # a number or flag expression, checked by the loader


class PersonColumn(Strict):
    label: Text
    aliases: list[str] = Field(default_factory=list)
    width: int | None = Field(default=None, ge=1, le=12)  # codes: zero-padded to this width


class Population(Strict):
    """The flags that take a row out of the counts, and the one that excludes it
    from the population to cover (``<cohort>_excluded``)."""

    deceased: Name
    moved_out: Name
    not_resident: Name
    excluded: Name


class Cohort(Strict):
    ages: tuple[int, int]
    who: Name | None = None  # only the counted people this flag marks
    exclusion: bool = True  # numerators leave out the excluded, who are counted apart
    label: Text

    @field_validator("ages")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        if not 0 <= value[0] <= value[1] <= 150:
            raise ValueError("ages must be [youngest, oldest], 0 to 150")
        return value


class CountSpec(Strict):
    cohort: Name | None = None
    part: Literal["total", "excluded"] | None = None
    when: Expr = None
    label: Text | None = None  # when no standards rule file labels this key

    @model_validator(mode="after")
    def _shape(self) -> CountSpec:
        if (self.part is None) == (self.when is None):
            raise ValueError("a count has either 'part' (total, excluded) or 'when'")
        if self.part is not None and self.cohort is None:
            raise ValueError("'part' needs a 'cohort'")
        return self


class Duplicate(Strict):
    key: list[Name]  # columns compared (trimmed, lower case); blank equals blank
    needs: list[Name] = Field(default_factory=list)  # columns that must be filled in


class CheckSpec(Strict):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    severity: Literal["error", "warning"]
    column: list[Name] = Field(min_length=1)
    when: Expr = None
    duplicate: Duplicate | None = None

    @model_validator(mode="after")
    def _shape(self) -> CheckSpec:
        if (self.when is None) == (self.duplicate is None):
            raise ValueError("a check has either 'when' or 'duplicate'")
        return self


class Choice(Strict):
    values: dict[Name, Expr] = Field(default_factory=dict)
    ages: dict[Name, tuple[int, int]] = Field(default_factory=dict)
    description: Text | None = None


class OptionSpec(Strict):
    description: Text
    default: str
    choices: dict[str, Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _default(self) -> OptionSpec:
        if self.default not in self.choices:
            raise ValueError(f"default '{self.default}' is not one of the choices")
        if self.choices[self.default].values or self.choices[self.default].ages:
            raise ValueError("the default choice changes nothing: the values above are it")
        return self


class CountingRules(Strict):
    id: str
    version: str
    title: Text
    source: Text
    kind: Literal["counting"] = "counting"
    columns: dict[Name, PersonColumn]
    not_a_mark: list[str] = Field(default_factory=list)
    values: dict[Name, Expr]
    population: Population
    cohorts: dict[Name, Cohort]
    counts: dict[Name, CountSpec] = Field(min_length=1)
    checks: list[CheckSpec] = Field(default_factory=list)
    options: dict[Name, OptionSpec] = Field(default_factory=dict)

    def defaults(self) -> dict[str, str]:
        return {name: opt.default for name, opt in self.options.items()}
