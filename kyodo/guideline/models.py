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


class Favours(models.TextChoices):
    """Which answer of a yes/no question speaks for collaboration: 「市が責任を持って対応すべき
    事業ではないか」 is asked so that "yes" speaks against it."""

    YES = "yes", _("Yes")
    NO = "no", _("No")


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
    # The city file's name for the question, stable across revisions (empty for questions
    # added on the revision page).
    key = models.SlugField(_("key"), max_length=50, blank=True)
    favours = models.CharField(
        _("answer that speaks for collaboration"),
        max_length=3,
        choices=Favours.choices,
        blank=True,
        help_text=_("Only for questions answered yes or no, e.g. the suitability questions."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.text


class GuidelineText(KyodoModel):
    """The city's guideline as the portal shows it (one row, replaced by the city file).

    `body` is the light markup of kyodo/portal/guideline.py: blank lines between blocks,
    "1." and "(1)" headings, "- " lists, tab-separated table rows, "**…**" emphasis.
    """

    title = models.CharField(_("title"), max_length=200)
    issued = models.CharField(_("issued"), max_length=50, blank=True)
    issuer = models.CharField(_("issued by"), max_length=100, blank=True)
    body = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("guideline text")
        verbose_name_plural = _("guideline texts")

    def __str__(self) -> str:
        return self.title


class ModelClause(KyodoModel):
    """A model clause the city suggests for agreements of one collaboration form (委託: 守秘義務…).

    Kept in history: the city file replaces the text, the history keeps what it said before.
    """

    form = models.CharField(
        _("collaboration form"), max_length=20, choices=CollaborationForm.choices
    )
    key = models.SlugField(_("key"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("model clause")
        verbose_name_plural = _("model clauses")
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["form", "key"], name="unique_model_clause")]

    def __str__(self) -> str:
        return self.title
