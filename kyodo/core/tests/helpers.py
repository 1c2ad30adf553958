"""Helpers shared by the tests of several apps."""

from django.forms import MultiWidget


def admin_form_data(response) -> dict:
    """What an admin change page (the GET `response`) would post if saved unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += inline.formset.forms
        data.update(_bound_values(inline.formset.management_form))
    for form in forms:
        data.update(_bound_values(form))
    return data


def _bound_values(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        key, value = form.add_prefix(name), form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{key}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is True:
            data[key] = "on"
        elif value not in (None, False):
            data[key] = str(value)
    return data


# --- Real files for upload tests: the upload check opens them (kyodo/core/uploads.py) ---------


def sample_pdf(text: str = "Kyodo") -> bytes:
    """A one-page PDF made by reportlab."""
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    page = canvas.Canvas(buffer, invariant=True)  # the same bytes every time
    page.drawString(72, 720, text)
    page.showPage()
    page.save()
    return buffer.getvalue()


def sample_png() -> bytes:
    """A 1×1 white PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def sample_jpeg() -> bytes:
    """The start and end markers of a JPEG around a minimal header (what the check reads)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"


def sample_docx(text: str = "Kyodo") -> bytes:
    from io import BytesIO

    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample_xlsx() -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Kyodo"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
