"""Stage 1, read: seed files on disk → ``Source`` (decoded, repaired text).

Takes the seeds folder, returns one ``Source`` per publishable file. This is one
of the two stages that touch the disk. Decoding is pure (``decode``) so it can be
tested on bytes written in a test.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .document import Source
from .errors import DocumentError, Notice

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
"""Seeds larger than this are refused with a clear message (documented in the README).

5 MB of text is some 800,000 words, thousands of printed pages: far more than one web page
should hold. Measured (2026-12-07): a 5 MB seed takes about 30 s of CPU and 260 MB of memory
(peak) from bytes to cleaned, enriched document, so the limit also bounds the time and memory of
a build."""
MAX_LINE_CHARS = 20_000
"""Lines longer than this are cut into pieces at spaces (a repair, reported)."""

SEED_SUFFIX = ".txt"


@dataclass(slots=True)
class SeedFile:
    """A file found in the seeds folder."""

    name: str
    """Relative path with ``/`` separators."""
    path: Path
    root: str | None = None
    """The seeds folder, resolved (``find_seeds`` sets it): reading checks again that the file
    resolves inside it, so a symbolic link retargeted after listing is still never followed out."""
    refused: str | None = None
    """Why this entry is never opened (a link out of the seeds folder, a FIFO, a device...):
    ``read_seed`` raises it as a ``DocumentError``, so it is rejected like any bad seed."""


def find_seeds(seeds_dir: Path, others: list[SeedFile] | None = None) -> tuple[list[SeedFile], list[str]]:
    """List ``*.txt`` files (any case, any depth) in a stable order; notices for the rest.

    The seeds stay inside the seeds folder: a symbolic link (to a file or a folder, at any depth)
    whose target resolves outside it, and anything that is not a regular file or folder (FIFO,
    device, socket), is listed as *refused* (rejected when read, never opened). Links to folders
    are never walked (a link to a folder inside only repeats files listed under their own names,
    and may loop); hidden files and folders (``.name``) are noted and not walked. Nothing is read
    here: only ``lstat``/``stat``. ``others``, when given, receives the regular non-``.txt``
    files (for the up-to-date stamp).
    """
    root = os.path.realpath(seeds_dir)
    seeds: list[SeedFile] = []
    notices: list[Notice] = []
    if not os.path.isdir(root):
        return seeds, []
    stack = [(str(seeds_dir), "")]
    while stack:  # no recursion: any depth
        folder, prefix = stack.pop()
        for entry in _list_folder(folder, prefix, notices):
            rel = prefix + entry.name
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue  # vanished since listed
            if entry.name.startswith("."):  # .git and the like: named once, never walked
                kind = "folder" if stat.S_ISDIR(mode) else "link" if stat.S_ISLNK(mode) else "file"
                notices.append(Notice(rel, f"hidden {kind} skipped (its name starts with '.')", "ignored"))
                continue
            if stat.S_ISDIR(mode):
                stack.append((entry.path, rel + "/"))
                continue
            seed = _seed_of(entry, rel, mode, root, notices)
            if seed is None:
                continue
            if seed.refused is None and not entry.name.lower().endswith(SEED_SUFFIX):
                notices.append(Notice(rel, "not a .txt file", "ignored"))
                if others is not None:
                    others.append(seed)
                continue
            seeds.append(seed)
    seeds.sort(key=lambda s: s.name)
    notices.sort(key=lambda n: n.source)
    if others is not None:
        others.sort(key=lambda s: s.name)
    return seeds, list(notices)


def _list_folder(folder: str, prefix: str, notices: list[Notice]) -> list[os.DirEntry[str]]:
    """The entries of a folder of the seeds (``prefix``: its path in the seeds folder, with a
    trailing ``/``); none, with a notice, when it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError as exc:
        notices.append(Notice(prefix.rstrip("/") or ".", f"cannot list this folder ({exc.strerror or exc})",
                              "ignored"))
        return []


