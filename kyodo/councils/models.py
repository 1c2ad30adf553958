"""Councils (協議会・審議会): members and their terms, meetings, outcomes and their follow-up.

The guideline (§3-(3)-⑤) asks that a council not become hollow: 「会議が形骸化しないように、
実効性のある結論を出すことに市も委員も貢献していく必要があります」. So each meeting records its
outcomes, each outcome what the city does about it, and the selectors flag a council that only
meets. A person (`Person`) is kept once and holds one `Term` per appointment, so that a
reappointment is a new term and seats across councils can be counted.
"""

from datetime import date
from pathlib import PurePosixPath

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kyodo.accounts.models import Department
from kyodo.core.models import KyodoModel
from kyodo.partners.models import Partner
from kyodo.projects.models import Project


class CouncilKind(models.TextChoices):
    SHINGIKAI = "shingikai", _("Advisory council set by ordinance (審議会)")
    KYOGIKAI = "kyogikai", _("Council (協議会)")
    IINKAI = "iinkai", _("Committee (委員会)")
    OTHER = "other", _("Other")


class Quorum(models.TextChoices):
    """The quorum rules of municipal councils, counted against the members in office."""

    HALF = "half", _("Half of the members or more")
    MAJORITY = "majority", _("More than half of the members")
    TWO_THIRDS = "two_thirds", _("Two thirds of the members or more")


class CouncilQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


COUNCIL_FIELDS = (
    "name",
    "name_kana",
    "kind",
    "legal_basis",
    "purpose",
    "department",
    "seats",
    "term_years",
    "quorum",
    "meetings_per_year",
    "established_on",
    "abolished_on",
    "is_public",
    "project",
)


