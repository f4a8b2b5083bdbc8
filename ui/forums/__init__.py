"""Forums, their members and their meetings."""
