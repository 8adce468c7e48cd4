"""One module per page group: overview, documents, claims, speakers, measures, review."""