def _seed_of(entry: os.DirEntry[str], rel: str, mode: int, root: str, notices: list[Notice]) -> SeedFile | None:
    """The seed an entry that is not a folder (``mode``: its own, links not followed) makes,
    ``refused`` when it must not be read (a link out of the seeds folder or that cannot be
    followed, a FIFO, a device, a socket); ``None`` when it is only noted (a link to a folder, a
    broken link not named ``.txt``)."""
    seed = SeedFile(rel, Path(entry.path), root)
    if stat.S_ISLNK(mode):
        target = os.path.realpath(entry.path)
        if not _inside(target, root):
            seed.refused = _outside(target)
            return seed
        try:
            mode = os.stat(entry.path).st_mode
        except OSError as exc:  # dangling, or a loop
            if not entry.name.lower().endswith(SEED_SUFFIX):
                notices.append(Notice(rel, "not a .txt file (a broken symbolic link)", "ignored"))
                return None
            seed.refused = f"is a symbolic link that cannot be followed ({exc.strerror or exc}); not read"
            return seed
        if stat.S_ISDIR(mode):
            there = os.path.relpath(target, root).replace(os.sep, "/")
            notices.append(Notice(rel, f"link to the folder {there}/ inside the seeds folder: not "
                                  "followed (its files are read under their own names)", "ignored"))
            return None
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        seed.refused = f"is {_special(mode)}, not a regular file; not read"
    return seed


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(os.path.join(root, ""))


def _outside(target: str) -> str:
    return f"is a symbolic link that points outside the seeds folder (to {target}); not read"


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
"""O_NONBLOCK: should a FIFO replace the file between ``stat`` and ``open``, opening it does not block."""


def read_bytes(seed: SeedFile) -> bytes:
    """The bytes of a seed: never from outside the seeds folder, never from a special file, never
    more than ``MAX_BYTES`` + 1 bytes (the size is checked from ``stat`` before opening)."""
    if seed.refused is not None:
        raise DocumentError(seed.name, seed.refused, "skipped")
    path = str(seed.path)
    flags = _OPEN_FLAGS
    if seed.root is not None:  # resolved again: the listing may be stale
        path = os.path.realpath(path)
        if not _inside(path, seed.root):
            raise DocumentError(seed.name, _outside(path), "skipped")
        flags |= getattr(os, "O_NOFOLLOW", 0)  # resolved: a link there now was put there since
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(seed.name, f"is {_special(st.st_mode)}, not a regular file; not read", "skipped")
    if st.st_size > MAX_BYTES:
        raise DocumentError(seed.name, _too_big(st.st_size), "skipped")
    with open(os.open(path, flags), "rb") as f:
        now = os.fstat(f.fileno())
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise DocumentError(seed.name, "file was replaced while being read; not read", "skipped")
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # it grew since stat()
        raise DocumentError(seed.name, _too_big(len(data)), "skipped")
    return data


def seed_sha256(seed: SeedFile) -> str | None:
    """sha256 of a seed's bytes, or ``None`` if it is refused, too big or unreadable (``read_seed`` says why)."""
    try:
        return hashlib.sha256(read_bytes(seed)).hexdigest()
    except (DocumentError, OSError):
        return None


def read_seed(seed: SeedFile) -> Source:
    """Read one seed file from disk and decode it (never more than ``MAX_BYTES`` + 1 bytes)."""
    return decode(seed.name, seed_bytes(seed))


