"""Topics of paragraphs, from an editable taxonomy (``seeds/topics.yml``).

A topic is a list of terms; a paragraph is on a topic when its ``full_text`` contains one of them.
Terms are matched on normalised words (:func:`generator.analyse.similarity.normalised_words`: case,
punctuation, hyphens and numbers do not count), as whole words in sequence; a term ending in ``*`` matches
any word that starts with it. So "capacity-building" matches "capacity building", and "train*" matches
"training" but "trace" does not match "traced".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.analyse.similarity import normalised_words
from generator.analyse.yamlnodes import line_of, mapping_items, read_yaml, scalar, sequence_items
from generator.errors import ConfigError
from generator.ingest.read import read_source
from generator.model import Resolution

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic of the taxonomy."""

    id: str
    """Lower-case, hyphenated: ``training``, ``information-exchange``."""
    label: str
    description: str
    terms: tuple[str, ...]
    pattern: re.Pattern[str]
    """The terms as one pattern over the space-joined normalised words of a text."""

    def matches(self, text: str) -> bool:
        return self.pattern.search(" " + " ".join(normalised_words(text)) + " ") is not None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The topics, in the order the file lists them."""

    topics: tuple[Topic, ...]
    path: str = ""

    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def topics_of(self, text: str) -> tuple[str, ...]:
        """Ids of the topics ``text`` is on, in taxonomy order."""
        joined = " " + " ".join(normalised_words(text)) + " "
        return tuple(t.id for t in self.topics if t.pattern.search(joined))


EMPTY_TAXONOMY = Taxonomy(topics=())


def term_pattern(term: str) -> str | None:
    """The regular expression for one term over space-joined normalised words; None if it has no words."""
    prefix = term.rstrip().endswith("*")
    words = normalised_words(term.rstrip().rstrip("*"))
    if not words:
        return None
    body = " ".join(re.escape(w) for w in words)
    return f" {body}{'[^ ]*' if prefix else ''} "


def make_topic(topic_id: str, label: str, description: str, terms: tuple[str, ...]) -> Topic:
    patterns = [p for p in (term_pattern(t) for t in terms) if p]
    pattern = re.compile("|".join(patterns) if patterns else r"(?!)")
    return Topic(topic_id, label, description, terms, pattern)


def parse_taxonomy(text: str, path: str) -> Taxonomy:
    """Read a taxonomy from YAML text; errors name ``path`` and the line."""
    root = read_yaml(text, path)
    top = mapping_items(root, path)
    if "topics" not in top:
        raise ConfigError(path, line_of(root), "expected a 'topics:' list")
    topics: list[Topic] = []
    seen: set[str] = set()
    for node in sequence_items(top["topics"][1], path):
        line = line_of(node)
        fields = {key: value for key, (_, value) in mapping_items(node, path).items()}
        for required in ("id", "label", "terms"):
            if required not in fields:
                raise ConfigError(path, line, f"topic has no '{required}'")
        topic_id = scalar(fields["id"], path)
        if not _ID_RE.match(topic_id):
            raise ConfigError(path, line, f"topic id {topic_id!r} must be lower-case words joined by hyphens")
        if topic_id in seen:
            raise ConfigError(path, line, f"topic id {topic_id!r} is listed twice")
        seen.add(topic_id)
        terms = tuple(scalar(t, path) for t in sequence_items(fields["terms"], path))
        for term_node, term in zip(sequence_items(fields["terms"], path), terms, strict=True):
            if term_pattern(term) is None:
                raise ConfigError(
                    path, line_of(term_node), f"term {term!r} of topic {topic_id!r} has no words"
                )
        description = scalar(fields["description"], path) if "description" in fields else ""
        topics.append(make_topic(topic_id, scalar(fields["label"], path), description, terms))
    return Taxonomy(topics=tuple(topics), path=path)


def load_taxonomy(path: Path | str) -> Taxonomy:
    """Read ``seeds/topics.yml`` (or another taxonomy file)."""
    path = Path(path)
    return parse_taxonomy(read_source(path), str(path))


def paragraph_topics(resolution: Resolution, taxonomy: Taxonomy) -> Mapping[str, tuple[str, ...]]:
    """Every paragraph's topics (sub-paragraphs too; a paragraph counts its sub-paragraphs' text)."""
    return {p.id: taxonomy.topics_of(p.full_text) for p in resolution.paragraphs()}
