"""The schema revisions this version knows, without importing Alembic.

Opening a journal that is already current must not pay for importing Alembic, so the
chain is written down here too; a test checks it against the migration scripts.
"""

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
HEAD = KNOWN_REVISIONS[-1]
