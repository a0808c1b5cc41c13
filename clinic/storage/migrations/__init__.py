"""Alembic migrations, shipped inside the package so an installed or frozen app can migrate."""
