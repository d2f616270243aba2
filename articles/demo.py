"""Demo content: the China–Japan–Korea smart city online seminar of 5 August 2020.

Facts come from the organisers' announcement; the article is our own text.
Everything is keyed by slug or username, so loading twice changes nothing.
"""

import datetime
import io
import random
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from articles.models import Article, Byline, Section
from articles.roles import EDITOR_GROUP, REPORTER_GROUP, ensure_roles
from articles.signals import demo_loaded
from events.models import Event, Session
from organisations.models import Organisation
from photos.models import Photo
from photos.services import save_photo
from photos.uploads import prepare_upload
from reporters.models import Reporter

KST = ZoneInfo("Asia/Seoul")

Kind = Organisation.Kind

DEMO_USERS = [
    # username, password, group, first name
    ("reporter", "newsroom-reporter", REPORTER_GROUP, "강승원"),
    ("editor", "newsroom-editor", EDITOR_GROUP, "편집데스크"),
]

SECTIONS = [("정책", "policy", 1), ("산업", "industry", 2), ("국제", "world", 3), ("안전", "safety", 4)]

ORGANISATIONS = [
    dict(
        slug="tcs",
        acronym="TCS",
        kind=Kind.INTERGOVERNMENTAL,
        country="",
        name="한중일3국협력사무국",
        name_en="Trilateral Cooperation Secretariat",
        name_native="中日韩合作秘书处 / 日中韓三国協力事務局",
        headquarters="서울",
        founded=datetime.date(2011, 9, 1),
        website="https://www.tcs-asia.org/",
        head_title="사무총장",
        head_name="미치가미 히사시",
        description="한국·중국·일본 세 나라 정부가 2011년 9월 서울에 세운 국제기구. "
        "운영 예산은 세 나라가 3분의 1씩 나눠 낸다.",
    ),
    dict(
        slug="wego",
        acronym="WeGo",
        kind=Kind.INTERGOVERNMENTAL,
        country="",
        name="세계스마트지속가능도시기구",
        name_en="World Smart Sustainable Cities Organization",
        headquarters="서울",
        website="https://we-gov.org/",
        head_title="사무총장",
        head_name="이경렬",
        description="스마트하고 지속 가능한 도시를 만들려는 세계 여러 도시와 기관의 협력체.",
    ),
    dict(
        slug="sca",
        acronym="SCA",
        kind=Kind.ASSOCIATION,
        country="KR",
        name="스마트도시협회",
        name_en="Smart City Association of Korea",
        headquarters="서울",
    ),
    dict(
        slug="ccud",
        acronym="CCUD",
        kind=Kind.NATIONAL_BODY,
        country="CN",
        name="중국도시발전센터",
        name_en="China Center for Urban Development",
        name_native="中国城市和小城镇改革发展中心",
        headquarters="베이징",
    ),
    dict(
        slug="sci-j",
        acronym="SCI-J",
        kind=Kind.ASSOCIATION,
        country="JP",
        name="스마트시티 인스티튜트 재팬",
        name_en="Smart City Institute Japan",
        name_native="スマートシティ・インスティテュート",
        headquarters="도쿄",
    ),
    dict(
        slug="seoul",
        kind=Kind.CITY_GOVERNMENT,
        country="KR",
        name="서울특별시",
        name_en="Seoul Metropolitan Government",
        headquarters="서울",
    ),
    dict(
        slug="beijing",
        kind=Kind.CITY_GOVERNMENT,
        country="CN",
        name="베이징시",
        name_en="Beijing Municipal Government",
        name_native="北京市人民政府",
        headquarters="베이징",
    ),
    dict(
        slug="tokyo",
        kind=Kind.CITY_GOVERNMENT,
        country="JP",
        name="도쿄도",
        name_en="Tokyo Metropolitan Government",
        name_native="東京都",
        headquarters="도쿄",
    ),
    dict(
        slug="samsung-sds", kind=Kind.COMPANY, country="KR", name="삼성SDS", name_en="Samsung SDS", headquarters="서울"
    ),
    dict(
        slug="alibaba",
        kind=Kind.COMPANY,
        country="CN",
        name="알리바바",
        name_en="Alibaba Group",
        name_native="阿里巴巴集团",
        headquarters="항저우",
    ),
    dict(
        slug="nec",
        kind=Kind.COMPANY,
        country="JP",
        name="NEC",
        name_en="NEC Corporation",
        name_native="日本電気株式会社",
        headquarters="도쿄",
    ),
]

