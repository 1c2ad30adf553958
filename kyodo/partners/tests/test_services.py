import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kyodo.core.search.index import search
from kyodo.core.search.registry import STAFF
from kyodo.partners import services
from kyodo.partners.forms import PartnerForm
from kyodo.partners.models import ActivityField, Partner, PartnerType
from kyodo.partners.tests.factories import PartnerFactory, activity_field, partner_type

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "partner_type": str(partner_type().pk),
        "name": "網走防災の会",
        "representative": "網走 花子",
    }
    data.update(overrides)
    return data


def test_types_and_fields_are_seeded_by_migration():
    types = set(PartnerType.objects.values_list("name", flat=True))
    assert {"市民", "NPO法人", "町内会", "老人クラブ", "大学", "その他"} <= types
    fields = set(ActivityField.objects.values_list("name", flat=True))
    assert {"福祉", "環境", "防災", "防犯", "子育て", "国際交流", "まちづくり"} <= fields


@pytest.mark.parametrize("persona", ["coordinator", "staff_a"])
def test_city_side_creates_a_partner(request, persona):
    actor = request.getfixturevalue(persona)
    partner = services.partner_create(
        actor=actor,
        data={"partner_type": partner_type(), "name": "網走防災の会", "activity": "防災訓練"},
        fields=[activity_field("防災")],
    )
    assert [f.name for f in partner.fields.all()] == ["防災"]
    assert partner.history.first().history_user == actor
    assert search(Partner.objects.all(), "防災訓練")[0].object_id == partner.pk


@pytest.mark.parametrize("persona", ["administrator", "partner_member", "evaluator", "outsider"])
def test_others_cannot_create(request, persona):
    with pytest.raises(PermissionDenied):
        services.partner_create(
            actor=request.getfixturevalue(persona),
            data={"partner_type": partner_type(), "name": "x"},
        )


def test_update_checks_the_model_rules(coordinator):
    partner = PartnerFactory()
    with pytest.raises(ValidationError):
        services.partner_update(actor=coordinator, partner=partner, data={"name": ""})


def test_taxonomy_only_for_coordinators(coordinator, staff_a):
    added = services.partner_type_save(actor=coordinator, name=" 協議会 ", sort_order=5)
    assert added.name == "協議会"
    services.activity_field_save(
        actor=coordinator, name="雪対策", activity_field=activity_field("除雪"), sort_order=3
    )
    assert ActivityField.objects.filter(name="雪対策").exists()
    with pytest.raises(PermissionDenied):
        services.partner_type_save(actor=staff_a, name="勝手な種別")
    with pytest.raises(ValidationError):
        services.partner_type_save(actor=coordinator, name="町内会")  # already exists


def test_membership_by_coordinator_only(coordinator, staff_a, partner_member):
    partner = PartnerFactory()
    with pytest.raises(PermissionDenied):
        services.partner_membership_add(actor=staff_a, partner=partner, user=partner_member)
    membership = services.partner_membership_add(
        actor=coordinator, partner=partner, user=partner_member
    )
    assert partner_member.has_perm("partners.change_partner", partner)
    services.partner_membership_remove(actor=coordinator, membership=membership)
    partner_member.__dict__.pop("_partner_ids", None)
    assert not partner_member.has_perm("partners.change_partner", partner)


def test_index_refresh_for_the_projects_app(department_a):
    from kyodo.projects.models import Participation, Project

    partner = PartnerFactory()
    project = Project.objects.create(title="流氷まつりの協働運営", department=department_a)
    Participation.objects.create(project=project, partner=partner)
    services.partner_index_refresh(partner=partner)
    assert search(Partner.objects.all(), "流氷", audience=STAFF)[0].object_id == partner.pk
    # The project is not public: the public search cannot tell that the partner takes part.
    assert search(Partner.objects.all(), "流氷") == []


# --- The form: bad input gives a message naming the field ----------------------------------


def test_form_normalises_japanese_input():
    form = PartnerForm(
        form_data(
            name_kana="あばしりぼうさいのかい",
            postal_code="〒０９３ー８５５５",
            contact_phone="０１５２（４４）６１１１",
            member_count="２０",
        )
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name_kana"] == "アバシリボウサイノカイ"
    assert form.cleaned_data["postal_code"] == "093-8555"
    assert form.cleaned_data["contact_phone"] == "0152-44-6111"
    assert form.cleaned_data["member_count"] == 20


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postal_code", "12345"),
        ("contact_phone", "0152-44"),
        ("founded_on", "2024-13-45"),
        ("contact_email", "not-an-address"),
        ("name_kana", "Abashiri"),
        ("member_count", "-3"),
        ("name", ""),
    ],
)
def test_form_rejects_bad_input_naming_the_field(field, value):
    form = PartnerForm(form_data(**{field: value}))
    assert not form.is_valid()
    assert field in form.errors


