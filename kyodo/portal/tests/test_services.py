from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyodo.portal import services
from kyodo.portal.models import Event
from kyodo.portal.tests.factories import (
    EventFactory,
    NewsFactory,
    PublicProjectFactory,
    event_values,
    make_partner_of,
)

pytestmark = pytest.mark.django_db


# Who may create an event without a related project.
CREATE_WITHOUT_PROJECT = {
    "administrator": False,
    "coordinator": True,
    "staff_a": True,
    "staff_b": True,
    "partner_member": False,
    "evaluator": False,
    "outsider": False,
}


@pytest.mark.parametrize(("persona", "allowed"), CREATE_WITHOUT_PROJECT.items())
def test_event_create_by_role(request, persona, allowed):
    actor = request.getfixturevalue(persona)
    if allowed:
        event = services.event_create(actor=actor, **event_values())
        assert event.created_by == actor
        assert event.history.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            services.event_create(actor=actor, **event_values())


def test_partner_member_publishes_only_for_their_projects(partner_member):
    mine, other = PublicProjectFactory(), PublicProjectFactory()
    make_partner_of(partner_member, mine)
    event = services.event_create(actor=partner_member, **event_values(project=mine))
    assert event.project == mine
    with pytest.raises(PermissionDenied):
        services.event_create(actor=partner_member, **event_values(project=other))
    with pytest.raises(PermissionDenied):
        services.news_create(actor=partner_member, title="t", body="b", project=other)
    news = services.news_create(actor=partner_member, title="t", body="b", project=mine)
    assert news.project == mine


def test_partner_member_edits_only_items_of_their_projects(partner_member):
    mine, other = PublicProjectFactory(), PublicProjectFactory()
    make_partner_of(partner_member, mine)
    own, foreign = EventFactory(project=mine), EventFactory(project=other)
    services.event_update(actor=partner_member, event=own, title="新しい名称")
    with pytest.raises(PermissionDenied):
        services.event_update(actor=partner_member, event=foreign, title="x")
    with pytest.raises(PermissionDenied):
        services.event_withdraw(actor=partner_member, event=foreign)
    # Moving an own event to a project of someone else is refused too.
    with pytest.raises(PermissionDenied):
        services.event_update(actor=partner_member, event=own, project=other)


def test_staff_edit_and_withdraw_any(staff_b):
    event = EventFactory(project=PublicProjectFactory())
    services.event_update(actor=staff_b, event=event, title="変更後")
    services.event_withdraw(actor=staff_b, event=event, reason="中止")
    event.refresh_from_db()
    assert event.title == "変更後"
    assert event.is_withdrawn and event.withdrawal_reason == "中止"
    assert event.history.count() == 3
    assert not Event.objects.published().filter(pk=event.pk).exists()


def test_news_withdraw_and_history(coordinator):
    news = NewsFactory()
    services.news_update(actor=coordinator, news=news, body="更新")
    services.news_withdraw(actor=coordinator, news=news, reason="誤り")
    assert news.history.count() == 3
    assert not news.is_public()


def test_outsider_and_evaluator_cannot_change(outsider, evaluator):
    event, news = EventFactory(), NewsFactory()
    for actor in (outsider, evaluator):
        with pytest.raises(PermissionDenied):
            services.event_withdraw(actor=actor, event=event)
        with pytest.raises(PermissionDenied):
            services.news_update(actor=actor, news=news, title="x")


def test_model_validation_runs_in_services(coordinator):
    with pytest.raises(ValidationError):
        services.event_create(actor=coordinator, **event_values(title=""))


def test_unknown_field_is_refused(coordinator):
    with pytest.raises(TypeError):
        services.event_create(actor=coordinator, **event_values(withdrawn_at=timezone.now()))


def test_publication_by_date():
    today = timezone.localdate()
    draft = EventFactory(publish_on=None)
    later = EventFactory(publish_on=today + timedelta(days=1))
    now = EventFactory(publish_on=today)
    published = set(Event.objects.published(today))
    assert now in published and draft not in published and later not in published
    assert later in set(Event.objects.published(today + timedelta(days=1)))