SESSIONS = [
    (
        1,
        "각국 스마트시티 추진 기관",
        "세 나라의 스마트시티 정책을 이끄는 기관이 추진 현황을 소개했다.",
        ["sca", "ccud", "sci-j"],
    ),
    (
        2,
        "세 나라 수도의 스마트시티",
        "서울·베이징·도쿄가 도시 문제를 푸는 데 쓰는 기술을 발표했다.",
        ["seoul", "beijing", "tokyo"],
    ),
    (
        3,
        "기업이 보는 스마트시티",
        "세 나라 대표 정보기술 기업이 사업 사례를 공유했다.",
        ["samsung-sds", "alibaba", "nec"],
    ),
]

ARTICLE_BODY = """
<p>한국·중국·일본의 스마트시티 정책과 기술을 한자리에서 견주어 보는 온라인 세미나가 처음 열렸다.</p>
<p><a href="https://www.tcs-asia.org/">한중일3국협력사무국(TCS)</a>은 세계스마트지속가능도시기구(WeGo)와 함께 지난 5일 '한중일 스마트시티 온라인 세미나'를 공동으로 열었다. 세 나라 정부와 도시, 기업, 연구기관에서 초청받은 관계자 400명가량이 화상으로 참여했다.</p>
<h2>기관·수도·기업, 세 갈래로 나눠 발표</h2>
<p>세미나는 세 세션으로 짜였다. 첫 세션에서는 한국의 스마트도시협회(SCA), 중국도시발전센터(CCUD), 일본의 스마트시티 인스티튜트(SCI-J)가 자국의 스마트시티 추진 상황을 설명했다. 두 번째 세션은 서울·베이징·도쿄 세 수도가, 세 번째 세션은 삼성SDS·알리바바·NEC가 맡았다.</p>
<p>서울시는 실시간 교통 상황과 재난 정보, 주차 정보를 한데 모아 보여 주는 통합 플랫폼을 소개했다. 도쿄도는 고령화 사회에 맞춘 디지털 행정 서비스를, 베이징시는 5G와 사물인터넷(IoT), 빅데이터를 도시 관리에 활용하는 방식을 발표했다.</p>
<h2>연말·연초 일본에서 포럼 추진</h2>
<p>TCS는 이번 세미나를 발판 삼아 올해 말이나 내년 초 일본에서 '한중일 스마트시티 포럼'을 열 계획이라고 밝혔다.</p>
<p>TCS는 2011년 9월 서울에 문을 연 정부 간 국제기구로, 세 나라 정부가 운영 예산을 3분의 1씩 부담한다. 미치가미 히사시 TCS 사무총장과 이경렬 WeGo 사무총장이 행사를 이끌었다.</p>
""".strip()

DRAFT_BODY = "<p>TCS가 일본에서 열 한중일 스마트시티 포럼의 일정과 의제를 취재 중이다.</p>"


def kst(*args):
    return datetime.datetime(*args, tzinfo=KST)


def demo_photo():
    """A generated skyline picture, so the demo needs no downloaded file."""
    width, height = 1200, 675
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = int(40 + 120 * y / height)
        draw.line([(0, y), (width, y)], fill=(20, shade // 2 + 30, shade + 60))
    rng = random.Random(20200805)
    x = 0
    while x < width:
        w, h = rng.randint(40, 110), rng.randint(120, 420)
        draw.rectangle([x, height - h, x + w, height], fill=(15, 30, 60))
        for wy in range(height - h + 12, height - 10, 22):
            for wx in range(x + 8, x + w - 8, 18):
                if rng.random() < 0.55:
                    draw.rectangle([wx, wy, wx + 8, wy + 10], fill=(250, 215, 120))
        x += w + rng.randint(4, 16)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="smart-city-seminar.jpg")


def demo_screen():
    """A generated picture of a video call with nine speakers, for the photo inside the body."""
    image = Image.new("RGB", (960, 640), (32, 36, 44))
    draw = ImageDraw.Draw(image)
    colours = [(70, 110, 170), (170, 90, 80), (90, 150, 110)]
    for row in range(3):
        for column in range(3):
            left, top = 24 + column * 312, 24 + row * 204
            draw.rectangle([left, top, left + 288, top + 180], fill=colours[row])
            draw.ellipse([left + 114, top + 40, left + 174, top + 100], fill=(235, 215, 190))
            draw.rectangle([left + 94, top + 108, left + 194, top + 180], fill=(40, 40, 48))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="zoom-screen.jpg")


def load_photo(picture, **fields):
    """A demo picture in the photo library, through the same checks and service as an upload in the admin."""
    content, _size = prepare_upload(picture)
    photo = Photo(**fields)
    photo.image = content
    return save_photo(photo)


def load_users():
    User = get_user_model()
    ensure_roles(Group, Permission)
    users = {}
    for username, password, group_name, first_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "first_name": first_name}
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def load_organisations():
    orgs = {}
    for data in ORGANISATIONS:
        data = dict(data)
        slug = data.pop("slug")
        orgs[slug], _ = Organisation.objects.update_or_create(slug=slug, defaults=data)
    return orgs


