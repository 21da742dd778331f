"""Checks of a plan against itself, its parent programme and the registry of known documents.

It reads records and returns findings and alignment; it never extracts, renders or parses
arguments. ``rules`` holds every finding rule in one registry, ``parents`` the parent programmes
and how a plan's parent is found, ``registry`` the known documents, ``match`` the matching of plan
targets to parent targets, ``alignment`` the table and verdicts, ``checker`` the whole check.
"""

from .checker import check_record
from .parents import Parent, ParentError, find_parents, load_parent, parent_from_record, resolve_parent
from .registry import Registry, RegistryError, add_from_records, load_registry, number_key
from .rules import plan_findings

__all__ = ["Parent", "ParentError", "Registry", "RegistryError", "add_from_records", "check_record",
           "find_parents", "load_parent", "load_registry", "number_key", "parent_from_record", "plan_findings",
           "resolve_parent"]
