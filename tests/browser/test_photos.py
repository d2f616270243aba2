"""Issue 8 in a browser: a reporter's phone photo, a photo in the body, and what readers get after publication."""

import io
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from articles.models import Article
from photos.models import Photo
from photos.storage import storage
from reporters.models import Reporter
from tests.browser.actions import choose, log_in
from tests.factories import SectionFactory, editor_user, library_photo, reporter_user
from tests.photos.images import GPS_IFD, heic, phone_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upload_lead_photo_in_a_popup(page, path):
    """The '+' next to 대표 사진 opens the library's upload form; saving it picks the new photo."""
    with page.expect_popup() as opened:
        page.click("#add_id_lead_photo")
    popup = opened.value
    popup.wait_for_load_state()
    popup.set_input_files("#id_image", str(path))
    popup.fill("#id_caption", "서울시 통합 플랫폼을 발표하는 모습")
    popup.fill("#id_credit", "강승원 기자")
    popup.fill("#id_alt_text", "무대 위 발표자가 대형 화면 앞에 서 있다")
    frame = popup.locator(".focal-frame img")
    frame.wait_for(state="visible")
    box = frame.bounding_box()
    frame.click(position={"x": box["width"] * 0.5, "y": box["height"] * 0.25})  # the speaker's face, near the top
    assert abs(float(popup.input_value("#id_focal_y")) - 0.25) < 0.02
    popup.screenshot(path=str(page.context.artifacts / "photo-upload-focal-point.png"), full_page=True)
    with popup.expect_event("close"):
        popup.click("input[name=_save]")


def place_photo_in_body(page, caption):
    """The editor's '사진' button opens the library; clicking a photo there puts it at the cursor."""
    page.locator(".ProseMirror >> visible=true").first.click()
    page.keyboard.press("End")
    with page.expect_popup() as opened:
        page.locator(".prose-menubar button:has-text('사진'), .prose-menubar__button:has-text('사진')").first.click()
    popup = opened.value
    popup.wait_for_load_state()
    with popup.expect_event("close"):
        popup.click(f"a:has-text('{caption}')")
    page.locator(".ProseMirror figure[data-photo-id]").wait_for()


def test_phone_photo_to_published_responsive_pictures(live_server, page, browser, screenshot, tmp_path):
    from tests.browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    page.context.artifacts = ARTIFACTS
    user = reporter_user(username="kang")
    Reporter.objects.create(user=user, name="강승원", slug="강승원", email="kang@example.com")
    editor_user(username="desk")
    SectionFactory(name="국제", slug="world")
    second = library_photo(
        size=(1200, 800), caption="세 나라 발표자들이 참여한 화상 세미나", credit="TCS 제공", alt_text="화상회의 화면"
    )
    phone = tmp_path / "IMG_4031.JPG"
    phone.write_bytes(phone_jpeg(size=(1600, 1200), orientation=6))

    log_in(page, live_server, "kang")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.locator("#id_headline").press_sequentially("서울시, 스마트시티 통합 플랫폼 공개")
    page.locator("#id_headline").blur()
    page.locator(".ProseMirror >> visible=true").first.click()
    page.keyboard.type("서울시가 교통·재난·주차 정보를 한데 모은 플랫폼을 공개했다.")
    page.select_option("#id_section", label="국제")  # a few sections: a plain drop-down
    upload_lead_photo_in_a_popup(page, phone)
    place_photo_in_body(page, second.caption)
    choose(page, "id_bylines-0-reporter", "강승원")
    screenshot(page, "photos-reporter-article-form")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/articles/article/")

    article = Article.objects.get()
    lead = article.lead_photo
    assert lead.caption == "서울시 통합 플랫폼을 발표하는 모습" and abs(lead.focal_y - 0.25) < 0.02
    assert f'data-photo-id="{second.pk}"' in article.body
    assert (lead.width, lead.height) == (1200, 1600)  # turned upright
    with storage.open(lead.image.name, "rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
    assert not stored.getexif().get_ifd(GPS_IFD) and "IMG_4031" not in lead.image.name

    # Before publication nothing of it reaches a reader.
    reader = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900})
    reader_page = reader.new_page()
    url = f"{live_server.url}/photos/{lead.key}/v{lead.rendition_version}/full-480.jpg"
    assert reader_page.request.get(url).status == 404

    article.submit(user)
    desk = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    desk_page = desk.new_page()
    log_in(desk_page, live_server, "desk")
    desk_page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    desk_page.click("button:has-text('지금 출고')")
    desk_page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.is_published

    assert reader_page.request.get(url).status == 200
    reader_page.goto(live_server.url + article.get_absolute_url())
    figures = reader_page.locator("article.story figure.photo")
    assert figures.count() == 2
    captions = [figures.nth(i).locator("figcaption").inner_text() for i in range(2)]
    assert captions == ["서울시 통합 플랫폼을 발표하는 모습 ⓒ 강승원 기자", f"{second.caption} ⓒ TCS 제공"]
    for i in range(2):
        img = figures.nth(i).locator("img")
        img.scroll_into_view_if_needed()
        img.evaluate("img => img.decode()")
        assert img.evaluate("img => img.naturalWidth") > 0
        assert "/photos/" in img.evaluate("img => img.currentSrc")
        assert img.get_attribute("srcset") and img.get_attribute("width") and img.get_attribute("alt")
    assert figures.nth(1).locator("img").get_attribute("loading") == "lazy"
    screenshot(reader_page, "photos-reader-article")
    reader_page.set_viewport_size({"width": 390, "height": 844})
    reader_page.goto(live_server.url + article.get_absolute_url())
    screenshot(reader_page, "photos-reader-article-phone")
    reader_page.goto(live_server.url + "/")
    screenshot(reader_page, "photos-reader-front-page")
    assert Photo.objects.count() == 2
    reader.close()
    desk.close()


def test_an_iphone_heic_photo_is_uploaded_and_its_focal_point_set_on_the_change_page(live_server, page, screenshot):
    reporter_user(username="kang")
    log_in(page, live_server, "kang")
    page.goto(f"{live_server.url}/admin/photos/photo/add/")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "IMG_0001.HEIC"
        path.write_bytes(heic(size=(1280, 960)))
        page.set_input_files("#id_image", str(path))
        page.fill("#id_caption", "아이폰으로 찍은 세미나장")
        page.fill("#id_alt_text", "세미나장 무대")
        page.click("input[name=_continue]")
    page.wait_for_selector(".focal-frame img")
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".jpg") and (photo.width, photo.height) == (1280, 960)
    frame = page.locator(".focal-frame img")
    frame.evaluate("img => img.decode()")
    assert frame.evaluate("img => img.naturalWidth") > 0  # the rendition, shown to staff before any publication
    box = frame.bounding_box()
    frame.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.5})
    screenshot(page, "photos-admin-change-focal-point")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/photos/photo/")
    photo.refresh_from_db()
    assert abs(photo.focal_x - 0.8) < 0.02 and photo.rendition_version == 2
    screenshot(page, "photos-admin-library")
