"""Citizens' opinions (市民の声), the city's replies and who approves them.

The guideline asks the city to listen (§5-(5) 「市民満足度を高めるため、市民の意見や声を積極的に
お聞きします」). An opinion is kept exactly as it was sent; its sender's name and contact are
for the staff who handle it and the coordinators only. What the public sees is a summary
written by staff, the city's reply, how the opinion was reflected, and the dates.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from kyodo.accounts.models import Department
from kyodo.core.models import KyodoModel
from kyodo.partners.models import ActivityField
from kyodo.portal.models import Event
from kyodo.projects.models import Project


class OpinionStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("opinion status", "Received")
    CHECKING = "checking", pgettext_lazy("opinion status", "Being checked by the department")
    REPLIED = "replied", pgettext_lazy("opinion status", "Replied")
    PUBLISHED = "published", pgettext_lazy("opinion status", "Published")


class Reflection(models.TextChoices):
    REFLECTED = "reflected", _("Reflected")
    PARTLY = "partly", _("Partly reflected")
    FUTURE = "future", _("Kept for future reference")
    NOT_POSSIBLE = "not_possible", _("Cannot be reflected")


# The reflections that count as "reflected" in the statistics.
REFLECTED = (Reflection.REFLECTED, Reflection.PARTLY)


class OpinionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=OpinionStatus.PUBLISHED)

    def open(self):
        """Not replied yet: the reply clock is running."""
        return self.filter(status__in=(OpinionStatus.RECEIVED, OpinionStatus.CHECKING))

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Opinion(KyodoModel):
    """One opinion or request as sent, and where the city is with it."""

    receipt_number = models.CharField(_("receipt number"), max_length=20, unique=True)
    # sha256 of the secret in the sender's status link; the secret itself is never stored.
    access_digest = models.CharField(max_length=64, editable=False)
    subject = models.CharField(_("subject"), max_length=200)
    field = models.ForeignKey(
        ActivityField,
        verbose_name=_("field"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("related project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("related event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("related council"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("your opinion"))
    sender_name = models.CharField(_("name"), max_length=100, blank=True)
    sender_email = models.EmailField(_("e-mail address"), blank=True)
    sender_postal_code = models.CharField(_("postal code"), max_length=8, blank=True)
    sender_address = models.CharField(_("address"), max_length=200, blank=True)
    consents_to_publication = models.BooleanField(_("summary may be published"), default=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_on = models.DateField(_("reply due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=OpinionStatus.choices, default=OpinionStatus.RECEIVED
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department in charge"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reply = models.ForeignKey(
        "voices.Reply",
        verbose_name=_("reply"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinions",
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    # Written by staff for the public page: never the sender's own words or identity.
    public_title = models.CharField(_("title for publication"), max_length=200, blank=True)
    summary = models.TextField(_("summary for publication"), blank=True)
    withheld_reason = models.TextField(_("reason for not publishing"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = OpinionQuerySet.as_manager()

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["-received_at", "receipt_number"]
        indexes = [models.Index(fields=["status", "due_on"], name="voices_opinion_clock")]

    def __str__(self) -> str:
        return self.receipt_number

    @property
    def is_open(self) -> bool:
        return self.status in (OpinionStatus.RECEIVED, OpinionStatus.CHECKING)

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_on < (today or timezone.localdate())

    @property
    def days_to_reply(self) -> int | None:
        if self.replied_at is None:
            return None
        return (timezone.localdate(self.replied_at) - timezone.localdate(self.received_at)).days

    @property
    def replied_within_target(self) -> bool | None:
        if self.replied_at is None:
            return None
        return timezone.localdate(self.replied_at) <= self.due_on

    @property
    def may_be_published(self) -> bool:
        return self.consents_to_publication and not self.withheld_reason


class Reply(KyodoModel):
    """The city's reply, to one opinion or to several similar ones at once."""

    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("reply"))
    reflection = models.CharField(_("reflection"), max_length=20, choices=Reflection.choices)
    reflection_reason = models.TextField(_("reason"), blank=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project it led to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.body[:40]

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class ReplyApprover(KyodoModel):
    """A member of a department's staff who may approve its replies (besides coordinators)."""

    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reply approver")
        verbose_name_plural = _("reply approvers")
        constraints = [
            models.UniqueConstraint(fields=["department", "user"], name="voices_one_approver")
        ]

    def __str__(self) -> str:
        return f"{self.department} {self.user}"
