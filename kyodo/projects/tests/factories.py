"""Projects for tests; partners and their members come from kyodo.partners.tests.factories."""

import factory

from kyodo.projects.models import Project


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"協働事業{n}")
    local_issue = "海岸の漂着ごみが増えている"
    purpose = "海岸を清掃し、環境学習の場をつくる"
