"""The city's guideline as a readable page, parsed from the text shipped in `data/`.

The text is the city's own (平成29年2月); it is read from the app's data file, never from
outside the product. Blank lines separate blocks; numbered lines become headings, "- " lines
lists, tab-separated lines the one table, "**…**" strong emphasis. The table of contents of
the printed edition (with page numbers) is replaced by one built from the headings.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "guideline.ja.txt"
CHARTER_MARK = "網走市民憲章"

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


@cache
def guideline() -> dict:
    """{"title", "meta", "blocks", "toc"} for the guideline page (the charter is separate)."""
    text = DATA_FILE.read_text(encoding="utf-8")
    body = text[: text.index(CHARTER_MARK)].rsplit("\n", 2)[0]
    paragraphs = _paragraphs(body)
    title, issued, issuer = (p[0] for p in paragraphs[:3])
    start = next(i for i, p in enumerate(paragraphs) if p[0] == "目 次")
    # Skip the printed table of contents: it ends where the first chapter heading reappears.
    first_chapter = paragraphs[start + 1][0]
    resume = next(i for i in range(start + 2, len(paragraphs)) if paragraphs[i][0] == first_chapter)
    counter = [0]
    blocks = [_block(p, counter) for p in paragraphs[3:start] + paragraphs[resume:]]
    toc = [b for b in blocks if b.kind in ("h2", "h3")]
    return {"title": title, "meta": f"{issued} {issuer}", "blocks": blocks, "toc": toc}
