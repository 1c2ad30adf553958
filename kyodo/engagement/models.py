"""The records of the promotion measures: who did what, when, for the city's yearly account."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel


class ActivityKind(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood association (町内会) activity")
    VOLUNTEER = "volunteer", _("Volunteering")
    LOCAL = "local", _("Local activity")
    OTHER = "other", _("Other")


class StaffActivity(KyodoModel):
    """A staff member's own civic activity (§5-1), visible to them and to coordinators only.

    The department is the one the person belonged to when they logged it, so that a move to
    another department does not rewrite last year's figures.
    """

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_activities"
    )
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="civic_activities"
    )
    date = models.DateField(pgettext_lazy("day", "date"))
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    field = models.ForeignKey(
        "partners.ActivityField",
        verbose_name=_("field"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("organisation in the registry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_activities",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    description = models.TextField(_("what you did"), max_length=2000)
    is_published = models.BooleanField(_("may be published on the portal"), default=False)
    show_name = models.BooleanField(_("show my name with it"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["department", "date"])]
        verbose_name = _("staff civic activity")
        verbose_name_plural = _("staff civic activities")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    @property
    def organisation(self) -> str:
        return self.partner.name if self.partner_id else self.organisation_name

    @property
    def public_author(self) -> str:
        """Who did it, as the portal and the API may say: a name only if its author chose so."""
        if self.is_published and self.show_name:
            return f"{self.staff}（{self.department}）"
        return ""


class DialogueKind(models.TextChoices):
    TOWN_MEETING = "town_meeting", _("Dialogue meeting (対話集会)")
    DELIVERY_LECTURE = "delivery_lecture", _("On-demand lecture (出前講座)")
    WORKSHOP = "workshop", _("Workshop")
    EXCHANGE = "exchange", _("Exchange of views (意見交換会)")


class DialogueSession(KyodoModel):
    """A meeting of citizens and staff (§5-2); participants are counted, never named."""

    kind = models.CharField(_("kind"), max_length=20, choices=DialogueKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(pgettext_lazy("day", "date"))
    place = models.CharField(_("place"), max_length=200)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="dialogue_sessions",
    )
    topics = models.TextField(_("topics"), max_length=4000)
    citizens_count = models.PositiveIntegerField(_("citizens taking part"), default=0)
    groups_count = models.PositiveIntegerField(_("people from groups taking part"), default=0)
    staff_count = models.PositiveIntegerField(_("staff taking part"), default=0)
    # For the department's own follow-up; may name people, so it is never published.
    internal_note = models.TextField(_("internal note (never published)"), blank=True)
    lock_version = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("dialogue session")
        verbose_name_plural = _("dialogue sessions")

    def __str__(self) -> str:
        return self.title


class IssueStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("issue status", "Received")
    CONSIDERING = "considering", _("Under consideration")
    PROJECT = "project", _("Became a project")
    DONE = "done", _("Dealt with")
    DECLINED = "declined", _("Not taken up")


class DialogueIssue(KyodoModel):
    """A local issue (地域課題) raised in a dialogue session; it may become a project."""

    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="issues")
    text = models.TextField(_("local issue"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.RECEIVED
    )
    reason = models.TextField(_("reason"), blank=True)
    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogue_issue",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("local issue raised")
        verbose_name_plural = _("local issues raised")

    def __str__(self) -> str:
        return self.text[:40]

    @property
    def is_open(self) -> bool:
        """Still to be decided: it may yet become a project."""
        return self.project_id is None and self.status in (
            IssueStatus.RECEIVED,
            IssueStatus.CONSIDERING,
        )


class TrainingKind(models.TextChoices):
    COLLABORATION = "collaboration", _("Collaboration training")
    COMMUNICATION = "communication", _("Communication")
    VISIT = "visit", _("Visit to a local company or group")
    OTHER = "other", _("Other")


class LecturerKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen lecturer")
    PARTNER = "partner", _("Partner organisation")
    STAFF = "staff", _("City staff")
    NONE = "none", _("No lecturer")


class Training(KyodoModel):
    """A staff training (§5-4); attendance is recorded by its organisers, not self-declared."""

    kind = models.CharField(_("kind"), max_length=20, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(pgettext_lazy("day", "date"))
    place = models.CharField(_("place"), max_length=200)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("organising department"),
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    description = models.TextField(_("content"), max_length=4000, blank=True)
    lecturer_kind = models.CharField(
        _("lecturer"), max_length=20, choices=LecturerKind.choices, default=LecturerKind.NONE
    )
    lecturer_name = models.CharField(_("lecturer's name"), max_length=200, blank=True)
    lecturer_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("lecturing organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lectures",
    )
    lecturer_name_public = models.BooleanField(
        _("the lecturer agreed to be named on the portal"), default=False
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="TrainingAttendance", related_name="trainings_attended"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def __str__(self) -> str:
        return self.title

    @property
    def public_lecturer(self) -> str:
        """The lecturer as the portal and the API may name them (consent, public listing)."""
        name = self.lecturer_name if self.lecturer_name_public else ""
        partner = self.lecturer_partner
        if partner is not None and partner.listed_publicly:
            return f"{partner.name}（{name}）" if name else partner.name
        return name or str(self.get_lecturer_kind_display())

    @property
    def has_been_held(self) -> bool:
        return self.date <= timezone.localdate()


class TrainingAttendance(KyodoModel):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="attendance")
    attendee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_attendance"
    )
    # The attendee's department on the day, for the share of each department's staff trained.
    department = models.ForeignKey(
        "accounts.Department", on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "attendee"], name="attended_once")
        ]


class TrainingFeedback(KyodoModel):
    """An attendee's answer to the short questionnaire after a training."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="feedback")
    attendee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_feedback"
    )
    understanding = models.PositiveSmallIntegerField(
        _("understanding (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness for your work (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "attendee"], name="feedback_once")
        ]


class AgreementStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    ENDED = "ended", _("Ended")


class PartnershipAgreement(KyodoModel):
    """A partnership agreement (連携協定) with a company, university or NPO (§5-5)."""

    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="partnership_agreements",
    )
    title = models.CharField(_("title"), max_length=200)
    fields = models.ManyToManyField(
        "partners.ActivityField", verbose_name=_("fields"), blank=True, related_name="+"
    )
    purpose = models.TextField(_("purpose"), max_length=4000, blank=True)
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("in force from"))
    ends_on = models.DateField(_("in force until"), null=True, blank=True)
    auto_renew = models.BooleanField(_("renewed automatically"), default=False)
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="partnership_agreements",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.ACTIVE
    )
    document = models.FileField(_("agreement document"), upload_to="engagement/", blank=True)
    document_name = models.CharField(max_length=255, blank=True)
    lock_version = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")

    def __str__(self) -> str:
        return self.title


class AgreementActivity(KyodoModel):
    """Something done under an agreement: a project, a training, an event, or other work."""

    agreement = models.ForeignKey(
        PartnershipAgreement, on_delete=models.CASCADE, related_name="activities"
    )
    date = models.DateField(pgettext_lazy("day", "date"))
    title = models.CharField(_("what was done"), max_length=200)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    training = models.ForeignKey(
        Training,
        verbose_name=_("training"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("activity under an agreement")
