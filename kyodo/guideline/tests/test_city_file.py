"""The city file: loading, reloading, revising, refusing bad files, and the round trip."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from kyodo.core.city import current_municipality
from kyodo.core.models import Municipality
from kyodo.guideline.city.dump import city_data, city_dump
from kyodo.guideline.city.schema import CityFileError, read_city
from kyodo.guideline.models import (
    Checklist,
    ChecklistVersion,
    GuidelineText,
    ModelClause,
    Question,
)
from kyodo.guideline.selectors import current_version, model_clauses
from kyodo.guideline.services_city import city_load
from kyodo.guideline.tests.city_files import ABASHIRI, CITIES, EXAMPLE, line_with, load

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Everything a city file sets, to compare before and after."""
    city = Municipality.objects.first()
    return {
        "city": city and (city.name, city.code, city.guideline_name, city.charter_title),
        "versions": ChecklistVersion.objects.count(),
        "questions": Question.objects.count(),
        "text": list(GuidelineText.objects.values_list("title", "body")),
        "clauses": list(ModelClause.objects.values_list("form", "key", "text")),
        "checklists": list(Checklist.objects.values_list("key", "title", "sort_order")),
    }


def test_a_fresh_install_is_the_sample_file_without_the_municipality():
    """The data migrations load the sample city's checklists, text and clauses from its file;
    the municipality itself comes with `city_load` (or `make run`'s seed)."""
    expected = read_city(ABASHIRI.encode())
    fresh = city_data()
    for section in ("guideline", "checklists", "model_clauses"):
        assert fresh[section] == expected[section], section
    assert Municipality.objects.count() == 0


def test_the_sample_file_round_trips():
    report = load(ABASHIRI)
    assert report.new_versions == []  # the migration's version 1 is the file's
    assert read_city(city_dump().encode()) == read_city(ABASHIRI.encode())
    assert city_data()["municipality"]["code"] == "012114"


def test_the_example_city_round_trips_and_reloading_changes_nothing():
    first = load(EXAMPLE)
    assert len(first.new_versions) == 12
    before = snapshot()
    history = Municipality.history.count() + Question.history.count()
    again = load(EXAMPLE)
    assert again.new_versions == [] and len(again.unchanged) == 12
    assert snapshot() == before
    assert Municipality.history.count() + Question.history.count() == history
    assert read_city(city_dump().encode()) == read_city(EXAMPLE.encode())


def test_the_example_replaces_the_city_everywhere_it_is_named():
    load(ABASHIRI)
    load(EXAMPLE)
    city = current_municipality()
    assert (city.name, city.code, city.brand_colour) == ("（例）みなと市", "999997", "green-800")
    assert city.guideline_name == "（例）みなと市 協働推進ガイドライン"
    assert Municipality.objects.count() == 1
    assert GuidelineText.objects.get().title.startswith("（例）")
    assert [c.key for c in model_clauses("itaku")] == ["confidentiality", "personal-data"]
    assert model_clauses("koen") == []
    assert ModelClause.history.filter(history_type="-").exists()  # the old ones in history


def test_a_revised_file_adds_versions_only_where_changed_and_answers_keep_theirs():
    load(ABASHIRI)
    v1 = current_version("suitability")
    answered = list(v1.questions.order_by("order"))
    revised = ABASHIRI.replace(
        "市が責任を持って対応すべき事業ではないか。",
        "市が法令上の責任で行うべき事業ではないか。",
    ).replace('revision = "指針（平成29年2月）より"', 'revision = "令和8年改訂"')
    report = load(revised)
    assert report.new_versions == ["suitability v2"]
    v2 = current_version("suitability")
    assert v2.number == 2 and v2.note == "令和8年改訂"
    assert v2.questions.get(key="city-duty").text == "市が法令上の責任で行うべき事業ではないか。"
    assert v2.questions.get(key="city-duty").favours == "no"
    # Version 1 and its questions are untouched.
    assert [q.text for q in v1.questions.order_by("order")] == [q.text for q in answered]
    assert current_version("strengths").number == 1


def test_the_suitability_questions_say_which_answer_speaks_for_collaboration():
    favours = {q.key: q.favours for q in current_version("suitability").questions.all()}
    assert favours == {
        "shared-purpose": "yes",
        "shared-method": "yes",
        "city-duty": "no",  # 「市が責任を持って対応すべき事業ではないか」: yes speaks against
        "public-interest": "yes",
        "synergy": "yes",
        "group-strengths": "yes",
    }


def test_the_sample_city_has_model_clauses_for_each_form_the_brief_names():
    titles = {form: [c.title for c in model_clauses(form)] for form in ("itaku", "hojo", "koen")}
    assert titles["itaku"] == ["守秘義務", "個人情報の取扱い", "成果物の権利", "再委託"]
    assert titles["hojo"] == ["期間と自立", "実績報告"]
    assert titles["koen"] == ["目的", "役割", "経費", "有効期限"]
    assert [c.title for c in model_clauses("jigyo_kyoryoku")] == titles["koen"]