def test_duplicate_is_warned_and_can_be_confirmed():
    PartnerFactory(name="網走防災の会", representative="網走　花子", partner_type=partner_type())
    form = PartnerForm(form_data())
    assert not form.is_valid()
    assert "confirm_duplicate" in form.errors
    assert len(form.duplicates) == 1
    assert PartnerForm(form_data(confirm_duplicate="on")).is_valid()
    # Same name with another representative is another organisation.
    assert PartnerForm(form_data(representative="別の人")).is_valid()


def test_create_page_shows_the_duplicate_warning(persona_client):
    PartnerFactory(name="網走防災の会", representative="網走 花子", partner_type=partner_type())
    client = persona_client("coordinator")
    response = client.post(reverse("partners:create"), form_data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "同じ名称・代表者で登録済みの団体" in html
    response = client.post(reverse("partners:create"), form_data(confirm_duplicate="on"))
    assert response.status_code == 302
    assert Partner.objects.filter(name="網走防災の会").count() == 2


def test_create_page_with_full_width_input(persona_client):
    client = persona_client("staff_a")
    response = client.post(
        reverse("partners:create"),
        form_data(postal_code="０９３－８５５５", fields=[str(activity_field("防災").pk)]),
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name="網走防災の会")
    assert partner.postal_code == "093-8555"


def test_taxonomy_pages(persona_client):
    client = persona_client("coordinator")
    response = client.post(
        reverse("partners:taxonomy"),
        {"kind": "field", "field-name": "雪対策", "field-sort_order": "5"},
    )
    assert response.status_code == 302
    item = ActivityField.objects.get(name="雪対策")
    response = client.post(
        reverse("partners:taxonomy_edit", args=["field", item.pk]),
        {"name": "除雪・雪対策", "sort_order": "6"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.name == "除雪・雪対策"
    response = client.post(
        reverse("partners:taxonomy"),
        {"kind": "type", "type-name": "町内会", "type-sort_order": "1"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "error" in response.content.decode()
    assert client.get(reverse("partners:taxonomy_edit", args=["nope", item.pk])).status_code == 404


def test_history_lists_who_changed_what(coordinator, partner_member):
    from django.utils import translation

    from kyodo.partners.selectors import partner_history

    partner = services.partner_create(
        actor=coordinator, data={"partner_type": partner_type(), "name": "網走の会"}
    )
    services.partner_membership_add(actor=coordinator, partner=partner, user=partner_member)
    services.partner_update(
        actor=partner_member,
        partner=partner,
        data={"activity": "除雪", "member_count": 12},
        fields=[activity_field("防災")],
    )
    with translation.override("ja"):
        entries = partner_history(partner)
    assert entries[-1]["type"] == "+" and entries[-1]["user"] == coordinator
    changed = [name for entry in entries[:-1] for name in entry["changed"]]
    assert {"活動内容", "会員数", "活動分野"} <= set(changed)
    assert entries[0]["user"] == partner_member


def test_demo_seed_is_idempotent_and_gives_the_partner_user_an_organisation():
    from kyodo.accounts.models import User
    from kyodo.core.demo import seed_all

    seed_all()
    count = Partner.objects.count()
    seed_all()
    assert Partner.objects.count() == count >= 20
    assert all(
        name.startswith("（サンプル）") for name in Partner.objects.values_list("name", flat=True)
    )
    assert Partner.objects.filter(listed_publicly=True).count() >= 5
    assert len(set(Partner.objects.values_list("partner_type__name", flat=True))) >= 8
    user = User.objects.get(username="partner")
    # The projects' sample data also makes this account a member of the group in its projects.
    names = set(user.partner_organisations.values_list("name", flat=True))
    assert "（サンプル）ふれあいの家ボランティアの会" in names


def test_sample_partners_have_their_own_invented_contacts_never_the_citys():
    """Issue 17-12: a private contact seen on a public page must be told apart from the city's."""
    from kyodo.core.demo import seed_all
    from kyodo.portal.models import Event

    seed_all()
    contacts = list(Partner.objects.values_list("contact_phone", "contact_email", "address"))
    phones, emails, addresses = (set(column) for column in zip(*contacts, strict=True))
    assert len(phones) == len(emails) == len(addresses) == len(contacts)
    public_phones = set(Event.objects.values_list("contact_phone", flat=True)) - {""}
    assert public_phones and not phones & public_phones
    assert all(phone.startswith("0152-00-") for phone in phones)
    assert all(email.endswith("@example.jp") for email in emails)
    # One type for neighbourhood associations (issue 17-11), not 町内会 and 町内会・自治会.
    types = set(PartnerType.objects.values_list("name", flat=True))
    assert "町内会" in types and "町内会・自治会" not in types
