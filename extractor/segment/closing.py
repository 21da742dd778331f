"""The closing block: "Trên đây là ...", the recipients (Nơi nhận), the signing authority, the
signer's title and name, laid out as lines or flattened into a table row; and whether a text
reaches it or ends mid-way."""

from __future__ import annotations

import re
from typing import Optional

from ..document import Paragraph
from .lines import CLOSING_START, SIGNING_AUTHORITY, upper_share


def closing_start(paragraphs: list[Paragraph], lo: int, hi: int) -> int:
    """The first paragraph of ``paragraphs[lo:hi]`` that opens the closing block, or ``hi``."""
    for i in range(lo, hi):
        if CLOSING_START.match(paragraphs[i].text.strip(" |")):
            return i
    return hi


# The last line of the recipients' list: "- Lưu: VT, ...", "Lưu VP."
_RECORDS_COPY = re.compile(r"^-?\s*lưu\b", re.IGNORECASE)


def mark_signature(closing: list[Paragraph]) -> None:
    """The signing authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the lines in capitals
    after the recipients' list are the signature."""
    after_recipients = False
    for p in closing:
        text = p.text.strip(" |")
        if SIGNING_AUTHORITY.match(text) or (after_recipients and upper_share(text) > 0.8):
            p.role = "signature"
        if _RECORDS_COPY.match(text):
            after_recipients = True


END_MARKS = ("./.", "/.")  # the mark that closes an administrative text's last sentence
SHOWN = 40  # characters of the last words quoted in the warning


def ends_midway(paragraphs: list[Paragraph]) -> Optional[str]:
    """A warning when the text ends mid-way, else None. Roles must be set (``segment``).

    A text is whole when its last paragraph before any appendix belongs to the closing block
    (closing sentence, Nơi nhận, signature) or ends with the end mark "./.". An opening copied from a
    web page, a file cut short, or a decision whose closing is followed by the opening of the plan
    it attaches, cut before that plan's closing, ends mid-way. A text with no paragraph is not cut.
    """
    end = next((i for i, p in enumerate(paragraphs) if p.role == "appendix_heading"), len(paragraphs))
    final = next((p for p in reversed(paragraphs[:end]) if p.role != "furniture" and p.text.strip()), None)
    if final is None or final.role in ("closing", "signature"):
        return None
    last = " ".join(final.text.split())
    if last.endswith(END_MARKS):
        return None
    shown = last if len(last) <= SHOWN else "…" + last[-SHOWN:]
    return (f"incomplete: the text ends mid-way (\"{shown}\"), with no closing block after it (closing sentence, "
            "Nơi nhận, signature); findings that need the whole document are not given (task_without_body) "
            "or only noted (parent_target_missing)")
