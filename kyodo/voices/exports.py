"""The Excel export of a survey: one row per respondent, one column per question.

Choices are spelled out (several joined with 「、」), an "other" answer has a column of its
own beside its question, and every text cell passes kyodo.core.exports.safe_cell. Several
surveys never share one sheet: each export is one survey, its columns its own questions.

The respondents are read in chunks and their answers a chunk at a time, and the write-only
workbook is saved into a temporary file: memory does not grow with the number of answers.
"""

from itertools import islice

from django.utils import timezone
from openpyxl import Workbook

from kyodo.core.exports import safe_cell, saved_workbook
from kyodo.voices.models import CHOICE_KINDS, Answer, QuestionKind, SurveyItem

OTHER_SUFFIX = "（その他の内容）"
# Respondents per read: one query for their answers (20 questions: 10,000 answer rows).
RESPONSES_PER_CHUNK = 500


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


def _answered_chunks(survey, chunk_size: int):
    """(respondent, their answers by item) in the export's order, a chunk at a time."""
    responses = survey.responses.order_by("created_at", "id").iterator(chunk_size=chunk_size)
    while chunk := list(islice(responses, chunk_size)):
        answers: dict = {}
        for answer in Answer.objects.filter(response_id__in=[r.pk for r in chunk]):
            answers.setdefault(answer.response_id, {})[answer.item_id] = answer
        for response in chunk:
            yield response, answers.get(response.pk, {})


def workbook_file(survey, progress=None, chunk_size: int | None = None):
    """The workbook in a temporary file open at its start (the caller closes it);
    `progress(processed, total)` is called every 50 respondents."""
    items = list(survey.items.select_related("version"))
    total = survey.responses.count()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("回答")
    sheet.append(headings(survey, items))
    answered = _answered_chunks(survey, chunk_size or RESPONSES_PER_CHUNK)
    for number, (response, answers) in enumerate(answered, start=1):
        sheet.append(respondent_row(number, survey, response, items, answers))
        if progress and number % 50 == 0:
            progress(number, total)
    return saved_workbook(workbook)
