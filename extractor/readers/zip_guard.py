"""Zip packages (DOCX) checked before a parser opens them: refused as ``decompression_bomb``
when they would inflate past what any plan needs, or when an XML part declares a DTD.

First the central directory: the member count, each member's declared size, their total,
and each member's compression ratio. Then every member is inflated here, a bounded chunk
at a time and thrown away, and its actual bytes are held to the same limits, since a
header can lie (Python's zipfile stops at the declared size, so it would never see the
rest). A DTD is how an XML "billion laughs" declares its entities; no Office part has one,
so a part that declares one is refused (python-docx's parser does not expand entities
either). A package that passes inflates to at most MAX_TOTAL_BYTES.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .base import ReadError
from .limits import megabytes
from .printable import printable_name

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
# Office parts deflate 4-30 times (the seeds' DOCX renderings: document.xml 4-6, styles.xml 29);
# a member inflating over 100 times its size, once past a megabyte (small parts of repeated
# markup may), is a bomb.
MAX_RATIO = 100
RATIO_GRACE_BYTES = 1024 * 1024
CHUNK_BYTES = 256 * 1024  # compressed bytes read, and inflated bytes made, at a time
XML_SUFFIXES = (".xml", ".rels")
DTD_MARKERS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
MARKER_OVERLAP = max(len(marker) for marker in DTD_MARKERS)

LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip local file header (APPNOTE 4.3.7)
LOCAL_HEADER_SIGNATURE = b"PK\x03\x04"
ENCRYPTED_FLAG = 0x1


def check_zip(path: Path) -> None:
    """Raise ReadError ``decompression_bomb`` (or ``broken_docx``) for a package that is not safe to parse."""
    name = printable_name(path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
        _check_declared(members, name)
        total = 0
        with path.open("rb") as raw:
            for member in members:
                total += _check_inflated(raw, member, name, total)
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError) as error:
        raise ReadError("broken_docx", f"'{name}' is a damaged zip package: {error}") from error


def _check_declared(members: list[zipfile.ZipInfo], name: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise ReadError("decompression_bomb", f"'{name}' has {len(members):,} zip members, "
                        f"over the limit of {MAX_MEMBERS:,}")
    total = 0
    for member in members:
        _check_size(name, member, member.file_size, member.compress_size, total, "declares")
        total += member.file_size


def _check_size(name: str, member: zipfile.ZipInfo, size: int, compressed: int, total_before: int,
                verb: str) -> None:
    """The member limit, the ratio limit and the total limit for ``size`` bytes from ``compressed``."""
    what = f"'{name}': member {printable_name(member.filename)} {verb} {megabytes(size)}"
    if size > MAX_MEMBER_BYTES:
        raise ReadError("decompression_bomb", f"{what}, over the {megabytes(MAX_MEMBER_BYTES)} limit for one member")
    if size > RATIO_GRACE_BYTES and size > MAX_RATIO * compressed:
        raise ReadError("decompression_bomb", f"{what} from {megabytes(compressed)} (ratio "
                        f"{size / max(1, compressed):.0f}:1, over {MAX_RATIO}:1)")
    if total_before + size > MAX_TOTAL_BYTES:
        raise ReadError("decompression_bomb", f"{what}, which brings the package over "
                        f"the {megabytes(MAX_TOTAL_BYTES)} limit for all members together")


def _check_inflated(raw: BinaryIO, member: zipfile.ZipInfo, name: str, total_before: int) -> int:
    """Inflate one member, holding its actual bytes to the limits; its actual size."""
    if member.flag_bits & ENCRYPTED_FLAG:
        raise ReadError("broken_docx", f"'{name}': member {printable_name(member.filename)} is encrypted")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ReadError("broken_docx", f"'{name}': member {printable_name(member.filename)} uses compression "
                        f"method {member.compress_type}; a DOCX package uses only stored or deflated members")
    is_xml = member.filename.lower().endswith(XML_SUFFIXES)
    size, consumed, tail = 0, 0, b""
    for consumed, chunk in _inflated_chunks(raw, member):
        size += len(chunk)
        _check_size(name, member, size, consumed, total_before, "inflates to at least")
        if is_xml:
            window = tail + chunk
            if any(marker in window for marker in DTD_MARKERS):
                raise ReadError("decompression_bomb", f"'{name}': part {printable_name(member.filename)} declares a "
                                "DTD (<!DOCTYPE>), the way an XML entity-expansion ('billion laughs') bomb does; "
                                "Office parts never do")
            tail = window[-MARKER_OVERLAP:]
    return size


def _inflated_chunks(raw: BinaryIO, member: zipfile.ZipInfo) -> Iterator[tuple[int, bytes]]:
    """(compressed bytes consumed so far, next inflated chunk) of one member, from its raw data."""
    raw.seek(member.header_offset)
    header = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if header[0] != LOCAL_HEADER_SIGNATURE:
        raise zipfile.BadZipFile(f"bad local header for {member.filename!r}")
    raw.seek(header[-2] + header[-1], 1)  # the file name and the extra field
    inflater = zlib.decompressobj(-zlib.MAX_WBITS) if member.compress_type == zipfile.ZIP_DEFLATED else None
    left, consumed = member.compress_size, 0
    while left > 0 and not (inflater and inflater.eof):
        data = raw.read(min(CHUNK_BYTES, left))
        if not data:
            raise EOFError(f"member {member.filename!r} is cut short")
        left -= len(data)
        consumed += len(data)
        if inflater is None:
            yield consumed, data
            continue
        chunk = inflater.decompress(data, CHUNK_BYTES)
        while chunk:
            yield consumed - len(inflater.unconsumed_tail), chunk
            chunk = inflater.decompress(inflater.unconsumed_tail, CHUNK_BYTES)
