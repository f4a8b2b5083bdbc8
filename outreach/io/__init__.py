"""Import and export: files in and out of the database."""
