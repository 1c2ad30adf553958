"""Who may read and revise the guideline's checklists."""

import rules

from kyodo.accounts.rules import is_city_side, is_coordinator

# The city side works with the checklists; the coordinator (協働推進担当) keeps the city's text.
rules.add_perm("guideline.view_checklists", is_city_side)
rules.add_perm("guideline.revise_checklists", is_coordinator)
