"""The figures behind the charts and the weekly report, worked out from the journal's
records without Qt, so the charts view, the printed page and the tests read the same numbers."""
