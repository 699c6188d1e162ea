"""read: bytes → Source. Decoding, repairs and refusals; the seeds folder listing."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.errors import DocumentError
from builder.read import MAX_BYTES, MAX_LINE_CHARS, SeedFile, decode, find_seeds, read_seed

TEXT = "The migrants’ “rights” – a report on their situation today, café naïve.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


# Encodings


def test_utf8_text_is_read_as_is():
    src = decode("a.txt", "Migrants’ rights – today.\n".encode())
    assert src.text == "Migrants’ rights – today.\n"
    assert src.repairs == ()
    assert src.encoding == "utf-8"


def test_utf8_byte_order_mark_is_removed_and_reported():
    src = decode("a.txt", codecs.BOM_UTF8 + TEXT.encode())
    assert src.text == TEXT
    assert any("byte-order mark" in r for r in src.repairs)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_decoded(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    src = decode("a.txt", bom + TEXT.encode(codec))
    assert src.text == TEXT
    assert src.encoding == "utf-16"


def test_utf16_without_byte_order_mark_is_recognised_not_refused_as_binary():
    src = decode("a.txt", TEXT.encode("utf-16-le"))
    assert src.text == TEXT
    assert any("utf-16-le" in r for r in src.repairs)


def test_windows_1252_smart_quotes_and_dashes_are_detected():
    src = decode("w.txt", "The migrants’ “rights” – a report on their situation today.".encode("cp1252"))
    assert "’" in src.text and "“rights”" in src.text and "–" in src.text
    assert src.encoding == "cp1252"
    assert any("not valid UTF-8" in r for r in src.repairs)


def test_a_short_line_with_windows_1252_quotes_is_not_read_as_a_cousin_code_page():
    data = "The State’s “duty” – to protect.\r\n".encode("cp1252")
    assert decode("w.txt", data).text == "The State’s “duty” – to protect.\n"


def test_cyrillic_single_byte_text_keeps_its_code_page():
    text = "Права трудящихся-мигрантов и членов их семей защищены конвенцией.\n"
    src = decode("r.txt", text.encode("cp1251"))
    assert src.text == text and src.encoding == "cp1251"


def test_latin_1_accented_letters_are_detected():
    text = "Le droit des travailleurs migrants à la sécurité sociale et à l'éducation des enfants.\n"
    src = decode("l.txt", text.encode("latin-1"))
    assert src.text == text


def test_crlf_line_ends_become_lf():
    src = decode("a.txt", b"one\r\ntwo\r\nthree")
    assert src.text == "one\ntwo\nthree"
    assert "line ends normalised to LF" in src.repairs


def test_old_mac_cr_line_ends_become_lf():
    assert decode("a.txt", b"one\rtwo\rthree").text == "one\ntwo\nthree"


def test_mojibake_already_in_the_text_is_repaired_and_reported():
    src = decode("m.txt", "The State’s duty – it’s clear.".encode().decode("cp1252").encode("utf-8"))
    assert src.text == "The State’s duty – it’s clear."
    assert "mojibake repaired (ftfy)" in src.repairs


def test_html_entities_stay_as_written():
    assert decode("a.txt", b"Fish &amp; chips &lt;b&gt;\n").text == "Fish &amp; chips &lt;b&gt;\n"


def test_decomposed_accents_are_normalised_to_nfc():
    src = decode("a.txt", "cafe\u0301 society".encode())
    assert src.text == "caf\u00e9 society"


# Refusals


@pytest.mark.parametrize("data", [b"", b"   \n\n\t ", codecs.BOM_UTF8 + b" \n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_and_whitespace_only_files_are_refused_with_their_name(data):
    with pytest.raises(DocumentError, match=r"^a\.txt: file (is empty|has no letters)") as info:
        decode("a.txt", data)
    assert info.value.action == "skipped"


def test_a_file_of_only_punctuation_and_invisible_characters_is_refused():
    with pytest.raises(DocumentError, match="no letters or digits"):
        decode("a.txt", "*** \u200b --- …\n".encode())


@pytest.mark.parametrize("data", [PNG, PDF, b"PK\x03\x04\x14\x00\x06\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF"])
def test_binary_files_renamed_txt_are_refused_as_binary(data):
    with pytest.raises(DocumentError, match="binary") as info:
        decode("image.txt", data + bytes(range(256)) * 4)
    assert info.value.source == "image.txt" and info.value.action == "skipped"


def test_bytes_full_of_nul_are_refused_as_binary():
    with pytest.raises(DocumentError, match="NUL"):
        decode("a.txt", b"ab\x00\x00\x01\x00\xff\x00" * 200)


def test_a_few_nul_bytes_and_control_characters_become_spaces_and_are_reported():
    src = decode("a.txt", b"Migrant\x00workers\x07 and\x1b[31m their\x0cfamilies.\n")
    assert src.text == "Migrant workers  and [31m their families.\n"
    assert "4 control character(s) replaced by spaces" in src.repairs


def test_text_that_merely_starts_with_mz_is_not_taken_for_an_executable():
    assert decode("a.txt", b"MZ Smith wrote the report.\n").text.startswith("MZ Smith")


def test_a_file_name_with_control_characters_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="rename the file"):
        read_seed(SeedFile("bad\nname.txt", path))


# Size limits


def test_a_50_mb_file_is_refused_with_the_documented_limit(tmp_path):
    path = tmp_path / "huge.txt"
    line = b"Migrant workers have the right to equal treatment.\n"
    with path.open("wb") as f:
        for _ in range(50 * 2**20 // (len(line) * 1000) + 1):
            f.write(line * 1000)
    assert path.stat().st_size > 50 * 2**20
    with pytest.raises(DocumentError, match=r"above the limit of 5,242,880 bytes \(5 MB\)") as info:
        read_seed(SeedFile("huge.txt", path))
    assert info.value.action == "skipped"
    assert MAX_BYTES == 5 * 2**20


def test_a_file_with_one_1_mb_line_is_split_at_spaces_keeping_every_word():
    line = " ".join(f"word{i}" for i in range(120_000))
    assert len(line) > 1_000_000
    src = decode("long.txt", line.encode())
    assert max(len(x) for x in src.text.split("\n")) <= MAX_LINE_CHARS
    assert words(src.text) == words(line)
    assert any("split" in r for r in src.repairs)


# The seeds folder


def test_find_seeds_takes_txt_in_any_case_and_any_folder_and_notes_the_rest(tmp_path):
    for name in ("a b.txt", "Évian déclaration.txt", "UPPER.TXT", "index.txt", "sub/deeper/x.txt",
                 "notes.md", "scan.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    seeds, notices = find_seeds(tmp_path)
    assert [s.name for s in seeds] == ["UPPER.TXT", "a b.txt", "index.txt", "sub/deeper/x.txt",
                                       "Évian déclaration.txt"]
    assert notices == ["notes.md: not a .txt file (ignored)", "scan.pdf: not a .txt file (ignored)"]


# Properties


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused_with_a_document_error(data):
    try:
        src = decode("a.txt", data)
    except DocumentError as exc:
        assert exc.reason and exc.action == "skipped"
    else:
        assert "\r" not in src.text and "\x00" not in src.text


# Text that cannot be mistaken for mojibake (ftfy rightly repairs Latin-1-looking sequences).
plain = st.text(st.characters(min_codepoint=32, max_codepoint=126) | st.sampled_from("’“”–—…\nαβγ漢字"),
                min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(plain, st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_decoding_keeps_every_word_of_a_text(text, codec):
    try:
        src = decode("a.txt", text.encode(codec))
    except DocumentError:
        assert not any(ch.isalnum() for ch in text)
        return
    assert words(src.text) == words(__import__("unicodedata").normalize("NFC", text))
