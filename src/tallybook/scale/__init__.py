"""Throughput: every core of a machine (pool), a Dask cluster for archives, and bulk loading."""
