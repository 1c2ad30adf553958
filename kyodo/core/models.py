import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class KyodoModel(models.Model):
    """Base of every domain model: a UUID key, so staff and partner URLs never reveal counts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class MunicipalityQuerySet(models.QuerySet):
    def current(self) -> "Municipality | None":
        return self.order_by("created_at").first()


class Municipality(KyodoModel):
    """The city running this Kyodo installation (one row)."""

    name = models.CharField(_("name"), max_length=50)
    name_kana = models.CharField(_("name (katakana)"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    prefecture = models.CharField(_("prefecture"), max_length=10)
    # 全国地方公共団体コード: the first column of every standard open data set.
    code = models.CharField(_("local government code"), max_length=6, unique=True)
    website = models.URLField(_("website"), blank=True)
    # What the city file (kyodo/guideline/city/) sets besides the name: the portal's own name,
    # how to reach the collaboration office, its look, its year and its own pages.
    service_name = models.CharField(_("service name"), max_length=100, blank=True)
    contact = models.TextField(_("contact of the collaboration office"), blank=True)
    logo = models.CharField(
        _("logo"), max_length=200, blank=True, help_text=_("A path under the static files.")
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=30,
        blank=True,
        help_text=_("A Digital Agency primitive colour, e.g. blue-900."),
    )
    fiscal_year_start = models.PositiveSmallIntegerField(
        _("first month of the fiscal year"), default=4
    )
    guideline_name = models.CharField(_("name of the guideline"), max_length=200, blank=True)
    charter_title = models.CharField(_("title of the citizen charter"), max_length=100, blank=True)
    # {"enacted": ..., "articles": [...]}; in every text of the charter and the symbols,
    # {漢字|かんじ} gives a reading (ruby), as the city prints it.
    charter = models.JSONField(_("citizen charter"), default=dict, blank=True)
    # [{"title": ..., "text": ...}]: the city's flower, tree, bird…
    symbols = models.JSONField(_("symbols of the city"), default=list, blank=True)
    accessibility_owner = models.CharField(
        _("owner of the accessibility policy"), max_length=200, blank=True
    )
    is_demo = models.BooleanField(
        _("demonstration data"),
        default=False,
        help_text=_("Shows a banner on every page saying that the records are sample data."),
    )
    history = HistoricalRecords()

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class ReminderSent(models.Model):
    """A reminder of an app's `reminders.py` delivered to one person (kyodo.core.reminder_sweep).

    The unique key keeps the daily sweep from sending the same reminder twice, however often it
    runs and even when two sweeps run at once.
    """

    kind = models.CharField(max_length=60)
    subject_id = models.UUIDField()
    due_on = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "due_on", "recipient"], name="reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on}"
