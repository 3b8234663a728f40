"""Everything that speaks SQL: tables, repositories, the unit of work, migrations, backups."""
