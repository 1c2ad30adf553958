import factory

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.accounts.services import role_groups_ensure


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    bureau = "企画総務部"
    name = factory.Sequence(lambda n: f"テスト課{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the given roles: UserFactory(roles=[Role.STAFF], department=...)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"テスト 利用者{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.jp")
    password = factory.django.Password("kyodo-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        groups = role_groups_ensure()
        self.groups.set([groups[Role(role)] for role in extracted])
        self.__dict__.pop("role_names", None)
