"""Benchmarks: accuracy against gold sets and speed, run with ``ctwatch bench ...`` (never in tests)."""
