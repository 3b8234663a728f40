"""RunJournal: an offline journal for people who run to feel better."""

__version__ = "0.1.0"
