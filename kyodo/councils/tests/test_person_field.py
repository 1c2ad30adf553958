"""The existing person (既存の人) typed with suggestions, not a <select> of every person: the
suggestions tell people of one name apart, the server refuses an unknown or ambiguous value
and keeps what was typed, and the page does not grow with the number of people."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.councils.forms import MemberForm
from kyodo.councils.models import Person
from kyodo.councils.person_field import PersonChoiceField, person_key
from kyodo.councils.tests.factories import appoint, make_council
from kyodo.councils.tests.test_views import member_post

pytestmark = pytest.mark.django_db
SUGGESTIONS = 30  # NamedChoiceField's default limit


def _person_input(html: str) -> str:
    return re.search(r'<input[^>]*name="person"[^>]*>', html).group(0)


def _suggestions(html: str) -> list[str]:
    datalist = re.search(r'<datalist id="id_person_list">(.*?)</datalist>', html)
    return re.findall(r'<option value="([^"]*)">', datalist.group(1)) if datalist else []


@pytest.fixture
def homonyms(world, department_a):
    """Two people named 佐藤太郎 (one reading, two councils), and one 佐藤次郎."""
    landscape = make_council(department_a, name="景観審議会")
    welfare = make_council(department_a, name="福祉協議会")
    first = appoint(landscape, "佐藤太郎", name_kana="サトウタロウ").person
    second = appoint(welfare, "佐藤太郎", name_kana="サトウタロウ").person
    appoint(welfare, "佐藤次郎", name_kana="サトウジロウ")
    return first, second


def _post(client, council, **fields):
    data = member_post(name="", name_kana="", **fields)
    return client.post(reverse("councils:member_add", args=[council.pk]), data)


def test_each_suggestion_tells_people_of_one_name_apart(client, staff_a, world, homonyms):
    first, second = homonyms
    client.force_login(staff_a)
    response = _post(client, world["council"], person="さとうたろう")  # a reading, in hiragana
    html = response.content.decode()
    assert response.status_code == 200
    assert "「さとうたろう」という名前の人は登録されていません" in html
    assert 'value="さとうたろう"' in _person_input(html)  # what was typed is kept
    assert set(_suggestions(html)) == {
        f"佐藤太郎（サトウタロウ） 景観審議会 [{person_key(first.pk)}]",
        f"佐藤太郎（サトウタロウ） 福祉協議会 [{person_key(second.pk)}]",
    }


def test_a_chosen_suggestion_appoints_that_person(client, staff_a, world, homonyms):
    _first, second = homonyms
    client.force_login(staff_a)
    council = world["council"]
    label = PersonChoiceField().label_for(second)
    assert label == f"佐藤太郎（サトウタロウ） 福祉協議会 [{person_key(second.pk)}]"
    people = Person.objects.count()
    response = _post(client, council, person=label)
    assert response.status_code == 302
    assert council.terms.get(person__name="佐藤太郎").person == second
    assert Person.objects.count() == people  # nobody registered twice


def test_a_name_shared_by_two_people_is_refused(client, staff_a, world, homonyms):
    client.force_login(staff_a)
    council = world["council"]
    response = _post(client, council, person="佐藤太郎")
    html = response.content.decode()
    assert response.status_code == 200
    assert "「佐藤太郎」という名前の人が複数います。候補から選んでください" in html
    assert 'value="佐藤太郎"' in _person_input(html)
    assert len(_suggestions(html)) == 2
    assert not council.terms.filter(person__name="佐藤太郎").exists()


def test_a_name_only_one_person_has_is_enough(client, staff_a, world, homonyms):
    client.force_login(staff_a)
    council = world["council"]
    response = _post(client, council, person=" 佐藤次郎 ")
    assert response.status_code == 302
    assert council.terms.get(person__name="佐藤次郎").person.name_kana == "サトウジロウ"


def test_full_width_and_half_width_variants_are_folded(world, homonyms):
    first, _second = homonyms
    key = person_key(first.pk)
    wide_key = key.translate(str.maketrans("0123456789abcdef", "０１２３４５６７８９ａｂｃｄｅｆ"))
    for typed in (
        f"佐藤太郎（ｻﾄｳﾀﾛｳ） 景観審議会 ［{wide_key}］",  # half-width reading, wide key
        f"  佐藤太郎 [{key.upper()}]  ",
        f"佐藤太郎(サトウタロウ)　景観審議会　[ {key} ]",
    ):
        assert PersonChoiceField().clean(typed) == first, typed


@pytest.mark.parametrize(
    "typed,message",
    [
        ("佐藤三郎", "「佐藤三郎」という名前の人は登録されていません"),
        ("佐藤次郎 [{key}]", "「佐藤次郎」という名前の人は登録されていません"),  # not its key
        ("佐藤太郎 [00000000]", "「佐藤太郎」という名前の人は登録されていません"),
        ("佐藤太郎", "「佐藤太郎」という名前の人が複数います。候補から選んでください"),
    ],
)
def test_bad_values_on_the_form(world, homonyms, typed, message):
    typed = typed.format(key=person_key(homonyms[0].pk))
    form = MemberForm(member_post(person=typed, name=""))
    assert not form.is_valid()
    assert message in " ".join(form.errors["person"])
    assert form["person"].value() == typed


def test_the_service_appoints_the_person_the_field_found(world, homonyms):
    first, _second = homonyms
    council = world["council"]
    form = MemberForm(member_post(person=PersonChoiceField().label_for(first), name=""))
    assert form.is_valid(), form.errors
    term = appoint(council, person=form.cleaned_data["person"])
    assert term.person == first
    assert first.terms.count() == 2


def _form_page(client, council) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("councils:member_add", args=[council.pk])).content.decode()
    return html, len(captured.captured_queries)


def test_the_page_does_not_grow_with_the_people(client, staff_a, world):
    """200 people, then 400: at most 30 suggestions, the same size and the same queries."""
    council = make_council(name="人の多い協議会", seats=1000)
    client.force_login(staff_a)
    _form_page(client, world["council"])  # the city is read once, then kept (kyodo.core.city)
    sizes, queries = [], []
    for batch in (range(200), range(200, 400)):
        for n in batch:
            appoint(council, f"委員{n:04d}", name_kana=f"イイン{n:04d}")
        html, count = _form_page(client, world["council"])
        assert '<select name="person"' not in html
        assert "<select" not in _person_input(html)
        assert len(_suggestions(html)) == SUGGESTIONS
        sizes.append(len(html.encode()))
        queries.append(count)
    # A <select> of every person would add about 60 bytes a person (12 kB for 200 more).
    assert abs(sizes[1] - sizes[0]) < 200, sizes
    assert queries[0] == queries[1], queries
