"""References between texts: extraction of spans, the instrument registry, resolution and checks.

The stage's public API (what the site builder calls):

* :func:`generator.link.extract.extract_references` -- the reference spans of one text;
* :func:`generator.link.registry.load_registry` -- the editable instrument registry (seeds/instruments.yml);
* :func:`generator.link.resolve.link_corpus` -- every paragraph's resolved references, "cited by",
  the citation graph, as a :class:`generator.link.links.Links`
  (:func:`generator.link.links.mermaid_graph` draws the graph);
* :func:`generator.link.checks.check_corpus` -- data notes (doubtful data, never silently fixed).
"""
