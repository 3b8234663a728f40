"""Source files: the original bytes of every imported file, compressed, so nothing a
watch or an app recorded is ever lost and it can be exported again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_files",
        sa.Column("hash", sa.String(64), primary_key=True),  # sha256 of the original bytes
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),  # naive UTC
        sa.Column("data", sa.LargeBinary, nullable=False),  # zlib-compressed original
    )


def downgrade() -> None:
    op.drop_table("source_files")
