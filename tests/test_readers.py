"""The readers on the seed plans, on PDF/DOCX renderings of them, and on bad inputs."""

from __future__ import annotations

import os
import re
import sys
import types
import zipfile
from functools import cache, lru_cache
from pathlib import Path

import pytest
import renderings

from extractor.readers import ReadError, read
from extractor.readers.base import Page, SourceDocument

SEEDS = renderings.seed_paths()
SEED_IDS = [p.stem[:3] for p in SEEDS]
FIRST_SEED = SEEDS[0]


@cache
def read_rendering(seed: Path, kind: str) -> SourceDocument:
    """Each rendering is read once per session."""
    return read(renderings.rendering(seed, kind))


@lru_cache(maxsize=1)
def mini_seed() -> Path:
    """The opening of a seed as a short plan of its own: a quick two-page PDF."""
    lines = SEEDS[3].read_text(encoding="utf-8").split("\n")[:22]
    path = renderings.cache_dir() / "mini" / "mini.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def read_error(path, **kwargs) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(path, **kwargs)
    return caught.value


def collapse(text: str) -> str:
    return " ".join(text.split())


# --- plain text ----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_seed_text_is_one_page_kept_exactly(seed):
    document = read(seed)
    assert (document.kind, document.encoding, document.name) == ("txt", "utf-8", seed.name)
    assert [(p.number, p.method) for p in document.pages] == [(1, "text")]
    if not document.conversions:  # a legacy-encoding repair is the only allowed change
        assert document.text == seed.read_text(encoding="utf-8")


@pytest.mark.parametrize("key, encoding", [("utf8_bom", "utf-8-sig"), ("utf16", "utf-16-le"),
                                           ("utf16_be_nobom", "utf-16-be")])
def test_bom_and_utf16_copies_decode_to_the_utf8_text(key, encoding):
    document = read(renderings.bad_inputs()[key])
    assert document.encoding == encoding
    assert not document.text.startswith("\ufeff")
    assert document.text == read(FIRST_SEED).text


def test_utf16_without_bom_is_reported_as_a_guess():
    document = read(renderings.bad_inputs()["utf16_be_nobom"])
    assert any("without a byte-order mark" in w for w in document.warnings)


def test_utf16_little_endian_without_bom(tmp_path):
    path = tmp_path / "le.txt"
    path.write_bytes("Kế hoạch số 12/KH-UBND ngày 5/3/2024\nI. MỤC ĐÍCH".encode("utf-16-le"))
    assert read(path).text == "Kế hoạch số 12/KH-UBND ngày 5/3/2024\nI. MỤC ĐÍCH"


def test_line_endings_become_newlines_and_nothing_else_changes(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes("## KẾ HOẠCH\r\n\r\nI. MỤC ĐÍCH  \rhoà  nhập\t\n".encode())
    document = read(path)
    assert document.kind == "md"
    assert document.text == "## KẾ HOẠCH\n\nI. MỤC ĐÍCH  \nhoà  nhập\t\n"


def test_form_feeds_split_pages_and_keep_the_text(tmp_path):
    path = tmp_path / "pdftotext.txt"
    text = "KẾ HOẠCH\nTrang một\fTrang hai\n\fTrang ba"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert document.pages[1].text == "Trang hai\n"
    assert document.text == text


def fake_encodings(monkeypatch, legacy=None, fix=None) -> list:
    """Install a stand-in ``extractor.encodings``; returns the log of its calls."""
    calls: list = []
    module = types.ModuleType("extractor.encodings")

    def decode_legacy_bytes(data):
        calls.append(("decode", data))
        return legacy

    def fix_text(text):
        calls.append(("fix", text))
        return fix(text) if fix else (text, [])

    module.decode_legacy_bytes, module.fix_text = decode_legacy_bytes, fix_text
    monkeypatch.setitem(sys.modules, "extractor.encodings", module)
    return calls


def test_invalid_utf8_goes_to_the_legacy_decoder(tmp_path, monkeypatch):
    data = "Kế hoạch".encode() + b" \xe0\xb9 " + b"VNI bytes"
    path = tmp_path / "legacy.txt"
    path.write_bytes(data)
    calls = fake_encodings(monkeypatch, legacy=("Kế hoạch VNI", "vni"))
    document = read(path)
    assert ("decode", data) in calls
    assert (document.text, document.encoding) == ("Kế hoạch VNI", "vni")
    assert any("not UTF-8" in w for w in document.warnings)


def test_undecodable_text_is_a_decode_error_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"K\xe1 ho\xb9ch \xff\xfe\xfa")
    fake_encodings(monkeypatch, legacy=None)
    error = read_error(path)
    assert error.code == "decode_error" and "garbled.txt" in error.reason
    assert "0xe1" in error.reason  # says which byte broke UTF-8


