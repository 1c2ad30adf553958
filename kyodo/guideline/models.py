"""The guideline's checklists as data: a coordinator revises them, answers keep their version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel


class ChecklistKind(models.TextChoices):
    SUITABILITY = "suitability", _("Suitability for collaboration")
    STRENGTHS = "strengths", _("Strengths of citizen groups")
    FORM = "form", _("Checkpoints of a collaboration form")
    VERIFICATION = "verification", _("Verification areas")
    CAPABILITY = "capability", _("Capability of citizen groups")


class CollaborationForm(models.TextChoices):
    """The forms of collaboration of §3-(3); each has a checklist keyed `form-<value>`."""

    ITAKU = "itaku", "委託"
    KYOSAI = "kyosai", "共催"
    JIKKO_IINKAI = "jikko_iinkai", "実行委員会"
    HOJO = "hojo", "補助"
    JIGYO_KYORYOKU = "jigyo_kyoryoku", "事業協力"
    KOEN = "koen", "後援"
    KYOGIKAI = "kyogikai", "協議会・審議会"
    OTHER = "other", "その他"

    @classmethod
    def checklist_key(cls, value: str) -> str:
        return f"form-{value}"


class Checklist(KyodoModel):
    """One checklist of the guideline, e.g. the six suitability questions (§3-(1)-①)."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ChecklistKind.choices)
    title = models.CharField(_("title"), max_length=200)
    section = models.CharField(_("section of the guideline"), max_length=50, blank=True)
    description = models.TextField(
        _("explanation from the guideline"),
        blank=True,
        help_text=_("Shown beside the checklist, e.g. the guideline's explanation of a form."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["sort_order", "key"]

    def __str__(self) -> str:
        return self.title


class ChecklistVersion(KyodoModel):
    """A frozen set of questions: revising a checklist adds a version, never edits one."""

    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")
        ordering = ["checklist", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "number"], name="unique_checklist_version")
        ]

    def __str__(self) -> str:
        return f"{self.checklist} v{self.number}"


class Question(KyodoModel):
    """A question (or criterion, or checkpoint) of one checklist version."""

    version = models.ForeignKey(
        ChecklistVersion, on_delete=models.PROTECT, related_name="questions"
    )
    order = models.PositiveIntegerField(_("order"))
    group = models.CharField(
        _("group"), max_length=100, blank=True, help_text=_("e.g. the verification area.")
    )
    text = models.TextField(_("question"))
    help_text = models.TextField(_("help text"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.text
