"""Reference data shipped with the app: states, the treaty, seats, forums. Each fact sourced."""
