"""The guideline's checklists: the city's wording loaded as data, versions, and who may edit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kyodo.core import records_version
from kyodo.guideline.models import Checklist, CollaborationForm
from kyodo.guideline.selectors import checklists_with_current_versions, current_version
from kyodo.guideline.services import checklist_revise

pytestmark = pytest.mark.django_db

GUIDELINE = "/work/shared/guideline/abashiri-kyodo-guideline.ja.txt"


def texts(key):
    return [q.text for q in current_version(key).questions.order_by("order")]


def test_the_six_suitability_questions_and_four_strengths():
    assert texts("suitability") == [
        "市の課題と市民団体の活動で共通な目的があるか。",
        "目的があるとなれば、その団体はどのような方法で進めているか。その方法は市と共有できるか。",
        "市が責任を持って対応すべき事業ではないか。",
        "企画提案する事業には、公共性、公益性があるか。",
        "それぞれの特性が活かされ、単独で実施するよりも効果的なサービスが提供できると考えられるか。",
        "市民団体の特性の発揮が期待できる事業か。",
    ]
    assert texts("strengths") == [
        "多様なサービスの提供",
        "課題に対する創造的で先駆的な取り組み",
        "柔軟で機敏な対応",
        "ニーズに沿った専門的なかわり",
    ]


def test_every_form_has_its_checkpoints_and_explanation():
    counts = {
        value: len(texts(CollaborationForm.checklist_key(value)))
        for value in CollaborationForm.values
    }
    assert counts == {
        "itaku": 11,
        "kyosai": 4,
        "jikko_iinkai": 4,
        "hojo": 4,
        "jigyo_kyoryoku": 3,
        "koen": 3,
        "kyogikai": 1,
        "other": 2,
    }
    itaku = Checklist.objects.get(key="form-itaku")
    assert itaku.description.startswith("市が行う事務や事業を他の主体に委ねる活動のこと。")
    assert "守秘義務、個人情報取り扱い等" in texts("form-itaku")[8]
    assert Checklist.objects.get(key="form-koen").description.startswith("「後援」は、")


def test_the_five_verification_areas_and_four_capability_criteria():
    version = current_version("verification")
    areas = list(dict.fromkeys(q.group for q in version.questions.order_by("order")))
    assert areas == [
        "目的設定の妥当性",
        "協働の妥当性",
        "協働形態の妥当性",
        "協働相手の妥当性",
        "事業成果の把握",
    ]
    assert "適切な形態だったのか" in texts("verification")
    assert texts("capability") == [
        "活動内容、活動実績",
        "事業の遂行能力",
        "事業目的を達成するための適性や企画力",
        "組織体制、組織運営(財政状況等)",
    ]


def test_every_loaded_question_is_word_for_word_in_the_guideline():
    with open(GUIDELINE, encoding="utf-8") as source:
        guideline = source.read().replace("**", "")
    for checklist in checklists_with_current_versions():
        assert checklist.description.split("\n\n")[0] in guideline
        for question in checklist.current.questions.all():
            assert question.text in guideline, question.text


def test_revising_makes_a_new_version_and_keeps_the_old(coordinator):
    checklist = Checklist.objects.get(key="capability")
    old = current_version("capability")
    version = checklist_revise(
        actor=coordinator,
        checklist=checklist,
        questions=[{"text": "活動内容、活動実績"}, {"text": "新しい基準", "help_text": "補足"}, {}],
        note="審議会の意見を受けて",
    )
    assert version.number == 2
    assert texts("capability") == ["活動内容、活動実績", "新しい基準"]
    assert old.questions.count() == 4
    with pytest.raises(ValidationError):
        checklist_revise(actor=coordinator, checklist=checklist, questions=[{"text": " "}])


@pytest.mark.parametrize(
    "persona", ["administrator", "staff_a", "partner_member", "evaluator", "outsider"]
)
def test_only_a_coordinator_revises(request, persona):
    with pytest.raises(PermissionDenied):
        checklist_revise(
            actor=request.getfixturevalue(persona),
            checklist=Checklist.objects.get(key="capability"),
            questions=[{"text": "x"}],
        )


PAGES = [
    ("guideline:list", {}),
    ("guideline:detail", {"key": "form-itaku"}),
    ("guideline:revise", {"key": "form-itaku"}),
]
READ = {"coordinator": 200, "staff_a": 200, "staff_b": 200}


@pytest.mark.parametrize(("url_name", "kwargs"), PAGES)
@pytest.mark.parametrize(
    "persona",
    [
        "administrator",
        "coordinator",
        "staff_a",
        "partner_member",
        "evaluator",
        "outsider",
        "anonymous",
    ],
)
def test_pages_per_persona(persona_client, url_name, kwargs, persona):
    response = persona_client(persona).get(reverse(url_name, kwargs=kwargs))
    if persona == "anonymous":
        assert response.status_code == 302
    elif url_name == "guideline:revise":
        assert response.status_code == (200 if persona == "coordinator" else 403)
    else:
        assert response.status_code == READ.get(persona, 403)


def test_unknown_checklist_is_404(persona_client):
    assert persona_client("staff_a").get("/guideline/no-such/").status_code == 404


def test_coordinator_revises_through_the_page(persona_client):
    client = persona_client("coordinator")
    url = reverse("guideline:revise", kwargs={"key": "form-kyogikai"})
    data = {
        "note": "文言の整理",
        "q-TOTAL_FORMS": "2",
        "q-INITIAL_FORMS": "1",
        "q-MIN_NUM_FORMS": "0",
        "q-MAX_NUM_FORMS": "1000",
        "q-0-text": "会議が形骸化しないように、実効性のある結論を出す。",
        "q-1-text": "会議の公開と議事録の公表",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    page = client.get(reverse("guideline:detail", kwargs={"key": "form-kyogikai"}))
    assert "会議の公開と議事録の公表" in page.content.decode()
    old = client.get(reverse("guideline:detail", kwargs={"key": "form-kyogikai"}) + "?version=1")
    assert "実効性のある結論を出すことに市も委員も" in old.content.decode()


def test_a_missing_note_is_refused_and_the_input_kept(persona_client):
    client = persona_client("coordinator")
    url = reverse("guideline:revise", kwargs={"key": "form-kyogikai"})
    response = client.post(
        url,
        {
            "note": "",
            "q-TOTAL_FORMS": "1",
            "q-INITIAL_FORMS": "1",
            "q-MIN_NUM_FORMS": "0",
            "q-MAX_NUM_FORMS": "1000",
            "q-0-text": "入力した問い",
        },
    )
    assert response.status_code == 200
    assert "入力した問い" in response.content.decode()


def test_list_queries_do_not_grow(persona_client, coordinator, django_assert_num_queries):
    # 7: the session, the user, groups, the checklists, their versions and questions, the
    # model clauses, and one permission check (the city is kept: kyodo.core.city). Each
    # measured as after a change of records, as the second is: the roles are read again then
    # (accounts.models.User.role_names).
    client = persona_client("coordinator")
    client.get(reverse("guideline:list"))
    records_version.touch()
    with django_assert_num_queries(7):
        client.get(reverse("guideline:list"))
    for checklist in Checklist.objects.all()[:5]:
        checklist_revise(actor=None, checklist=checklist, questions=[{"text": "a"}, {"text": "b"}])
    with django_assert_num_queries(7):
        client.get(reverse("guideline:list"))
