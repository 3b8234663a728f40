"""The printable weekly page (QPainter, so one drawing feeds preview, printer and PDF)."""
