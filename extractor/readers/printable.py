"""File names as printable, lossless text, for records, reasons and JSON.

A POSIX file name is bytes: ``os.listdir`` gives the bytes that are not UTF-8 as lone
surrogates (``'\\udcff'``), which JSON cannot carry, and a name may hold a newline or other
control characters. :func:`printable_name` writes a name so that it prints on one line and
still says exactly which bytes it was: an undecodable byte as ``\\xNN``, a character that is
not printable as ``\\uNNNN`` (``\\UNNNNNNNN`` beyond the BMP), a backslash as ``\\\\``. Names
made of printable characters without a backslash (nearly all) come back unchanged.
"""

from __future__ import annotations

import os
import re
from typing import Union

# os.fsdecode's surrogate escapes of undecodable bytes 0x80-0xff.
ESCAPED_BYTES = range(0xDC80, 0xDD00)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable_name(path: Union[str, bytes, os.PathLike]) -> str:
    """A file name or path (str, bytes or path-like) as printable text that keeps its bytes."""
    return "".join(_escaped(c) if c == "\\" or not c.isprintable() else c for c in os.fsdecode(path))


def printable_text(text: str) -> str:
    """Free text (a reason, a library's message quoting a path) with its lone surrogates
    escaped as :func:`printable_name` escapes them; everything else is kept."""
    return LONE_SURROGATE.sub(lambda match: _escaped(match.group()), text)


def _escaped(char: str) -> str:
    code = ord(char)
    if char == "\\":
        return "\\\\"
    if code in ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
