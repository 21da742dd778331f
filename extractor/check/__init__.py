"""Checks of a plan against itself, its parent programme and the registry of known documents."""
