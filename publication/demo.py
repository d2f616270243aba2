"""Demo details of the paper, filled in by `manage.py load_demo` (articles.demo sends `demo_loaded`).

Everything is invented and says so: the registration number is not a real one.
Only empty fields are filled, so a desk that edited its details keeps them.
"""

import datetime
import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from publication.models import FrontPage, FrontPageStory, Page, SiteSettings

SITE = {
    "name": "스마트시티저널",
    "description": "스마트시티·도시 정책 전문 인터넷신문 (데모)",
    "email": "desk@example.com",
    "registration_number": "서울 아00000 (데모용 가상 번호)",
    "registration_date": datetime.date(2020, 1, 2),
    "publisher": "홍길동",
    "editor": "김편집",
    "youth_protection_officer": "이보호",
    "address": "서울특별시 중구 세종대로 000, 00층 (데모 주소)",
    "phone": "02-000-0000",
}

PAGES = {
    Page.Kind.ABOUT: (
        "신문 소개",
        "<p>스마트시티저널은 한국·중국·일본의 스마트시티와 도시 정책을 취재하는 인터넷신문입니다. "
        "정부와 도시, 기업과 연구기관이 무엇을 하고 있는지 현장에서 전합니다.</p>"
        "<p>이 사이트는 Newsroom CMS의 데모이며, 제호·등록번호·주소는 모두 지어낸 것입니다.</p>",
    ),
    Page.Kind.CONTACT: (
        "연락처",
        "<p>기사 제보, 정정·반론 보도 요청, 광고 문의는 아래 이메일이나 전화로 보내 주세요. "
        "제보자의 신원은 철저히 보호합니다.</p>",
    ),
    Page.Kind.PRIVACY: (
        "개인정보처리방침",
        "<h2>1. 수집하는 개인정보</h2><p>스마트시티저널은 회원 가입을 받지 않습니다. 독자가 제보나 문의를 "
        "보낼 때 적은 이름과 이메일 주소만 답변을 위해 받습니다.</p>"
        "<h2>2. 보유 기간</h2><p>문의에 답한 뒤 1년이 지나면 지웁니다.</p>"
        "<h2>3. 개인정보 보호책임자</h2><p>연락처 쪽의 이메일로 문의해 주세요.</p>",
    ),
    Page.Kind.YOUTH: (
        "청소년보호정책",
        "<p>스마트시티저널은 청소년이 유해한 정보에 노출되지 않도록 청소년보호책임자를 두고 있습니다. "
        "유해 정보를 발견하면 청소년보호책임자에게 알려 주세요. 확인하는 대로 바로 조치합니다.</p>",
    ),
}

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")


def demo_logo():
    """A small wordmark drawn here, so the demo needs no downloaded file."""
    image = Image.new("RGBA", (480, 96), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([4, 12, 76, 84], radius=14, fill=(11, 79, 156))
    draw.rectangle([22, 44, 34, 72], fill="white")
    draw.rectangle([40, 30, 52, 72], fill="white")
    draw.rectangle([58, 52, 66, 72], fill="white")
    try:
        font = ImageFont.truetype(str(FONT), 48)
        draw.text((92, 14), SITE["name"], font=font, fill=(26, 26, 26))
    except OSError:  # no CJK font on this machine: the mark alone
        image = image.crop((0, 0, 96, 96))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="demo-logo.png")


def load_publication(article=None, **kwargs):
    """Fill what is empty; create the four pages and the front page line-up once. Receiver of demo_loaded."""
    site = SiteSettings.objects.filter(pk=1).first() or SiteSettings(pk=1)
    for field, value in SITE.items():
        if not getattr(site, field):
            setattr(site, field, value)
    if site.name == "뉴스룸":  # the name the admin's first visit would have saved from the default
        site.name = SITE["name"]
    site.save()
    if not site.logo:
        site.logo.save("demo-logo.png", demo_logo(), save=True)
    for kind, (title, body) in PAGES.items():
        Page.objects.get_or_create(kind=kind, defaults={"title": title, "body": body})
    front_page, created = FrontPage.objects.get_or_create(pk=1)
    if created and article is not None:
        FrontPageStory.objects.create(front_page=front_page, article=article, is_lead=True)
    return site