def load_event(orgs):
    event, _ = Event.objects.update_or_create(
        slug="2020-한중일-스마트시티-온라인-세미나",
        defaults=dict(
            title="한중일 스마트시티 온라인 세미나",
            kind=Event.Kind.SEMINAR,
            format=Event.Format.ONLINE,
            starts_at=kst(2020, 8, 5, 14, 0),
            ends_at=kst(2020, 8, 5, 17, 0),
            venue="온라인(화상회의)",
            audience="초청 관계자 약 400명",
            description="한중일3국협력사무국(TCS)과 세계스마트지속가능도시기구(WeGo)가 처음으로 함께 연 "
            "스마트시티 세미나. 세 나라의 추진 기관, 수도, 기업이 차례로 발표했다.",
        ),
    )
    event.organisers.set([orgs["tcs"], orgs["wego"]])
    sessions = []
    for order, title, description, org_slugs in SESSIONS:
        session, _ = Session.objects.update_or_create(
            event=event, order=order, defaults={"title": title, "description": description}
        )
        session.organisations.set([orgs[slug] for slug in org_slugs])
        sessions.append(session)
    return event, sessions


def load_seminar_article(reporter, sections, orgs, event, sessions):
    """The published demo article, created once: later runs leave what editors did to it alone."""
    article, created = Article.objects.get_or_create(
        slug="한중일-스마트시티-첫-온라인-세미나",
        defaults=dict(
            headline="한중일 스마트시티 첫 온라인 세미나…서울·베이징·도쿄 해법 공유",
            deck="TCS·WeGo 공동 개최, 세 나라 기관·도시·기업 관계자 400여 명 참여",
            body=ARTICLE_BODY,
            section=sections["world"],
            status=Article.Status.PUBLISHED,
            published_at=kst(2020, 8, 6, 16, 6),
        ),
    )
    if not created:
        return article
    article.lead_photo = load_photo(
        demo_photo(),
        caption="한중일 스마트시티 온라인 세미나를 표현한 그래픽",
        credit="뉴스룸 그래픽",
        alt_text="밤하늘 아래 불 켜진 고층 건물들이 늘어선 도시 풍경 그래픽",
        focal_x=0.5,
        focal_y=0.6,
    )
    screen = load_photo(
        demo_screen(),
        caption="세 나라 기관·도시·기업 발표자들이 화상으로 참여한 세미나 화면",
        credit="TCS 제공",
        alt_text="화상회의 화면에 발표자 아홉 명이 세 줄로 나란히 보인다",
    )
    # The second photo goes inside the body, after the paragraph on the three sessions.
    marker = "<h2>연말·연초 일본에서 포럼 추진</h2>"
    article.body = article.body.replace(marker, f'<figure data-photo-id="{screen.pk}"></figure>\n{marker}')
    article.save(update_fields=["lead_photo", "body"])
    Byline.objects.create(article=article, reporter=reporter, order=0)
    article.tags.set(["스마트시티", "한중일", "TCS", "WeGo", "온라인세미나", "smart city"])
    article.organisations.set(orgs.values())
    article.events.set([event])
    article.sessions.set(sessions)
    return article


def load_draft(reporter, sections, orgs):
    """A draft for the demo reporter to take through the workflow; also created once."""
    draft, created = Article.objects.get_or_create(
        slug="한중일-스마트시티-포럼-일본-개최-추진",
        defaults=dict(
            headline="한중일 스마트시티 포럼, 일본 개최 추진",
            body=DRAFT_BODY,
            section=sections["world"],
            status=Article.Status.DRAFT,
            created_by=reporter.user,
        ),
    )
    if created:
        Byline.objects.create(article=draft, reporter=reporter, order=0)
        draft.organisations.set([orgs["tcs"]])
    return draft


@transaction.atomic
def load_demo():
    """Create or refresh every piece of demo content; returns the demo logins."""
    users = load_users()
    sections = {}
    for name, slug, order in SECTIONS:
        sections[slug], _ = Section.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    reporter, _ = Reporter.objects.update_or_create(
        slug="강승원",
        defaults=dict(
            name="강승원",
            title="기자",
            email="reporter@example.com",
            user=users["reporter"],
            bio="스마트시티와 도시 정책을 취재합니다.",
        ),
    )
    orgs = load_organisations()
    event, sessions = load_event(orgs)
    article = load_seminar_article(reporter, sections, orgs, event, sessions)
    load_draft(reporter, sections, orgs)
    demo_loaded.send(sender=Article, article=article, users=users)
    return [(username, password, group) for username, password, group, _ in DEMO_USERS]
