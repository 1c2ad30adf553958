"""The front page of the promotion measures: what is there, and what needs attention."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from kyodo.engagement import selectors
from kyodo.engagement.models import DialogueIssue, IssueStatus
from kyodo.partners.rules import partner_ids_of


def hub(request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if user.has_perm("engagement.view_dialogue"):
        context = {
            "open_issues": DialogueIssue.objects.filter(
                status__in=(IssueStatus.RECEIVED, IssueStatus.CONSIDERING)
            ).count(),
            "dormant": list(selectors.dormant_agreements()[:20]),
            "ending": list(selectors.agreements_ending()[:20]),
        }
        return render(request, "engagement/hub.html", context)
    if user.has_perm("engagement.view_partner_engagement"):
        ids = partner_ids_of(user)
        context = {
            "lectures": list(selectors.lectures_of_partners(ids)[:50]),
            "agreements": list(selectors.agreements().filter(partner__in=ids)[:50]),
            "issues": list(selectors.issues_linked_to_partner_projects(user)[:50]),
        }
        return render(request, "engagement/partner_hub.html", context)
    raise PermissionDenied("engagement")
