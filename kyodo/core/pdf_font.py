"""The Japanese font our PDFs embed: IPAexGothic, shipped inside the japanize-matplotlib package.

ReportLab's built-in CID fonts (HeiseiMin, HeiseiKakuGo) are not embedded: a reader without
them substitutes whatever it has, so the city's agreement could print differently at the
partner's office, or not at all on a machine without Japanese fonts. A TrueType font registered
with ReportLab is embedded as a subset of the glyphs used. The IPA Font License allows embedding
in documents. Only the file is read: importing japanize_matplotlib would import matplotlib.
"""

import importlib.util
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "IPAexGothic"


def font_path() -> Path:
    spec = importlib.util.find_spec("japanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("japanize-matplotlib is not installed: `pip install -e .`")
    return Path(spec.submodule_search_locations[0]) / "fonts" / "ipaexg.ttf"


@cache
def japanese_font() -> str:
    """Register the font once per process (parsing the 6 MB file takes a moment) and name it."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path())))
    return FONT_NAME
