"""Running the shipped Alembic migrations on a journal. Imported only when one is due."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from runjournal.paths import resource


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resource("storage", "migrations")))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the journal to `revision` in one transaction; on error nothing changes."""
    config = alembic_config()
    with engine.connect() as connection:
        connection.info["write"] = True
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def script_revisions() -> list[str]:
    """Every revision the migration scripts define, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]
