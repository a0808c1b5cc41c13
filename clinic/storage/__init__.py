"""Storage: encrypted database, migrations and the encrypted evidence file vault."""
