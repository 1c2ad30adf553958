"""Staff civic activity (§5-1): each staff member logs their own."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.engagement.models import StaffActivity
from kyodo.engagement.services.common import refuse_future, save_recorded

ACTIVITY_FIELDS = (
    "date",
    "kind",
    "field",
    "hours",
    "partner",
    "organisation_name",
    "description",
    "is_published",
    "show_name",
)


def _apply(activity: StaffActivity, fields: dict) -> None:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(activity, name, value)
    if activity.partner_id:
        # The registry's name is the one that counts; a typed name beside it would diverge.
        activity.organisation_name = ""
    if not activity.is_published:
        activity.show_name = False
    refuse_future(activity.date)
    _refuse_over_a_day(activity)


def _refuse_over_a_day(activity: StaffActivity) -> None:
    same_day = (
        StaffActivity.objects.filter(staff=activity.staff_id, date=activity.date)
        .exclude(pk=activity.pk)
        .aggregate(total=Sum("hours"))["total"]
    )
    if activity.hours is not None and (same_day or 0) + activity.hours > 24:
        raise ValidationError(
            {"hours": _("With your other entries for that day this comes to more than 24 hours.")}
        )


@transaction.atomic
def activity_log(*, actor, **fields) -> StaffActivity:
    """Log the actor's own activity, counted for the department they belong to today."""
    bump("engagement")
    require_perm(actor, "engagement.log_activity")
    activity = StaffActivity(staff=actor, department=actor.department)
    _apply(activity, fields)
    save_recorded(activity, actor)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: StaffActivity, **fields) -> StaffActivity:
    bump("engagement")
    require_perm(actor, "engagement.change_activity", activity)
    _apply(activity, fields)
    save_recorded(activity, actor)
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: StaffActivity) -> None:
    bump("engagement")
    require_perm(actor, "engagement.change_activity", activity)
    from kyodo.core.search.index import index_delete

    activity._history_user = actor
    index_delete(activity)
    activity.delete()
