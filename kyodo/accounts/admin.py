from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import ROLE_LABELS, Role
from kyodo.accounts.services import user_set_roles
from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin


@admin.register(Department)
class DepartmentAdmin(KyodoHistoryAdmin):
    list_display = ["bureau", "name", "code", "sort_order", "is_active"]
    search_fields = ["bureau", "name", "name_kana", "code"]


class UserRolesForm(UserChangeForm):
    """The user's change form with roles in place of Django's groups and permission flags.

    Roles are saved by `user_set_roles` (see UserAdmin.save_related), which keeps the admin
    flags consistent with the administrator role and records the change in the history.
    """

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=list(ROLE_LABELS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(UserChangeForm.Meta):
        model = User

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = [role.value for role in self.instance.roles]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, KyodoHistoryAdmin):
    form = UserRolesForm
    list_display = ["username", "display_name", "department", "email", "is_active"]
    list_select_related = ["department"]
    list_filter = ["groups", "department", "is_active"]
    search_fields = ["username", "display_name", "display_name_kana", "email"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Roles"),
            {
                "fields": ("is_active", "roles", "is_staff", "is_superuser"),
                "description": _(
                    "The administrator role opens this admin site; the other roles decide "
                    "what a person may do in Kyodo. Partner members are best added on the "
                    "partner's member page, which also links them to their organisation."
                ),
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
        (_("Kyodo"), {"fields": ("display_name", "display_name_kana", "department")}),
    )
    # Derived from the administrator role by user_set_roles; never edited by hand.
    readonly_fields = ["is_staff", "is_superuser"]
    filter_horizontal = []

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "roles" in form.changed_data:
            user_set_roles(
                actor=request.user,
                user=form.instance,
                roles=[Role(value) for value in form.cleaned_data["roles"]],
            )


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The role groups, shown but not edited: renaming or deleting one would silently take a
    role from everyone holding it. Roles are given on each user's page."""

    list_display = ["name", "role_label"]
    fields = ["name"]

    @admin.display(description=_("Role"))
    def role_label(self, group):
        return ROLE_LABELS.get(group.name, "—")
