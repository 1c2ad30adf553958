"""Disclosed subsidies (issue 17-9, §3-3-③): a grant marked 「公開済み」 appears on the public
page, in its CSV and in the API; one not yet disclosed appears nowhere."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from kyodo.calls import services
from kyodo.calls.models import DisclosureStatus
from kyodo.calls.tests.factories import applicant, make_call
from kyodo.core.demo import seed as seed_municipality

pytestmark = pytest.mark.django_db
D = datetime.date
PAGE, CSV, API = "calls:public_subsidies", "calls:public_subsidies_csv", "/api/subsidies/"


def grant(partner, purpose, amount, start, *, disclosed=True, call=None):
    return services.grant_record(
        actor=None,
        partner=partner,
        purpose=purpose,
        amount=amount,
        term_start=start,
        term_end=start + datetime.timedelta(days=300),
        call=call,
        disclosure_status=DisclosureStatus.DISCLOSED if disclosed else DisclosureStatus.PENDING,
    )


@pytest.fixture
def grants():
    seed_municipality()
    call = make_call(title="花壇づくり補助の公募")
    flowers = applicant("花いっぱいの会")
    secret = applicant("未公開補助の会")
    return {
        "this_year": grant(flowers, "花壇の整備", 1_200_000, D(2026, 4, 1), call=call),
        "last_year": grant(flowers, "花壇の整備", 800_000, D(2026, 3, 1)),  # 令和7年度
        "pending": grant(secret, "まだ公開しない補助", 500_000, D(2026, 6, 1), disclosed=False),
    }


def test_the_page_shows_the_disclosed_grants_of_the_year(client, grants):
    html = client.get(reverse(PAGE), {"year": "2026"}).content.decode()
    assert "花いっぱいの会" in html and "花壇の整備" in html and "1,200,000" in html
    assert "令和8年度" in html and "花壇づくり補助の公募" in html
    assert "800,000" not in html  # 令和7年度's grant is on its own year's page
    assert "未公開補助の会" not in html and "500,000" not in html
    last = client.get(reverse(PAGE), {"year": "２０２５"}).content.decode()  # full-width digits
    assert "800,000" in last and "1,200,000" not in last


@pytest.mark.parametrize("year", ["abc", "1999", "2026'--"])
def test_a_year_that_cannot_be_shown_is_answered_in_words(client, grants, year):
    response = client.get(reverse(PAGE), {"year": year})
    assert response.status_code == 200
    html = response.content.decode()
    assert "年度を一覧から選んでください" in html or "公開された補助はありません" in html
    assert "1,200,000" in html  # the newest year is shown instead


def test_the_csv_has_every_disclosed_grant_and_no_other(client, grants):
    response = client.get(reverse(CSV))
    assert "attachment" in response["Content-Disposition"]
    assert "filename*=utf-8''" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["全国地方公共団体コード", "地方公共団体名", "年度", "交付先"]
    body = rows[1:]
    assert sorted((row[2], row[3], row[5]) for row in body) == [
        ("令和7年度", "花いっぱいの会", "800000"),
        ("令和8年度", "花いっぱいの会", "1200000"),
    ]
    assert all(row[0] == "012114" for row in body)
    one_year = client.get(reverse(CSV), {"year": "2025"}).content.decode("utf-8-sig")
    assert "800000" in one_year and "1200000" not in one_year


def test_the_api_lists_disclosed_grants_only(client, grants):
    data = client.get(API).json()
    assert data["count"] == 2
    assert {row["recipient"] for row in data["results"]} == {"花いっぱいの会"}
    newest = data["results"][0]
    assert (newest["amount"], newest["fiscal_year_label"]) == (1_200_000, "令和8年度")
    assert newest["call_title"] == "花壇づくり補助の公募"
    assert client.get(API, {"fiscal_year": 2025}).json()["count"] == 1
    bad = client.get(API, {"fiscal_year": "昨年"})
    assert bad.status_code == 400 and "fiscal_year" in bad.content.decode()


def test_disclosing_a_grant_shows_it_at_once_even_from_the_cache(client, grants):
    url = reverse(PAGE) + "?year=2026"
    assert "未公開補助の会" not in client.get(url).content.decode()  # now cached
    services.grant_set_disclosure(
        actor=None, grant=grants["pending"], disclosure_status=DisclosureStatus.DISCLOSED
    )
    assert "未公開補助の会" in client.get(url).content.decode()
    services.grant_set_disclosure(
        actor=None, grant=grants["pending"], disclosure_status=DisclosureStatus.PENDING
    )
    assert "未公開補助の会" not in client.get(url).content.decode()


def test_queries_do_not_grow_with_the_grants(client, grants, django_assert_max_num_queries):
    url = reverse(PAGE) + "?year=2026"
    partner = applicant("追加の会")
    for i in range(15):
        grant(partner, f"追加の補助{i}", 10_000 + i, D(2026, 5, 1))
    with django_assert_max_num_queries(6):
        assert client.get(url, HTTP_COOKIE="").status_code == 200
