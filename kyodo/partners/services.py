"""Every change to partner organisations goes through these functions.

Each one checks its permission, records who made the change in the history, and keeps the
search index current (`kyodo.core.search.index`).
"""

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kyodo.accounts.passwords import password_set_link_days, password_set_url
from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_create, user_set_roles
from kyodo.core.normalize import normalize_email
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import document_from_parts, index_bulk_create, index_update
from kyodo.core.uploads import UploadPolicy, delete_file_on_commit, validate_upload
from kyodo.partners import transfer
from kyodo.partners.models import (
    ActivityField,
    ImportStatus,
    Partner,
    PartnerAttachment,
    PartnerImport,
    PartnerMembership,
    PartnerType,
)
from kyodo.partners.search import KIND, body_parts, title_parts
from kyodo.partners.selectors import users_with_email

# What a partner's own members may change; the rest (type, consent aside) is the same.
EDITABLE_FIELDS = (
    "partner_type",
    "name",
    "name_kana",
    "representative",
    "founded_on",
    "member_count",
    "area_served",
    "postal_code",
    "address",
    "website",
    "contact_name",
    "contact_phone",
    "contact_email",
    "listed_publicly",
    "activity",
    "track_record",
    "capacity",
    "planning",
    "organisation",
    "annual_budget",
    "revenue_sources",
    "similar_work",
    "qualifications",
    "trainings",
    "instructors",
    "officers",
)


def _attribute_history(obj, actor) -> None:
    # Outside a request (tasks, commands) simple-history cannot see who acted; tell it.
    if actor is not None:
        obj._history_user = actor


@transaction.atomic
def partner_create(*, actor, data: dict, fields: Iterable[ActivityField] = ()) -> Partner:
    require_perm(actor, "partners.add_partner")
    partner = Partner(**{key: value for key, value in data.items() if key in EDITABLE_FIELDS})
    partner.full_clean()
    _attribute_history(partner, actor)
    partner.save()
    partner.fields.set(list(fields))
    index_update(partner)
    return partner


@transaction.atomic
def partner_update(
    *, actor, partner: Partner, data: dict, fields: Iterable[ActivityField] | None = None
) -> Partner:
    require_perm(actor, "partners.change_partner", partner)
    for key, value in data.items():
        if key in EDITABLE_FIELDS:
            setattr(partner, key, value)
    partner.full_clean()
    _attribute_history(partner, actor)
    partner.save()
    if fields is not None:
        partner.fields.set(list(fields))
    index_update(partner)
    return partner


def partner_index_refresh(*, partner: Partner) -> None:
    """Re-index a partner whose derived data changed (e.g. it joined a project).

    The projects app calls this after adding or removing a participation, so that the
    partner's track record is found by search and matching.
    """
    index_update(partner)


# --- Member accounts (団体ユーザー) --------------------------------------------------------------

# Roles of the city's own people: their accounts never act for a partner organisation.
CITY_ROLES = {Role.ADMINISTRATOR.value, Role.COORDINATOR.value, Role.STAFF.value}


def _check_member_account(user) -> None:
    if not user.is_active:
        raise ValidationError(
            _("This account is disabled. Ask the system administrator to enable it first."),
            code="inactive_account",
        )
    if user.is_staff or user.is_superuser or user.role_names & CITY_ROLES:
        raise ValidationError(
            _("This is an account of the city: city staff cannot act for a partner organisation."),
            code="city_account",
        )


def _forget_partner_ids(user) -> None:
    # kyodo.partners.rules caches the user's organisations on the instance.
    user.__dict__.pop("_partner_ids", None)


@transaction.atomic
def partner_membership_add(*, actor, partner: Partner, user) -> PartnerMembership:
    """Let `user` act for `partner`, giving them the partner-member role if they lack it.

    Adding someone who is already a member changes nothing (sample data is seeded twice).
    """
    require_perm(actor, "partners.manage_members", partner)
    existing = partner.memberships.filter(user=user).first()
    if existing is not None:
        return existing
    _check_member_account(user)
    membership = PartnerMembership(partner=partner, user=user)
    _attribute_history(membership, actor)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        # The same person added by a second request at the same moment (a double click).
        return partner.memberships.get(user=user)
    if Role.PARTNER_MEMBER not in user.roles:
        user_set_roles(actor=actor, user=user, roles=[*user.roles, Role.PARTNER_MEMBER])
    _forget_partner_ids(user)
    return membership


