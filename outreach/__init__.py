"""Outreach core: domain, storage, services and command line. Knows nothing of Qt."""

__version__ = "0.1.0"
