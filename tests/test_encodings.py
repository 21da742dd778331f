"""Legacy Vietnamese encodings: the syllable grammar, byte decoding and mojibake repair."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from renderings import seed_paths
from scans import ascii_punctuation, encode_cp1258, encode_tcvn3, encode_vni, vni_encoder, write_legacy_files

from extractor.encodings import decode_legacy_bytes, fix_text, is_vietnamese_syllable, syllable_share
from extractor.readers.quality import is_usable, score_text

SEEDS = seed_paths()


def seed_text(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def as_windows_1252(data: bytes) -> str:
    """Bytes as a Windows-1252 reader shows them (undefined bytes as Latin-1)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


# --- the syllable grammar -----------------------------------------------------------

@pytest.mark.parametrize("word", [
    "Thực", "hiện", "Quyết", "định", "người", "được", "nghiệp", "khuya", "thuở", "huỳnh", "quyền",
    "giếng", "xoong", "hoặc", "khoẻ", "khỏe", "tuổi", "rượu", "gì", "ĐỒNG", "KHUYẾN", "oai", "yêu",
    "hòa", "hoà", "thủy", "thuỷ", "Nghệ", "ngoằn", "quặp"])
def test_vietnamese_syllables_are_recognised(word):
    assert is_vietnamese_syllable(word)
    assert is_vietnamese_syllable(unicodedata.normalize("NFD", word))


@pytest.mark.parametrize("word", [
    "thùc",    # a checked syllable (final c) cannot take the grave tone
    "hoc",     # ... nor the level tone
    "hiön", "quyõt", "®Þnh", "vieät",  # TCVN3 / VNI mojibake
    "ngyen", "hóà", "ăn̉",  # no such rhyme; two tones; a tone on a consonant
    "tiê", "bă",  # iê and ă need a final
    "email", "UBND", "wifi"])
def test_non_syllables_are_rejected(word):
    assert not is_vietnamese_syllable(word)


def test_seeds_are_almost_all_syllables():
    for path in SEEDS:
        share, words = syllable_share(seed_text(path))
        assert words > 1000 and share > 0.95, path.name  # the rest: UBND, KH, QĐ, gov, vn ...


# --- published spellings -----------------------------------------------------------

# The national motto as it is seen in countless documents typed in .VnTime (TCVN3) and
# VNI-Times fonts and read as Windows-1252.
MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
MOTTO_TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc"
MOTTO_VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc"


def test_tcvn3_mojibake_is_repaired():
    assert fix_text("Thùc hiÖn QuyÕt ®Þnh sè 782/Q§-TTg") == ("Thực hiện Quyết định số 782/QĐ-TTg",
                                                           ["tcvn3->unicode"])
    assert fix_text(MOTTO_TCVN3) == (MOTTO, ["tcvn3->unicode"])


def test_vni_mojibake_is_repaired():
    assert fix_text("Thöïc hieän Quyeát ñònh") == ("Thực hiện Quyết định", ["vni->unicode"])
    assert fix_text(MOTTO_VNI) == (MOTTO, ["vni->unicode"])


