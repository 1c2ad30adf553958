"""Who may publish events and news.

City staff and coordinators publish anything; members of a partner organisation publish only
for projects their organisation takes part in (guideline §5-(3): the city and its partners
inform citizens together).
"""

import rules

from kyodo.accounts.rules import is_city_side, is_partner_member
from kyodo.projects.rules import is_participating_partner_member


@rules.predicate
def is_partner_of_project(user, project) -> bool:
    return project is not None and is_participating_partner_member(user, project)


@rules.predicate
def is_partner_of_item_project(user, item) -> bool:
    return item is not None and is_partner_of_project(user, item.project)


may_publish = is_city_side | is_partner_member

# Without an object: may this person open the management pages at all.
rules.add_perm("portal.manage_items", may_publish)
# With a project (or None for items without one): may they publish for it.
rules.add_perm("portal.publish_for_project", is_city_side | is_partner_of_project)
# With an event or news item: may they edit or withdraw it.
rules.add_perm("portal.change_item", is_city_side | is_partner_of_item_project)
