"""Reading projects: lists with their filters, what a project still needs, public projects."""

import functools

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kyodo.accounts.models import departments_by_key
from kyodo.core.normalize import nfkc, normalize_search_key
from kyodo.core.work_cache import kept_count
from kyodo.guideline.models import Question
from kyodo.partners.models import Partner
from kyodo.projects.models import (
    AgreedPoint,
    Agreement,
    CheckpointConfirmation,
    CostBearer,
    Decision,
    Participation,
    Project,
    SuitabilityCheck,
)
from kyodo.projects.parties import PARTNER_MARKS

# Rows per page of the staff project list.
PAGE_SIZE = 50


def _unconfirmed_points():
    """How many of the project's agreed points await confirmation, as a correlated subquery:
    computed for the rows of the page only, where a joined COUNT would group every project."""
    points = (
        AgreedPoint.objects.filter(project=OuterRef("pk"))
        .unconfirmed()
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(points, output_field=IntegerField()), 0)


def _open_checkpoints():
    """How many checkpoints of the project's form are not yet confirmed (per row, as above)."""
    questions = (
        Question.objects.filter(version=OuterRef("form_version"))
        .order_by()
        .values("version")
        .annotate(n=Count("pk"))
        .values("n")
    )
    confirmed = (
        CheckpointConfirmation.objects.filter(
            project=OuterRef("pk"), question__version=OuterRef("form_version")
        )
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(questions, output_field=IntegerField()), 0) - Coalesce(
        Subquery(confirmed, output_field=IntegerField()), 0
    )


# What a row of projects/_table.html and next_step() read: the list loads only these columns
# (a project row with its texts, agreement and partners in full cost most of the page's time).
LIST_COLUMNS = ("title", "status", "form", "created_at", "department", "agreement__id")


@functools.cache
def _list_base() -> QuerySet:
    """Projects read for a list's rows, built once per process: building the two correlated
    subqueries cost about a millisecond a list. Never evaluated itself (`_list_rows`)."""
    return (
        Project.objects.select_related("agreement")
        .only(*LIST_COLUMNS)
        .annotate(unconfirmed_count=_unconfirmed_points(), checkpoints_open=_open_checkpoints())
        # Newest first, walking the created_at index; the key breaks ties so pages are stable.
        .order_by("-created_at", "-pk")
    )


def _list_rows() -> QuerySet:
    """Projects read for a list's rows (a copy of `_list_base` to filter); `with_row_details`
    adds their departments and partners once they are read (the rows of one page only)."""
    return _list_base().all()


def with_row_details(projects: list, department=None) -> list:
    """Each project of a list with its `department` (`department` if given, else from the kept
    departments, `departments_by_key`: the department was joined, then prefetched, a query per
    page) and `partner_names`, the names of its partners in the order they joined, read as
    names in one query (a prefetch of participations with their partners made two objects per
    partner)."""
    names: dict = {project.pk: [] for project in projects}
    rows = (
        Participation.objects.filter(project_id__in=list(names))
        .order_by("created_at", "pk")
        .values_list("project_id", "partner__name")
    )
    for project_id, name in rows if names else ():
        names[project_id].append(name)
    departments = {} if department is not None or not projects else departments_by_key()
    for project in projects:
        project.partner_names = names[project.pk]
        if department is not None:
            project.department = department
        elif project.department_id is not None:
            project.department = departments.get(project.department_id)
    return projects


def _with_partners(partners: QuerySet) -> Q:
    """Projects in which one of `partners` takes part (a subquery: no join, no DISTINCT)."""
    return Q(pk__in=Participation.objects.filter(partner__in=partners).values("project_id"))


def _partner_name_filter(qs: QuerySet, partner_name: str) -> QuerySet:
    for word in nfkc(partner_name).split():
        qs = qs.filter(
            _with_partners(
                Partner.objects.filter(Q(name__icontains=word) | Q(name_kana__icontains=word))
            )
        )
    return qs


def projects_for_list(
    user,
    *,
    status="",
    form="",
    department=None,
    fiscal_year=None,
    partner=None,
    partner_name="",
    q="",
) -> QuerySet:
    """The staff project list with its filters; the search folds full-width and case.

    `partner` is one partner (or its id), `partner_name` words of partners' names or readings.
    """
    qs = _list_rows().visible_to(user)
    if status:
        qs = qs.filter(status=status)
    if form:
        qs = qs.filter(form=form)
    if department is not None:
        qs = qs.filter(department=department)
    if fiscal_year:
        qs = qs.filter(
            Q(fiscal_year_from__lte=fiscal_year) | Q(fiscal_year_from__isnull=True),
            Q(fiscal_year_to__gte=fiscal_year) | Q(fiscal_year_to__isnull=True),
        ).exclude(fiscal_year_from__isnull=True, fiscal_year_to__isnull=True)
    if partner is not None:
        qs = qs.filter(_with_partners(Partner.objects.filter(pk=getattr(partner, "pk", partner))))
    qs = _partner_name_filter(qs, partner_name)
    for word in normalize_search_key(q).split():
        named = Partner.objects.filter(name__icontains=word)
        qs = qs.filter(Q(search_text__contains=word) | _with_partners(named))
    return qs


