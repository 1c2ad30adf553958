"""Weighing the suitability check's answers (§3-(1)-①, issue 17-1).

Each question of the city's checklist says which answer speaks for collaboration
(`Question.favours`, from the city file): 「市が責任を持って対応すべき事業ではないか」 is asked
so that はい speaks against it. The answers are weighed into a verdict shown in words; proceeding
against it needs a written reason, and a check that speaks against collaboration proposes the
honest 「協働になじまない」.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kyodo.projects.models import Answer

FOR, AGAINST, UNCLEAR, INCOMPLETE = "for", "against", "unclear", "incomplete"


def favoured_answer(question) -> str:
    """The answer that speaks for collaboration ("yes" where the checklist does not say)."""
    return question.favours or Answer.YES


@dataclass(frozen=True)
class Verdict:
    total: int
    speaking_for: int
    against: list  # the questions whose answer speaks against collaboration
    unclear: int

    @property
    def answered(self) -> int:
        return self.speaking_for + len(self.against) + self.unclear

    @property
    def leaning(self) -> str:
        if self.against:
            return AGAINST
        if self.answered < self.total:
            return INCOMPLETE
        return UNCLEAR if self.unclear else FOR

    @property
    def proceeding_needs_a_reason(self) -> bool:
        return self.leaning != FOR

    def words(self) -> str:
        """The verdict as a sentence for the check's page."""
        if self.leaning == AGAINST:
            return ngettext(
                "%(n)d answer of %(total)d speaks against collaboration: consider deciding "
                "that the project does not suit collaboration (協働になじまない).",
                "%(n)d answers of %(total)d speak against collaboration: consider deciding "
                "that the project does not suit collaboration (協働になじまない).",
                len(self.against),
            ) % {"n": len(self.against), "total": self.total}
        if self.leaning == INCOMPLETE:
            return _("%(answered)d of %(total)d questions answered.") % {
                "answered": self.answered,
                "total": self.total,
            }
        if self.leaning == UNCLEAR:
            return ngettext(
                "No answer speaks against collaboration, but %(n)d is unclear.",
                "No answer speaks against collaboration, but %(n)d are unclear.",
                self.unclear,
            ) % {"n": self.unclear}
        return _("Every answer speaks for collaboration.")


def verdict(questions, answers: dict) -> Verdict:
    """Weigh `answers` ({question id: "yes" | "no" | "unclear"}) to `questions`."""
    questions = list(questions)
    speaking_for, against, unclear = 0, [], 0
    for question in questions:
        answer = answers.get(question.pk)
        if answer == Answer.UNCLEAR:
            unclear += 1
        elif answer == favoured_answer(question):
            speaking_for += 1
        elif answer:
            against.append(question)
    return Verdict(len(questions), speaking_for, against, unclear)


def favourable_answers(questions) -> dict:
    """Every question answered the way that speaks for collaboration (sample data, tests)."""
    return {question.pk: (favoured_answer(question), "") for question in questions}
