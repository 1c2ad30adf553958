"""Who may read and revise the guideline's checklists."""

import rules

from kyodo.accounts.rules import is_administrator, is_city_side, is_coordinator

# The city side works with the checklists; the coordinator (協働推進担当) keeps the city's text.
rules.add_perm("guideline.view_checklists", is_city_side)
rules.add_perm("guideline.revise_checklists", is_coordinator)
# Loading a city file replaces the city's name, guideline and checklists: the administrator's.
rules.add_perm("guideline.load_city", is_administrator)
# Comparing two versions of a checklist side by side: the coordinator, who revises them.
rules.add_perm("guideline.compare_versions", is_coordinator)