def project_page(user, filters: dict, page_number) -> Page:
    """One page of the staff list: a COUNT of the filtered projects (kept while no record
    changes), then the page's rows."""
    paginator = Paginator(projects_for_list(user, **filters), PAGE_SIZE)
    paginator.count = kept_count("projects:list", filters, paginator.object_list, user)
    page = paginator.get_page(page_number)
    page.object_list = with_row_details(list(page.object_list))
    return page


def newest_of_department(department, count: int) -> tuple[list, bool]:
    """The department's newest `count` projects (staff home: "my projects") and whether there
    are more: each row's department is the one given, not read again."""
    if department is None:
        return [], False
    projects = list(_list_rows().filter(department=department)[: count + 1])
    return with_row_details(projects[:count], department), len(projects) > count


def projects_of_partner_member(user) -> list:
    """The projects of the organisations the user is a member of (partner home)."""
    mine = _list_rows().filter(participations__partner__memberships__user=user).distinct()
    return with_row_details(list(mine))


def public_projects() -> QuerySet:
    """Projects the public portal may list (agreed, running, closed), with their partners.

    Carries no personal data: the portal should show title, local issue, purpose, department,
    form, status and the names of partners that chose to be listed publicly.
    """
    return (
        Project.objects.public()
        .select_related("department", "plan_area")
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(partner__listed_publicly=True).select_related(
                    "partner"
                ),
            )
        )
        .order_by("-created_at")
    )


def agreement_of(project) -> Agreement | None:
    """The project's agreement, read once per project object (Django caches the relation)."""
    try:
        return project.agreement
    except Agreement.DoesNotExist:
        return None


def cost_totals(project) -> dict:
    totals = dict(
        project.cost_lines.values_list("bearer")
        .annotate(total=Sum("amount"))
        .values_list("bearer", "total")
    )
    city = totals.get(CostBearer.CITY, 0) or 0
    partner = totals.get(CostBearer.PARTNER, 0) or 0
    return {"city": city, "partner": partner, "all": city + partner}


def checkpoints_missing(project) -> int:
    if project.form_version_id is None:
        return -1
    total = project.form_version.questions.count()
    done = CheckpointConfirmation.objects.filter(
        project=project, question__version=project.form_version
    ).count()
    return total - done


def _party_gaps(project) -> list[str]:
    """What the parties still lack: a partner, a mark, a signatory, a bearer of each cost."""
    gaps = []
    signing = list(
        project.participations.order_by("created_at", "pk").values_list(
            "signatory", "partner__representative"
        )
    )
    if not signing:
        gaps.append(_("No partner takes part in the project yet."))
    elif len(signing) > len(PARTNER_MARKS):
        gaps.append(
            _("An agreement names at most %(count)s partners (乙 to 癸).")
            % {"count": len(PARTNER_MARKS)}
        )
    # 乙 signs as the agreement's partner_signatory; 丙 and later need a name of their own.
    if any(not (signatory or representative) for signatory, representative in signing[1:]):
        gaps.append(_("A partner after the first has no signatory for the agreement."))
    if project.cost_lines.filter(bearer=CostBearer.PARTNER, participation__isnull=True).exists():
        gaps.append(_("Some cost lines borne by a partner do not say which partner."))
    return gaps


def agreement_missing(project) -> list[str]:
    """What must still be done before the agreement can be finalised (empty: ready)."""
    from kyodo.projects.services import mandatory_clause_errors

    missing = []
    check = SuitabilityCheck.objects.filter(project=project).first()
    if check is None or check.decision != Decision.PROCEED:
        missing.append(_("The suitability check has not been completed."))
    if not project.form:
        missing.append(_("No form of collaboration has been chosen."))
    elif checkpoints_missing(project) > 0:
        missing.append(_("Not every checkpoint of the form has been confirmed."))
    missing += _party_gaps(project)
    if AgreedPoint.objects.filter(project=project).unconfirmed().exists():
        missing.append(_("Some agreed points have not been confirmed by both sides."))
    agreement = Agreement.objects.filter(project=project).first()
    if agreement is None:
        missing.append(_("The agreement has not been drafted."))
    else:
        fields = {
            name: getattr(agreement, name)
            for name in ("confidentiality", "personal_data", "term_end")
        }
        missing.extend(str(m) for m in mandatory_clause_errors(project.form, fields).values())
        if not agreement.documents.exists():
            missing.append(_("The agreement documents have not been generated."))
    return missing
