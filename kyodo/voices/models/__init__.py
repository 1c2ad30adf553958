"""The models of citizens' voices: opinions and replies, surveys and their answers."""

from kyodo.voices.models.opinions import (
    REFLECTED,
    Opinion,
    OpinionStatus,
    Reflection,
    Reply,
    ReplyApprover,
)
from kyodo.voices.models.surveys import (
    CHOICE_KINDS,
    SCALE_CHOICES,
    Answer,
    ExportStatus,
    Invitation,
    Question,
    QuestionKind,
    QuestionVersion,
    Survey,
    SurveyAccess,
    SurveyExport,
    SurveyItem,
    SurveyResponse,
)

__all__ = [
    "CHOICE_KINDS",
    "REFLECTED",
    "SCALE_CHOICES",
    "Answer",
    "ExportStatus",
    "Invitation",
    "Opinion",
    "OpinionStatus",
    "Question",
    "QuestionKind",
    "QuestionVersion",
    "Reflection",
    "Reply",
    "ReplyApprover",
    "Survey",
    "SurveyAccess",
    "SurveyExport",
    "SurveyItem",
    "SurveyResponse",
]
