from django import template

from kyodo.core.kept_rows import rendered_rows

register = template.Library()

ROW_TEMPLATE = "partners/_row.html"


def row_inputs(partner) -> tuple:
    """Everything partners/_row.html reads of a row of the staff list (partner_page)."""
    return (
        str(partner.pk),
        partner.name,
        partner.name_kana,
        str(partner.partner_type),
        tuple(partner.field_names),
        partner.area_served,
        tuple(getattr(partner, "matched_terms", None) or ()),
    )


@register.filter
def partner_rows(partners, searching) -> list:
    """The rows of the staff partner list, each kept under what it shows (core.kept_rows);
    `searching` adds the column of matched words."""

    def inputs(partner) -> tuple:
        return (bool(searching), *row_inputs(partner))

    return rendered_rows(partners, ROW_TEMPLATE, inputs, "partner", {"searching": searching})
