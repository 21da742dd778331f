"""The registry of known documents: what each cited number really is (date, issuer, type, title),
and which programme a plan implements. Stored as ``extractor/data/registry/documents.json``.

Each entry keeps its ``sources``: where every fact comes from (the parent's opening text, the seed
plan that cites it), so a later reader can check it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from ..fields.docnumbers import number_key
from ..records import PlanRecord, Reference
from ..resources import REGISTRY_FILE
from ..tones import fold


class RegistryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: Optional[str] = Field(None, description="canonical number; null for documents known by name")
    doc_type: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    implements: Optional[str] = Field(None, description="number of the programme this plan implements")
    sources: list[str] = Field(default_factory=list)


def title_key(title: str) -> str:
    return fold(title)


# "Bộ trưởng Bộ X", "Chủ tịch Ủy ban nhân dân tỉnh Y", "Thủ tướng Chính phủ": the signer's office
# names the issuing body; strip the office so "Bộ trưởng Bộ X" agrees with "Bộ X".
_OFFICE = re.compile(r"""^(?:
      bộ\ trưởng\s+          # Minister of …
    | chủ\ tịch\s+           # Chairman of a People's Committee …
    | giám\ đốc\s+           # Director of a Department …
    | thủ\ trưởng\s+         # Head of …
)""", re.VERBOSE)
_UBND = re.compile(r"\bubnd\b")


def issuer_key(issuer: str) -> str:
    key = _UBND.sub("ủy ban nhân dân", fold(issuer))
    return _OFFICE.sub("", key).strip()


def issuers_agree(a: Optional[str], b: Optional[str]) -> bool:
    """Unknown on either side agrees; otherwise the shorter name must be the head or the tail of the
    longer ("Ủy ban nhân dân tỉnh" agrees with "Ủy ban nhân dân tỉnh Lạng Sơn", "Bộ trưởng Bộ X" with
    "Bộ X"), after folding case, tone marks, spacing and "UBND"."""
    if not a or not b:
        return True
    ka, kb = issuer_key(a), issuer_key(b)
    short, long_ = sorted((ka, kb), key=len)
    return long_.startswith(short) or long_.endswith(short)


class Registry:
    """Known documents by number key (and by title for documents known by name)."""

    def __init__(self, entries: Iterable[RegistryEntry] = ()):
        self.entries: list[RegistryEntry] = []
        self._by_number: dict[str, RegistryEntry] = {}
        self._by_title: dict[str, RegistryEntry] = {}
        for e in entries:
            self.add(e)

    def add(self, entry: RegistryEntry) -> bool:
        """Add an entry; False when a document with that number (or title) is already known."""
        if entry.number:
            key = number_key(entry.number)
            if key in self._by_number:
                return False
            self._by_number[key] = entry
        elif entry.title:
            key = title_key(entry.title)
            if key in self._by_title:
                return False
            self._by_title[key] = entry
        else:
            return False
        self.entries.append(entry)
        return True

    def lookup(self, number: Optional[str] = None, title: Optional[str] = None) -> Optional[RegistryEntry]:
        if number:
            return self._by_number.get(number_key(number))
        if title:
            return self._by_title.get(title_key(title))
        return None

    def lookup_reference(self, ref: Reference) -> Optional[RegistryEntry]:
        return self.lookup(ref.number, None if ref.number else ref.title)

    def implemented_by(self, number: str) -> Optional[str]:
        entry = self.lookup(number)
        return entry.implements if entry else None

    def dump(self) -> list[dict]:
        return [e.model_dump(exclude_none=True) for e in self.entries]


class RegistryError(ValueError):
    pass


def load_registry(path: Union[str, Path, None] = None) -> Registry:
    """Read a registry file (the default one when ``path`` is None); a missing file is an empty registry."""
    path = Path(path) if path else REGISTRY_FILE
    if not path.exists():
        return Registry()
    try:
        data = json.loads(path.read_text("utf-8"))
        return Registry(RegistryEntry.model_validate(e) for e in data.get("documents", []))
    except (ValueError, TypeError) as e:
        raise RegistryError(f"{path.name}: {e}") from e


def save_registry(registry: Registry, path: Union[str, Path]) -> None:
    payload = {"documents": registry.dump()}
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", "utf-8")


def entry_from_reference(ref: Reference, cited_in: str) -> Optional[RegistryEntry]:
    if not (ref.number or ref.title):
        return None
    return RegistryEntry(number=ref.number, doc_type=ref.doc_type, date=ref.date, issuer=ref.issuer,
                         title=ref.subject or ref.title, sources=[f"cited in {cited_in}"])


def add_from_records(registry_path: Union[str, Path], records: Iterable[PlanRecord]) -> list[RegistryEntry]:
    """Add every cited document not yet known to the registry file; return the added entries.
    Known entries are never overwritten: the registry is curated, citations may be wrong."""
    registry = load_registry(registry_path)
    added = []
    for record in records:
        if not isinstance(record, PlanRecord):
            continue
        for ref in record.references:
            entry = entry_from_reference(ref, record.document)
            if entry and registry.add(entry):
                added.append(entry)
    save_registry(registry, registry_path)
    return added
