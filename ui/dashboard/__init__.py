"""The dashboard: where the campaign stands and what is due."""
