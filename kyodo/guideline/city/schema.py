"""Reading and checking a city file (format 1): every problem with its key and line.

`read_city(raw_bytes)` returns the file's data, normalised and with every optional key
filled in, or raises `CityFileError` listing each problem in Japanese and English with the
line it is on. Nothing is written here: the loader only runs on data that passed.
"""

import re
import tomllib
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from kyodo.core.normalize import normalize_code, normalize_local_government_code
from kyodo.core.palette import brand_colours
from kyodo.guideline.city.locate import line_of, locate
from kyodo.guideline.models import ChecklistKind, CollaborationForm, Favours

FORMAT = 1
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,49}$")

# key: (required, type, default). The order is the order the dumper writes.
TOP = {"format": (True, int, FORMAT)}
MUNICIPALITY = {
    "name": (True, str, ""),
    "name_kana": (False, str, ""),
    "name_en": (False, str, ""),
    "prefecture": (True, str, ""),
    "code": (True, str, ""),
    "service_name": (False, str, ""),
    "website": (False, str, ""),
    "contact": (False, str, ""),
    "logo": (False, str, ""),
    "brand_colour": (False, str, ""),
    "fiscal_year_start": (False, int, 4),
    "accessibility_owner": (False, str, ""),
}
GUIDELINE = {
    "title": (True, str, ""),
    "issued": (False, str, ""),
    "issuer": (False, str, ""),
    "revision": (False, str, ""),
    "text": (True, str, ""),
}
CHARTER = {"title": (False, str, ""), "enacted": (False, str, ""), "articles": (False, list, [])}
SYMBOL = {"title": (True, str, ""), "text": (True, str, "")}
CHECKLIST = {
    "key": (False, str, ""),
    "form": (False, str, ""),
    "kind": (True, str, ""),
    "title": (True, str, ""),
    "section": (False, str, ""),
    "description": (False, str, ""),
    "questions": (True, list, []),
}
QUESTION = {
    "key": (True, str, ""),
    "group": (False, str, ""),
    "text": (True, str, ""),
    "help": (False, str, ""),
    "favours": (False, str, ""),
}
CLAUSE = {
    "form": (True, str, ""),
    "key": (True, str, ""),
    "title": (True, str, ""),
    "text": (True, str, ""),
}
SECTIONS = {
    "municipality": (True, dict, MUNICIPALITY),
    "guideline": (True, dict, GUIDELINE),
    "charter": (False, dict, CHARTER),
    "symbols": (False, list, SYMBOL),
    "checklists": (True, list, CHECKLIST),
    "model_clauses": (False, list, CLAUSE),
}
_TYPE_NAMES = {str: ("文字列", "a string"), int: ("整数", "an integer"), list: ("配列", "a list")}
_TYPE_NAMES[dict] = ("表（テーブル）", "a table")


@dataclass
class Problem:
    path: tuple
    line: int | None
    ja: str
    en: str

    def __str__(self) -> str:
        key = ".".join(str(part) for part in self.path) or "(file)"
        where_ja = f"{self.line}行目" if self.line else "場所不明"
        where_en = f"line {self.line}" if self.line else "line unknown"
        return f"{where_ja} {key}: {self.ja}\n  {where_en} {key}: {self.en}"


class CityFileError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Checker:
    def __init__(self, lines: dict):
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, path: tuple, ja: str, en: str) -> None:
        self.problems.append(Problem(path, line_of(self.lines, path), ja, en))

    def table(self, value, schema: dict, path: tuple) -> dict:
        """The table's values by `schema`, defaults filled; missing, unknown, mistyped noted."""
        result = {}
        for key in value:
            if key not in schema:
                self.problem((*path, key), "知らないキーです。", "unknown key.")
        for key, (required, kind, default) in schema.items():
            if key not in value:
                if required:
                    self.problem((*path, key), "必須のキーがありません。", "required key missing.")
                result[key] = default.copy() if isinstance(default, list) else default
                continue
            item = value[key]
            if not isinstance(item, kind) or isinstance(item, bool):
                ja, en = _TYPE_NAMES[kind]
                self.problem((*path, key), f"{ja}で書いてください。", f"must be {en}.")
                item = default
            elif kind is str:
                item = item.strip() if "\n" not in item else item.strip("\n")
                if required and not item:
                    self.problem((*path, key), "空にはできません。", "must not be empty.")
            result[key] = item
        return result

    def array(self, value, schema: dict, path: tuple) -> list[dict]:
        tables = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem((*path, index), "表（テーブル）で書いてください。", "must be a table.")
                continue
            tables.append(self.table(item, schema, (*path, index)))
        return tables


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CityFileError(
            [
                Problem(
                    (),
                    line,
                    "UTF-8 で読めない文字があります。Shift_JIS などで保存されていないか確認し、"
                    "UTF-8 で保存し直してください。",
                    "not UTF-8 (saved as Shift_JIS?); save the file as UTF-8.",
                )
            ]
        ) from error


