"""Who publishes the data: the city this installation serves (from its city file)."""

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from kyodo.api.schemas import ErrorOut
from kyodo.core.city import current_municipality

router = Router(tags=["自治体"])


class SiteOut(Schema):
    name: str = Field(description="The municipality's name, e.g. 〇〇市.")
    name_kana: str
    name_en: str
    prefecture: str
    code: str = Field(description="全国地方公共団体コード (6 digits with the check digit).")
    service_name: str
    website: str
    licence: str = "CC BY 4.0"


@router.get(
    "/",
    response={200: SiteOut, 404: ErrorOut},
    summary="データを公開している自治体",
    description="このデータを公開している自治体の名称と全国地方公共団体コードを返します。",
)
def site(request):
    municipality = current_municipality()
    if municipality is None:
        raise HttpError(404, "市町村がまだ設定されていません。")
    return SiteOut(
        name=municipality.name,
        name_kana=municipality.name_kana,
        name_en=municipality.name_en,
        prefecture=municipality.prefecture,
        code=municipality.code,
        service_name=municipality.service_name,
        website=municipality.website,
    )
