"""Satisfaction surveys (満足度調査): versioned questions, surveys, answers and exports.

A question keeps its identity across yearly surveys (so results compare year on year); its
wording and choices live in versions, and a version used by a survey that has opened is never
changed again. An answer to an anonymous survey holds no user, no address and no invitation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.accounts.models import Department
from kyodo.core.models import KyodoModel


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale of 1 to 5")
    NUMBER = "number", _("Number")
    TEXT = "text", _("Free text")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE)
SCALE_CHOICES = ["1", "2", "3", "4", "5"]


class Question(KyodoModel):
    """A question as the city keeps asking it, year after year."""

    code = models.CharField(_("question code"), max_length=50, unique=True)
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class QuestionVersion(KyodoModel):
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    has_other = models.BooleanField(_("with “other, please say”"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["question", "number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="voices_version_once")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def options(self) -> list[str]:
        return SCALE_CHOICES if self.kind == QuestionKind.SCALE else list(self.choices)


class SurveyAccess(models.TextChoices):
    INVITATION = "invitation", _("One-time links sent to a list of addresses")
    OPEN = "open", _("Open to everyone, once per browser")


class Survey(KyodoModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    anonymous = models.BooleanField(_("anonymous"), default=True)
    access = models.CharField(
        _("who may answer"), max_length=20, choices=SurveyAccess.choices, default=SurveyAccess.OPEN
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed early at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_at", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    def is_closed(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.is_draft and (self.closed_at is not None or now >= self.closes_at)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.is_draft and not self.is_closed(now) and self.opens_at <= now

    @property
    def fiscal_year(self) -> int:
        from kyodo.core.wareki import fiscal_year

        return fiscal_year(timezone.localdate(self.opens_at))


class SurveyItem(KyodoModel):
    """A question version asked in one survey, at a position."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="items")
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField(default=0)
    required = models.BooleanField(_("answer required"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "position"]

    def __str__(self) -> str:
        return str(self.version)

    @property
    def is_choice_kind(self) -> bool:
        return self.version.kind in CHOICE_KINDS


class Invitation(KyodoModel):
    """A one-time link sent to an address; `used_on` only (a date), so that an anonymous
    answer cannot be matched to it by the time it arrived."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    used_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "email"], name="voices_invite_once")
        ]


class SurveyResponse(KyodoModel):
    """One person's answers; for an anonymous survey no user, name or invitation is kept."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    respondent_name = models.CharField(_("name"), max_length=100, blank=True)
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "created_at"]


class Answer(KyodoModel):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(SurveyItem, on_delete=models.CASCADE, related_name="answers")
    # Indexes into the version's options (choice kinds); "other" is kept in other_text.
    selected = models.JSONField(default=list, blank=True)
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    other_text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="voices_answer_once")
        ]


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Writing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class SurveyExport(KyodoModel):
    """One Excel export of a survey's answers, written by a background task."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=ExportStatus.choices, default="queued")
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    content = models.BinaryField(null=True, blank=True, editable=False)
    message = models.TextField(blank=True)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        ordering = ["-created_at"]

    @property
    def percent(self) -> int:
        return int(self.processed * 100 / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
