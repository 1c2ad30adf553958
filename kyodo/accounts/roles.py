"""The roles of SPEC.md, kept as Django groups so that an administrator can assign them."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    STAFF = "staff"
    PARTNER_MEMBER = "partner_member"
    EVALUATOR = "evaluator"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.ADMINISTRATOR: _("System administrator"),
    Role.COORDINATOR: _("Collaboration coordinator"),
    Role.STAFF: _("City staff"),
    Role.PARTNER_MEMBER: _("Partner member"),
    Role.EVALUATOR: _("Evaluator"),
}

# When a person holds several roles, the first of these decides where they land after login.
HOME_PRIORITY = (
    Role.ADMINISTRATOR,
    Role.COORDINATOR,
    Role.STAFF,
    Role.PARTNER_MEMBER,
    Role.EVALUATOR,
)
