"""Who sees the dashboard, the alerts and the annual report.

Coordinators: the whole city, every alert, the report. Staff: their department's figures and
alerts, beside the city totals. Nobody else sees anything of this (the pages answer 404).
"""

import rules

from kyodo.accounts.rules import is_coordinator, is_staff_member


@rules.predicate
def is_own_department(user, department) -> bool:
    return department is not None and user.department_id == department.pk


rules.add_perm("reports.view_dashboard", is_coordinator | is_staff_member)
# A department's figures and alerts: coordinators any, staff their own (department=None is the
# whole city, which everyone who sees the dashboard may read in totals).
rules.add_perm("reports.view_department", is_coordinator | (is_staff_member & is_own_department))
rules.add_perm("reports.view_city_alerts", is_coordinator)
rules.add_perm("reports.make_annual_report", is_coordinator)


@rules.predicate
def is_made(user, report) -> bool:
    return report is not None and report.status == "done"


# The summary of a made report is published to the portal by a coordinator.
rules.add_perm("reports.publish_report", is_coordinator & is_made)
