"""Stage 1, read: seed files on disk → ``Source`` (decoded, repaired text).

Takes the seeds folder, returns one ``Source`` per publishable file. This is one
of the two stages that touch the disk. Decoding is pure (``decode``) so it can be
tested on bytes written in a test.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .document import Source
from .errors import DocumentError, Notice

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
"""Seeds larger than this are refused with a clear message (documented in the README).

5 MB of text is some 800,000 words, thousands of printed pages: far more than one web page
should hold. Measured: a 5 MB seed takes about 40 s and under 100 MB of memory from bytes to
cleaned, enriched document, so the limit also bounds the time and memory of a build."""
MAX_LINE_CHARS = 20_000
"""Lines longer than this are cut into pieces at spaces (a repair, reported)."""

SEED_SUFFIX = ".txt"


@dataclass(slots=True)
class SeedFile:
    """A file found in the seeds folder."""

    name: str
    """Relative path with ``/`` separators."""
    path: Path


def find_seeds(seeds_dir: Path) -> tuple[list[SeedFile], list[str]]:
    """List ``*.txt`` files (any case, any depth) in a stable order; notices for the rest."""
    seeds: list[SeedFile] = []
    notices: list[str] = []
    for path in sorted(seeds_dir.rglob("*"), key=lambda p: p.relative_to(seeds_dir).as_posix()):
        if not path.is_file():
            continue
        rel = path.relative_to(seeds_dir).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if path.suffix.lower() != SEED_SUFFIX:
            notices.append(Notice(rel, "not a .txt file", "ignored"))
            continue
        seeds.append(SeedFile(rel, path))
    return seeds, notices


def read_seed(seed: SeedFile) -> Source:
    """Read one seed file from disk and decode it (never more than ``MAX_BYTES`` + 1 bytes)."""
    if any(unicodedata.category(ch).startswith("C") for ch in seed.name):
        raise DocumentError(seed.name, f"file name {seed.name!r} contains control or invisible format "
                            "characters; rename the file", "skipped")
    size = seed.path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(seed.name, _too_big(size), "skipped")
    with seed.path.open("rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # it grew since stat()
        raise DocumentError(seed.name, _too_big(len(data)), "skipped")
    return decode(seed.name, data)


def _too_big(size: int) -> str:
    return (f"file is {size:,} bytes, above the limit of {MAX_BYTES:,} bytes ({MAX_BYTES // 2**20} MB); "
            "split it into several documents")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of common binary formats that people rename to .txt.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\xd0\xcf\x11\xe0",
    b"\x7fELF", b"MZ\x90\x00", b"II*\x00", b"MM\x00*", b"RIFF", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\n\t"


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""The characters ``_is_control`` accepts (Unicode category Cc is exactly these ranges), for speed."""


def decode(name: str, data: bytes) -> Source:
    """Bytes of a seed → ``Source``. Raises ``DocumentError`` for what cannot be text.

    BOM first, then strict UTF-8, then charset-normalizer; then ftfy repairs mojibake
    without touching typography (quotes and dashes stay as the source has them), and
    the text is normalised to NFC with ``\\n`` line ends.
    """
    repairs: list[str] = []
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise DocumentError(name, "file is empty or only whitespace", "skipped")
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise DocumentError(name, "file is binary (its first bytes are a known file signature), not text",
                            "skipped")
    text = None
    encoding = "utf-8"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(name, f"has a {codec} byte-order mark but is not valid {codec}: {exc.reason}",
                                    "skipped") from exc
            encoding = codec
            repairs.append(f"byte-order mark removed ({codec})")
            break
    if text is None and (utf16 := _utf16_without_bom(data)):
        text, encoding = utf16
        repairs.append(f"decoded as {encoding} (no byte-order mark)")
    if text is None:
        if data.count(b"\x00") > max(8, len(data) // 100):
            raise DocumentError(name, "file is binary (it is full of NUL bytes), not text", "skipped")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, encoding = _detect(name, data, exc)
            repairs.append(f"decoded as {encoding} (not valid UTF-8: byte 0x{data[exc.start]:02x} "
                           f"at offset {exc.start})")
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("line ends normalised to LF")
    controls = len(_CONTROLS.findall(text))
    if controls:
        if controls > max(16, len(text) // 20):
            raise DocumentError(name, f"file is binary ({controls} control characters), not text", "skipped")
        text = _CONTROLS.sub(" ", text)
        repairs.append(f"{controls} control character(s) replaced by spaces")
    text = text.replace("\t", " ")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs.append("Unicode normalised to NFC")
    fixed = _fix_unicode(text)
    if fixed != text:
        repairs.append("mojibake repaired (ftfy)")
        text = unicodedata.normalize("NFC", fixed)
    text, cut = _cut_long_lines(text)
    if cut:
        repairs.append(f"{cut} line(s) longer than {MAX_LINE_CHARS:,} characters split")
    if not any(ch.isalnum() for ch in text):
        raise DocumentError(name, "file has no letters or digits after decoding", "skipped")
    return Source(name=name, text=text, sha256=sha, encoding=encoding, repairs=repairs,
                  raw_bytes_len=len(data), raw=data)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: most ASCII characters leave every other byte NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > 0.3 * half and other < 0.02 * half:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _detect(name: str, data: bytes, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: charset-normalizer's guess, except that Latin-script single-byte text is read
    as Windows-1252 (a superset of Latin-1 for printable characters, and what old word
    processors on Windows wrote): on short texts the guess is often a cousin code page
    (cp852, mac_iceland) that turns smart quotes into letters."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DocumentError(name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) "
                            "and no text encoding fits", "skipped") from exc
    encoding = best.encoding
    if encoding != "cp1252" and _latin_script(str(best)):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _latin_script(text: str) -> bool:
    """Whether the non-ASCII letters of ``text`` are mostly Latin (or there are none)."""
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin >= 0.8 * len(letters)


def _fix_unicode(text: str) -> str:
    import ftfy

    # HTML entities stay as written (``&lt;script&gt;`` is text a reader should see as such).
    config = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False,
                                  fix_character_width=False, normalization="NFC",
                                  fix_line_breaks=False, explain=False)
    # ftfy works line by line and (with HTML entities kept) leaves a line of plain ASCII as it
    # is (control characters are already replaced), so only the other lines go through it:
    # the same result, several times faster on long documents.
    lines = text.split("\n")
    return "\n".join(line if line.isascii() else ftfy.fix_text(line, config) for line in lines)


def _cut_long_lines(text: str) -> tuple[str, int]:
    if len(text) <= MAX_LINE_CHARS or max(map(len, text.split("\n"))) <= MAX_LINE_CHARS:
        return text, 0
    out: list[str] = []
    cut = 0
    for line in text.split("\n"):
        if len(line) <= MAX_LINE_CHARS:
            out.append(line)
            continue
        cut += 1
        while len(line) > MAX_LINE_CHARS:
            at = line.rfind(" ", 0, MAX_LINE_CHARS)
            at = at if at > MAX_LINE_CHARS // 2 else MAX_LINE_CHARS
            out.append(line[:at])
            line = line[at:].lstrip(" ")
        out.append(line)
    return "\n".join(out), cut
