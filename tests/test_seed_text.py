"""Reading repairs text line by line: a UTF-8 file with a few lines pasted from an old
Windows-1252 file, and bidirectional controls that could make the text display as it does not read."""

from __future__ import annotations

from builder.read import decode

# Mixed encodings


def test_a_utf8_file_with_cp1252_lines_is_repaired_line_by_line():
    data = ("Migrants’ rights – today\n"
            "Plain line\n").encode() + "Café “naïve” – old file\n".encode("cp1252") + (
            "Déclaration de Genève\n").encode() + "Résumé\n".encode("cp1252")
    src = decode("a.txt", data)
    assert src.text == ("Migrants’ rights – today\nPlain line\nCafé “naïve” – old file\n"
                        "Déclaration de Genève\nRésumé\n")
    assert "lines 3, 5 decoded as cp1252 (not valid UTF-8; the other lines are)" in src.repairs
    assert src.encoding == "utf-8+cp1252"


def test_line_numbers_of_cp1252_lines_count_crlf_and_cr_line_ends():
    data = "Genève\r\n".encode() + b"Plain\r" + "Zürich\r\n".encode("cp1252")
    src = decode("a.txt", data)
    assert src.text == "Genève\nPlain\nZürich\n"
    assert "line 3 decoded as cp1252 (not valid UTF-8; the other lines are)" in src.repairs


def test_a_whole_cp1252_file_is_still_one_encoding_not_mixed():
    data = "Café “naïve”\nRésumé – été\nÀ bientôt\n".encode("cp1252")
    src = decode("a.txt", data)
    assert src.text == "Café “naïve”\nRésumé – été\nÀ bientôt\n"
    assert src.encoding == "cp1252"
    assert not any("lines" in r or "line " in r for r in src.repairs)


# Bidirectional controls ("Trojan Source")


def test_bidi_overrides_embeddings_and_isolates_are_removed_and_counted():
    text = ("Access \u202elevel: user\u202c granted\n"
            "\u2067admin\u2069 \u2066and\u2069 \u2068x\u2069 \u202a\u202b\u202d!\u202c\u202c\u202c\n")
    src = decode("a.txt", text.encode())
    assert src.text == "Access level: user granted\nadmin and x !\n"
    assert any(r.startswith("14 bidirectional control character(s) removed") for r in src.repairs)


def test_left_to_right_and_right_to_left_marks_are_kept():
    text = "Hebrew \u05e9\u05dc\u05d5\u05dd\u200e (1) and \u200fmark\n"
    src = decode("a.txt", text.encode())
    assert src.text == text
    assert not any("bidirectional" in r for r in src.repairs)


def test_an_override_made_by_repairing_mojibake_is_removed_too():
    src = decode("a.txt", "Access â€®level granted\n".encode())  # U+202E read as cp1252
    assert "\u202e" not in src.text
    assert any("bidirectional" in r for r in src.repairs)
