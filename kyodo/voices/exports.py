"""The Excel export of a survey: one row per respondent, one column per question.

Choices are spelled out (several joined with 「、」), an "other" answer has a column of its
own beside its question, and every text cell passes kyodo.core.exports.safe_cell. Several
surveys never share one sheet: each export is one survey, its columns its own questions.
"""

import io

from django.utils import timezone
from openpyxl import Workbook

from kyodo.core.exports import safe_cell
from kyodo.voices.models import CHOICE_KINDS, Answer, QuestionKind, SurveyItem

OTHER_SUFFIX = "（その他の内容）"


def headings(survey, items: list[SurveyItem]) -> list[str]:
    row = ["回答番号", "回答日"]
    if not survey.anonymous:
        row.append("氏名")
    for item in items:
        row.append(f"問{item.position} {item.version.text}")
        if item.version.has_other:
            row.append(f"問{item.position}{OTHER_SUFFIX}")
    return row


def _value(item: SurveyItem, answer: Answer | None):
    if answer is None:
        return ""
    kind = item.version.kind
    if kind in CHOICE_KINDS:
        options = item.version.options
        chosen = [options[i] for i in answer.selected if 0 <= i < len(options)]
        if kind == QuestionKind.SCALE and chosen:
            return int(chosen[0])
        return "、".join(chosen)
    if kind == QuestionKind.NUMBER:
        return answer.number
    return answer.text


def respondent_row(number: int, survey, response, items, answers: dict) -> list:
    row = [number, timezone.localdate(response.created_at)]
    if not survey.anonymous:
        row.append(response.respondent_name)
    for item in items:
        answer = answers.get(item.pk)
        row.append(_value(item, answer))
        if item.version.has_other:
            row.append(answer.other_text if answer else "")
    return [safe_cell(value) for value in row]


def workbook_bytes(survey, progress=None) -> bytes:
    """The workbook; `progress(processed, total)` is called every 50 respondents."""
    items = list(survey.items.select_related("version"))
    responses = list(survey.responses.order_by("created_at", "id"))
    answers: dict = {}
    for answer in Answer.objects.filter(response__survey=survey):
        answers.setdefault(answer.response_id, {})[answer.item_id] = answer
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("回答")
    sheet.append(headings(survey, items))
    for number, response in enumerate(responses, start=1):
        sheet.append(respondent_row(number, survey, response, items, answers.get(response.pk, {})))
        if progress and number % 50 == 0:
            progress(number, len(responses))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
