"""Runs over many documents: the inputs, the jobs and the one runner every command goes through."""

from .inputs import Input, collect
from .jobs import Extract, ExtractAndCheck, load_parent_arg
from .runner import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Outcome, Tally, error_line, run

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "Extract", "ExtractAndCheck", "Input", "Outcome", "Tally",
           "collect", "error_line", "load_parent_arg", "run"]
