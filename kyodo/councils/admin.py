"""Read-only admin pages: councils, members, meetings and outcomes change only through the
services (seat counts, term order, minutes approval, search index), so the admin site only
shows records and their history."""

from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.councils.models import Council, FollowUp, Meeting, Outcome, Person, Term


class ReadOnlyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    pass


@admin.register(Council)
class CouncilAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "department", "seats", "is_public"]
    list_filter = ["kind", "is_public"]
    list_select_related = ["department"]
    search_fields = ["name", "name_kana"]


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ["name", "name_kana", "gender"]
    search_fields = ["name", "name_kana"]


@admin.register(Term)
class TermAdmin(ReadOnlyAdmin):
    list_display = ["person", "council", "category", "position", "starts_on", "ends_on"]
    list_filter = ["category"]
    list_select_related = ["person", "council"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "council", "starts_at", "is_public"]
    list_filter = ["is_public"]
    list_select_related = ["council"]


@admin.register(Outcome)
class OutcomeAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "meeting"]
    list_select_related = ["meeting"]


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ["action", "status", "department", "due_on"]
    list_filter = ["status"]
    list_select_related = ["department"]
