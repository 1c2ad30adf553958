"""Writing a city file: TOML in the plain style that `locate` follows (no library needed).

Only what the format uses: strings (multi-line ones as basic multi-line strings), integers,
lists of strings, tables and arrays of tables, in the schema's order.
"""

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return _CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def value(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, list):
        if not item:
            return "[]"
        return "[\n" + "".join(f"  {value(i)},\n" for i in item) + "]"
    if "\n" in item:
        return '"""\n' + _escape(item) + '\n"""'
    return '"' + _escape(item).replace("\t", "\\t") + '"'


def table(header: str, data: dict, keys, *, array: bool = False) -> str:
    """One table (or one element of an array of tables) with `keys` in order."""
    lines = [f"[[{header}]]" if array else f"[{header}]"]
    lines += [f"{key} = {value(data[key])}" for key in keys if key in data]
    return "\n".join(lines) + "\n"
