"""A state's profile shows where its treaty dates come from, and says so when public
sources give different days."""

from __future__ import annotations

import pytest

from ui.services import AppServices
from ui.states.page import StatesPage
from ui.undo import UndoRunner

from .desktop import Show


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> StatesPage:
    return show(StatesPage(services, undo_runner))


def test_the_profile_shows_the_days_sources_disagree_on(
    page: StatesPage, services: AppServices
) -> None:
    page.go_to_state(services.states.get("SWE").id)
    profile = page.detail.profile.toPlainText()
    assert "1997-12-03" in profile
    assert "Landmine Monitor Sweden" in profile
    assert "sources differ: signature 3 or 4 Dec 1997; ratification 25 or 30 Nov 1998" in profile


def test_the_profile_cites_the_source_of_a_row_once_illustrative(
    page: StatesPage, services: AppServices
) -> None:
    page.go_to_state(services.states.get("AUT").id)
    profile = page.detail.profile.toPlainText()
    assert "Landmine Monitor Austria" in profile
    assert "illustrative" not in profile