def test_fix_text_runs_on_every_text_and_its_conversions_are_recorded(tmp_path, monkeypatch):
    path = tmp_path / "tcvn3.txt"
    path.write_text("KÕ ho¹ch", encoding="utf-8")  # TCVN3 bytes read as Latin-1 and saved as UTF-8
    calls = fake_encodings(monkeypatch, fix=lambda t: ("Kế hoạch", ["tcvn3->unicode"]))
    document = read(path)
    assert ("fix", "KÕ ho¹ch") in calls
    assert document.text == "Kế hoạch" and document.conversions == ["tcvn3->unicode"]


# --- bad inputs ------------------------------------------------------------------------------

@pytest.mark.parametrize("key, code", [
    ("empty", "empty_file"),
    ("whitespace", "empty_file"),
    ("binary", "binary_content"),
    ("truncated_pdf", "broken_pdf"),
    ("encrypted_pdf", "encrypted_pdf"),
    ("unknown_suffix", "unsupported_type"),
    ("missing", "not_found"),
])
def test_bad_input_gives_its_code_and_names_the_file(key, code):
    path = renderings.bad_inputs()[key]
    error = read_error(path)
    assert error.code == code
    assert path.name in error.reason


def test_reasons_say_what_is_wrong():
    bad = renderings.bad_inputs()
    assert "password" in read_error(bad["encrypted_pdf"]).reason
    assert ".xyz" in read_error(bad["unknown_suffix"]).reason
    assert "truncated" in read_error(bad["truncated_pdf"]).reason


def test_mostly_control_characters_is_binary(tmp_path):
    path = tmp_path / "control.md"
    path.write_bytes(bytes(range(1, 9)) * 40 + "KẾ HOẠCH".encode())
    assert read_error(path).code == "binary_content"


def test_too_large_is_checked_against_a_configurable_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("KẾ HOẠCH " * 200, encoding="utf-8")
    error = read_error(path, max_bytes=1000)
    assert error.code == "too_large" and "big.txt" in error.reason
    monkeypatch.setenv("VNPLAN_MAX_BYTES", "500")
    assert read_error(path).code == "too_large"
    assert read(path, max_bytes=10_000).pages[0].text.startswith("KẾ HOẠCH")


def test_a_directory_is_not_a_readable_file(tmp_path):
    error = read_error(tmp_path)
    assert error.code == "not_a_regular_file" and tmp_path.name in error.reason
    assert "directory" in error.reason


@pytest.mark.parametrize("name", ["plan", "plan.html", "plan.rtf"])
def test_text_under_other_names_is_unsupported(tmp_path, name):
    path = tmp_path / name
    path.write_text("KẾ HOẠCH", encoding="utf-8")
    error = read_error(path)
    assert error.code == "unsupported_type" and name in error.reason


