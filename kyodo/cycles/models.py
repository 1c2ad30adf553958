"""The PDCA cycle of a running project (§3-(2)): plan, do, check from both sides, act."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel
from kyodo.core.wareki import period_fiscal_years_label
from kyodo.guideline.models import ChecklistVersion, Question
from kyodo.projects.models import CostBearer, CostLine, Project


class CycleStatus(models.TextChoices):
    PLAN = "plan", _("Plan")
    DO = "do", _("Do")
    CHECK = "check", _("Check")
    ACT = "act", _("Act")
    DONE = "done", _("Done")


class Side(models.TextChoices):
    CITY = "city", _("City")
    PARTNER = "partner", _("Partner")


class CycleQuerySet(models.QuerySet):
    def open(self) -> "CycleQuerySet":
        return self.exclude(status=CycleStatus.DONE)


class Cycle(KyodoModel):
    """One round of 計画 → 実施 → 検証 → 評価, typically one fiscal year of a project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="cycles")
    number = models.PositiveIntegerField(_("cycle number"))
    previous = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_cycle"
    )
    # The 年度 the period starts in, set by the services from period_start (never typed).
    fiscal_year = models.PositiveIntegerField(_("fiscal year"), null=True, blank=True)
    period_start = models.DateField(_("start of the period"))
    period_end = models.DateField(
        _("end of the period"), help_text=_("The verification by both sides is due on this day.")
    )
    goals = models.TextField(_("goals"), blank=True)
    # The improvements the previous cycle's evaluation asked for, kept beside the new plan.
    carried_improvements = models.TextField(_("improvements carried over"), blank=True)
    status = models.CharField(
        _("phase"), max_length=10, choices=CycleStatus.choices, default=CycleStatus.PLAN
    )
    history = HistoricalRecords()

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="unique_cycle_number")
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.number}"

    @property
    def fiscal_years_label(self) -> str:
        """令和8年度, or 令和8年度〜令和9年度 for a period across 31 March: from the dates."""
        return period_fiscal_years_label(self.period_start, self.period_end)


class Indicator(KyodoModel):
    """A measurable goal: target set in the plan, actual filled in during or after the cycle."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name


class ScheduleItem(KyodoModel):
    """A planned activity in the cycle's schedule."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="schedule")
    planned_on = models.DateField(_("planned date"))
    activity = models.CharField(_("activity"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("schedule item")
        verbose_name_plural = _("schedule items")
        ordering = ["planned_on", "created_at"]


class BudgetLine(KyodoModel):
    """Planned and actual amount of one cost line for one cycle, per side, in whole yen."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="budget_lines")
    cost_line = models.ForeignKey(
        CostLine, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    item = models.CharField(_("item"), max_length=200)
    bearer = models.CharField(_("borne by"), max_length=10, choices=CostBearer.choices)
    planned = models.PositiveBigIntegerField(_("planned (yen)"))
    actual = models.PositiveBigIntegerField(_("actual (yen)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["created_at"]


class ActivityRecord(KyodoModel):
    """What was done on a day (実施の記録); both sides may record."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="records")
    held_on = models.DateField(_("date of the activity"))
    description = models.TextField(_("what was done"))
    participants = models.PositiveIntegerField(_("participants"), default=0)
    volunteers = models.PositiveIntegerField(_("volunteers"), default=0)
    side = models.CharField(_("recorded by the side of"), max_length=10, choices=Side.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity record")
        verbose_name_plural = _("activity records")
        ordering = ["-held_on", "-created_at"]


class Attachment(KyodoModel):
    """A photo or document of an activity, kept in the database and served after a permission
    check: files under MEDIA_URL would be readable by anyone who learns the address."""

    record = models.ForeignKey(ActivityRecord, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at"]


class Rating(models.IntegerChoices):
    """The 4-step scale: no middle answer, so that each side takes a position."""

    FULLY = 4, _("Fully achieved")
    MOSTLY = 3, _("Mostly achieved")
    PARTLY = 2, _("Partly achieved")
    NOT = 1, _("Not achieved")


class Verification(KyodoModel):
    """One side's verification of a cycle against a fixed version of the verification checklist.

    Submitted revisions are read-only; a correction is the next revision, with its reason.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="verifications")
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    version = models.ForeignKey(
        ChecklistVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("checklist")
    )
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["cycle", "side", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "side", "revision"], name="unique_verification_revision"
            )
        ]

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class VerificationAnswer(KyodoModel):
    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verification answer")
        verbose_name_plural = _("verification answers")
        constraints = [
            models.UniqueConstraint(
                fields=["verification", "question"], name="unique_verification_answer"
            )
        ]


class EvaluationDecision(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    CHANGE = "change", _("Continue with changes")
    END = "end", _("End")


class Evaluation(KyodoModel):
    """The joint review (ふりかえり) of a cycle and what follows from it."""

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="evaluation")
    reviewed_on = models.DateField(_("date of the review meeting"))
    attendees = models.TextField(_("who took part"))
    worked_well = models.TextField(_("what worked"))
    to_improve = models.TextField(_("what to improve"), blank=True)
    decision = models.CharField(
        _("decision on the next cycle"), max_length=10, choices=EvaluationDecision.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ADDRESSED = "addressed", _("Addressed")
    CLOSED = "closed", _("Closed")


class Incident(KyodoModel):
    """A trouble (トラブル) and what was learnt from it: the cause, not the culprit."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="incidents")
    cycle = models.ForeignKey(
        Cycle, on_delete=models.SET_NULL, null=True, blank=True, related_name="incidents"
    )
    occurred_on = models.DateField(_("when it happened"))
    what_happened = models.TextField(_("what happened"))
    impact = models.TextField(_("impact"), blank=True)
    cause = models.TextField(_("cause found"), blank=True)
    countermeasure = models.TextField(_("countermeasure"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lock_version = models.PositiveIntegerField(default=1, editable=False)  # kyodo.core.locking
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trouble")
        verbose_name_plural = _("troubles")
        ordering = ["-occurred_on", "-created_at"]


class ReminderKind(models.TextChoices):
    VERIFICATION_DUE = "verification_due", _("Verification due")
    AGREEMENT_EXPIRING = "agreement_expiring", _("Agreement validity ending")
    SUBSIDY_TERM_ENDING = "subsidy_term_ending", _("Subsidy term ending")


class ReminderDelivery(KyodoModel):
    """A reminder sent to one person; the unique key keeps the daily sweep from sending twice."""

    kind = models.CharField(max_length=30, choices=ReminderKind.choices)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    # The cycle or agreement the reminder is about.
    subject_id = models.UUIDField()
    due_on = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "due_on", "recipient"], name="unique_reminder"
            )
        ]
