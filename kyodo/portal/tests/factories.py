from datetime import time, timedelta

import factory
from django.utils import timezone

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.partners.models import Partner, PartnerMembership, PartnerType
from kyodo.portal.models import Event, News
from kyodo.projects.models import Participation, Project, ProjectStatus


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"テスト協働事業{n}")
    department = factory.SubFactory(DepartmentFactory)
    status = ProjectStatus.RUNNING


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    partner_type = factory.LazyFunction(lambda: PartnerType.objects.get_or_create(name="NPO")[0])
    name = factory.Sequence(lambda n: f"テスト団体{n}")


def make_partner_of(user, project):
    """Make `user` a member of a partner organisation that takes part in `project`."""
    partner = PartnerFactory()
    PartnerMembership.objects.create(partner=partner, user=user)
    Participation.objects.create(project=project, partner=partner)
    return partner


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
