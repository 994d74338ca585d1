"""The kg OWL ontology, shipped as data: ``ontology/kg.ttl`` (and the SHACL shapes beside it)."""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
