"""Sample departments and one account per role, all with the password `kyodo-demo`."""

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.accounts.services import department_create, user_create
from kyodo.core.demo import DEMO_PASSWORD

DEPARTMENTS = [
    ("企画総務部", "企画調整課", "キカクチョウセイカ", 10),
    ("市民環境部", "生活環境課", "セイカツカンキョウカ", 20),
    ("健康福祉部", "社会福祉課", "シャカイフクシカ", 30),
    ("観光商工部", "観光課", "カンコウカ", 40),
    ("教育委員会", "生涯学習課", "ショウガイガクシュウカ", 50),
]

# (username, name, reading, role, division of the department or None)
ACCOUNTS = [
    ("admin", "（サンプル）管理 太郎", "カンリ タロウ", Role.ADMINISTRATOR, "企画調整課"),
    ("coordinator", "（サンプル）協働 花子", "キョウドウ ハナコ", Role.COORDINATOR, "企画調整課"),
    ("staff", "（サンプル）網走 一郎", "アバシリ イチロウ", Role.STAFF, "生活環境課"),
    ("staff2", "（サンプル）潮見 二郎", "シオミ ジロウ", Role.STAFF, "社会福祉課"),
    ("partner", "（サンプル）桂 さくら", "カツラ サクラ", Role.PARTNER_MEMBER, None),
    ("evaluator", "（サンプル）審査 誠", "シンサ マコト", Role.EVALUATOR, None),
]


def seed() -> None:
    departments = {}
    for bureau, name, kana, order in DEPARTMENTS:
        department = Department.objects.filter(bureau=bureau, name=name).first()
        departments[name] = department or department_create(
            actor=None, bureau=bureau, name=name, name_kana=kana, sort_order=order
        )
    for username, name, kana, role, division in ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        user_create(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            display_name=name,
            display_name_kana=kana,
            email=f"{username}@example.jp",
            roles=[role],
            department=departments.get(division),
        )
