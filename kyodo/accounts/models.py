import uuid

import rules
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.accounts.roles import HOME_PRIORITY, Role
from kyodo.core.models import KyodoModel
from kyodo.core.work_cache import kept_value


class Department(KyodoModel):
    """A 担当課, e.g. 企画総務部 企画調整課."""

    bureau = models.CharField(_("department (部)"), max_length=50, help_text=_("e.g. 企画総務部"))
    name = models.CharField(_("division (課)"), max_length=50, help_text=_("e.g. 企画調整課"))
    name_kana = models.CharField(_("reading (katakana)"), max_length=100, blank=True)
    code = models.CharField(_("code"), max_length=20, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["sort_order", "bureau", "name"]
        constraints = [
            models.UniqueConstraint(fields=["bureau", "name"], name="unique_department_name"),
        ]

    def __str__(self) -> str:
        return f"{self.bureau} {self.name}"


def departments_by_key() -> dict:
    """Every department by key, kept until a record changes (`core.work_cache.kept_value`):
    a few dozen rows, read once, so that a page naming a person's or a project's department
    does not read it again (a rename is a change of records and shows at once)."""
    return kept_value(
        "accounts:departments", {}, lambda: {d.pk: d for d in Department.objects.all()}
    )


class User(AbstractUser):
    """A person who logs in: city staff, a partner's member, an evaluator."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    display_name = models.CharField(_("name"), max_length=100, blank=True)
    display_name_kana = models.CharField(_("name (katakana)"), max_length=100, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    # Roles are groups: the history keeps them, so a change of role shows who made it and when.
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups"])

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @cached_property
    def role_names(self) -> frozenset[str]:
        """Names of the role groups, read once per request (groups are prefetched where listed).

        Kept for the person until any record changes (`core.work_cache.kept_value`): a change
        of their groups is one (`records_version`), so a role taken away ends at once, and
        every page they open reads one query less."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("groups")
        if prefetched is not None or self.pk is None:
            return frozenset(group.name for group in self.groups.all())
        return kept_value(
            "accounts:roles",
            {},
            lambda: frozenset(self.groups.values_list("name", flat=True)),
            self,
        )

    @cached_property
    def kept_department(self) -> Department | None:
        """The person's department from `departments_by_key`: the home pages' header and
        panels name it on every visit without a query (`self.department` reads one)."""
        if self.department_id is None:
            return None
        if User.department.is_cached(self):
            return self.department
        return departments_by_key().get(self.department_id)

    def has_perm(self, perm, obj=None):
        # The rules in each app's rules.py decide for the permissions they declare, for
        # superusers too: an administrator manages accounts but does not, say, score
        # applications. Django's own model permissions (the admin site) work as usual.
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    def has_role(self, role: Role) -> bool:
        return self.is_active and role.value in self.role_names

    @property
    def roles(self) -> list[Role]:
        return [role for role in HOME_PRIORITY if role.value in self.role_names]

    @property
    def primary_role(self) -> Role | None:
        roles = self.roles
        return roles[0] if roles else None
