"""read: bytes → Source. Decoding, repairs and refusals."""

from __future__ import annotations

import pytest

from builder.errors import DocumentError
from builder.read import decode


def test_utf8_text_is_read_as_is():
    src = decode("a.txt", "Migrants’ rights – today.\n".encode())
    assert src.text == "Migrants’ rights – today.\n"
    assert src.repairs == []


def test_crlf_line_ends_become_lf():
    assert decode("a.txt", b"one\r\ntwo\rthree").text == "one\ntwo\nthree"


def test_empty_file_is_refused_with_its_name():
    with pytest.raises(DocumentError, match="a.txt: file is empty"):
        decode("a.txt", b"  \n\n ")


def test_windows_1252_is_detected():
    src = decode("w.txt", "The migrants’ “rights” – a report on their situation today.".encode("cp1252"))
    assert "’" in src.text and "“rights”" in src.text
    assert src.encoding == "cp1252"