def test_tcvn3_capital_fonts_are_put_back_in_capitals():
    # .VnTimeH draws capitals with the lowercase bytes: "KÕ HO¹CH" is KẾ HOẠCH
    assert fix_text("KÕ HO¹CH\nTri\u00d3n khai")[0].split("\n")[0] == "KẾ HOẠCH"
    assert fix_text("I. MôC §ÝCH, Y£U CÇU")[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    # ... but a word among lowercase ones stays as it is, and a capital initial is kept
    assert fix_text("Sè: 123/KH-UBND vÒ viÖc")[0] == "Số: 123/KH-UBND về việc"


def test_vni_tables_follow_the_base_plus_mark_scheme():
    encoder = vni_encoder()
    assert encoder["ấ"] == b"a\xe1" and encoder["Ấ"] == b"A\xc1"
    assert encoder["ặ"] == b"a\xeb" and encoder["ớ"] == b"\xf4\xf9" and encoder["ữ"] == b"\xf6\xf5"
    assert encoder["ị"] == b"\xf2" and encoder["ỵ"] == b"\xee" and encoder["Đ"] == b"\xd1"


# --- round trips of the seeds ------------------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_vni_round_trip(path):
    text = seed_text(path)
    assert decode_legacy_bytes(encode_vni(text)) == (text, "vni")
    assert fix_text(as_windows_1252(encode_vni(text))) == (text, ["vni->unicode"])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_cp1258_round_trip(path):
    text = seed_text(path)
    data = encode_cp1258(text)
    assert b"\xd2" in data or b"\xf2" in data  # decomposed tone marks (hook, dot below) were used
    assert decode_legacy_bytes(data) == (text, "cp1258")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_tcvn3_full_set_round_trip(path):
    # VN1 has a byte for every capital; it has none for curly quotes and dashes
    text = ascii_punctuation(seed_text(path))
    assert decode_legacy_bytes(encode_tcvn3(text, "vn1")) == (text, "tcvn3")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_tcvn3_abc_round_trip(path):
    """The ABC set writes a capital toned letter with its lowercase byte: all-capital words
    and sentence starts come back, a capital initial inside a sentence ("... của Ủy ban")
    cannot be told from a lowercase one."""
    text = seed_text(path)
    decoded, encoding = decode_legacy_bytes(encode_tcvn3(text))
    assert encoding == "tcvn3"
    assert decoded.casefold() == text.casefold()
    pairs = list(zip(text.split(), decoded.split()))
    wrong = [(a, b) for a, b in pairs if a != b]
    assert len(wrong) <= 3 and all(a == "Ủy" for a, _ in wrong), wrong
    for original, got in zip(text.split("\n"), decoded.split("\n")):
        if any(c.isalpha() for c in original) and original.upper() == original:
            assert got == original  # headings in capitals are exact
    assert fix_text(as_windows_1252(encode_tcvn3(text)))[0] == decoded


def test_byte_files_are_detected_by_syllable_score(tmp_path):
    files = write_legacy_files(tmp_path, SEEDS[2])
    words = set(seed_text(SEEDS[2]).casefold().split())
    for name, path in files.items():
        decoded, encoding = decode_legacy_bytes(path.read_bytes())
        assert encoding == name.split("_")[0]
        assert score_text(decoded) > 0.95
        assert len(words & set(decoded.casefold().split())) > 0.8 * len(words)  # the seed's words come back


def test_utf8_and_foreign_bytes_are_not_legacy_vietnamese():
    assert decode_legacy_bytes(seed_text(SEEDS[0]).encode("utf-8")) is None
    french = "Le système de contrôle des données à caractère personnel est très complexe où la qualité"
    assert decode_legacy_bytes(french.encode("latin-1")) is None
    assert fix_text(french) == (french, [])


# --- good text is left alone ---------------------------------------------------------

@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_good_unicode_is_untouched(path):
    text = seed_text(path)
    assert fix_text(text) == (text, [])
    decomposed = unicodedata.normalize("NFD", text)
    assert fix_text(decomposed) == (decomposed, [])


def test_latin1_signs_in_good_text_are_not_converted():
    text = "Nhiệt độ 25°C, «trích» § 3, ½ kinh phí; Cà Mau và Bạc Liêu"
    assert fix_text(text) == (text, [])
    assert fix_text("Cà Mau") == ("Cà Mau", [])


def test_a_legacy_paragraph_inside_unicode_text_is_converted_alone():
    text = "Thực hiện Kế hoạch của UBND tỉnh.\nTæ chøc triÓn khai thùc hiÖn\nHà Nội, ngày 5 tháng 6"
    fixed, conversions = fix_text(text)
    assert conversions == ["tcvn3->unicode"]
    assert fixed == "Thực hiện Kế hoạch của UBND tỉnh.\nTổ chức triển khai thực hiện\nHà Nội, ngày 5 tháng 6"


def test_fix_text_is_fast_on_good_text():
    import time

    texts = [seed_text(p) for p in SEEDS]
    start = time.perf_counter()
    for _ in range(20):
        for text in texts:
            fix_text(text)
    assert (time.perf_counter() - start) / (20 * len(texts)) < 0.002  # seconds per document


# --- text quality ------------------------------------------------------------------

def test_quality_of_good_and_broken_text():
    text = seed_text(SEEDS[0])
    assert score_text(text) > 0.95 and is_usable(text)
    cids = " ".join(f"(cid:{n})" for n in range(3, 60)) + " " + text[:400]
    assert score_text(cids) < 0.4 and not is_usable(cids)
    tcvn3 = as_windows_1252(encode_tcvn3(text))
    assert score_text(tcvn3) < 0.6 and not is_usable(tcvn3)
    stripped = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    assert not is_usable(stripped)  # the font lost every diacritic
    # tone marks cut off their letters (a PDF that draws each mark as its own glyph)
    detached = re.sub("([\u0300\u0301\u0303\u0309\u0323])", r" \1", unicodedata.normalize("NFD", text))
    assert score_text(detached) < 0.6 and not is_usable(detached)
    one_letter = text.replace("\u1ea1", "a \u0323")  # only ạ: about 3 % of the words
    assert score_text(text) - 0.08 < score_text(one_letter) < score_text(text) - 0.03
    assert score_text("") == 0.0 and not is_usable("   \n")


def test_utf8_read_as_windows_1252_is_repaired():
    assert fix_text("Káº¿ hoáº¡ch thá»±c hiá»‡n Quyáº¿t Ä‘á»‹nh") == ("Kế hoạch thực hiện Quyết định", ["utf8->unicode"])
    for path in SEEDS[:2]:
        text = seed_text(path)
        assert fix_text(as_windows_1252(text.encode("utf-8"))) == (text, ["utf8->unicode"])
