"""Page and column breaks: rejoin interrupted paragraphs, and move what interrupted them.

A paragraph is *open* when its last line wraps (trailing space or hyphen in a PDF column;
in plain text, no sentence-final punctuation) and no sentence ends there. In a PDF column,
text that *resumes* after a float starts with a space and a lowercase letter. For an open
paragraph, a resumption block before the next open paragraph means everything between
them is a float (photo caption, sidebar, call-out box) and the paragraph continues in the
resumption block; otherwise the very next block continues it (a plain page break).
Floats become admonitions placed after the paragraph they interrupted (recorded as
moves). Captions and wide call-out boxes that interrupt nothing become admonitions in
place.
"""

from __future__ import annotations

import re

from ...document import Block
from ..state import BLOCK, Chunk, CleanState, rule
from ..text.blocks import chunk_blocks
from ..text.patterns import FUNCTION_WORDS, IMAGE_PLACEHOLDER, NUMBERED, SENTENCE_END, hyphen_end, list_marker

PAGE_BREAK_HEADER_REASON = "running header (a title line interrupting a sentence at a page break)"
BOX_REASON = "sidebar or call-out box"
CAPTION_REASON = "photo caption"
IMAGE_REASON = "image description (an image alone on its line, or an [Image: …] placeholder), shown as a caption"

MAX_FLOAT_CHUNKS = 8
_OPEN_PLAIN = re.compile(r"[\w,’'”\"-]$")
QUESTION_BOX = re.compile(r"^[^.!?]{5,200}\?")


def _is_list(chunk: Chunk) -> bool:
    return bool(list_marker(chunk.lines[0].text))


def is_open(chunk: Chunk, wrapped: bool) -> bool:
    last = chunk.lines[-1]
    if hyphen_end(last.text):
        return True
    if SENTENCE_END.search(last.text):
        return False
    if wrapped:
        return last.trail > 0
    return plain_open(chunk)


def plain_open(chunk: Chunk) -> bool:
    """No sentence end and a word at the end of a block of some length (plain text)."""
    last = chunk.lines[-1].text
    least = 2 if _is_list(chunk) else 6  # a short heading is not open; a short list item may be
    return not SENTENCE_END.search(last) and bool(_OPEN_PLAIN.search(last)) and len(chunk.text.split()) > least


def _resumes(chunk: Chunk) -> bool:
    first = chunk.lines[0]
    return first.lead > 0 and first.text[:1].islower()


def _continues(chunk: Chunk, wrapped: bool, after_hyphen: bool = False, after_word: bool = False) -> bool:
    """``chunk`` goes on with the open paragraph above it; ``after_word``: that paragraph stops on
    a function word (``… Westchester, Nassau or`` / ``Suffolk, shall …``), so a capital (a name)
    goes on with it too."""
    first = chunk.lines[0].text
    if _is_list(chunk):
        return False
    if wrapped or after_hyphen or after_word:
        return first[:1].isalnum() or wrapped
    return first[:1].islower()


def caption_like(chunk: Chunk, state: CleanState) -> bool:
    """One line much longer than the column: a photo caption (it was never wrapped)."""
    return state.wrapped and len(chunk.lines) == 1 and len(chunk.lines[0].text) > state.width + 8 \
        and len(chunk.lines[0].text.split()) >= 6 and not _is_list(chunk)


def wide_box(chunk: Chunk, state: CleanState) -> bool:
    """Several lines, most wider than the column: a call-out box set in another measure."""
    if not state.wrapped or len(chunk.lines) < 2 or _is_list(chunk):
        return False
    wide = sum(1 for ln in chunk.lines if len(ln.text) > state.width + 3)
    return wide * 3 >= len(chunk.lines) * 2


@rule(BLOCK, PAGE_BREAK_HEADER_REASON, BOX_REASON, CAPTION_REASON, IMAGE_REASON)
def floats(state: CleanState) -> None:
    """Rejoin paragraphs split by a page break, a caption or a box; move the floats after them.
    ``…protect␠`` / caption / ``␠them against…`` → ``…protect them against…`` + caption box."""
    chunks = [c for c in state.chunks if c.done is None]
    consumed: set[int] = set()
    for i, chunk in enumerate(chunks):
        if i in consumed or not chunk.lines:
            continue
        strong = is_open(chunk, state.wrapped)
        if not strong and not (state.wrapped and plain_open(chunk)):
            continue
        # In a PDF column a line without the soft-wrap space is open only in the plain-text
        # sense: it continues only into a block that starts lowercase.
        wrapped = state.wrapped and strong
        target = None
        between: list[int] = []
        if wrapped:
            for j in range(i + 1, min(len(chunks), i + 1 + MAX_FLOAT_CHUNKS)):
                if j in consumed:
                    continue
                if _resumes(chunks[j]):
                    target = j
                    break
                if is_open(chunks[j], True) and not caption_like(chunks[j], state):
                    break
                if len(chunks[j].lines) == 1 and NUMBERED.match(chunks[j].lines[0].text):
                    break  # a numbered section heading: the text moved on, nothing floats here
                between.append(j)
            if target is None:
                between = []
        if target is None:
            target = _after_running_header(state, chunks, i, consumed)
        if target is None:
            target = _next_continuation(chunks, i, consumed, wrapped)
            if target is None:
                continue
        cont = chunks[target]
        chunk.lines.extend(cont.lines)
        cont.done = []
        consumed.add(target)
        state.count("rejoined_across_breaks")
        if between:
            chunk.after.extend(_float_blocks(state, [chunks[j] for j in between], chunk))
            for j in between:
                chunks[j].done = []
                consumed.add(j)
    # Floats that interrupt nothing: captions and wide call-out boxes, in place.
    images = set(state.image_lines)
    for i, chunk in enumerate(chunks):
        if chunk.done is not None or i in consumed:
            continue
        if caption_like(chunk, state) or wide_box(chunk, state):
            chunk.done = _float_blocks(state, [chunk], None)
        elif len(chunk.lines) == 1 and (IMAGE_PLACEHOLDER.match(chunk.lines[0].text) or chunk.first in images):
            chunk.done = [_image_caption(state, chunk)]


