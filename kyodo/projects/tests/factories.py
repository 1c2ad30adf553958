import factory

from kyodo.partners.models import Partner, PartnerMembership, PartnerType
from kyodo.projects.models import Project


class PartnerTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerType
        django_get_or_create = ["name"]

    name = "ボランティア団体"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"テスト団体{n}")
    partner_type = factory.SubFactory(PartnerTypeFactory)
    representative = "代表 太郎"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerMembership

    partner = factory.SubFactory(PartnerFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"協働事業{n}")
    local_issue = "海岸の漂着ごみが増えている"
    purpose = "海岸を清掃し、環境学習の場をつくる"