def _parse(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        raise CityFileError(
            [
                Problem(
                    (),
                    int(match[1]) if match else None,
                    f"TOML として読めません（{error}）。",
                    f"not valid TOML ({error}).",
                )
            ]
        ) from error


def read_city(raw: bytes) -> dict:
    text = _decode(raw)
    document = _parse(text)
    check = _Checker(locate(text))
    data = check.table({k: v for k, v in document.items() if k in TOP}, TOP, ())
    if data["format"] != FORMAT:
        check.problem(("format",), f"形式 {FORMAT} だけを読めます。", f"only format {FORMAT}.")
    for key in document:
        if key not in TOP and key not in SECTIONS:
            check.problem((key,), "知らないキーです。", "unknown key.")
    for key, (required, kind, schema) in SECTIONS.items():
        if key not in document:
            if required:
                check.problem((key,), "必須の項目がありません。", "required section missing.")
            data[key] = [] if kind is list else check.table({}, schema, (key,))
        elif not isinstance(document[key], kind):
            ja, en = _TYPE_NAMES[kind]
            check.problem((key,), f"{ja}で書いてください。", f"must be {en}.")
            data[key] = [] if kind is list else check.table({}, schema, (key,))
        elif kind is list:
            data[key] = check.array(document[key], schema, (key,))
        else:
            data[key] = check.table(document[key], schema, (key,))
    _check_municipality(check, data["municipality"])
    _check_charter(check, data)
    _check_checklists(check, data["checklists"])
    _check_clauses(check, data["model_clauses"])
    if check.problems:
        raise CityFileError(check.problems)
    return data


def _check_municipality(check: _Checker, city: dict) -> None:
    path = ("municipality",)
    if city["code"]:
        try:
            city["code"] = normalize_local_government_code(city["code"])
        except ValidationError:
            # Six digits that fail can only fail the check digit.
            if re.fullmatch(r"\d{6}", normalize_code(city["code"]).replace("-", "")):
                check.problem(
                    (*path, "code"),
                    f"全国地方公共団体コード {city['code']} の検査数字（6桁目）が違います。",
                    f"the check digit (6th digit) of local government code {city['code']} is "
                    "wrong.",
                )
            else:
                check.problem(
                    (*path, "code"),
                    "全国地方公共団体コードは検査数字を含む6桁の数字です。",
                    "a local government code is 6 digits, the last a check digit.",
                )
    colour = city["brand_colour"]
    if colour and colour not in brand_colours():
        check.problem(
            (*path, "brand_colour"),
            f"「{colour}」は使えません。デジタル庁デザインシステムの基本色のうち、白い文字とのコントラスト比が"
            f"4.5:1 以上の色（{', '.join(brand_colours()[:4])} など）を選んでください。",
            f"'{colour}' is not a Digital Agency primitive colour with white-text contrast of "
            "4.5:1 or more (e.g. blue-900).",
        )
    if not 1 <= city["fiscal_year_start"] <= 12:
        check.problem(
            (*path, "fiscal_year_start"),
            "年度の始まりの月は1から12です。",
            "the first month of the fiscal year is 1 to 12.",
        )
    logo = city["logo"]
    if logo and (logo.startswith(("/", "http:", "https:")) or ".." in logo):
        check.problem(
            (*path, "logo"),
            "ロゴは静的ファイルの中の相対パスで書いてください（例: kyodo/cities/logo.svg）。",
            "the logo is a path relative to the static files (e.g. kyodo/cities/logo.svg).",
        )


def _check_charter(check: _Checker, data: dict) -> None:
    for index, article in enumerate(data["charter"]["articles"]):
        if not isinstance(article, str) or not article.strip():
            check.problem(
                ("charter", "articles", index), "空でない文字列にしてください。", "empty article."
            )


def _check_form(check: _Checker, path: tuple, form: str) -> None:
    known = ", ".join(CollaborationForm.values)
    if form not in CollaborationForm.values:
        check.problem(
            path,
            f"協働の形態「{form}」は知りません。使えるのは {known} です。",
            f"unknown collaboration form '{form}'; known: {known}.",
        )


def _check_checklists(check: _Checker, checklists: list[dict]) -> None:
    seen: dict[str, int] = {}
    for index, checklist in enumerate(checklists):
        path = ("checklists", index)
        kind = checklist["kind"]
        kinds = ", ".join(ChecklistKind.values)
        if kind and kind not in ChecklistKind.values:
            check.problem(
                (*path, "kind"),
                f"チェックリストの種類「{kind}」は知りません（{kinds}）。",
                f"unknown checklist kind '{kind}' ({kinds}).",
            )
        if kind == ChecklistKind.FORM:
            # A form's checklist is named by its form; the key follows from it.
            if not checklist["form"]:
                check.problem((*path, "form"), "必須のキーがありません。", "required key missing.")
            else:
                _check_form(check, (*path, "form"), checklist["form"])
                checklist["key"] = CollaborationForm.checklist_key(checklist["form"])
        elif checklist["form"]:
            check.problem(
                (*path, "form"),
                'form は kind = "form" のチェックリストだけに書きます。',
                'form belongs only to checklists of kind = "form".',
            )
        elif not checklist["key"]:
            check.problem((*path, "key"), "必須のキーがありません。", "required key missing.")
        _check_slug(check, (*path, "key"), checklist["key"])
        if checklist["key"] in seen:
            check.problem(
                (*path, "key"),
                f"チェックリスト「{checklist['key']}」が2回あります。",
                f"checklist '{checklist['key']}' appears twice.",
            )
        seen[checklist["key"]] = index
        checklist["questions"] = check.array(checklist["questions"], QUESTION, (*path, "questions"))
        if not checklist["questions"]:
            check.problem(
                (*path, "questions"), "質問が1つもありません。", "a checklist needs questions."
            )
        _check_questions(check, path, checklist["questions"])


def _check_questions(check: _Checker, path: tuple, questions: list[dict]) -> None:
    keys: set[str] = set()
    for index, question in enumerate(questions):
        where = (*path, "questions", index)
        _check_slug(check, (*where, "key"), question["key"])
        if question["key"] in keys:
            check.problem(
                (*where, "key"),
                f"質問のキー「{question['key']}」がこのチェックリストに2回あります。",
                f"question key '{question['key']}' appears twice in this checklist.",
            )
        keys.add(question["key"])
        if question["favours"] not in ("", *Favours.values):
            check.problem(
                (*where, "favours"),
                'favours は "yes" か "no" です（協働に賛成する答え）。',
                'favours is "yes" or "no" (the answer that speaks for collaboration).',
            )


def _check_clauses(check: _Checker, clauses: list[dict]) -> None:
    seen: set[tuple] = set()
    for index, clause in enumerate(clauses):
        path = ("model_clauses", index)
        if clause["form"]:
            _check_form(check, (*path, "form"), clause["form"])
        _check_slug(check, (*path, "key"), clause["key"])
        if (clause["form"], clause["key"]) in seen:
            check.problem(
                (*path, "key"),
                f"ひな形条項「{clause['key']}」がこの形態に2回あります。",
                f"model clause '{clause['key']}' appears twice for this form.",
            )
        seen.add((clause["form"], clause["key"]))


def _check_slug(check: _Checker, path: tuple, value: str) -> None:
    if value and not SLUG.match(value):
        check.problem(
            path,
            "キーは半角英小文字・数字・-・_ で50字までです。",
            "keys are lower-case letters, digits, - and _, up to 50 characters.",
        )
