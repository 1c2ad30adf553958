"""One normalising step for every text field (issue 12.6): forms, query strings, exports.

Fails on the code before it: no text field cleaned control characters or line ends, a lone
surrogate reached the database, and `/partners/export/` answered 500 on a stored \\x0b.
"""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kyodo.core.exports import safe_cell
from kyodo.core.middleware import CleanQueryStringMiddleware
from kyodo.core.normalize import clean_text, printable_text

# Every code point, surrogates and control characters included.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)


def test_clean_text_keeps_tab_and_newline_and_folds_line_ends():
    assert clean_text("a\tb\r\nc\rd\ne") == "a\tb\nc\nd\ne"
    assert clean_text("縦\x0bタブ\x00\x1b[31m\x7f\x85\x9f") == "縦タブ[31m\n"


def test_clean_text_refuses_a_lone_surrogate():
    with pytest.raises(ValidationError) as raised:
        clean_text("半分\ud800")
    assert raised.value.code == "surrogate"


@given(ANY_TEXT)
def test_printable_text_never_raises_and_encodes(value):
    cleaned = printable_text(value)
    cleaned.encode("utf-8")
    assert "\r" not in cleaned and "\x0b" not in cleaned


@given(ANY_TEXT)
def test_safe_cell_never_starts_a_formula(value):
    cell = safe_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    "field",
    [
        forms.CharField(),
        forms.CharField(widget=forms.Textarea),
        forms.SlugField(),
        forms.EmailField(),
        forms.URLField(assume_scheme="https"),
    ],
    ids=lambda field: type(field).__name__,
)
def test_every_django_text_field_cleans(field):
    with pytest.raises(ValidationError):
        field.clean("a\ud800")
    if isinstance(field, forms.EmailField | forms.URLField | forms.SlugField):
        return
    assert field.clean(" 一\r\n二\x0b三 ") == "一\n二三"


def test_query_strings_reach_views_cleaned():
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    request = RequestFactory().get("/api/events/?q=%0B%E7%B6%B2%E8%B5%B0%1F&tag=a&tag=b%0Dc")
    CleanQueryStringMiddleware(view)(request)
    assert seen == {"q": ["網走"], "tag": ["a", "b\nc"]}


# --- Every form of every app, filled with arbitrary Unicode ----------------------------------

KWARGS = {
    "questions": [],
    "strengths": [],
    "criteria": [],
    "indicators": [],
    "budget_lines": [],
    "answers": None,
    "types": {},
    "fields_by_name": {},
}


def _project_forms():
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("kyodo."):
            continue
        for module_name in (f"{config.name}.forms", f"{config.name}.transfer"):
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError:
                continue
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    found.append(cls)
    return found


def _build(cls, data, user):
    params = inspect.signature(cls.__init__).parameters
    kwargs = {}
    for name, param in params.items():
        if param.kind is param.KEYWORD_ONLY and param.default is param.empty:
            if name == "user":
                kwargs[name] = user
            elif name in KWARGS:
                kwargs[name] = KWARGS[name]
            else:
                return None  # needs a record (a project, a call): covered by its app's tests
    if "request" in params:
        kwargs["request"] = RequestFactory().post("/accounts/login/")
    form = cls(data=data, **kwargs)
    for name, field in list(form.fields.items()):
        if isinstance(field, forms.ModelChoiceField) and field.queryset is None:
            del form.fields[name]  # its view sets the choices; not a text field
    return form


FORMS = _project_forms()


def test_the_forms_of_every_app_are_found():
    modules = {cls.__module__ for cls in FORMS}
    assert {"kyodo.partners.forms", "kyodo.portal.forms", "kyodo.cycles.forms"} <= modules
    assert len(FORMS) >= 30


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=ANY_TEXT)
def test_every_form_accepts_or_refuses_arbitrary_text(text, administrator):
    built = 0
    for cls in FORMS:
        probe = _build(cls, {}, administrator)
        if probe is None:
            continue
        data = {probe.add_prefix(name): text for name in probe.fields}
        form = _build(cls, data, administrator)
        built += 1
        if form.is_valid():
            for value in form.cleaned_data.values():
                if isinstance(value, str):
                    assert clean_text(value) == value
        else:
            assert all(str(message) for errors in form.errors.values() for message in errors)
    assert built >= 25


# --- Feeds never fail on stored text ---------------------------------------------------------


@pytest.mark.django_db
def test_news_feed_survives_a_stored_control_character(client):
    from kyodo.portal.tests.factories import NewsFactory

    NewsFactory(title="縦\x0bタブ", body="本文\x0bです\x1b")
    response = client.get("/portal/news/feed.atom")
    assert response.status_code == 200
    assert "縦タブ".encode() in response.content
