"""Demo comments under the seminar article: two the desk approved and one waiting, to show the flow.

Loaded by `manage.py load_demo` (through articles.signals.demo_loaded). Keyed by name and text, so
loading twice changes nothing and leaves what the desk did to them alone.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from comments.models import Comment

KST = ZoneInfo("Asia/Seoul")

DEMO_COMMENTS = [
    # name, text, status, written at (KST), documentation-range address
    (
        "도시계획연구자",
        "세 나라 수도의 발표를 한 기사에서 비교해 볼 수 있어 좋았습니다.\n도쿄도의 고령층 디지털 행정 사례가 특히 궁금합니다.",
        Comment.Status.APPROVED,
        datetime.datetime(2020, 8, 6, 18, 12, tzinfo=KST),
        "203.0.113.10",
    ),
    (
        "WeGo 회원",
        "내년 포럼 소식도 전해 주세요. 발표 자료는 https://we-gov.org/ 에 올라온다고 합니다.",
        Comment.Status.APPROVED,
        datetime.datetime(2020, 8, 7, 9, 40, tzinfo=KST),
        "203.0.113.22",
    ),
    (
        "시민",
        "서울시 통합 플랫폼은 어디서 볼 수 있나요?",
        Comment.Status.PENDING,
        None,  # just now, so the desk's queue shows a fresh one
        "198.51.100.7",
    ),
]


def load_demo_comments(sender, article, **kwargs):
    """Create the demo comments under the demo article once."""
    for name, body, status, written_at, ip in DEMO_COMMENTS:
        Comment.objects.get_or_create(
            article=article,
            name=name,
            body=body,
            defaults={"status": status, "created_at": written_at or timezone.now(), "ip": ip},
        )
