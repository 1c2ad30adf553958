from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.accounts.models import Department
from kyodo.core.models import KyodoModel
from kyodo.guideline.models import ChecklistVersion, CollaborationForm, Question
from kyodo.partners.models import Partner


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    ASSESSING = "assessing", _("Assessing suitability")
    DECLINED = "declined", _("Not by collaboration")
    FORMING = "forming", _("Forming the partnership")
    AGREED = "agreed", _("Agreed")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class PlanArea(KyodoModel):
    """An area of the comprehensive plan (総合計画) the project serves: data, not code."""

    name = models.CharField(_("area name"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comprehensive-plan area")
        verbose_name_plural = _("comprehensive-plan areas")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


# The statuses the public portal and API show: agreed or later (ideas and declined ones stay
# inside). Declared once: the queryset below, the portal and the cycle results all use it.
PUBLIC_STATUSES = (ProjectStatus.AGREED, ProjectStatus.RUNNING, ProjectStatus.CLOSED)


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProjectQuerySet":
        """City staff and coordinators see every project; partner members their own only."""
        if not user.is_authenticated:
            return self.none()
        from kyodo.accounts.rules import is_city_side

        if is_city_side(user):
            return self
        return self.filter(participations__partner__memberships__user=user).distinct()

    def public(self) -> "ProjectQuerySet":
        """Projects the portal may show: agreed or later (ideas and declined ones stay inside)."""
        return self.filter(status__in=PUBLIC_STATUSES)


class Project(KyodoModel):
    """A collaborative project (協働事業)."""

    title = models.CharField(_("title"), max_length=200)
    local_issue = models.TextField(_("local issue"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    public_benefit = models.TextField(_("public benefit"), blank=True)
    beneficiaries = models.TextField(_("target beneficiaries"), blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="projects"
    )
    plan_area = models.ForeignKey(
        PlanArea,
        verbose_name=_("comprehensive-plan area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    fiscal_year_from = models.PositiveIntegerField(_("first fiscal year"), null=True, blank=True)
    fiscal_year_to = models.PositiveIntegerField(_("last fiscal year"), null=True, blank=True)
    budget = models.PositiveBigIntegerField(_("budget (yen)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    form = models.CharField(
        _("form of collaboration"), max_length=20, choices=CollaborationForm.choices, blank=True
    )
    form_version = models.ForeignKey(
        ChecklistVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checkpoints answered"),
    )
    partners = models.ManyToManyField(
        Partner, through="Participation", related_name="projects", verbose_name=_("partners")
    )
    # The title, issue and purpose folded by normalize_search_key (NFKC, case), kept by the
    # services, so that "abc" finds "ＡＢＣ" until the core Japanese search indexes projects.
    search_text = models.TextField(blank=True, editable=False)
    # Optimistic locking: each save of the plan raises it; a save based on an older number is
    # refused so that two people editing at once do not overwrite each other.
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("collaborative project")
        verbose_name_plural = _("collaborative projects")
        ordering = ["-created_at"]
        indexes = [
            # Lists are newest first: a page of 20 walks this index backwards (20,000 rows).
            models.Index(fields=["created_at"], name="projects_project_created"),
            # A department's newest (the staff home, the list filtered by department): without
            # it SQLite sorted all of a department's 4,000 projects for the first ten.
            models.Index(fields=["department", "created_at"], name="projects_project_dept_new"),
            # The public pages' ETag is the newest change: one lookup in this index.
            models.Index(fields=["updated_at"], name="projects_project_updated"),
        ]

    def __str__(self) -> str:
        return self.title


class Participation(KyodoModel):
    """A partner taking part in a project, with its role there."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participations")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    # Who signs the agreement for this partner when it is 丙 or later (乙 signs as
    # Agreement.partner_signatory); empty: the registry's representative.
    signatory = models.CharField(_("signatory of the agreement"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["project", "partner"], name="unique_participation")
        ]

    def __str__(self) -> str:
        return f"{self.partner} – {self.project}"


class StatusChange(KyodoModel):
    """One step of the project's timeline."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=ProjectStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ProjectStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]


class Decision(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    PROCEED = "proceed", _("Proceed by collaboration")
    DECLINE = "decline", _("Not by collaboration")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNCLEAR = "unclear", _("Unclear")


class SuitabilityCheck(KyodoModel):
    """The suitability check of §3-(1)-①, answered against fixed checklist versions."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="suitability")
    version = models.ForeignKey(ChecklistVersion, on_delete=models.PROTECT, related_name="+")
    strengths_version = models.ForeignKey(
        ChecklistVersion, on_delete=models.PROTECT, related_name="+"
    )
    strengths = models.ManyToManyField(Question, blank=True, related_name="+")
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[strengths])

    class Meta:
        verbose_name = _("suitability check")
        verbose_name_plural = _("suitability checks")


class SuitabilityAnswer(KyodoModel):
    suitability = models.ForeignKey(
        SuitabilityCheck, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["suitability", "question"], name="unique_suitability_answer"
            )
        ]


class CheckpointState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class CheckpointConfirmation(KyodoModel):
    """A checkpoint of the chosen form, confirmed or marked not applicable with a reason."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="checkpoints")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=20, choices=CheckpointState.choices)
    reason = models.TextField(_("reason"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "question"], name="unique_checkpoint")
        ]


class RoleLine(KyodoModel):
    """A line of the 役割分担・責任分担 table."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="role_lines")
    task = models.CharField(_("task"), max_length=200)
    city_part = models.TextField(_("city's part"), blank=True)
    responsibility = models.TextField(_("responsibility"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]


class RolePart(KyodoModel):
    """One partner's part in a line of the roles table: 乙, 丙 … each have their own column."""

    role_line = models.ForeignKey(RoleLine, on_delete=models.CASCADE, related_name="parts")
    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="role_parts"
    )
    text = models.TextField(_("partner's part"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner's part")
        verbose_name_plural = _("partners' parts")
        constraints = [
            models.UniqueConstraint(fields=["role_line", "participation"], name="unique_role_part")
        ]


class CostBearer(models.TextChoices):
    CITY = "city", _("City")
    PARTNER = "partner", _("Partner")


class CostLine(KyodoModel):
    """A line of the 経費分担 table, in whole yen."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="cost_lines")
    item = models.CharField(_("item"), max_length=200)
    amount = models.PositiveBigIntegerField(_("amount (yen)"))
    bearer = models.CharField(_("borne by"), max_length=10, choices=CostBearer.choices)
    # Which partner (乙, 丙 …) bears a partner-borne line; empty for the city's lines. PROTECT:
    # a partner with costs to bear is not taken off the project silently.
    participation = models.ForeignKey(
        Participation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cost_lines",
        verbose_name=_("partner bearing the cost"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]


class Consultation(KyodoModel):
    """A record of one consultation (協議記録)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="consultations")
    held_on = models.DateField(_("date held"))
    city_attendees = models.TextField(_("attendees from the city"))
    partner_attendees = models.TextField(_("attendees from the partner side"))
    agenda = models.TextField(_("agenda"))
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-created_at"]


class AgreedPointQuerySet(models.QuerySet):
    def unconfirmed(self):
        return self.filter(Q(city_confirmed_at__isnull=True) | Q(partner_confirmed_at__isnull=True))


class AgreedPoint(KyodoModel):
    """A point both sides must read the same way; agreed only once both have confirmed it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="agreed_points")
    consultation = models.ForeignKey(
        Consultation, on_delete=models.SET_NULL, null=True, blank=True, related_name="points"
    )
    text = models.TextField(_("agreed point"))
    city_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    city_confirmed_at = models.DateTimeField(null=True, blank=True)
    partner_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partner_confirmed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = AgreedPointQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    @property
    def is_agreed(self) -> bool:
        return self.city_confirmed_at is not None and self.partner_confirmed_at is not None


class AgreementKind(models.TextChoices):
    KYOTEI = "kyotei", "協定書"
    KEIYAKU = "keiyaku", "契約書"
    OBOEGAKI = "oboegaki", "覚書"


class Agreement(KyodoModel):
    """The agreement (協定書・契約書・覚書) of a project; its documents are generated from it."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="agreement")
    kind = models.CharField(
        _("kind of document"), max_length=10, choices=AgreementKind.choices, default="kyotei"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    term_end = models.DateField(_("end of the subsidy term"), null=True, blank=True)
    confidentiality = models.TextField(_("confidentiality clause"), blank=True)
    personal_data = models.TextField(_("personal data clause"), blank=True)
    rights = models.TextField(_("rights to deliverables"), blank=True)
    trouble = models.TextField(_("what happens on trouble"), blank=True)
    other_clauses = models.TextField(_("other clauses"), blank=True)
    city_signatory = models.CharField(_("signatory for the city"), max_length=200)
    partner_signatory = models.CharField(_("signatory for the partner"), max_length=200)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()


class AgreementDocument(KyodoModel):
    """One generation of the agreement as .docx and PDF, numbered; older ones are kept."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    number = models.PositiveIntegerField(_("version"))
    docx = models.BinaryField()
    pdf = models.BinaryField()
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="unique_agreement_doc")
        ]
