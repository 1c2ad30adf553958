"""Check: each side's verification, submitted once and corrected by a new revision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.cycles.models import Cycle, Rating, Side, Verification, VerificationAnswer
from kyodo.cycles.selectors import current_verification
from kyodo.guideline.selectors import current_version

VERIFICATION_CHECKLIST = "verification"


@transaction.atomic
def verification_save(*, actor, cycle: Cycle, side: str, answers: dict) -> Verification:
    """Save a side's draft: {question id: (rating, comment)}; submitted answers are read-only."""
    bump("projects")
    if side not in Side.values:
        raise ValueError(side)
    verification = current_verification(cycle, side) or Verification(cycle=cycle, side=side)
    require_perm(actor, "cycles.save_verification", verification)
    if verification._state.adding:
        verification = Verification.objects.create(
            cycle=cycle, side=side, version=current_version(VERIFICATION_CHECKLIST)
        )
    questions = set(verification.version.questions.values_list("pk", flat=True))
    for question_id, (rating, comment) in answers.items():
        if question_id not in questions:
            raise ValidationError(_("This question is not part of the verification."))
        if rating not in Rating.values:
            raise ValidationError(_("Choose one of the four ratings."), code="rating")
        VerificationAnswer.objects.update_or_create(
            verification=verification,
            question_id=question_id,
            defaults={"rating": rating, "comment": (comment or "").strip()},
        )
    return verification


@transaction.atomic
def verification_submit(*, actor, verification: Verification) -> Verification:
    """Submit a side's verification once every question is answered; it is then read-only."""
    bump("projects")
    require_perm(actor, "cycles.submit_verification", verification)
    answered = set(verification.answers.values_list("question_id", flat=True))
    questions = set(verification.version.questions.values_list("pk", flat=True))
    if answered != questions:
        raise ValidationError(
            _("Answer every question before submitting the verification."), code="incomplete"
        )
    verification.submitted_at = timezone.now()
    verification.submitted_by = recorded_actor(actor)
    verification.save()
    return verification


@transaction.atomic
def verification_correct(*, actor, verification: Verification, reason: str) -> Verification:
    """Open a correction of a submitted verification: the next revision, answers copied."""
    bump("projects")
    require_perm(actor, "cycles.correct_verification", verification)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the verification is corrected.")})
    correction = Verification.objects.create(
        cycle=verification.cycle,
        side=verification.side,
        revision=verification.revision + 1,
        version=verification.version,
        correction_reason=reason.strip(),
    )
    VerificationAnswer.objects.bulk_create(
        VerificationAnswer(
            verification=correction, question_id=a.question_id, rating=a.rating, comment=a.comment
        )
        for a in verification.answers.all()
    )
    return correction
