"""Events and news for the portal tests; projects and partners come from their apps' factories."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.portal.models import Event, News
from kyodo.projects.models import Participation, ProjectStatus
from kyodo.projects.tests.factories import ProjectFactory


class PublicProjectFactory(ProjectFactory):
    """A project as the portal shows it: running, with its department."""

    department = factory.SubFactory(DepartmentFactory)
    status = ProjectStatus.RUNNING


def make_partner_of(user, project):
    """Make `user` a member of a partner organisation that takes part in `project`."""
    partner = PartnerFactory()
    membership(partner, user)
    Participation.objects.create(project=project, partner=partner)
    return partner


def event_values(**values) -> dict:
    """An event's fields as the services take them: `services.event_create(**event_values())`."""
    today = _today()
    return {
        "title": "川の清掃",
        "title_kana": "カワノセイソウ",
        "start_date": today + timedelta(days=3),
        "end_date": today + timedelta(days=3),
        "place_name": "網走川",
        "organiser": "網走市",
        "description": "説明",
        **values,
    }


def _today():
    return timezone.localdate()


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"テストイベント{n}")
    title_kana = "テストイベント"
    start_date = factory.LazyFunction(lambda: _today() + timedelta(days=7))
    start_time = time(10, 0)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    end_time = time(12, 0)
    place_name = "網走市民会館"
    address = "北海道網走市南6条東4丁目"
    organiser = "網走市"
    description = "イベントの説明です。"
    publish_on = factory.LazyFunction(lambda: _today() - timedelta(days=1))


class NewsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = News

    title = factory.Sequence(lambda n: f"テストお知らせ{n}")
    body = "本文です。\n\n- 一つ目\n- 二つ目"
    publish_on = factory.LazyFunction(lambda: _today() - timedelta(days=1))