class Council(KyodoModel):
    name = models.CharField(_("council name"), max_length=200)
    name_kana = models.CharField(_("council name (katakana)"), max_length=200, blank=True)
    kind = models.CharField(_("kind of council"), max_length=20, choices=CouncilKind.choices)
    legal_basis = models.CharField(
        _("legal basis"), max_length=300, blank=True, help_text=_("Ordinance or rules, and article")
    )
    purpose = models.TextField(_("purpose of the council"))
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="councils"
    )
    seats = models.PositiveSmallIntegerField(_("seats (定数)"))
    term_years = models.PositiveSmallIntegerField(_("term of office (years)"), default=2)
    quorum = models.CharField(
        _("quorum"), max_length=20, choices=Quorum.choices, default=Quorum.HALF
    )
    meetings_per_year = models.PositiveSmallIntegerField(
        _("meetings per fiscal year (rule)"), default=1
    )
    established_on = models.DateField(_("established on"))
    abolished_on = models.DateField(_("abolished on"), null=True, blank=True)
    is_public = models.BooleanField(_("published on the portal"), default=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("collaborative project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="councils",
    )
    history = HistoricalRecords()

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["name_kana", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def exists_on(self, day: date) -> bool:
        return self.established_on <= day and (
            self.abolished_on is None or day <= self.abolished_on
        )


class Gender(models.IntegerChoices):
    """ISO/IEC 5218 codes; 0 also when the person declined to state."""

    NOT_KNOWN = 0, _("Not known or not stated")
    MALE = 1, _("Male")
    FEMALE = 2, _("Female")
    NOT_APPLICABLE = 9, _("Not applicable")


class Person(KyodoModel):
    """A council member as a person; contact details are for city staff only."""

    name = models.CharField(_("name"), max_length=100)
    name_kana = models.CharField(_("name (katakana)"), max_length=100, blank=True)
    gender = models.PositiveSmallIntegerField(
        _("gender"), choices=Gender.choices, default=Gender.NOT_KNOWN
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["name_kana", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Category(models.TextChoices):
    ACADEMIC = "academic", _("Academic expert (学識経験者)")
    PUBLIC = "public", _("Publicly recruited citizen (公募市民)")
    ORGANISATION = "organisation", _("Recommended by an organisation (団体推薦)")
    AGENCY = "agency", _("Related agency (関係機関)")
    EX_OFFICIO = "ex_officio", _("Ex officio (充て職)")
    OTHER = "other", _("Other")


class Position(models.TextChoices):
    MEMBER = "member", _("Member")
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")


class TermQuerySet(models.QuerySet):
    def on(self, day: date):
        """The terms in office on `day` (both ends included)."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Term(KyodoModel):
    """One appointment of a person to a council; a reappointment is another term."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="terms")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="terms")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("recommending organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_terms",
    )
    position = models.CharField(
        _("position"), max_length=20, choices=Position.choices, default=Position.MEMBER
    )
    starts_on = models.DateField(_("term starts"))
    ends_on = models.DateField(_("term ends"))
    history = HistoricalRecords()

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")
        ordering = ["council", "-starts_on", "person__name_kana"]

    def __str__(self) -> str:
        return f"{self.person} ({self.starts_on}–{self.ends_on})"

    def in_office_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


class Meeting(KyodoModel):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("meeting title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("held online"), default=False)
    is_public = models.BooleanField(_("open to the public"), default=True)
    closed_reason = models.TextField(_("reason for closing the meeting"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One agenda item per line"))
    observer_capacity = models.PositiveSmallIntegerField(
        _("seats for observers (傍聴)"), null=True, blank=True
    )
    observers = models.PositiveSmallIntegerField(_("observers (傍聴者数)"), null=True, blank=True)
    minutes_text = models.TextField(_("minutes (会議録)"), blank=True)
    minutes_file = models.FileField(_("minutes file"), upload_to="councils/minutes/", blank=True)
    minutes_approved_at = models.DateTimeField(_("minutes approved at"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def has_minutes(self) -> bool:
        return bool(self.minutes_text.strip() or self.minutes_file)

    @property
    def minutes_public(self) -> bool:
        """Only a public meeting's approved and published minutes reach the portal."""
        return self.is_public and self.minutes_published_at is not None

    @property
    def minutes_file_name(self) -> str:
        return PurePosixPath(self.minutes_file.name).name if self.minutes_file else ""


class Material(KyodoModel):
    """A document handed out at a meeting (資料); served only by its permission-checked view."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="councils/materials/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting material")
        verbose_name_plural = _("meeting materials")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def council(self) -> Council:
        return self.meeting.council


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    PROXY = "proxy", _("Present by proxy")


class Attendance(KyodoModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "term"], name="councils_one_attendance")
        ]


class OutcomeKind(models.TextChoices):
    REPORT_ANSWER = "toshin", _("Report in answer (答申)")
    PROPOSAL = "kengi", _("Proposal (建議)")
    REPORT = "hokoku", _("Report (報告)")
    DECISION = "kettei", _("Decision (決定)")
    OPINION = "iken", _("Opinion (意見)")


class Outcome(KyodoModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("kind of outcome"), max_length=10, choices=OutcomeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("content"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def council(self) -> Council:
        return self.meeting.council


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started (未着手)")
    CONSIDERING = "considering", _("Under consideration (検討中)")
    DONE = "done", _("Done (対応済)")
    DECLINED = "declined", _("Will not be done (対応しない)")


class FollowUp(KyodoModel):
    """What the city does about an outcome; shown until it is done (or declined with reason)."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="followups")
    action = models.TextField(_("what the city does"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NOT_STARTED,
    )
    reason = models.TextField(_("reason"), blank=True)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up item")
        verbose_name_plural = _("follow-up items")
        ordering = ["due_on", "created_at"]

    def __str__(self) -> str:
        return self.action[:50]

    @property
    def council(self) -> Council:
        return self.outcome.meeting.council

    @property
    def is_open(self) -> bool:
        return self.status in (FollowUpStatus.NOT_STARTED, FollowUpStatus.CONSIDERING)