@transaction.atomic
def partner_membership_remove(*, actor, membership: PartnerMembership) -> None:
    """The person keeps their account but no longer acts for the organisation (nor sees its
    projects); belonging to no organisation any more, they also lose the partner-member role.
    """
    require_perm(actor, "partners.manage_members", membership.partner)
    user = membership.user
    _attribute_history(membership, actor)
    membership.delete()
    _forget_partner_ids(user)
    if Role.PARTNER_MEMBER in user.roles and not user.partner_memberships.exists():
        roles = [role for role in user.roles if role != Role.PARTNER_MEMBER]
        user_set_roles(actor=actor, user=user, roles=roles)


def _username_for(email: str) -> str:
    """The account name of an invited person: their address when it can be one, else random."""
    User = get_user_model()
    try:
        User.username_validator(email)
    except ValidationError:
        pass
    else:
        if len(email) <= 150 and not User.objects.filter(username=email).exists():
            return email
    return f"member-{uuid.uuid4().hex[:12]}"


@transaction.atomic
def partner_member_invite(
    *, actor, partner: Partner, display_name: str, email: str, display_name_kana: str = ""
) -> PartnerMembership:
    """Create a partner-member account for `partner` and e-mail its password-set link."""
    require_perm(actor, "partners.manage_members", partner)
    email = normalize_email(email)
    if users_with_email(email).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address already exists: add that account.")},
            code="email_taken",
        )
    user = user_create(
        actor=actor,
        username=_username_for(email),
        password=None,
        display_name=display_name.strip(),
        display_name_kana=display_name_kana,
        email=email,
        roles=[Role.PARTNER_MEMBER],
    )
    membership = partner_membership_add(actor=actor, partner=partner, user=user)
    _send_invitation_on_commit(membership)
    return membership


def partner_member_invite_resend(*, actor, membership: PartnerMembership) -> None:
    """Send a new password-set link to a member who has not chosen a password yet."""
    require_perm(actor, "partners.manage_members", membership.partner)
    user = membership.user
    if user.has_usable_password():
        raise ValidationError(
            _("This member has already chosen a password: nothing was sent."),
            code="password_already_set",
        )
    if not user.is_active or not user.email:
        raise ValidationError(
            _("This account is disabled or has no e-mail address: nothing was sent."),
            code="cannot_send",
        )
    _send_invitation_on_commit(membership)


def _send_invitation_on_commit(membership: PartnerMembership) -> None:
    user, partner = membership.user, membership.partner
    # Only once the account really exists; a failed sending is logged, not shown as an error
    # page, and the member list offers to send the link again.
    transaction.on_commit(lambda: _send_invitation(user, partner), robust=True)


def _send_invitation(user, partner: Partner) -> None:
    # The invited person reads Japanese, whatever language the coordinator uses.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "partner": partner,
            "link": password_set_url(user),
            "days": password_set_link_days(),
            "site_url": settings.KYODO_SITE_URL,
        }
        subject = render_to_string("partners/email/invitation_subject.txt", context).strip()
        body = render_to_string("partners/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def partner_type_save(
    *, actor, name: str, sort_order: int = 0, partner_type: PartnerType | None = None
) -> PartnerType:
    """Create a partner type, or rename/reorder `partner_type`."""
    require_perm(actor, "partners.manage_taxonomy")
    partner_type = partner_type or PartnerType()
    partner_type.name = name.strip()
    partner_type.sort_order = sort_order
    partner_type.full_clean()
    _attribute_history(partner_type, actor)
    partner_type.save()
    return partner_type


@transaction.atomic
def activity_field_save(
    *, actor, name: str, sort_order: int = 0, activity_field: ActivityField | None = None
) -> ActivityField:
    """Create a field of activity, or rename/reorder `activity_field`."""
    require_perm(actor, "partners.manage_taxonomy")
    activity_field = activity_field or ActivityField()
    activity_field.name = name.strip()
    activity_field.sort_order = sort_order
    activity_field.full_clean()
    _attribute_history(activity_field, actor)
    activity_field.save()
    return activity_field


def attachment_policy() -> UploadPolicy:
    """PDF or Office documents, up to PARTNER_ATTACHMENT_MAX_BYTES (read when uploading)."""
    return UploadPolicy(
        extensions=("pdf", "doc", "xls", "ppt", "docx", "xlsx", "pptx", "odt", "ods", "odp"),
        max_bytes=settings.PARTNER_ATTACHMENT_MAX_BYTES,
        wrong_type=_(
            "Only PDF or Office files (Word, Excel, PowerPoint, OpenDocument) can be attached."
        ),
    )


