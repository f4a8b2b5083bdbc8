"""The démarches area: list, board, the plan/edit dialog and the page."""
