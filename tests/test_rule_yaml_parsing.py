"""Rule files are parsed with libyaml when available: same data, same error messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pcgd_cli.errors import PcgdError
from pcgd_cli.rules.loader import read_yaml, rules_dir


def _lines(node: yaml.Node) -> list[int]:
    """Every node's line, depth first: what error messages point at."""
    out = [node.start_mark.line]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out += _lines(key) + _lines(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _lines(item)
    return out


@pytest.mark.parametrize("name", ["nd20-2014.yaml", "units.yaml"])
def test_shipped_rule_files_parse_as_the_pure_python_loader_does(name: str) -> None:
    path = rules_dir() / name
    text = path.read_text(encoding="utf-8")
    data, root = read_yaml(path)
    assert data == yaml.safe_load(text)
    assert _lines(root) == _lines(yaml.compose(text, Loader=yaml.SafeLoader))


def test_yaml_syntax_error_names_the_line_in_pure_python_words(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nstandards:\n  a: [1, 2\n  b: 3\n", encoding="utf-8")
    with pytest.raises(PcgdError) as caught:
        read_yaml(path)
    assert caught.value.message("en") == (f"{path}:4: YAML syntax error: "
                                    "expected ',' or ']', but got ':'")
