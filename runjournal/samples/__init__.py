"""A realistic sample journal, for trying the app and for tests and benchmarks."""
