"""The daily check-in panel."""
