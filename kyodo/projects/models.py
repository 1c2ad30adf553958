from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.accounts.models import Department
from kyodo.core.models import KyodoModel
from kyodo.partners.models import Partner


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    ASSESSING = "assessing", _("Assessing suitability")
    DECLINED = "declined", _("Not by collaboration")
    FORMING = "forming", _("Forming the partnership")
    AGREED = "agreed", _("Agreed")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class Project(KyodoModel):
    """A collaborative project (協働事業)."""

    title = models.CharField(_("title"), max_length=200)
    local_issue = models.TextField(_("local issue"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="projects"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    partners = models.ManyToManyField(
        Partner, through="Participation", related_name="projects", verbose_name=_("partners")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("collaborative project")
        verbose_name_plural = _("collaborative projects")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Participation(KyodoModel):
    """A partner taking part in a project, with its role there."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["project", "partner"], name="unique_participation")
        ]

    def __str__(self) -> str:
        return f"{self.partner} – {self.project}"
