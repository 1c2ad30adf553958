"""Making the annual report: requested by a coordinator, made by the task worker, kept."""

import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.core.wareki import fiscal_year, fiscal_year_label
from kyodo.projects.models import Project
from kyodo.reports.documents.content import labels
from kyodo.reports.documents.pdf import write_pdf
from kyodo.reports.documents.rows import project_rows, projects_of_year
from kyodo.reports.documents.xlsx import write_workbook
from kyodo.reports.figures import Scope, dashboard
from kyodo.reports.models import AnnualReport, ReportStatus


def years_with_data() -> list[int]:
    """The fiscal years a report or the dashboard can be made for: from the first project's
    year to the current one, newest first."""
    current = fiscal_year(timezone.localdate())
    first = Project.objects.aggregate(first=Min("created_at"))["first"]
    start = fiscal_year(timezone.localdate(first)) if first else current
    return list(range(current, min(start, current) - 1, -1))


def check_year(year: int) -> None:
    if year not in years_with_data():
        raise ValidationError(
            _("There are no records for %(year)s.") % {"year": fiscal_year_label(year)},
            code="year",
        )


@transaction.atomic
def annual_report_request(*, actor, fiscal_year: int, again: bool = False) -> AnnualReport:
    """The year's report: the one kept, the one being made, or a new one queued."""
    require_perm(actor, "reports.make_annual_report")
    check_year(fiscal_year)
    existing = AnnualReport.objects.filter(fiscal_year=fiscal_year).exclude(
        status=ReportStatus.FAILED
    )
    running = existing.filter(status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]).first()
    if running is not None:
        return running
    kept = existing.filter(status=ReportStatus.DONE).first()
    if kept is not None and not again:
        return kept
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(fiscal_year=fiscal_year, requested_by=actor)
    except IntegrityError:  # another request for the year was queued in the meantime
        return AnnualReport.objects.get(
            fiscal_year=fiscal_year, status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING]
        )
    from kyodo.reports.tasks import make_annual_report

    transaction.on_commit(lambda: make_annual_report.enqueue(str(report.pk)))
    return report


def annual_report_make(*, report_id) -> AnnualReport:
    """Write the workbook and the PDF, reporting progress on the record (run by the worker)."""
    # The worker has no request to take a language from: the report is the city's, in Japanese.
    with translation.override("ja"):
        return _make(report_id)


def _make(report_id) -> AnnualReport:
    report = AnnualReport.objects.get(pk=report_id)
    count = projects_of_year(report.fiscal_year).count()
    AnnualReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, total=2 * count + 2, processed=0
    )
    board = dashboard(Scope(report.fiscal_year))
    try:
        # Read once for both files: a list of plain rows (about 1 KB a project).
        rows = list(project_rows(report.fiscal_year, labels()))
        with tempfile.TemporaryDirectory() as folder:
            xlsx_path, pdf_path = Path(folder) / "report.xlsx", Path(folder) / "report.pdf"
            write_workbook(xlsx_path, board, rows, lambda n: _progress(report, n + 1))
            write_pdf(pdf_path, board, rows, lambda n: _progress(report, count + 2 + n))
            stem = f"kyodo_report_{report.fiscal_year}"
            with xlsx_path.open("rb") as xlsx, pdf_path.open("rb") as pdf:
                report.xlsx.save(f"{stem}.xlsx", File(xlsx), save=False)
                report.pdf.save(f"{stem}.pdf", File(pdf), save=False)
    except Exception as error:
        AnnualReport.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, message=str(error)[:1000], finished_at=timezone.now()
        )
        raise
    report.status = ReportStatus.DONE
    report.total = report.processed = 2 * count + 2
    report.finished_at = timezone.now()
    report.save()
    return report


def _progress(report: AnnualReport, processed: int) -> None:
    AnnualReport.objects.filter(pk=report.pk).update(processed=processed)


def _plain(values: list) -> list:
    return [float(v) if isinstance(v, Decimal | Fraction) else v for v in values]


def _summary(year: int) -> list[dict]:
    """The city's figures of the year as plain data: what the public page shows."""
    board = dashboard(Scope(year))
    return [
        {
            "title": section.title,
            "definition": section.definition,
            "columns": section.year_labels
            if section.key != "verification_areas"
            else [_("City side"), _("Partner side")],
            "rows": [
                {"label": str(row.label), "values": _plain(row.values), "percent": row.percent}
                for row in section.rows
            ],
        }
        for section in board.sections
    ]


@transaction.atomic
def annual_report_publish(*, actor, report: AnnualReport) -> AnnualReport:
    """Publish the report's summary (the city's figures, frozen now) on the portal."""
    require_perm(actor, "reports.publish_report", report)
    with translation.override("ja"):
        report.summary = _summary(report.fiscal_year)
    report.published_at = timezone.now()
    # One published summary a year: an earlier one of the same year is withdrawn.
    AnnualReport.objects.filter(fiscal_year=report.fiscal_year).exclude(pk=report.pk).update(
        published_at=None
    )
    report.save()
    return report


@transaction.atomic
def annual_report_withdraw(*, actor, report: AnnualReport) -> AnnualReport:
    require_perm(actor, "reports.publish_report", report)
    report.published_at = None
    report.save()
    return report
