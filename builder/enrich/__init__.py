"""Stage 3, enrich: add what a document is (metadata), what it is about (themes) and
whom it names (entities). Pure functions over ``Document`` and ``Config``."""
