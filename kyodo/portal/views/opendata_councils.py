"""Councils as CSV open data (kyodo.portal.opendata_councils), under /councils/opendata/."""

from django.http import HttpResponse

from kyodo.portal import opendata_councils as data
from kyodo.portal.http import base_url

DATASETS = {
    "councils": (data.COUNCIL_COLUMNS, data.council_records),
    "meetings": (data.MEETING_COLUMNS, data.meeting_records),
    "outcomes": (data.OUTCOME_COLUMNS, data.outcome_records),
}


def council_csv(request, dataset: str):
    columns, records = DATASETS[dataset]
    body = data.to_csv(columns, records(base_url(request)))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="council_{dataset}.csv"'
    return response
