"""Open calls (公募), applications, evaluation and subsidy grants (補助).

The guideline (§3-(1)-③ 協働相手の妥当性) asks whether the selection method was public and
whether the criteria and method were appropriate: criteria and method are therefore frozen
once a call opens, every score is kept per evaluator and criterion, and the result page shows
what was used.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel
from kyodo.partners.models import Partner
from kyodo.projects.models import Project


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for applications")
    CLOSED = "closed", _("Closed for applications")
    EVALUATING = "evaluating", _("Under evaluation")
    DECIDED = "decided", _("Decided")
    PUBLISHED = "published", _("Result published")


class SelectionMethod(models.TextChoices):
    DOCUMENTS = "documents", _("Document screening")
    PRESENTATION = "presentation", _("Presentation")
    BOTH = "both", _("Document screening and presentation")


class CallQuerySet(models.QuerySet):
    def visible_to_public(self):
        """Calls anyone may read: everything but drafts."""
        return self.exclude(status=CallStatus.DRAFT)


# What a coordinator writes in a call (the form and the services take these; all are public).
CALL_FIELDS = (
    "title",
    "purpose",
    "eligibility",
    "budget_ceiling",
    "selection_method",
    "publication_date",
    "deadline",
    "evaluation_period",
    "announcement_date",
    "documents_required",
    "contact",
)


class Call(KyodoModel):
    """A 公募 for partners of a project that is forming its partnership."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"))
    eligibility = models.TextField(_("eligibility"))
    budget_ceiling = models.PositiveIntegerField(_("budget ceiling (yen)"), null=True, blank=True)
    selection_method = models.CharField(
        _("selection method"),
        max_length=20,
        choices=SelectionMethod.choices,
        default=SelectionMethod.DOCUMENTS,
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    deadline = models.DateTimeField(_("application deadline"))
    evaluation_period = models.CharField(_("evaluation period"), max_length=100, blank=True)
    announcement_date = models.DateField(_("announcement of the result"), null=True, blank=True)
    documents_required = models.TextField(_("documents to submit"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    decision_reason = models.TextField(_("reason for the selection"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    published_at = models.DateTimeField(_("result published at"), null=True, blank=True)
    # Raised by every edit through `call_update`: a form based on an older version is refused.
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("open call")
        verbose_name_plural = _("open calls")
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.title

    @property
    def criteria_locked(self) -> bool:
        return self.status != CallStatus.DRAFT


class CriterionKind(models.TextChoices):
    CAPABILITY = "capability", _("Capability of the organisation")
    PROPOSAL = "proposal", _("Proposal")


class Criterion(KyodoModel):
    """One weighted selection criterion of a call; the weights of a call sum to 100."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(
        _("kind"), max_length=20, choices=CriterionKind.choices, default=CriterionKind.PROPOSAL
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight (points out of 100)"))
    max_score = models.PositiveSmallIntegerField(_("scale (highest score)"), default=5)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["sort_order", "created_at"]

    def __str__(self) -> str:
        return self.name


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")


class Application(KyodoModel):
    """An organisation's application to a call (one per organisation and call)."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("applicant organisation"),
        on_delete=models.PROTECT,
        related_name="call_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    proposal = models.TextField(_("proposal"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    budget_amount = models.PositiveIntegerField(_("budget (yen)"), null=True, blank=True)
    budget_notes = models.TextField(_("budget breakdown"), blank=True)
    # 受付番号: given on submission; stored normalised (ASCII) so lookups can fold input.
    receipt_number = models.CharField(
        _("receipt number"), max_length=20, unique=True, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Raised by every change of the draft (its text and its attachments): the edit form and
    # the confirmation page carry the version they showed, so a submission is of what was
    # confirmed and a save never silently overwrites another window's (kyodo.core.locking).
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "receipt_number", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["call", "partner"], name="unique_application")
        ]

    def __str__(self) -> str:
        return f"{self.partner} – {self.call}"

    @property
    def is_submitted(self) -> bool:
        return self.status != ApplicationStatus.DRAFT


def attachment_path(instance, filename: str) -> str:
    """A random name, unrelated to the call, the application or what the file was called (kept
    in `original_name`): files are served only by the permission-checked download view, and
    the layout never relies on an address staying secret."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"calls/attachments/{uuid.uuid4().hex}{suffix if suffix.isascii() else ''}"


class Attachment(KyodoModel):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name


class EvaluatorAssignment(KyodoModel):
    """An evaluator (審査委員) assigned to a call; `submitted_at` ends their blind scoring."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="assignments")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        on_delete=models.PROTECT,
        related_name="call_assignments",
    )
    submitted_at = models.DateTimeField(_("scores submitted at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["call", "evaluator"], name="unique_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} – {self.call}"


class ConflictDeclaration(KyodoModel):
    """利害関係の申告: made per application before scoring; a conflict excludes the evaluator."""

    assignment = models.ForeignKey(
        EvaluatorAssignment, on_delete=models.CASCADE, related_name="declarations"
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="declarations"
    )
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conflict-of-interest declaration")
        verbose_name_plural = _("conflict-of-interest declarations")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "application"], name="unique_declaration")
        ]


class Score(KyodoModel):
    assignment = models.ForeignKey(
        EvaluatorAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    # Internal: never shown on public pages, and never attributed to a named evaluator there.
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "application", "criterion"], name="unique_score"
            )
        ]


class DisclosureStatus(models.TextChoices):
    PENDING = "pending", _("Not yet disclosed")
    DISCLOSED = "disclosed", _("Disclosed")


class Grant(KyodoModel):
    """A subsidy (補助) to an organisation, with the term limit the guideline asks for."""

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("applicant organisation"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="grants",
        null=True,
        blank=True,
    )
    call = models.ForeignKey(
        Call,
        verbose_name=_("open call"),
        on_delete=models.SET_NULL,
        related_name="grants",
        null=True,
        blank=True,
    )
    purpose = models.CharField(
        _("purpose of the subsidy"),
        max_length=200,
        help_text=_("Grants with the same purpose are compared across fiscal years."),
    )
    # The normalised purpose, so that 「環境美化　活動」 and 「環境美化 活動」 count as one.
    purpose_key = models.CharField(max_length=200, editable=False, db_index=True)
    amount = models.PositiveIntegerField(_("grant amount (yen)"))
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"))
    disclosure_status = models.CharField(
        _("disclosure"),
        max_length=20,
        choices=DisclosureStatus.choices,
        default=DisclosureStatus.PENDING,
    )
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    review_notes = models.TextField(_("review"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("subsidy grant")
        verbose_name_plural = _("subsidy grants")
        ordering = ["-term_start", "partner__name"]

    def __str__(self) -> str:
        return f"{self.partner} – {self.purpose}"
