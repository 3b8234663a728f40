"""Alembic migrations, shipped inside the package so wheels and bundles carry them."""
