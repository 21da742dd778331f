"""DOCX plans: paragraphs and tables in body order, as Markdown-flavoured lines.

What the normaliser needs from Word formatting is written into the text the way the
Markdown seeds carry it:

* a ``Heading N`` / ``Title`` paragraph (or one with an outline level) starts with N ``#``
  marks and a space;
* a paragraph whose every non-blank run is bold (directly or through its styles) is
  wrapped in ``**...**``;
* Word's automatic list numbers (``1.``, ``a)``, ``I.``; bullets as ``-``) are written out,
  since they are not part of the paragraph text;
* a table row is one line, its cells joined by `` | ``.

Paragraphs are separated by a blank line (Word paragraphs are never hard-wrapped); a line
break inside a paragraph stays a single newline. The whole document is page 1.

Before python-docx opens the package, :func:`.zip_guard.check_zip` makes sure it cannot
inflate past bounded sizes and that no XML part declares a DTD (entity expansion).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .base import Page, ReadError, SourceDocument
from .printable import printable_name
from .zip_guard import check_zip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return f"{{{W_NS}}}{tag}"


W_VAL = w("val")
FALSE_VALUES = ("0", "false", "off", "none")
# Runs under these elements are not visible text of the paragraph itself.
HIDDEN_CONTAINERS = frozenset({w("del"), w("moveFrom"), w("txbxContent"), f"{{{MC_NS}}}Fallback"})

# Style names that mark headings: "Heading 2", "heading 2", "Tiêu đề 2"; "Title" is level 1.
HEADING_STYLE = re.compile(
    r"""^\s*(?:
        (?:heading|tiêu\s*đề|tieu\s*de)\s*(?P<level>[1-9])   # Heading N (English or Vietnamese UI name)
      | (?P<title>title)                                    # Title
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
BODY_OUTLINE_LEVEL = 9  # w:outlineLvl 0..8 are heading levels 1..9; 9 is body text


def read_docx(path: Path) -> SourceDocument:
    """Read a DOCX file into one page of text; a corrupt package -> ``broken_docx``."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = printable_name(path.name)
    check_zip(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReadError("broken_docx", f"'{name}' is not a readable DOCX package: {error}") from error
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged part
        raise ReadError("broken_docx", f"'{name}' has a damaged part: {type(error).__name__}: {error}") \
            from error
    styles = _Styles(document)
    numbering = _Numbering(document)
    blocks = list(_body_blocks(document.element.body, styles, numbering))
    text = "\n\n".join(blocks)
    if not text.strip():
        raise ReadError("empty_file", f"'{name}' contains no text")
    return SourceDocument(path=printable_name(path), name=name, kind="docx",
                          pages=[Page(number=1, text=text, method="docx")])


# --- body --------------------------------------------------------------------------------

def _body_blocks(container, styles: _Styles, numbering: _Numbering) -> Iterator[str]:
    """Paragraph and table blocks of a body (or content control), in document order."""
    for child in container.iterchildren():
        if child.tag == w("p"):
            block = _paragraph_block(child, styles, numbering)
            if block:
                yield block
        elif child.tag == w("tbl"):
            rows = [row for row in _table_rows(child) if row]
            if rows:
                yield "\n".join(rows)
        elif child.tag == w("sdt"):  # content control: its content is body content
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _body_blocks(content, styles, numbering)


def _paragraph_block(p, styles: _Styles, numbering: _Numbering) -> str:
    """One paragraph as a line: heading marks, list label, text, bold wrapping."""
    runs = list(_visible_runs(p))
    text = "".join(run_text for _, run_text in runs).strip()
    if not text:
        return ""
    ppr = p.find(w("pPr"))
    style_id = _child_val(ppr, "pStyle") or styles.default_paragraph
    label = numbering.label(*_numbering_of(ppr, style_id, styles))
    if label:
        text = f"{label} {text}"
    if all(styles.run_bold(r, style_id) for r, run_text in runs if run_text.strip()):
        text = f"**{text}**"
    level = styles.heading_level(style_id, _outline_level(ppr))
    return f"{'#' * level} {text}" if level else text


def _visible_runs(p) -> Iterator[tuple[object, str]]:
    """(run element, its text) for each run of the paragraph that is shown as its text."""
    for r in p.iter(w("r")):
        if _is_hidden(r, p):
            continue
        parts = []
        for node in r.iterchildren():
            if node.tag == w("t"):
                parts.append(node.text or "")
            elif node.tag == w("tab"):
                parts.append("\t")
            elif node.tag in (w("br"), w("cr")):
                parts.append("\n")
            elif node.tag == w("noBreakHyphen"):
                parts.append("-")
        yield r, "".join(parts)


def _is_hidden(r, p) -> bool:
    node = r.getparent()
    while node is not None and node is not p:
        if node.tag in HIDDEN_CONTAINERS:
            return True
        node = node.getparent()
    return False


def _table_rows(tbl) -> Iterator[str]:
    """Each row as one line, cells joined by ' | '; a vertically merged continuation is blank."""
    for tr in tbl.iterchildren(w("tr")):
        cells = []
        for tc in tr.iterchildren(w("tc")):
            tcpr = tc.find(w("tcPr"))
            merge = tcpr.find(w("vMerge")) if tcpr is not None else None
            if merge is not None and merge.get(W_VAL) != "restart":
                cells.append("")
            else:
                cells.append(_cell_text(tc))
        if any(cells):
            yield "| " + " | ".join(cells) + " |"  # a markdown table row, as the extractors read tables


def _cell_text(tc) -> str:
    """A cell's paragraphs (and nested tables' cells) flattened onto one line."""
    parts = []
    for child in tc.iterchildren():
        if child.tag == w("p"):
            parts.append("".join(t for _, t in _visible_runs(child)))
        elif child.tag == w("tbl"):
            parts.extend(_table_rows(child))
    return " ".join(" ".join(parts).split())


def _child_val(parent, tag: str) -> Optional[str]:
    if parent is None:
        return None
    child = parent.find(w(tag))
    return child.get(W_VAL) if child is not None else None


def _outline_level(ppr) -> Optional[int]:
    value = _child_val(ppr, "outlineLvl")
    return int(value) if value and value.isdigit() else None


def _numbering_of(ppr, style_id: Optional[str], styles: _Styles) -> tuple[Optional[str], int]:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    numpr = ppr.find(w("numPr")) if ppr is not None else None
    if numpr is not None:
        num_id = _child_val(numpr, "numId")
        ilvl = _child_val(numpr, "ilvl")
        if num_id is not None:
            return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
    return styles.numbering(style_id)


def _on_off(element) -> Optional[bool]:
    """A w:b-like toggle: absent -> None, present -> True unless its val says off."""
    if element is None:
        return None
    return (element.get(W_VAL) or "true").lower() not in FALSE_VALUES


# --- styles ------------------------------------------------------------------------------

@dataclass
class _Style:
    name: str
    based_on: Optional[str]
    bold: Optional[bool]
    outline: Optional[int]
    num: Optional[tuple[str, int]]


class _Styles:
    """The style sheet, read once: names, inheritance, bold, outline level, numbering."""

    def __init__(self, document):
        self._styles: dict[str, _Style] = {}
        self.default_paragraph: Optional[str] = None
        root = document.styles.element
        for style in root.iterchildren(w("style")):
            style_id = style.get(w("styleId"))
            ppr, rpr = style.find(w("pPr")), style.find(w("rPr"))
            numpr = ppr.find(w("numPr")) if ppr is not None else None
            num_id = _child_val(numpr, "numId")
            num = None
            if num_id:
                ilvl = _child_val(numpr, "ilvl")
                num = (num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)
            self._styles[style_id] = _Style(
                name=_child_val(style, "name") or style_id or "",
                based_on=_child_val(style, "basedOn"),
                bold=_on_off(rpr.find(w("b"))) if rpr is not None else None,
                outline=_outline_level(ppr),
                num=num,
            )
            if style.get(w("type")) == "paragraph" and _on_off_attr(style.get(w("default"))):
                self.default_paragraph = style_id
        self._bold_cache: dict[Optional[str], bool] = {}

    def _chain(self, style_id: Optional[str]) -> Iterator[_Style]:
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            style_id = style.based_on

    def style_bold(self, style_id: Optional[str]) -> Optional[bool]:
        for style in self._chain(style_id):
            if style.bold is not None:
                return style.bold
        return None

    def run_bold(self, r, paragraph_style: Optional[str]) -> bool:
        """Effective bold of a run: direct, else its character style, else the paragraph style."""
        rpr = r.find(w("rPr"))
        direct = _on_off(rpr.find(w("b"))) if rpr is not None else None
        if direct is not None:
            return direct
        character = self.style_bold(_child_val(rpr, "rStyle"))
        if character is not None:
            return character
        if paragraph_style not in self._bold_cache:
            self._bold_cache[paragraph_style] = bool(self.style_bold(paragraph_style))
        return self._bold_cache[paragraph_style]

    def heading_level(self, style_id: Optional[str], outline: Optional[int]) -> int:
        """1-9 for a heading paragraph, 0 otherwise."""
        for style in self._chain(style_id):
            match = HEADING_STYLE.match(style.name)
            if match:
                return int(match.group("level")) if match.group("level") else 1
        if outline is None:
            outline = next((s.outline for s in self._chain(style_id) if s.outline is not None), None)
        return outline + 1 if outline is not None and outline < BODY_OUTLINE_LEVEL else 0

    def numbering(self, style_id: Optional[str]) -> tuple[Optional[str], int]:
        for style in self._chain(style_id):
            if style.num is not None:
                return style.num
        return None, 0


def _on_off_attr(value: Optional[str]) -> bool:
    return value is not None and value.lower() not in FALSE_VALUES


# --- automatic numbering -----------------------------------------------------------------

@dataclass
class _Level:
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none, ...
    text: str  # e.g. "%1.", "%1.%2.", "%3)"
    start: int


ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
LEVEL_PLACEHOLDER = re.compile(r"%(?P<level>[1-9])")


def _roman(n: int) -> str:
    out = []
    for value, numeral in ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Word's list numbering: counters per abstract list, labels as Word prints them."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, _Level]] = {}  # abstractNumId -> ilvl -> level
        self._num_to_abstract: dict[str, str] = {}
        self._start_overrides: dict[tuple[str, int], int] = {}
        self._counters: dict[str, list[Optional[int]]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError):
            return
        root = part.element
        for abstract in root.iterchildren(w("abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(w("lvl")):
                ilvl = int(lvl.get(w("ilvl"), "0"))
                start = _child_val(lvl, "start")
                levels[ilvl] = _Level(fmt=_child_val(lvl, "numFmt") or "decimal",
                                      text=_child_val(lvl, "lvlText") or "",
                                      start=int(start) if start and start.lstrip("-").isdigit() else 1)
            self._levels[abstract.get(w("abstractNumId"))] = levels
        for num in root.iterchildren(w("num")):
            num_id = num.get(w("numId"))
            abstract_id = _child_val(num, "abstractNumId")
            if abstract_id is not None:
                self._num_to_abstract[num_id] = abstract_id
            for override in num.iterchildren(w("lvlOverride")):
                start = _child_val(override, "startOverride")
                if start and start.isdigit():
                    self._start_overrides[(num_id, int(override.get(w("ilvl"), "0")))] = int(start)

    def label(self, num_id: Optional[str], ilvl: int) -> str:
        """The next label of list ``num_id`` at level ``ilvl`` ('' when not numbered)."""
        if not num_id or num_id == "0":
            return ""
        abstract = self._num_to_abstract.get(num_id)
        levels = self._levels.get(abstract) if abstract else None
        if not abstract or not levels or ilvl not in levels:
            return ""
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return level.text.strip() if "%" not in level.text else ""
        counters = self._counters.setdefault(abstract, [None] * 10)
        start = self._start_overrides.get((num_id, ilvl), level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = None

        def number(match: re.Match) -> str:
            k = int(match.group("level")) - 1
            lvl = levels.get(k, level)
            value = counters[k]
            return _format_number(lvl.start if value is None else value, lvl.fmt)

        return LEVEL_PLACEHOLDER.sub(number, level.text).strip()
