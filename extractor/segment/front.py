"""The front of a document: the web page's furniture before it, the header block, the document-type
line, the title, a decision's authority line, a letter's addressee and the preamble.

Each function reads from an index and returns where its zone ends, setting the paragraphs' roles.
"""

from __future__ import annotations

from ..document import Paragraph
from .headings import item_marker, read_heading
from .lines import (
    ADDRESSEE,
    ARTICLE,
    ATTACHED_NOTE,
    AUTHORITY,
    CLOSING_START,
    DOC_TYPE_LINE,
    ENACTING,
    MOTTO,
    NUMBER_LINE,
    PLACE_DATE,
    PLACE_DATE_START,
    PREAMBLE_CUE,
    RULE,
    SUBJECT,
    cell_kind,
    is_header_line,
    opens_issuer,
    upper_share,
)

# How far into a document its header may start (web pages put menus, search boxes and the site's
# own metadata block before it) and how long it may run.
MAX_FURNITURE = 40
HEADER_LOOKAHEAD = 4  # lines after a cue-like line in which a header still makes it page furniture
MAX_HEADER = 30


def _anchors_header(text: str) -> bool:
    """A line that can only belong to a document's header: the issuing body, the motto, the number."""
    text = text.strip()
    if "|" in text:
        return any(_anchors_header(part) for part in text.split("|"))
    return bool(opens_issuer(text) or MOTTO.search(text) or NUMBER_LINE.match(text) or cell_kind(text) == "motto")


def _fragment(text: str) -> bool:
    """A short line in capitals that is no header line on its own: the head of a wrapped name."""
    text = text.strip(" |")
    return 0 < len(text.split()) <= 4 and upper_share(text) == 1.0 and not DOC_TYPE_LINE.match(text) \
        and not any(c in text for c in ":;.")


def document_start(paragraphs: list[Paragraph]) -> int:
    """Where the document begins: its first header line or document-type line. What stands before it
    (a site's search box, "Ngày ban hành:", "Người ký:", "Đang tải nội dung") is the page's furniture.
    A document with no header begins at its first paragraph."""
    for i, p in enumerate(paragraphs[:MAX_FURNITURE]):
        text = p.text.strip()
        if _anchors_header(text) or DOC_TYPE_LINE.match(text):
            # a unit noun cut by a wrap: "ỦY" above "BAN NHÂN DÂN"
            while i and _fragment(paragraphs[i - 1].text):
                i -= 1
            return i
        if PREAMBLE_CUE.match(text) or read_heading(p) is not None:
            if (any(_anchors_header(q.text.strip()) for q in paragraphs[i + 1:i + 1 + HEADER_LOOKAHEAD])
                    or _motto_below(paragraphs, i)):
                continue  # a site's notice that reads like a cue ("Để sử dụng toàn bộ tiện ích ..."), then the header
            return 0  # the body came first: no header to look for
    return 0


def _motto_below(paragraphs: list[Paragraph], i: int) -> bool:
    """Whether the national motto stands below line ``i``, as the second line of a header that may start
    as far as :data:`MAX_FURNITURE`: a site's metadata block ("Tình trạng", "Để xem thông tin này, vui
    lòng đăng nhập …") with the document's header after it. A body never sets the motto on a line."""
    return any(MOTTO.search(q.text) or cell_kind(q.text) == "motto" for q in paragraphs[i + 1:MAX_FURNITURE + 2])


def read_header(paragraphs: list[Paragraph], start: int) -> int:
    """Mark the header block from ``start``; the index after it.

    The header ends at the document-type line, at the first line of the body (a preamble cue, an
    addressee, a heading, an article), or after the place-date line (a title set in capitals may
    follow it when the document-type line is missing)."""
    i, seen_place_date = start, False
    limit = min(len(paragraphs), start + MAX_HEADER)
    while i < limit:
        p = paragraphs[i]
        text = p.text.strip()
        if DOC_TYPE_LINE.match(text) or PREAMBLE_CUE.match(text) or ADDRESSEE.match(text) or ARTICLE.match(text):
            break
        bare = not text.strip(" |") or RULE.match(text) or SUBJECT.match(text)  # "V/v ..." may follow the date
        if seen_place_date and not bare:
            break
        wrapped_date = i > start and PLACE_DATE_START.match(paragraphs[i - 1].text.strip()) and text[:1].isdigit()
        if not (is_header_line(text) or wrapped_date or _cut_place(paragraphs, i)):
            break
        if read_heading(p) is not None and not _anchors_header(text) and cell_kind(text) != "issuer":
            break
        p.role = "header"
        seen_place_date = seen_place_date or bool(PLACE_DATE.search(text)) or bool(wrapped_date)
        i += 1
    return i


def _cut_place(paragraphs: list[Paragraph], i: int) -> bool:
    """"Lào" / "Cai, ngày 24 tháng 9 năm 2019": a place name cut by a wrap before its place-date line."""
    text = paragraphs[i].text.strip()
    if i + 1 >= len(paragraphs) or len(text.split()) > 5 or not text[:1].isupper() or any(c in text for c in ",.:"):
        return False
    return bool(PLACE_DATE_START.match(paragraphs[i + 1].text.strip()))


