"""What the promotion measures add to a partner's page and a project's overview.

A partner's track record (§3-1-② 活動実績) includes the lectures it gave city staff, its
partnership agreements and how often staff took part in its activities (a count: the entries
themselves are private to each staff member). A project that came from a local issue raised in
dialogue says so, with a link back.
"""

from django.db.models import Count

from kyodo.core.plugins import Panel
from kyodo.engagement import selectors
from kyodo.engagement.models import DialogueIssue


def sections(request, place: str, obj) -> list[Panel]:
    if place == "partners.detail":
        return _partner(obj)
    if place == "projects.overview":
        return _project(obj)
    return []


def _partner(partner) -> list[Panel]:
    staff = partner.staff_activities.aggregate(
        entries=Count("pk"), people=Count("staff", distinct=True)
    )
    lectures = list(selectors.lectures_of_partners([partner.pk])[:20])
    agreements = list(partner.partnership_agreements.order_by("-signed_on")[:20])
    if not (staff["entries"] or lectures or agreements):
        return []
    return [
        Panel(
            "engagement/sections/partner.html",
            {"staff": staff, "lectures": lectures, "agreements": agreements},
        )
    ]


def _project(project) -> list[Panel]:
    issue = DialogueIssue.objects.filter(project=project).select_related("session").first()
    if issue is None:
        return []
    return [Panel("engagement/sections/project.html", {"issue": issue})]
