import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel


class TaxonomyItem(KyodoModel):
    """An entry of a list that a coordinator keeps: a name and its place in the list."""

    name = models.CharField(pgettext_lazy("partners", "name"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class PartnerType(TaxonomyItem):
    """市民, NPO法人, 町内会, …: data that a coordinator can extend."""

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("partner type")
        verbose_name_plural = _("partner types")


class ActivityField(TaxonomyItem):
    """Fields of activity (福祉, 環境, 防災, …): a taxonomy a coordinator edits."""

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")


class Partner(KyodoModel):
    """An organisation or person the city collaborates with (協働の主体)."""

    partner_type = models.ForeignKey(
        PartnerType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="partners"
    )
    # "name" alone is translated 氏名 (a person's name) by the project catalogue.
    name = models.CharField(_("organisation name"), max_length=200)
    name_kana = models.CharField(_("organisation name (katakana)"), max_length=200, blank=True)
    representative = models.CharField(_("representative"), max_length=100, blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("number of members"), null=True, blank=True)
    fields = models.ManyToManyField(
        ActivityField, verbose_name=_("fields of activity"), blank=True, related_name="partners"
    )
    area_served = models.CharField(_("area served"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=8, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    # The contact person's details are personal information: staff and the partner's own
    # members only, never on public pages, feeds, exports or the API.
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    listed_publicly = models.BooleanField(
        _("listed on the public portal"),
        default=False,
        help_text=_("The organisation consents to its public fields being shown on the portal."),
    )
    # Capability profile (市民団体の力量, guideline §3-(1)-②): what the city weighs when it
    # chooses a partner, including the evidence the guideline names for young groups.
    activity = models.TextField(_("activity content"), blank=True)
    track_record = models.TextField(
        _("track record"),
        blank=True,
        help_text=_("Work outside the projects recorded here (those are listed automatically)."),
    )
    capacity = models.TextField(_("capacity to carry out projects"), blank=True)
    planning = models.TextField(_("planning ability"), blank=True)
    organisation = models.TextField(_("organisation"), blank=True)
    annual_budget = models.PositiveBigIntegerField(_("annual budget (yen)"), null=True, blank=True)
    revenue_sources = models.CharField(_("main revenue sources"), max_length=300, blank=True)
    similar_work = models.TextField(_("similar past work"), blank=True)
    qualifications = models.TextField(_("members' qualifications and licences"), blank=True)
    trainings = models.TextField(_("trainings attended"), blank=True)
    instructors = models.TextField(_("instructors"), blank=True)
    officers = models.TextField(_("officers"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="PartnerMembership",
        related_name="partner_organisations",
        verbose_name=_("members"),
    )
    # Raised by every save through the services: a form based on an older version is refused.
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_kana", "name"]
        # The staff list's order walked in an index (issue 19); the key keeps pages stable.
        indexes = [
            models.Index(fields=["name_kana", "name", "id"], name="partners_partner_kana_name")
        ]

    def __str__(self) -> str:
        return self.name


class PartnerMembership(KyodoModel):
    """A user who acts for a partner organisation (団体ユーザー)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_memberships"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")
        constraints = [
            models.UniqueConstraint(fields=["partner", "user"], name="unique_partner_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.partner}"


class AttachmentKind(models.TextChoices):
    ARTICLES = "articles", _("Articles of association")
    BUDGET = "budget", _("Budget or financial statement")
    OTHER = "other", _("Other document")


def attachment_path(instance, filename: str) -> str:
    # A random name: the original one may hold personal names and is kept in `filename`.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"partners/{instance.partner_id}/{uuid.uuid4().hex}.{suffix}"


class PartnerAttachment(KyodoModel):
    """A document backing a capability profile (PDF or Office files only)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind of document"), max_length=20, choices=AttachmentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Checked, waiting for confirmation")
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed: nothing was saved")


class PartnerImport(KyodoModel):
    """One import of a partner list: its checked rows, then its progress and outcome.

    The rows are checked (and stored here, normalised) before anything is saved; confirming
    saves all of them in one transaction or none.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    rows = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)

    class Meta:
        verbose_name = _("partner import")
        verbose_name_plural = _("partner imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        return int(self.processed * 100 / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
