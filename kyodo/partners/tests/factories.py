import factory

from kyodo.core.search.index import index_update
from kyodo.partners.models import ActivityField, Partner, PartnerMembership, PartnerType


def partner_type(name: str = "ボランティア団体") -> PartnerType:
    return PartnerType.objects.get_or_create(name=name)[0]


def activity_field(name: str) -> ActivityField:
    return ActivityField.objects.get_or_create(name=name)[0]


class PartnerFactory(factory.django.DjangoModelFactory):
    """A partner, indexed for search like the services do: PartnerFactory(fields=["防災"])."""

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    partner_type = factory.LazyFunction(partner_type)
    name = factory.Sequence(lambda n: f"テスト団体{n}")
    name_kana = "テストダンタイ"
    representative = "網走 太郎"
    contact_name = "連絡 花子"
    contact_phone = "0152-44-6111"
    contact_email = "contact@example.jp"

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set([activity_field(name) for name in extracted])

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            index_update(self)


def membership(partner: Partner, user) -> PartnerMembership:
    user.__dict__.pop("_partner_ids", None)
    return PartnerMembership.objects.create(partner=partner, user=user)
