"""The councils' blocks on pages of lower apps (kyodo.core.plugins.sections_for): a project
whose form is 協議会・審議会 shows its councils in the workspace, and a partner's track record
shows the councils its recommended members (団体推薦) sit on."""

from kyodo.core.plugins import Panel
from kyodo.councils import selectors
from kyodo.guideline.models import CollaborationForm


def sections(request, place: str, obj) -> list[Panel]:
    if place == "projects.overview" and obj.form == CollaborationForm.KYOGIKAI:
        councils = list(selectors.councils_for_staff().filter(project=obj))
        return [Panel("councils/sections/project.html", {"councils": councils})]
    if place == "partners.detail":
        terms = list(selectors.partner_councils(obj.pk))
        if terms:
            return [Panel("councils/sections/partner.html", {"terms": terms})]
    return []
