"""The closing block: "Trên đây là ...", the recipients (Nơi nhận), the signing authority, the
signer's title and name, laid out as lines or flattened into a table row."""

from __future__ import annotations

import re

from ..document import Paragraph
from .lines import CLOSING_START, SIGNING_AUTHORITY, upper_share


def closing_start(paragraphs: list[Paragraph], lo: int, hi: int) -> int:
    """The first paragraph of ``paragraphs[lo:hi]`` that opens the closing block, or ``hi``."""
    for i in range(lo, hi):
        if CLOSING_START.match(paragraphs[i].text.strip(" |")):
            return i
    return hi


def mark_signature(closing: list[Paragraph]) -> None:
    """The signing authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the lines in capitals
    after the recipients' list are the signature."""
    after_recipients = False
    for p in closing:
        text = p.text.strip(" |")
        if SIGNING_AUTHORITY.match(text) or (after_recipients and upper_share(text) > 0.8):
            p.role = "signature"
        if re.match(r"^-?\s*lưu\b", text, re.IGNORECASE):
            after_recipients = True
