"""Organizations: ministries, missions, NGOs and bodies our contacts work for."""

from __future__ import annotations

from ui.organizations.dialog import OrganizationDialog
from ui.organizations.page import OrganizationsPage
from ui.organizations.table_model import OrganizationsTableModel

__all__ = ["OrganizationDialog", "OrganizationsPage", "OrganizationsTableModel"]
