"""Page contexts through their templates: one Jinja2 template per page type, escaping by default.

Every ``{{ value }}`` is escaped by :func:`~generator.render.escape.escape_value` unless the value is
:class:`~markupsafe.Markup` built by the render stage itself, so a template cannot forget to escape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from generator.render.context import Context
from generator.render.escape import escape_value
from generator.render.names import is_plain_title


@dataclass(frozen=True, slots=True)
class PageSource:
    """A generated page: where it goes (relative to the docs folder), its template and its context."""

    path: str
    template: str
    context: Context


def _json_string(value: str) -> Markup:
    """A YAML/JSON double-quoted string (front matter), for labels made of plain characters only:
    the theme writes the page title into the page without escaping it."""
    if not is_plain_title(value):
        raise ValueError(f"page title {value!r} is not plain text; build it with names.page_title")
    return Markup(json.dumps(value))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        finalize=escape_value,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["json"] = _json_string
    return env


def render_page(env: jinja2.Environment, page: PageSource) -> str:
    text = env.get_template(page.template).render(page.context)
    return text.rstrip("\n") + "\n"
