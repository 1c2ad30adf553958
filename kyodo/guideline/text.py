"""The city's guideline as a readable page, parsed from its text (`GuidelineText.body`).

The text is the city's own, loaded from its city file. Blank lines separate blocks; numbered
lines become headings ("1." chapters, "(1)" sections, "①" items), "- " lines lists,
tab-separated lines a table, "**…**" strong emphasis. A printed table of contents ("目 次",
with page numbers) is replaced by one built from the headings. `section(body, "§3-(1)-①")`
gives the blocks of one section, so that a page can quote where a checklist comes from.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

H2 = re.compile(r"^(\d+)\.\s*(\S.*)$")
H3 = re.compile(r"^\((\d+)\)\s*(\S.*)$")
H4 = re.compile(r"^[①-⑩]\S{1,30}$")
LABEL = re.compile(r"^(<[^<>]{1,20}>|【[^【】]{1,20}】)$")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
LIST_TAG = re.compile(r"</?ul[^>]*>")


@dataclass
class Block:
    kind: str  # h2, h3, h4, label, p, ul, table, meta
    parts: list = field(default_factory=list)  # [(text, strong)] or rows/items
    anchor: str = ""


def inline(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, is_strong) pairs on **…** markers."""
    parts, last = [], 0
    for match in BOLD.finditer(text):
        if match.start() > last:
            parts.append((text[last : match.start()], False))
        parts.append((match.group(1), True))
        last = match.end()
    if last < len(text):
        parts.append((text[last:].replace("**", ""), False))
    return parts


def _list_item(line: str) -> list[tuple[str, bool]]:
    text = line[2:].strip()
    text = re.sub(r"^・\s*", "", text)
    return inline(text)


def _table(lines: list[str]) -> Block:
    rows = []
    for line in lines:
        head, _, rest = line.partition("\t")
        items = [i for i in LIST_TAG.sub("", rest).split("○") if i.strip()]
        rows.append((head.strip(), [i.strip() for i in items]))
    header, *body = rows
    return Block("table", [header, body])


def _heading(line: str, counter: list[int]) -> Block | None:
    for kind, pattern in (("h2", H2), ("h3", H3)):
        if pattern.match(line):
            counter[0] += 1
            return Block(kind, inline(line), anchor=f"s{counter[0]}")
    if H4.match(line):
        return Block("h4", inline(line))
    if LABEL.match(line):
        return Block("label", inline(line.strip("<>【】")))
    return None


def _block(lines: list[str], counter: list[int]) -> Block:
    if all(line.startswith("- ") for line in lines):
        return Block("ul", [_list_item(line) for line in lines])
    if all("\t" in line for line in lines):
        return _table(lines)
    if len(lines) == 1:
        heading = _heading(lines[0], counter)
        if heading:
            return heading
    return Block("p", inline("".join(lines)))


def _paragraphs(text: str) -> list[list[str]]:
    blocks, current = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _without_printed_toc(paragraphs: list[list[str]]) -> list[list[str]]:
    start = next((i for i, p in enumerate(paragraphs) if p[0] in ("目 次", "目次")), None)
    if start is None or start + 1 >= len(paragraphs):
        return paragraphs
    # The printed table of contents ends where its first chapter heading reappears.
    first_chapter = paragraphs[start + 1][0].split("\t")[0].strip()
    resume = next(
        (
            i
            for i in range(start + 2, len(paragraphs))
            if paragraphs[i][0].split("\t")[0].strip() == first_chapter
        ),
        None,
    )
    if resume is None:
        return paragraphs
    return paragraphs[:start] + paragraphs[resume:]


@lru_cache(maxsize=4)
def parse(body: str) -> dict:
    """{"blocks", "toc"} of the guideline's text (cached by the text itself)."""
    counter = [0]
    blocks = [_block(p, counter) for p in _without_printed_toc(_paragraphs(body))]
    toc = [b for b in blocks if b.kind in ("h2", "h3")]
    return {"blocks": blocks, "toc": toc}


_REF = re.compile(r"§?\s*(\d+)(?:\s*-\s*\((\d+)\))?(?:\s*-\s*([①-⑩]))?")
_LEVEL = {"h2": 1, "h3": 2, "h4": 3}


def _heading_text(block: Block) -> str:
    return "".join(text for text, _strong in block.parts)


def section(body: str, ref: str) -> list[Block]:
    """The blocks of the section `ref` ("§3-(1)-①", "§3-(3)", "§2"), heading first; [] if none."""
    match = _REF.match(ref or "")
    if not match:
        return []
    wanted = [
        (1, f"{match[1]}."),
        *([(2, f"({match[2]})")] if match[2] else []),
        *([(3, match[3])] if match[3] else []),
    ]
    blocks = parse(body)["blocks"]
    position, found = 0, None
    for level, prefix in wanted:
        for index in range(position, len(blocks)):
            block = blocks[index]
            block_level = _LEVEL.get(block.kind)
            if block_level is not None and block_level < level and index > position:
                return []
            if block_level == level and _heading_text(block).startswith(prefix):
                position, found = index + 1, (index, level)
                break
        else:
            return []
    start, level = found
    end = next(
        (
            i
            for i in range(start + 1, len(blocks))
            if _LEVEL.get(blocks[i].kind) is not None and _LEVEL[blocks[i].kind] <= level
        ),
        len(blocks),
    )
    return blocks[start:end]