def read_doc_type(paragraphs: list[Paragraph], i: int) -> int:
    """The document-type line at ``i``, if it is one; the index after it."""
    if i < len(paragraphs) and DOC_TYPE_LINE.match(paragraphs[i].text.strip()):
        paragraphs[i].role = "doc_type"
        return i + 1
    return i


def _opens_body(p: Paragraph) -> bool:
    text = p.text.strip()
    return bool(PREAMBLE_CUE.match(text) or ADDRESSEE.match(text) or ARTICLE.match(text) or ENACTING.match(text)
                or CLOSING_START.match(text) or read_heading(p) is not None or item_marker(text)[2] in ("num", "letter"))


def _is_clause(text: str) -> bool:
    """A preamble clause rather than a title: "Căn cứ ...", a citation list ending in ";"."""
    return text.startswith(("Căn cứ", "- Căn cứ", "Xét")) or text.endswith((";", ",")) or len(text) > 400


def read_title(paragraphs: list[Paragraph], i: int, after_doc_type: bool) -> int:
    """The title from ``i``: the first line after the document-type line, or (with none) a line in
    capitals; then the lines that go on with it (in capitals after capitals, or styled alike) and the
    "(Ban hành kèm theo ...)" note under an attached plan's title. The index after it."""
    n = len(paragraphs)
    if i >= n:
        return i
    first = paragraphs[i]
    text = first.text.strip()
    if after_doc_type:  # the line under "KẾ HOẠCH" names the plan, though it may open "Thực hiện ..."
        if _opens_body(first) and not (PREAMBLE_CUE.match(text) and not _is_clause(text)):
            return i
        if _authority_over_body(paragraphs, i):
            return i  # "QUYẾT ĐỊNH" / "BỘ TRƯỞNG BỘ …" / "Căn cứ …": a page that lost the decision's title
    elif _opens_body(first) or upper_share(text) < 0.8 or AUTHORITY.match(text):
        return i
    first.role = "title"
    j = i + 1
    while j < n:
        p, prev = paragraphs[j], paragraphs[j - 1]
        text = p.text.strip()
        if ATTACHED_NOTE.match(text):
            p.role = "title"
            j += 1
            continue
        if _opens_body(p) or AUTHORITY.match(text) or DOC_TYPE_LINE.match(text):
            break
        capitals = upper_share(text) >= 0.8 and upper_share(prev.text) >= 0.8 and prev.role == "title"
        styled = (p.bold or p.heading_level is not None) and (prev.bold or prev.heading_level is not None)
        if not (capitals or styled):
            break
        p.role = "title"
        j += 1
    return j


def _authority_over_body(paragraphs: list[Paragraph], i: int) -> bool:
    """Whether line ``i`` is a decision's authority line in capitals ("BỘ TRƯỞNG BỘ NÔNG NGHIỆP …") with the
    body right under it: no title stands between."""
    text = paragraphs[i].text.strip()
    return (bool(AUTHORITY.match(text)) and upper_share(text) >= 0.8 and i + 1 < len(paragraphs)
            and _opens_body(paragraphs[i + 1]))


def read_authority(paragraphs: list[Paragraph], i: int) -> int:
    """A decision's authority line under its title ("BỘ TRƯỞNG BỘ Y TẾ"); the index after it."""
    while i < len(paragraphs) and AUTHORITY.match(paragraphs[i].text.strip()) and upper_share(paragraphs[i].text) >= 0.8:
        paragraphs[i].role = "authority"
        i += 1
    return i


def read_addressee(paragraphs: list[Paragraph], i: int) -> int:
    """A letter's "Kính gửi: X" and the list of addressees under it; the index after them."""
    if i >= len(paragraphs) or not ADDRESSEE.match(paragraphs[i].text.strip()):
        return i
    paragraphs[i].role = "addressee"
    i += 1
    while i < len(paragraphs):
        text = paragraphs[i].text.strip()
        if not text.startswith(("-", "–", "+", "•")) or len(text) > 160 or PREAMBLE_CUE.match(text.lstrip("-–+• ")):
            break
        paragraphs[i].role = "addressee"
        i += 1
    return i


def read_preamble(paragraphs: list[Paragraph], i: int, stop: int) -> int:
    """The preamble from ``i`` up to ``stop``: the paragraphs before the body opens (a heading, the
    enacting formula, an article, a numbered item, a closing); a letter's addressees in it are read as
    such. A paragraph that closes the preamble with its announcement ("..., Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:") ends it."""
    while i < stop:
        p = paragraphs[i]
        text = p.text.strip()
        if read_heading(p) is not None or ENACTING.match(text) or ARTICLE.match(text) or CLOSING_START.match(text):
            break
        if item_marker(text)[2] in ("num", "letter"):
            break
        if ADDRESSEE.match(text):  # "Kính gửi" after a subject, a date or "KHẨN" the front held
            i = read_addressee(paragraphs, i)
            continue
        p.role = "preamble"
        i += 1
        if text.endswith(":") and "như sau" in text:  # "... ban hành Kế hoạch như sau:"
            break
    return i
