"""A survey's results: counts per choice, figures of numbers, breakdowns and year-on-year.

Everything is computed from one query of the survey's answers. Free text is counted, never
shown (it may hold personal data). In a breakdown (one question by another) a cell with fewer
than VOICES_MIN_CELL answers is suppressed, so that a small group cannot be recognised.
"""

from dataclasses import dataclass, field
from statistics import mean, median

from django.conf import settings

from kyodo.voices.charts import PercentChart, percent_chart
from kyodo.voices.models import CHOICE_KINDS, Answer, QuestionKind, Survey, SurveyItem


@dataclass
class Row:
    label: str
    count: int
    percent: float


@dataclass
class ItemResult:
    item: SurveyItem
    answered: int
    rows: list[Row] = field(default_factory=list)
    figures: dict = field(default_factory=dict)  # numbers: count, mean, median, min, max

    @property
    def is_choice(self) -> bool:
        return self.item.version.kind in CHOICE_KINDS

    @property
    def chart(self) -> PercentChart:
        rows = ((row.label, row.percent, row.count) for row in self.rows)
        return percent_chart(str(self.item.pk), self.item.version.text, rows)


def survey_answers(survey: Survey) -> dict:
    """item id → [(response id, selected, number, has text, has other)] in one query."""
    by_item: dict = {}
    rows = Answer.objects.filter(item__survey=survey).values_list(
        "item_id", "response_id", "selected", "number", "text", "other_text"
    )
    for item_id, response_id, selected, number, text, other in rows:
        by_item.setdefault(item_id, []).append((response_id, selected or [], number, text, other))
    return by_item


def _percent(count: int, total: int) -> float:
    return round(count * 100 / total, 1) if total else 0.0


class _Tally:
    """One choice question's counts, added answer by answer."""

    def __init__(self, item: SurveyItem):
        self.item = item
        self.counts = [0] * len(item.version.options)
        self.others = self.answered = 0

    def add(self, selected, other) -> None:
        self.answered += 1
        for index in selected or []:
            if 0 <= index < len(self.counts):
                self.counts[index] += 1
        self.others += bool(other)

    def rows(self) -> list[Row]:
        has_other = self.item.version.has_other
        labels = list(self.item.version.options) + (["その他"] if has_other else [])
        values = self.counts + ([self.others] if has_other else [])
        return [
            Row(label, n, _percent(n, self.answered))
            for label, n in zip(labels, values, strict=True)
        ]


def _choice_rows(item: SurveyItem, answers: list) -> list[Row]:
    tally = _Tally(item)
    for _response, selected, _number, _text, other in answers:
        tally.add(selected, other)
    return tally.rows()


def choice_results(survey: Survey, items=None) -> list[ItemResult]:
    """The choice questions' results as survey_results gives them, counted from the answers
    read in chunks (for the CSV): memory for the counts, not for 100,000 responses' answers."""
    items = items if items is not None else list(survey.items.select_related("version"))
    tallies = {item.pk: _Tally(item) for item in items if item.version.kind in CHOICE_KINDS}
    answers = (
        Answer.objects.filter(item_id__in=list(tallies))
        .values_list("item_id", "selected", "other_text")
        .iterator(chunk_size=2000)
    )
    for item_id, selected, other in answers:
        tallies[item_id].add(selected, other)
    return [
        ItemResult(item=tally.item, answered=tally.answered, rows=tally.rows())
        for tally in tallies.values()
    ]


def item_result(item: SurveyItem, answers: list) -> ItemResult:
    result = ItemResult(item=item, answered=len(answers))
    kind = item.version.kind
    if kind in CHOICE_KINDS:
        result.rows = _choice_rows(item, answers)
    elif kind == QuestionKind.NUMBER:
        numbers = [a[2] for a in answers if a[2] is not None]
        if numbers:
            result.figures = {
                "mean": round(mean(numbers), 2),
                "median": median(numbers),
                "min": min(numbers),
                "max": max(numbers),
            }
    return result


def survey_results(survey: Survey, items=None) -> list[ItemResult]:
    items = items if items is not None else list(survey.items.select_related("version"))
    answers = survey_answers(survey)
    return [item_result(item, answers.get(item.pk, [])) for item in items]


@dataclass
class Breakdown:
    """One choice question (columns) by the groups of another (rows); None = suppressed."""

    item: SurveyItem
    by: SurveyItem
    columns: list[str]
    rows: list[tuple[str, list[int | None]]]


def _groups(by: SurveyItem, answers: dict) -> dict:
    """response id → index of its group in `by`."""
    return {a[0]: a[1][0] for a in answers.get(by.pk, []) if a[1]}


def breakdowns(survey: Survey, by: SurveyItem, items: list[SurveyItem]) -> list[Breakdown]:
    answers = survey_answers(survey)
    groups = _groups(by, answers)
    group_labels = by.version.options
    minimum = settings.VOICES_MIN_CELL
    found = []
    for item in items:
        if item.pk == by.pk or item.version.kind not in CHOICE_KINDS:
            continue
        options = item.version.options
        table = [[0] * len(options) for _label in group_labels]
        for response, selected, *_rest in answers.get(item.pk, []):
            if response in groups:
                for index in selected:
                    if 0 <= index < len(options):
                        table[groups[response]][index] += 1
        rows = [
            (label, [n if n >= minimum else None for n in table[i]])
            for i, label in enumerate(group_labels)
        ]
        found.append(Breakdown(item=item, by=by, columns=list(options), rows=rows))
    return found


@dataclass
class YearRow:
    year: int
    survey: Survey
    answered: int
    percents: list[float | None]  # per option of the current version (None: not asked so)
    scale_mean: float | None


def year_on_year(item: SurveyItem, surveys_items: list[SurveyItem]) -> list[YearRow]:
    """The same question in each closed survey (`surveys_items`, including `item`), oldest
    first, as shares of the current version's options (matched by their wording)."""
    options = item.version.options
    found = []
    for other in sorted(surveys_items, key=lambda i: i.survey.opens_at):
        answers = survey_answers(other.survey).get(other.pk, [])
        result = item_result(other, answers)
        by_label = {row.label: row.percent for row in result.rows}
        scale = None
        if other.version.kind == QuestionKind.SCALE:
            values = [s[0] + 1 for _r, s, *_x in answers if s]
            scale = round(mean(values), 2) if values else None
        found.append(
            YearRow(
                year=other.survey.fiscal_year,
                survey=other.survey,
                answered=result.answered,
                percents=[by_label.get(option) for option in options],
                scale_mean=scale,
            )
        )
    return found
