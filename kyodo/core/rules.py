import rules

from kyodo.accounts.rules import is_administrator

rules.add_perm("core.configure_municipality", is_administrator)
