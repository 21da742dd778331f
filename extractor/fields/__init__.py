"""Field extractors: pure functions from a normalised document to typed records."""
