"""Disclosed subsidies (補助の透明性, §3-3-③): a public page by fiscal year, and the same as CSV.

Only grants the city marked 「公開済み」 appear (kyodo.calls.disclosure); a grant not yet
disclosed is neither listed nor counted.
"""

import csv
import io

from django.contrib import messages
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from kyodo.calls.disclosure import disclosed_grants, disclosed_years
from kyodo.calls.models import DisclosureStatus, Grant
from kyodo.core.exports import safe_cell
from kyodo.core.models import Municipality
from kyodo.core.normalize import nfkc
from kyodo.core.wareki import fiscal_year_label
from kyodo.partners.models import Partner
from kyodo.portal.http import cacheable, page_meta

SUBSIDY_KINDS = ("calls", "partners")  # grants, their calls, their recipients' names

CSV_COLUMNS = [
    "全国地方公共団体コード",
    "地方公共団体名",
    "年度",
    "交付先",
    "補助の目的",
    "交付額（円）",
    "補助期間（開始）",
    "補助期間（終了）",
    "公募",
]


def _version(request, *args, **kwargs):
    grants = Grant.objects.filter(disclosure_status=DisclosureStatus.DISCLOSED).aggregate(
        newest=Max("updated_at"), count=Count("pk")
    )
    return (grants["newest"], grants["count"], Partner.objects.aggregate(Max("updated_at")))


def _year(request, years: list[int]) -> tuple[int | None, str]:
    """The fiscal year asked for, else the newest with a disclosed grant (None: there is none),
    and a message when the one asked for cannot be shown."""
    newest = years[0] if years else None
    raw = request.GET.get("year", "").strip()
    if not raw:
        return newest, ""
    try:
        year = int(nfkc(raw))
    except ValueError:
        return newest, _("Choose a fiscal year from the list.")
    if year not in years:
        return newest, _("No subsidy of %(year)s has been disclosed.") % {
            "year": fiscal_year_label(year)
        }
    return year, ""


@cacheable(_version, kinds=SUBSIDY_KINDS)
def public_subsidies(request):
    years = disclosed_years()
    year, error = _year(request, years)
    if error:
        messages.warning(request, error)
    grants = disclosed_grants(year)
    return render(
        request,
        "portal/public/subsidies.html",
        {
            "grants": grants,
            "total": sum(grant.amount for grant in grants),
            "years": [{"value": y, "label": fiscal_year_label(y)} for y in years],
            "year": year,
            "meta": page_meta(
                request,
                _("Subsidies granted"),
                _(
                    "The subsidies the city has granted to organisations: recipient, purpose, "
                    "amount and fiscal year, disclosed for transparency."
                ),
            ),
        },
    )


@cacheable(_version, kinds=SUBSIDY_KINDS)
def public_subsidies_csv(request):
    """Every disclosed grant, or one fiscal year's (?year=2026)."""
    years = disclosed_years()
    year = _year(request, years)[0] if request.GET.get("year") else None
    city = Municipality.objects.current()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for grant in disclosed_grants(year):
        writer.writerow(
            [
                city.code if city else "",
                city.name if city else "",
                fiscal_year_label(grant.fiscal_year),
                safe_cell(grant.recipient),
                safe_cell(grant.purpose),
                grant.amount,
                grant.term_start.isoformat(),
                grant.term_end.isoformat(),
                safe_cell(grant.call_title),
            ]
        )
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")
    name = f"補助金交付状況_{fiscal_year_label(year) if year else '全年度'}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
