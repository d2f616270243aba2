"""The photo library in the admin: list, search, picking a lead photo, and refusing to delete a used photo."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from photos.models import Photo
from tests.factories import ArticleFactory, library_photo

pytestmark = pytest.mark.django_db


def test_the_library_lists_thumbnails_and_finds_photos_by_caption_and_credit(client_as_reporter):
    seminar = library_photo(caption="세미나 화면", credit="TCS 제공", size=(400, 300))
    library_photo(caption="서울 야경", credit="강승원 기자", size=(400, 300))
    page = client_as_reporter.get(reverse("admin:photos_photo_changelist")).content.decode()
    assert page.count('class="photo-thumb"') == 2 and f"/photos/{seminar.key}/" in page
    found = client_as_reporter.get(reverse("admin:photos_photo_changelist"), {"q": "TCS"}).content.decode()
    assert "세미나 화면" in found and "서울 야경" not in found
    unused = client_as_reporter.get(reverse("admin:photos_photo_changelist"), {"used": "no"})
    assert unused.status_code == 200


def test_an_article_picks_its_lead_photo_from_the_library_by_autocomplete(client_as_reporter):
    photo = library_photo(caption="세미나 화면", size=(400, 300))
    response = client_as_reporter.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "lead_photo", "term": "세미나"},
    )
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [str(photo.pk)]


def test_the_article_form_offers_to_upload_a_new_photo_in_place(client_as_reporter):
    page = client_as_reporter.get(reverse("admin:articles_article_add")).content.decode()
    assert 'id="add_id_lead_photo"' in page and "/admin/photos/photo/add/?" in page


def test_deleting_a_used_photo_is_refused_with_the_articles_that_use_it(client_as_editor):
    photo = library_photo(size=(400, 300))
    lead = ArticleFactory(headline="대표 사진으로 쓴 기사", lead_photo=photo)
    body = ArticleFactory(headline="본문에 넣은 기사", body=f'<figure data-photo-id="{photo.pk}"></figure>')
    url = reverse("admin:photos_photo_delete", args=[photo.pk])
    page = client_as_editor.get(url).content.decode()
    assert lead.headline in page and body.headline in page
    response = client_as_editor.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()
    assert response.status_code in (200, 403)
    with pytest.raises(ProtectedError):
        photo.delete()


def test_an_unused_photo_can_be_deleted_and_its_files_go(client_as_editor, django_capture_on_commit_callbacks):
    from photos.renditions import all_names
    from photos.storage import storage

    photo = library_photo(size=(400, 300))
    names = [photo.image.name, *all_names(photo)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as_editor.post(reverse("admin:photos_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not any(storage.exists(name) for name in names)


def test_reporters_cannot_delete_photos(client_as_reporter):
    photo = library_photo(size=(400, 300))
    response = client_as_reporter.post(reverse("admin:photos_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_removing_a_photo_from_the_body_frees_it(client_as_editor):
    photo = library_photo(size=(400, 300))
    article = ArticleFactory(body=f'<figure data-photo-id="{photo.pk}"></figure>')
    assert photo.uses.count() == 1
    article.body = "<p>사진 뺌</p>"
    article.save()
    assert photo.uses.count() == 0


def test_changing_the_focal_point_in_the_admin_makes_new_crops(client_as_reporter, reporter):
    photo = library_photo(size=(1000, 1000), uploaded_by=reporter)
    data = {"caption": photo.caption, "credit": photo.credit, "alt_text": "", "focal_x": "0.5", "focal_y": "0.9"}
    response = client_as_reporter.post(reverse("admin:photos_photo_change", args=[photo.pk]), data)
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.focal_y == 0.9 and photo.rendition_version == 2


def test_a_revision_keeps_and_restores_the_lead_photo(editor):
    from articles import editing, revisions

    first, second = library_photo(size=(300, 200)), library_photo(size=(300, 200))
    article = ArticleFactory(lead_photo=first)
    old = revisions.record(article, editor)
    article.lead_photo = second
    article.save()
    revisions.record(article, editor)
    editing.restore(article, old, editor)
    article.refresh_from_db()
    assert article.lead_photo == first


def test_the_body_editor_thumbnail_is_for_staff_only(client, client_as_reporter):
    photo = library_photo(size=(600, 400))
    url = reverse("admin:photos_photo_thumbnail", args=[photo.pk])
    response = client_as_reporter.get(url)
    assert response.status_code == 302 and f"/photos/{photo.key}/" in response["Location"]
    assert client_as_reporter.get(reverse("admin:photos_photo_thumbnail", args=[987654])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302 and "/admin/login/" in client.get(url)["Location"]


def photo_change(client, photo, **fields):
    data = {"caption": photo.caption, "credit": photo.credit, "alt_text": "", "focal_x": "0.5", "focal_y": "0.5"}
    return client.post(reverse("admin:photos_photo_change", args=[photo.pk]), {**data, **fields})


def test_a_reporter_changes_their_own_photo_until_readers_can_see_it(client_as_reporter, reporter, editor):
    photo = library_photo(size=(400, 300), uploaded_by=reporter)
    assert photo_change(client_as_reporter, photo, caption="고친 설명").status_code == 302
    article = ArticleFactory(lead_photo=photo)
    article.publish(editor)
    assert photo_change(client_as_reporter, photo, caption="출고 뒤 몰래 고침").status_code == 403
    photo.refresh_from_db()
    assert photo.caption == "고친 설명"


def test_a_reporter_cannot_change_someone_elses_photo(client_as_reporter, editor):
    photo = library_photo(size=(400, 300), uploaded_by=editor)
    assert photo_change(client_as_reporter, photo, caption="남의 사진").status_code == 403


def test_the_desk_changes_a_published_photos_caption(client_as_editor, editor):
    photo = library_photo(size=(400, 300))
    ArticleFactory(lead_photo=photo, published=True)
    assert photo_change(client_as_editor, photo, caption="데스크가 고침").status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "데스크가 고침"