def test_legacy_word_document_is_unsupported(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    error = read_error(path)
    assert error.code == "unsupported_type" and ".docx" in error.reason


@pytest.mark.parametrize("name, content, code", [
    ("plan.pdf", "KẾ HOẠCH".encode(), "broken_pdf"),  # no %PDF header
    ("plan.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "broken_pdf"),  # header, then nothing
    ("plan.docx", "KẾ HOẠCH".encode(), "broken_docx"),  # not a zip
])
def test_mislabelled_or_corrupt_pdf_and_docx(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    error = read_error(path)
    assert error.code == code and name in error.reason


def test_zip_without_a_word_document(tmp_path):
    for name, code in (("plan.docx", "broken_docx"), ("plan.zip", "unsupported_type")):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("content.xml", "<x/>")
        assert read_error(path).code == code


def test_truncated_docx_is_broken(tmp_path):
    whole = renderings.rendering(FIRST_SEED, "docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    error = read_error(path)
    assert error.code == "broken_docx" and "cut.docx" in error.reason


def test_unexpected_exceptions_become_internal_errors(tmp_path, monkeypatch):
    import extractor.readers.text as text_reader

    def explode(path, data):
        raise RuntimeError("boom")

    monkeypatch.setattr(text_reader, "read_text", explode)
    error = read_error(FIRST_SEED)
    assert error.code == "internal_error"
    assert "boom" in error.reason and FIRST_SEED.name in error.reason


# --- dispatch by content -----------------------------------------------------------------------

def test_content_decides_over_the_suffix(tmp_path):
    pdf = renderings.rendering(mini_seed(), "pdf")
    disguised = tmp_path / "plan.txt"
    disguised.write_bytes(pdf.read_bytes())
    document = read(disguised)
    assert document.kind == "pdf" and len(document.pages) == 2
    assert renderings.word_recall(mini_seed().read_text(encoding="utf-8"), document.text) >= 0.98
    assert any("content is PDF" in w for w in document.warnings)
    unknown = tmp_path / "plan.bin"
    unknown.write_bytes(renderings.rendering(SEEDS[3], "docx").read_bytes())
    assert read(unknown).kind == "docx"


PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_images_go_to_the_image_reader(tmp_path, monkeypatch):
    seen = []
    module = types.ModuleType("extractor.readers.image")

    def read_image(path):
        seen.append(Path(path))
        return SourceDocument(path=str(path), name=Path(path).name, kind="image",
                              pages=[Page(1, "KẾ HOẠCH", "ocr", ocr_confidence=0.9)])

    module.read_image = read_image
    monkeypatch.setitem(sys.modules, "extractor.readers.image", module)
    for name, magic in (("scan.png", PNG_BYTES), ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(64)),
                        ("scan.tif", b"II*\x00" + bytes(64)), ("scan.dat", b"MM\x00*" + bytes(64))):
        path = tmp_path / name
        path.write_bytes(magic)
        assert read(path).kind == "image"
    assert [p.name for p in seen] == ["scan.png", "scan.jpg", "scan.tif", "scan.dat"]


def test_images_without_an_image_reader_are_unsupported(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extractor.readers.image", None)  # import fails
    path = tmp_path / "scan.png"
    path.write_bytes(PNG_BYTES)
    error = read_error(path)
    assert error.code == "unsupported_type" and "scan.png" in error.reason


# --- PDF renderings ----------------------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_pdf_rendering_keeps_pages_and_words(seed):
    document = read_rendering(seed, "pdf")
    assert document.kind == "pdf"
    assert len(document.pages) >= 2
    assert [p.number for p in document.pages] == list(range(1, len(document.pages) + 1))
    assert renderings.word_recall(seed.read_text(encoding="utf-8"), document.text) >= 0.98


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_pdf_rendering_keeps_reading_order_and_lines(seed):
    document = read_rendering(seed, "pdf")
    body = []
    for page in document.pages:
        *lines, footer = page.text.rstrip("\n").split("\n")
        assert footer.strip() == str(page.number)  # the footer is read last on its page
        body.extend(lines)
    flat = collapse(" ".join(body))
    position = 0
    for line in renderings.plain_text(seed.read_text(encoding="utf-8")).split("\n"):
        found = flat.find(collapse(line), position)
        assert found >= 0, f"out of order or missing: {line[:60]!r}"
        position = found + len(collapse(line))
    # printed lines stay lines: no PDF line is longer than a line of the A4 text block,
    # so a long seed paragraph comes back as several lines
    assert max(len(line) for line in body) < 120


def test_pdf_with_only_an_owner_password_is_readable(tmp_path):
    path = renderings.seed_to_pdf(mini_seed(), tmp_path / "owner-only.pdf", user_password="")
    document = read(path)
    assert renderings.word_recall(mini_seed().read_text(encoding="utf-8"), document.text) >= 0.98


def test_the_fallback_receives_the_text_layer_and_its_result_is_kept(monkeypatch):
    import extractor.readers.pdf as pdf_reader

    received = []

    def improve_pages(path, pages):
        received.append((Path(path).name, [(p.number, p.method) for p in pages]))
        return [Page(p.number, p.text, "ocr", quality=0.5) for p in pages]

    monkeypatch.setattr(pdf_reader, "improve_pages", improve_pages)
    path = renderings.rendering(mini_seed(), "pdf")
    document = read(path)
    assert len(document.pages) >= 2
    assert received == [(path.name, [(p.number, "pypdfium2") for p in document.pages])]
    assert {p.method for p in document.pages} == {"ocr"}


def test_a_failing_fallback_keeps_the_text_layer(monkeypatch):
    import extractor.readers.pdf as pdf_reader

    def improve_pages(path, pages):
        raise RuntimeError("no OCR engine")

    monkeypatch.setattr(pdf_reader, "improve_pages", improve_pages)
    document = read(renderings.rendering(mini_seed(), "pdf"))
    assert {p.method for p in document.pages} == {"pypdfium2"}
    assert any("no OCR engine" in w for w in document.warnings)


# --- DOCX renderings ---------------------------------------------------------------------------

HEADING_LINE = re.compile(r"^(?P<marks>#{1,9}) ")


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_docx_rendering_keeps_words_and_heading_levels(seed):
    source = seed.read_text(encoding="utf-8")
    document = read_rendering(seed, "docx")
    assert (document.kind, [(p.number, p.method) for p in document.pages]) == ("docx", [(1, "docx")])
    assert renderings.word_recall(source, document.text) >= 0.98
    expected = [len(m.group("marks")) for m in map(HEADING_LINE.match, source.split("\n")) if m]
    got = [len(m.group("marks")) for m in map(HEADING_LINE.match, document.text.split("\n")) if m]
    assert got == expected


def test_docx_bold_paragraphs_are_wrapped_and_partly_bold_are_not():
    text = read_rendering(FIRST_SEED, "docx").text
    lines = text.split("\n")
    assert "**Nơi nhận:**" in lines  # a fully bold paragraph in the seed
    assert "#### **I. MỤC ĐÍCH, YÊU CẦU**" in lines  # heading level and bold
    partly = next(line for line in lines if "tăng cường công tác chỉ đạo" in line)
    assert partly.startswith("- Phối hợp") and "**" not in partly  # seed: "- **Phối hợp** tăng ..."


def test_docx_tables_lists_and_body_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH", style="Title")
    document.add_paragraph("Mục đích", style="List Number")
    document.add_paragraph("Yêu cầu", style="List Number")
    document.add_paragraph("Tuyên truyền", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for col, text in enumerate(("STT", "Nội dung", "Thời gian")):
        table.cell(0, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Tập huấn"
    table.cell(2, 1).text, table.cell(2, 2).text = "Kiểm tra", "Quý IV"
    paragraph = document.add_paragraph()
    paragraph.add_run("Dòng một").add_break()
    paragraph.add_run("Dòng hai")
    document.add_paragraph("   ")  # blank paragraphs are spacing, not text
    path = tmp_path / "constructed.docx"
    document.save(str(path))
    assert read(path).text == (
        "# KẾ HOẠCH\n\n1. Mục đích\n\n2. Yêu cầu\n\n- Tuyên truyền\n\n"
        "| STT | Nội dung | Thời gian |\n| 1 | Tập huấn |\n|  | Kiểm tra | Quý IV |\n\n"
        "Dòng một\nDòng hai"
    )


def test_docx_without_text_is_empty(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    error = read_error(path)
    assert error.code == "empty_file" and "blank.docx" in error.reason


# --- names and paths ---------------------------------------------------------------------------

def unescaped(printable: str) -> bytes:
    """The bytes of a name back from its printable form (the inverse of printable_name)."""
    out, i = bytearray(), 0
    while i < len(printable):
        if printable[i] != "\\":
            out += printable[i].encode("utf-8")
            i += 1
        elif printable[i + 1] == "\\":
            out += b"\\"
            i += 2
        elif printable[i + 1] == "x":
            out.append(int(printable[i + 2:i + 4], 16))
            i += 4
        else:
            width = 4 if printable[i + 1] == "u" else 8
            out += chr(int(printable[i + 2:i + 2 + width], 16)).encode("utf-8", "surrogatepass")
            i += 2 + width
    return bytes(out)


@pytest.mark.parametrize("raw", [b"plan.txt", "Kế hoạch.md".encode(), b"k\xe9 ho\xff.txt", b"-a\nb\tc.pdf",
                                 b"a\\xff.txt", b"\\", "bidi\u202eevil.txt".encode(), "\u0085".encode()])
def test_printable_names_print_on_one_line_and_keep_their_bytes(raw):
    from extractor.readers import printable_name

    shown = printable_name(raw)
    assert shown.isprintable() and printable_name(os.fsdecode(raw)) == shown
    assert unescaped(shown) == raw
    if raw.isascii() and raw.decode().isprintable() and b"\\" not in raw:
        assert shown == raw.decode()


def test_a_non_path_is_refused_by_name():
    error = read_error(None)
    assert error.code == "internal_error" and "not a path" in error.reason
    from extractor.pipeline import extract

    assert extract(None).error == "internal_error"
