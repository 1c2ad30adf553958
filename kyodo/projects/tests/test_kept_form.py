"""The list filters' forms kept under what they show (core.kept_rows.rendered_form): another
address with the same filters reuses the rendering, and nothing it shows is ever stale."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from kyodo.accounts.models import Department
from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.core import kept_rows, records_version
from kyodo.partners.models import PartnerType
from kyodo.projects.forms import ProjectFilterForm

pytestmark = pytest.mark.django_db

LIST = reverse("projects:list")


def _form(client, query):
    """The filter form of the project list at a new address (the list's body is not kept)."""
    _form.n = getattr(_form, "n", 0) + 1
    html = client.get(f"{LIST}?n={_form.n}&{query}").content.decode()
    return re.search(r'<form class="form filter-form".*?</form>', html, re.S).group()


def test_a_renamed_or_added_department_shows_at_once(persona_client, department_a):
    client = persona_client("coordinator")
    assert department_a.name in _form(client, "")
    # The choices are kept until a record changes (core.forms._ListedChoices): a rename
    # saved, or one written without signals that says so (records_version.touch), shows.
    department_a.name = "新しい課名"
    department_a.save()
    assert "新しい課名" in _form(client, "") and "増えた課" not in _form(client, "")
    Department.objects.filter(pk=department_a.pk).update(name="また変えた課名")
    records_version.touch()
    assert "また変えた課名" in _form(client, "") and "新しい課名" not in _form(client, "")
    DepartmentFactory(name="増えた課")
    assert "増えた課" in _form(client, "")


def test_the_choices_are_read_once_while_nothing_changes(persona_client, department_a):
    client = persona_client("coordinator")
    _form(client, "")
    with CaptureQueriesContext(connection) as captured:
        html = _form(client, "q=除雪")
    assert department_a.name in html
    assert not any("accounts_department" in q["sql"] for q in captured.captured_queries)


def test_the_values_sent_and_their_errors_show(persona_client, department_a):
    client = persona_client("coordinator")
    chosen = _form(client, f"q=防災&department={department_a.pk}")
    assert 'value="防災"' in chosen
    assert f'<option value="{department_a.pk}" selected>' in chosen
    other = _form(client, "q=除雪")
    assert 'value="除雪"' in other and 'value="防災"' not in other
    assert f'<option value="{department_a.pk}">' in other
    assert 'aria-invalid="true"' in _form(client, "fiscal_year=abc")
    assert 'aria-invalid="true"' not in _form(client, "fiscal_year=")


def test_each_language_has_its_own(persona_client, department_a):
    client = persona_client("coordinator")
    japanese = _form(client, "")
    client.cookies["django_language"] = "en"
    english = _form(client, "")
    assert "担当課" in japanese and "Department in charge" in english
    assert "Department in charge" not in japanese


def test_a_form_is_rendered_once_for_the_same_filters(department_a, monkeypatch):
    renders = []
    render = ProjectFilterForm.render
    monkeypatch.setattr(
        ProjectFilterForm, "__str__", lambda self: renders.append(1) or render(self)
    )
    first = kept_rows.rendered_form(ProjectFilterForm({"q": "防災"}))
    assert kept_rows.rendered_form(ProjectFilterForm({"q": "防災"})) == first
    kept_rows.rendered_form(ProjectFilterForm({"q": "除雪"}))
    assert len(renders) == 2
    with override_settings(WORK_CACHE_SECONDS=0):
        assert kept_rows.rendered_form(ProjectFilterForm({"q": "防災"})) == first
    assert len(renders) == 3  # turned off: rendered every time


def test_the_partner_filter_shows_a_new_type_at_once(persona_client):
    client = persona_client("coordinator")
    client.get(reverse("partners:list"))
    PartnerType.objects.create(name="新しい種別")
    assert "新しい種別" in client.get(reverse("partners:list") + "?n=1").content.decode()


def test_an_error_a_view_adds_is_part_of_the_key(department_a):
    kept_rows.rendered_form(ProjectFilterForm({"q": "防災"}))
    form = ProjectFilterForm({"q": "防災"})
    form.add_error("q", "ビューが加えた誤り")
    assert "ビューが加えた誤り" in kept_rows.rendered_form(form)


def test_only_a_table_read_as_it_is_shares_its_kept_choices(department_a):
    """The kept choices are keyed by the model and the order: a queryset that leaves columns
    out (or joins, or filters) is read for itself, never served the whole table's rows. (The
    choices are iterated, not passed to list(), which would count them first.)"""
    from django import forms

    from kyodo.core.forms import ShortModelChoiceField

    class Whole(forms.Form):
        department = ShortModelChoiceField(queryset=Department.objects.all(), required=False)

    class NamesOnly(forms.Form):
        department = ShortModelChoiceField(
            queryset=Department.objects.only("bureau", "name"), required=False
        )

    [choice for choice in Whole().fields["department"].choices]
    with CaptureQueriesContext(connection) as captured:
        [choice for choice in Whole().fields["department"].choices]
    assert captured.captured_queries == []
    with CaptureQueriesContext(connection) as captured:
        choices = [choice for choice in NamesOnly().fields["department"].choices]
    assert len(captured.captured_queries) == 1
    assert [str(label) for _value, label in choices[1:]] == [str(department_a)]
