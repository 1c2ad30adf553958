"""The brand colour a city may choose: a Digital Agency primitive colour white text can sit on.

The colours are read from the design tokens we serve (static/vendor/digital-go-jp/tokens.css),
so the choice is always one the stylesheet can name. White text on the colour must reach the
contrast ratio 4.5:1 of WCAG 2.2 (1.4.3), because the header's navigation and the buttons put
white text on it.
"""

import re
from functools import cache
from pathlib import Path

TOKENS = Path(__file__).resolve().parent.parent / "static/vendor/digital-go-jp/tokens.css"
_PRIMITIVE = re.compile(r"--color-primitive-([a-z]+-\d+):\s*#([0-9a-fA-F]{6})")
MIN_CONTRAST = 4.5


@cache
def primitive_colours() -> dict[str, str]:
    """{"blue-900": "#0031d8", …} from the tokens file."""
    text = TOKENS.read_text(encoding="utf-8")
    return {name: f"#{value.lower()}" for name, value in _PRIMITIVE.findall(text)}


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def brand_colours() -> list[str]:
    """The primitive colours white text is readable on, in the tokens' order."""
    return [
        name
        for name, value in primitive_colours().items()
        if contrast_with_white(value) >= MIN_CONTRAST
    ]
