"""Storage: the SQLite file, its schema, migrations and the known ways it fails."""
