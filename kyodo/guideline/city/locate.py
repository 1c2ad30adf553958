"""Line numbers for a city file's keys and tables (tomllib reads values, not where they are).

The city file is written in TOML's plain style: `[table]`, `[[array.of.tables]]` and one
`key = value` per line (the dumper writes exactly that). This scanner follows those lines and
records where each key path starts, so that a schema error names its line:
("checklists", 2, "questions", 0, "key") → 57. Inline tables are not followed; an error
inside one names the line of the key that holds it.
"""

import re

_ARRAY_TABLE = re.compile(r"^\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE = re.compile(r"^\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def _resolve(parts: list[str], counters: dict) -> tuple:
    """The path of a header: each array of tables on the way is its last element so far."""
    path: tuple = ()
    for part in parts:
        path += (part,)
        if path in counters:
            path += (counters[path] - 1,)
    return path


def locate(text: str) -> dict[tuple, int]:
    lines: dict[tuple, int] = {}
    counters: dict[tuple, int] = {}
    current: tuple = ()
    open_quote = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        stripped = line.strip()
        if match := _ARRAY_TABLE.match(stripped):
            *parents, name = match[1].split(".")
            array = (*_resolve(parents, counters), name)
            counters[array] = counters.get(array, 0) + 1
            current = (*array, counters[array] - 1)
            lines.setdefault(array, number)
            lines[current] = number
        elif match := _TABLE.match(stripped):
            current = _resolve(match[1].split("."), counters)
            lines[current] = number
        elif match := _KEY.match(line):
            lines[(*current, match[1])] = number
            rest = line[match.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    open_quote = quote
                    break
    return lines


def line_of(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of `path`, or of the nearest enclosing key or table that has one."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
