"""Writers of the ledger's incidents in other projects' shapes: ACLED-style CSV rows, GeoJSON."""
