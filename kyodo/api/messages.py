"""Japanese messages for every error the API answers (django-ninja's and pydantic's are English).

`parameter_message` turns one pydantic error of a query or path parameter into a sentence for
people; `NOT_ALLOWED` and `NOT_FOUND` are the bodies of a 405 and of an unknown address.
"""

from kyodo.api.schemas import DATE_MESSAGE

INVALID = "パラメータの形式が正しくありません。"
NOT_FOUND = "見つかりません。"
NOT_ALLOWED = "この API は読み取り専用です。GET で呼び出してください。"

_BY_TYPE = {
    "missing": "必須のパラメータです。",
    "int_parsing": "整数で指定してください。",
    "int_type": "整数で指定してください。",
    "int_from_float": "整数で指定してください。",
    "float_parsing": "数値で指定してください。",
    "decimal_parsing": "数値で指定してください。",
    "greater_than_equal": "{ge} 以上の値を指定してください。",
    "greater_than": "{gt} より大きい値を指定してください。",
    "less_than_equal": "{le} 以下の値を指定してください。",
    "less_than": "{lt} より小さい値を指定してください。",
    "uuid_parsing": "ID は UUID の形式で指定してください。",
    "uuid_type": "ID は UUID の形式で指定してください。",
    "literal_error": "次のいずれかを指定してください：{expected}。",
    "enum": "次のいずれかを指定してください：{expected}。",
    "string_too_long": "{max_length} 文字以内で指定してください。",
    "string_too_short": "{min_length} 文字以上で指定してください。",
    "string_type": "文字列で指定してください。",
    "bool_parsing": "true または false で指定してください。",
    "extra_forbidden": "このパラメータは使えません。",
    **{
        kind: DATE_MESSAGE
        for kind in (
            "iso_date",
            "date_parsing",
            "date_type",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
        )
    },
}


def _japanese_list(text: str) -> str:
    """pydantic's "'all', 'open' or 'published'" as 「all、open、published」."""
    return text.replace("'", "").replace(" or ", "、").replace(", ", "、")


def parameter_message(error: dict) -> str:
    """The Japanese sentence for one pydantic error (ninja keeps its `type` and `ctx`)."""
    template = _BY_TYPE.get(error.get("type", ""), "値が正しくありません。")
    context = {k: _japanese_list(str(v)) for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return "値が正しくありません。"
