"""Home page blocks: "my projects" for staff, "our projects" for partner members."""

from django.utils.http import urlencode

from kyodo.accounts.roles import Role
from kyodo.core.plugins import Panel
from kyodo.projects.selectors import newest_of_department, projects_of_partner_member

# Projects shown on a home page; the rest are one link away in the full, paginated list.
HOME_PROJECTS = 10


def panels(request, role) -> list[Panel]:
    user = request.user
    if role in (Role.STAFF, Role.COORDINATOR):
        department = user.kept_department
        projects, more = newest_of_department(department, HOME_PROJECTS)
        context = {"projects": projects, "more": more, "user": user}
        if department is not None:
            context["department_query"] = urlencode({"department": department.pk})
        return [Panel("projects/_panel_staff.html", context)]
    if role == Role.PARTNER_MEMBER:
        # An organisation's own projects are few, and partner members have no staff list to
        # link to: they see them all.
        return [
            Panel("projects/_panel_partner.html", {"projects": projects_of_partner_member(user)})
        ]
    return []
