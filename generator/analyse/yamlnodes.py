"""Reading the analyse stage's YAML configuration with line numbers for every error.

PyYAML's composed nodes keep their position; reading through them (instead of ``yaml.safe_load``) lets a
:class:`~generator.errors.ConfigError` say which line of ``topics.yml`` or ``comparisons.yml`` is wrong.
"""

from __future__ import annotations

import yaml

from generator.errors import ConfigError


def read_yaml(text: str, path: str) -> yaml.Node:
    """The document's root node; a syntax error or an empty file is a ConfigError."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise ConfigError(path, line, f"not valid YAML: {error.problem or error}") from error
    if root is None:
        raise ConfigError(path, 1, "the file is empty")
    return root


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def mapping_items(node: yaml.Node, path: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's entries by key: (key node, value node). Duplicate keys are an error."""
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(path, _line(node), "expected a mapping of 'key: value' entries")
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = scalar(key_node, path)
        if key in out:
            raise ConfigError(path, _line(key_node), f"key {key!r} is given twice")
        out[key] = (key_node, value_node)
    return out


def sequence_items(node: yaml.Node, path: str) -> list[yaml.Node]:
    """A sequence's items."""
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(path, _line(node), "expected a list")
    return list(node.value)


def scalar(node: yaml.Node, path: str) -> str:
    """A scalar's text, stripped; an empty or non-scalar value is an error."""
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise ConfigError(path, _line(node), "expected a non-empty text value")
    return str(node.value).strip()


def boolean(node: yaml.Node, path: str) -> bool:
    """A scalar read as true/false."""
    value = scalar(node, path).lower()
    if value in ("true", "yes", "on"):
        return True
    if value in ("false", "no", "off"):
        return False
    raise ConfigError(path, _line(node), f"expected true or false, not {value!r}")


def line_of(node: yaml.Node) -> int:
    """The 1-based line a node starts on."""
    return _line(node)