def seed_bytes(seed: SeedFile) -> bytes:
    """A seed's bytes, unless it is refused before decoding (found refused, a name with control
    characters, too big, not a plain file): ``DocumentError`` or ``OSError`` then."""
    if seed.refused is not None:
        raise DocumentError(seed.name, seed.refused, "skipped")
    if any(unicodedata.category(ch).startswith("C") for ch in seed.name):
        raise DocumentError(seed.name, f"file name {seed.name!r} contains control or invisible format "
                            "characters; rename the file", "skipped")
    return read_bytes(seed)


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
_CONTROLS_REPLACED = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]|(?<=[^\n\x0c])\x0c")
"""The controls replaced by spaces: all but a form feed at the start of a line, a page break
(pdftotext writes one at the start of each page) that cleaning reads as a page boundary."""


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI):
they reorder how a whole span is displayed, so the shown text can differ from the text itself
("Trojan Source"); removed at read time. The marks U+200E/U+200F (LRM, RLM) and U+061C (ALM)
are kept: zero-width strong characters with no span, they only settle the direction of the
neutral characters beside them, which right-to-left text legitimately needs, and cannot reorder
a span. A span that the removed controls laid out still reads in its own (logical) order."""


def decode(name: str, data: bytes) -> Source:
    """Bytes of a seed → ``Source``. Raises ``DocumentError`` for what cannot be text.

    BOM first, then strict UTF-8, then charset-normalizer; then ftfy repairs mojibake
    without touching typography (quotes and dashes stay as the source has them), and
    the text is normalised to NFC with ``\\n`` line ends.
    """
    if not data.strip():
        raise DocumentError(name, "file is empty or only whitespace", "skipped")
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        raise DocumentError(name, "file is binary (its first bytes are a known file signature), not text",
                            "skipped")
    repairs: list[str] = []
    text, encoding = _to_text(name, data, repairs)
    text = _repaired(name, text, repairs)
    if not any(ch.isalnum() for ch in text):
        raise DocumentError(name, "file has no letters or digits after decoding", "skipped")
    return Source(name=name, text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding,
                  repairs=tuple(repairs), raw_bytes_len=len(data), raw=data)


def _to_text(name: str, data: bytes, repairs: list[str]) -> tuple[str, str]:
    """A seed's bytes as text, and the encoding they were read in: after a byte-order mark, as
    UTF-16 without one, as UTF-8 (the lines that are not, as cp1252), or as charset-normalizer
    guesses; each of these but plain UTF-8 added to ``repairs``. ``DocumentError`` for bytes that
    are not text (full of NUL bytes, or not what their byte-order mark says)."""
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
            if mixed := _mixed_utf8(data):
                text, bad = mixed
                encoding = "utf-8+cp1252"
                repairs.append(f"{_line_list(bad)} decoded as cp1252 (not valid UTF-8; the other lines are)")
            else:
                text, encoding = _detect(name, data, exc)
                repairs.append(f"decoded as {encoding} (not valid UTF-8: byte 0x{data[exc.start]:02x} "
                               f"at offset {exc.start})")
    return text, encoding


def _repaired(name: str, text: str, repairs: list[str]) -> str:
    """Decoded text made safe and regular, each change added to ``repairs``: ``\\n`` line ends,
    control characters replaced (``DocumentError`` when there are so many the file is binary),
    tabs as spaces, NFC, mojibake repaired (ftfy), bidirectional controls removed, overlong lines
    split."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("line ends normalised to LF")
    controls = len(_CONTROLS.findall(text))
    if controls:
        if controls > max(16, len(text) // 20):
            raise DocumentError(name, f"file is binary ({controls} control characters), not text", "skipped")
        replaced = len(_CONTROLS_REPLACED.findall(text))
        if replaced:
            text = _CONTROLS_REPLACED.sub(" ", text)
            repairs.append(f"{replaced} control character(s) replaced by spaces")
    text = text.replace("\t", " ")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        repairs.append("Unicode normalised to NFC")
    fixed = _fix_unicode(text)
    if fixed != text:
        repairs.append("mojibake repaired (ftfy)")
        text = unicodedata.normalize("NFC", fixed)
    # After ftfy, which may turn mojibake ('â€®') back into an override.
    bidi = len(_BIDI_CONTROLS.findall(text))
    if bidi:
        text = _BIDI_CONTROLS.sub("", text)
        repairs.append(f"{bidi} bidirectional control character(s) removed (embeddings, overrides, isolates: "
                       "they can make the text display other than it reads)")
    text, cut = _cut_long_lines(text)
    if cut:
        repairs.append(f"{cut} line(s) longer than {MAX_LINE_CHARS:,} characters split")
    return text


def _mixed_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 with some lines in another encoding (a line pasted from an old file): the text with
    those lines decoded as Windows-1252 (the Latin-script fallback), and their numbers; ``None``
    when the file is not mostly UTF-8.

    Mostly UTF-8: of the lines with non-ASCII bytes, at least as many are valid UTF-8 as not. A
    file wholly in another encoding has (almost) no such line valid UTF-8, and keeps charset
    detection; a mostly-cp1252 file with a UTF-8 line pasted in is read as cp1252, and ftfy
    repairs that line's mojibake. Lines split at CR, LF or CRLF, as the text's lines are counted.
    """
    lines = data.splitlines(keepends=True)
    out: list[str] = []
    bad: list[int] = []
    good = 0
    for number, line in enumerate(lines, 1):
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            out.append(line.decode("utf-8"))
            good += 1
        except UnicodeDecodeError:
            bad.append(number)
            try:
                out.append(line.decode("cp1252"))
            except UnicodeDecodeError:  # one of the 5 bytes cp1252 leaves undefined: a C1 control, replaced later
                out.append(line.decode("latin-1"))
    if not good or len(bad) > good:
        return None
    return "".join(out), bad


def _line_list(numbers: list[int], most: int = 20) -> str:
    """``line 3``, ``lines 3, 17``, ``lines 1, 2, ... and 40 more``."""
    shown = ", ".join(map(str, numbers[:most]))
    more = f" and {len(numbers) - most:,} more" if len(numbers) > most else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


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
    from charset_normalizer import from_bytes  # heavy, loaded only for a seed that is not UTF-8

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
    import ftfy  # heavy, loaded only for a line that is not ASCII

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
