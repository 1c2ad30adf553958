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
