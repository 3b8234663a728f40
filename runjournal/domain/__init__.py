"""Plain-Python records, validation, units and weeks: no Qt, no SQL."""
