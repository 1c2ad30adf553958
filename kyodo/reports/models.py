"""The annual report as a kept result: generated once in the background, downloaded again."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kyodo.core.models import KyodoModel


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class AnnualReport(KyodoModel):
    """The annual collaboration report (協働事業実績報告) of one fiscal year, Excel and PDF."""

    fiscal_year = models.PositiveIntegerField(_("fiscal year"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    xlsx = models.FileField(upload_to="reports/", blank=True)
    pdf = models.FileField(upload_to="reports/", blank=True)
    message = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The summary published on the portal: the city's figures as they were when published
    # (sections of rows, no personal data), so that the public page does not move afterwards.
    summary = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            # Never two reports of one year being made at once (a second request waits).
            models.UniqueConstraint(
                fields=["fiscal_year"],
                condition=Q(status__in=["queued", "running"]),
                name="one_report_in_progress_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.get_status_display()}"

    @property
    def percent(self) -> int:
        return int(self.processed * 100 / self.total) if self.total else 0

    @property
    def in_progress(self) -> bool:
        return self.status in (ReportStatus.QUEUED, ReportStatus.RUNNING)
