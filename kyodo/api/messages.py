"""The messages of every error the API answers (django-ninja's and pydantic's are English only).

`parameter_message` turns one pydantic error of a query or path parameter into a sentence for
people in the request's language (Japanese first, English when chosen), naming the parameter
as a person calls it (「年度」, not `fiscal_year`); `NOT_ALLOWED` and `NOT_FOUND` are the bodies
of a 405 and of an unknown address.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

INVALID = gettext_lazy("A parameter is not in the right form.")
NOT_FOUND = "見つかりません。"
NOT_ALLOWED = "この API は読み取り専用です。GET で呼び出してください。"

# What people call each parameter of the API's addresses (query and path).
LABELS = {
    "page": gettext_lazy("page number"),
    "per_page": gettext_lazy("items per page"),
    "fiscal_year": gettext_lazy("fiscal year"),
    "date_from": gettext_lazy("from date"),
    "date_to": gettext_lazy("to date"),
    "project": gettext_lazy("project ID"),
    "state": gettext_lazy("call state"),
    "status": gettext_lazy("project status"),
    "field": gettext_lazy("field of activity"),
}

_WHOLE_NUMBER = gettext_lazy("“%(label)s” must be a whole number.")
_DATE = gettext_lazy("“%(label)s” must be a real date written YYYY-MM-DD (e.g. 2026-04-01).")
_UUID = gettext_lazy("“%(label)s” must be an ID in UUID form.")
_CHOICE = gettext_lazy("“%(label)s” must be one of: %(expected)s.")
_BY_TYPE = {
    "missing": gettext_lazy("“%(label)s” is required."),
    "int_parsing": _WHOLE_NUMBER,
    "int_type": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "float_parsing": gettext_lazy("“%(label)s” must be a number."),
    "decimal_parsing": gettext_lazy("“%(label)s” must be a number."),
    "greater_than_equal": gettext_lazy("“%(label)s” must be %(ge)s or more."),
    "greater_than": gettext_lazy("“%(label)s” must be more than %(gt)s."),
    "less_than_equal": gettext_lazy("“%(label)s” must be %(le)s or less."),
    "less_than": gettext_lazy("“%(label)s” must be less than %(lt)s."),
    "uuid_parsing": _UUID,
    "uuid_type": _UUID,
    "literal_error": _CHOICE,
    "enum": _CHOICE,
    "string_too_long": gettext_lazy("“%(label)s” must be at most %(max_length)s characters."),
    "string_too_short": gettext_lazy("“%(label)s” must be at least %(min_length)s characters."),
    "string_type": gettext_lazy("“%(label)s” must be text."),
    "bool_parsing": gettext_lazy("“%(label)s” must be true or false."),
    "extra_forbidden": gettext_lazy("“%(label)s” cannot be used here."),
    **dict.fromkeys(
        (
            "iso_date",
            "date_parsing",
            "date_type",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
        ),
        _DATE,
    ),
}
_NOT_VALID = gettext_lazy("“%(label)s” is not valid.")


def label(name: str) -> str:
    """The parameter as people call it; an id in the path is 「ID」."""
    if name in LABELS:
        return str(LABELS[name])
    return _("ID") if name.endswith("_id") else name


def _listed(text: str) -> str:
    """pydantic's "'all', 'open' or 'published'" as 「all、open、published」 in Japanese."""
    choices = text.replace("'", "").replace(" or ", ", ").split(", ")
    return pgettext("list separator", ", ").join(choices)


def parameter_message(error: dict) -> str:
    """The sentence for one pydantic error (ninja keeps its `type`, `loc` and `ctx`)."""
    loc = error.get("loc") or ["", ""]
    context = {k: _listed(str(v)) for k, v in (error.get("ctx") or {}).items()}
    context["label"] = label(str(loc[-1]))
    template = _BY_TYPE.get(error.get("type", ""), _NOT_VALID)
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(_NOT_VALID) % context
