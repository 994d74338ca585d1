"""kg: build a typed knowledge graph from Chinese corporate and industry text."""
__version__ = "0.1.0"