def _image_caption(state: CleanState, chunk: Chunk) -> Block:
    """``[Image: A child looks through a fence. Photo: © …]`` → the description in a caption box,
    in place, without its brackets; so is the description of an image the source showed alone
    on its line (``<img alt="Figure 1: …">``)."""
    line = chunk.lines[0]
    text = line.text.strip()
    text = text[1:-1].strip() if IMAGE_PLACEHOLDER.match(text) else text
    state.count("captions_moved")
    state.move(text, IMAGE_REASON, "floats", line.no, "in place, as a caption")
    return Block("admonition", "", label="quote", children=[Block("paragraph", text, lines=(line.no, line.no))],
                 lines=(line.no, line.no))


def _after_running_header(state: CleanState, chunks: list[Chunk], i: int, consumed: set[int]) -> int | None:
    """``…the sentence goes`` / a short title line / ``on in lowercase``: the title line is a
    running header at a page break; it is removed and the sentence rejoined."""
    rest = [j for j in range(i + 1, min(len(chunks), i + 3)) if j not in consumed]
    if len(rest) < 2:
        return None
    header, cont = chunks[rest[0]], chunks[rest[1]]
    text = header.text
    if len(header.lines) != 1 or len(text.split()) > 12 or SENTENCE_END.search(text) or _is_list(header) \
            or not cont.lines[0].text[:1].islower() or _is_list(cont):
        return None
    # A header is a title line: one that starts lowercase goes on with the sentence itself
    # (``of 14 May 2024`` under an act's name).
    if text.lstrip()[:1].islower():
        return None
    state.remove_chunk(header, PAGE_BREAK_HEADER_REASON, "floats")
    consumed.add(rest[0])
    return rest[1]


def _next_continuation(chunks: list[Chunk], i: int, consumed: set[int], wrapped: bool) -> int | None:
    """The next chunk, when it goes on with the open chunk ``i`` (a plain page break)."""
    chunk = chunks[i]
    nxt = next((j for j in range(i + 1, len(chunks)) if j not in consumed), None)
    hyphen = hyphen_end(chunk.lines[-1].text)
    # (texts side by side on one line, from ``side_by_side``, have no break between them)
    if nxt is None or chunks[nxt].first == chunk.lines[-1].no \
            or not _continues(chunks[nxt], wrapped, hyphen, _function_word_end(chunk)):
        return None
    if not hyphen and _heading_like(chunks[nxt]):
        return None
    return nxt


def _function_word_end(chunk: Chunk) -> bool:
    """A paragraph of some length whose last word is a function word (``or``, ``the``, ``de``):
    its sentence cannot end there (a clause closed by a semicolon, ``…; and``, can)."""
    words = chunk.lines[-1].text.split()
    if len(chunk.lines) < 2 or len(words) < 2 or words[-1] not in FUNCTION_WORDS:
        return False
    return not words[-2].endswith(";")  # (``…; and`` / ``WHEREAS, …``: clauses of a resolution)


def _heading_like(chunk: Chunk) -> bool:
    text = chunk.text
    return len(chunk.lines) <= 2 and len(text) < 100 and not SENTENCE_END.search(text) and not chunk.lines[-1].trail


def _float_blocks(state: CleanState, group: list[Chunk], host: Chunk | None) -> list[Block]:
    placed = f"after the paragraph at line {host.first}" if host else "in place, as a box"
    out: list[Block] = []
    box: list[Chunk] = []

    def flush() -> None:
        if not box:
            return
        title = ""
        body = list(box)
        if len(body) > 1 and len(body[0].lines) <= 2 and len(body[0].text) < 100 \
                and not SENTENCE_END.search(body[0].text):
            title = body.pop(0).text
        children = [b for c in body for b in chunk_blocks(state, c)]
        text = " ".join(c.text for c in box)
        label = "question" if QUESTION_BOX.match(body[0].text) else ("example" if host else "info")
        out.append(Block("admonition", "", label=label, title=title, children=children,
                         lines=(box[0].first, box[-1].lines[-1].no)))
        state.count("boxes_moved")
        state.move(text, BOX_REASON, "floats", box[0].first, placed)
        box.clear()

    for c in group:
        if caption_like(c, state):
            flush()
            out.append(Block("admonition", "", label="quote", children=chunk_blocks(state, c),
                             lines=(c.first, c.first)))
            state.count("captions_moved")
            state.move(c.text, CAPTION_REASON, "floats", c.first, placed)
        elif wide_box(c, state) and box and not wide_box(box[-1], state):
            flush()
            box.append(c)
        else:
            box.append(c)
    flush()
    return out