BAD = [
    pytest.param(
        lambda t: t.replace('prefecture = "北海道"\n', ""),
        ("municipality", "prefecture"),
        "[municipality]",
        "必須のキーがありません",
        id="missing-key",
    ),
    pytest.param(
        lambda t: t.replace('form = "hojo"\nkind = "form"', 'form = "kifu"\nkind = "form"'),
        ("checklists", 5, "form"),
        'form = "kifu"',
        "協働の形態「kifu」",
        id="unknown-form",
    ),
    pytest.param(
        lambda t: t.replace('key = "shared-method"', 'key = "shared-purpose"'),
        ("checklists", 0, "questions", 1, "key"),
        None,
        "2回あります",
        id="duplicate-question-key",
    ),
    pytest.param(
        lambda t: t.replace('code = "012114"', 'code = "012115"'),
        ("municipality", "code"),
        'code = "012115"',
        "検査数字",
        id="wrong-check-digit",
    ),
    pytest.param(
        lambda t: t.replace('brand_colour = "blue-900"', 'brand_colour = "yellow-300"'),
        ("municipality", "brand_colour"),
        'brand_colour = "yellow-300"',
        "コントラスト比",
        id="low-contrast-colour",
    ),
]


@pytest.mark.parametrize(("edit", "path", "fragment", "words"), BAD)
def test_a_bad_file_names_key_and_line_and_loads_nothing(edit, path, fragment, words):
    load(EXAMPLE)
    before = snapshot()
    text = edit(ABASHIRI)
    assert text != ABASHIRI
    with pytest.raises(CityFileError) as caught:
        load(text)
    problem = caught.value.problems[0]
    assert problem.path == path
    if fragment is None:  # the second of the two keys
        lines = [
            n for n, line in enumerate(text.splitlines(), 1) if 'key = "shared-purpose"' in line
        ]
        assert problem.line == lines[1]
    else:
        assert problem.line == line_with(text, fragment)
    assert words in problem.ja
    message = str(caught.value)
    assert f"{problem.line}行目" in message and f"line {problem.line}" in message
    assert ".".join(map(str, path)) in message
    assert snapshot() == before
    assert current_municipality().name == "（例）みなと市"


def test_shift_jis_is_refused_with_its_line():
    load(EXAMPLE)
    before = snapshot()
    raw = ABASHIRI.encode("shift_jis", errors="replace")
    with pytest.raises(CityFileError) as caught:
        city_load(actor=None, raw=raw)
    problem = caught.value.problems[0]
    assert "UTF-8" in problem.ja and "Shift_JIS" in problem.en
    assert problem.line == line_with(ABASHIRI, "網走市")  # the first non-ASCII line
    assert snapshot() == before


def test_a_value_the_database_refuses_rolls_everything_back():
    """The municipality is written first; a checklist title too long for its column comes
    later in the same transaction, so the municipality is left as it was too."""
    load(EXAMPLE)
    before = snapshot()
    text = ABASHIRI.replace('title = "市民団体の力量"', 'title = "' + "長" * 250 + '"')
    with pytest.raises(CityFileError) as caught:
        load(text)
    assert caught.value.problems[0].path[:2] == ("checklists", 11)
    assert snapshot() == before


def test_every_problem_is_reported_at_once_in_both_languages():
    text = ABASHIRI.replace('code = "012114"', 'code = "12"').replace('name = "網走市"\n', "")
    with pytest.raises(CityFileError) as caught:
        load(text)
    paths = [p.path for p in caught.value.problems]
    assert ("municipality", "name") in paths and ("municipality", "code") in paths
    assert "required key missing" in str(caught.value)


def test_toml_syntax_errors_name_their_line():
    text = ABASHIRI.replace('prefecture = "北海道"', "prefecture = 北海道")
    with pytest.raises(CityFileError) as caught:
        load(text)
    assert caught.value.problems[0].line == line_with(text, "prefecture = 北海道")


@pytest.mark.parametrize("persona", ["coordinator", "staff_a", "partner_member", "outsider"])
def test_only_the_administrator_or_the_system_loads_a_city(request, persona, administrator):
    with pytest.raises(PermissionDenied):
        city_load(actor=request.getfixturevalue(persona), raw=EXAMPLE.encode())
    city_load(actor=administrator, raw=EXAMPLE.encode())


def test_the_commands(capsys, tmp_path):
    call_command("city_load", str(CITIES / "example-minato.toml"))
    assert "（例）みなと市 (999997)" in capsys.readouterr().out
    call_command("city_dump")
    assert read_city(capsys.readouterr().out.encode()) == read_city(EXAMPLE.encode())
    bad = tmp_path / "bad.toml"
    bad.write_bytes(ABASHIRI.replace('code = "012114"', 'code = "012115"').encode())
    with pytest.raises(CommandError, match="検査数字"):
        call_command("city_load", str(bad))
