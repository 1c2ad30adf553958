"""Projects, calls, events and news are kept in the core search index by their services."""

import pytest
from django.utils import timezone

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.calls.selectors import public_calls
from kyodo.calls.tests.factories import forming_project, make_call
from kyodo.core.search.index import search
from kyodo.core.search.models import SearchDocument
from kyodo.portal import services as portal_services
from kyodo.portal.models import Event, News
from kyodo.portal.tests.factories import event_values
from kyodo.projects import services as project_services
from kyodo.projects.models import Project

pytestmark = pytest.mark.django_db


def _ids(queryset, query):
    return {hit.object_id for hit in search(queryset, query)}


def test_projects_are_indexed_on_create_and_update():
    project = project_services.project_create(
        actor=None,
        title="流氷の学習会",
        department=DepartmentFactory(),
        local_issue="子どもが海を知らない",
        purpose="環境学習",
    )
    assert _ids(Project.objects.all(), "流氷") == {project.pk}
    assert _ids(Project.objects.all(), "環境学習") == {project.pk}
    project_services.project_update(actor=None, project=project, purpose="防災訓練を開く")
    assert _ids(Project.objects.all(), "防災") == {project.pk}
    assert _ids(Project.objects.all(), "環境学習") == set()


def test_calls_are_indexed_but_drafts_are_not_found_publicly():
    draft = make_call(forming_project(), open_=False, title="海岸清掃の担い手募集")
    assert _ids(public_calls(), "担い手") == set()
    opened = make_call(forming_project(), title="花壇づくりの担い手募集")
    assert _ids(public_calls(), "担い手") == {opened.pk}
    assert draft.pk in _ids(type(draft).objects.all(), "担い手")


def test_events_and_news_are_indexed_and_leave_the_index_when_withdrawn():
    values = event_values(
        description="流氷の話を聞きます",
        publish_on=timezone.localdate(),
        internal_note="内部メモ秘密語",
    )
    event = portal_services.event_create(actor=None, **values)
    news = portal_services.news_create(
        actor=None, title="流氷の便り", body="今年の流氷", publish_on=timezone.localdate()
    )
    assert _ids(Event.objects.all(), "流氷") == {event.pk}
    assert _ids(News.objects.all(), "流氷") == {news.pk}
    # The internal note is never indexed.
    assert _ids(Event.objects.all(), "内部メモ秘密語") == set()
    portal_services.event_update(actor=None, event=event, description="星空の話を聞きます")
    assert _ids(Event.objects.all(), "星空") == {event.pk}
    portal_services.event_withdraw(actor=None, event=event, reason="中止")
    portal_services.news_withdraw(actor=None, news=news)
    assert not SearchDocument.objects.filter(object_id__in=[event.pk, news.pk]).exists()