@transaction.atomic
def attachment_add(
    *, actor, partner: Partner, uploaded_file, kind: str, title: str
) -> PartnerAttachment:
    """Attach a PDF or Office document, checked by its content and size."""
    require_perm(actor, "partners.change_partner", partner)
    validate_upload(uploaded_file, attachment_policy())
    attachment = PartnerAttachment(
        partner=partner,
        kind=kind,
        title=title.strip() or uploaded_file.name,
        filename=uploaded_file.name[-255:],
        size=uploaded_file.size,
        uploaded_by=actor,
    )
    attachment.file.save(uploaded_file.name, uploaded_file, save=False)
    attachment.full_clean()
    _attribute_history(attachment, actor)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, actor, attachment: PartnerAttachment) -> None:
    require_perm(actor, "partners.change_partner", attachment.partner)
    _attribute_history(attachment, actor)
    delete_file_on_commit(attachment.file)
    attachment.delete()


# --- Import ----------------------------------------------------------------------------------


@transaction.atomic
def partner_import_preview(*, actor, filename: str, data: bytes) -> PartnerImport:
    """Read and check a partner list; nothing but the check itself is saved.

    Raises transfer.ImportError_ when the file as a whole cannot be read.
    """
    require_perm(actor, "partners.import_partners")
    rows = transfer.check_rows(transfer.read_table(filename, data))
    return PartnerImport.objects.create(
        created_by=actor, filename=filename[-255:], rows=rows, total=len(rows)
    )


def import_has_errors(partner_import: PartnerImport) -> bool:
    return any(row["errors"] for row in partner_import.rows)


def partner_import_confirm(*, actor, partner_import: PartnerImport) -> PartnerImport:
    """Save a checked import: now if small, else as a background task (see tasks.py)."""
    require_perm(actor, "partners.import_partners")
    if partner_import.status != ImportStatus.PREVIEWED or import_has_errors(partner_import):
        raise ValidationError(_("This import cannot be saved: fix the file and check it again."))
    if partner_import.total > settings.PARTNER_IMPORT_BACKGROUND_ROWS:
        from kyodo.partners.tasks import run_partner_import

        PartnerImport.objects.filter(pk=partner_import.pk).update(status=ImportStatus.QUEUED)
        run_partner_import.enqueue(str(partner_import.pk))
    else:
        partner_import_run(partner_import_id=partner_import.pk)
    partner_import.refresh_from_db()
    return partner_import


def _progress(partner_import: PartnerImport, **values) -> None:
    # Written outside the saving transaction so that the status page sees it move.
    PartnerImport.objects.filter(pk=partner_import.pk).update(**values)


def _build_partners(partner_import: PartnerImport):
    """Unsaved partners, their field links and search documents, reporting progress.

    The slow part (checking and cutting words) happens here, outside the saving transaction,
    so that the status page sees it move; the saving itself is one short transaction.
    """
    type_names = dict(PartnerType.objects.values_list("pk", "name"))
    field_names = dict(ActivityField.objects.values_list("pk", "name"))
    partners, links, documents = [], [], []
    for index, row in enumerate(partner_import.rows, start=1):
        values = dict(row["data"])
        field_ids = [uuid.UUID(field_id) for field_id in values.pop("field_ids")]
        partner = Partner(**values)
        partner.full_clean(exclude=["partner_type"])
        partners.append(partner)
        links += [(partner.pk, field_id) for field_id in field_ids]
        body = body_parts(
            partner,
            type_names[uuid.UUID(str(partner.partner_type_id))],
            [field_names[field_id] for field_id in field_ids],
            [],
        )
        documents.append(document_from_parts(KIND, partner.pk, title_parts(partner), body))
        if index % 50 == 0:
            _progress(partner_import, processed=index)
    return partners, links, documents


def partner_import_run(*, partner_import_id) -> PartnerImport:
    """Save every row of a checked import in one transaction, or none (run by the system)."""
    partner_import = PartnerImport.objects.get(pk=partner_import_id)
    actor = partner_import.created_by
    _progress(partner_import, status=ImportStatus.RUNNING, processed=0)
    try:
        partners, links, documents = _build_partners(partner_import)
        with transaction.atomic():
            bulk_create_with_history(partners, Partner, default_user=actor)
            Through = Partner.fields.through
            Through.objects.bulk_create(
                Through(partner_id=partner_id, activityfield_id=field_id)
                for partner_id, field_id in links
            )
            index_bulk_create(documents)
    except (ValidationError, DatabaseError) as exc:
        _progress(partner_import, status=ImportStatus.FAILED, message=str(exc)[:2000])
    else:
        _progress(
            partner_import,
            status=ImportStatus.DONE,
            processed=partner_import.total,
            created_count=len(partners),
        )
    partner_import.refresh_from_db()
    return partner_import
