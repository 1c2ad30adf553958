from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.core.models import KyodoModel


class PartnerType(KyodoModel):
    """市民, NPO法人, 町内会, …: data that a coordinator can extend."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner type")
        verbose_name_plural = _("partner types")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityField(KyodoModel):
    """Fields of activity (福祉, 環境, 防災, …): a taxonomy a coordinator edits."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Partner(KyodoModel):
    """An organisation or person the city collaborates with (協働の主体)."""

    partner_type = models.ForeignKey(
        PartnerType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="partners"
    )
    name = models.CharField(_("name"), max_length=200)
    name_kana = models.CharField(_("name (katakana)"), max_length=200, blank=True)
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
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="PartnerMembership",
        related_name="partner_organisations",
        verbose_name=_("members"),
    )
    history = HistoricalRecords(m2m_fields=[fields])

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name_kana", "name"]

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
