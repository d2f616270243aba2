import pytest
from django.core.management import call_command

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_editor_can_look_up_a_login_to_link_a_reporter(client_as_editor, reporter):
    response = client_as_editor.get(
        "/admin/autocomplete/",
        {"app_label": "reporters", "model_name": "reporter", "field_name": "user", "term": "reporter"},
    )
    assert response.status_code == 200
    assert reporter.username in response.content.decode()


def test_reporter_cannot_look_up_users(client_as_reporter):
    response = client_as_reporter.get(
        "/admin/autocomplete/",
        {"app_label": "reporters", "model_name": "reporter", "field_name": "user", "term": "e"},
    )
    assert response.status_code == 403


def test_bulk_deleting_sections_updates_the_menu(client_as_editor, client):
    section = SectionFactory(name="사라질섹션", slug="gone")
    assert "사라질섹션" in client.get("/").content.decode()
    client_as_editor.post(
        "/admin/articles/section/", {"action": "delete_selected", "_selected_action": [section.pk], "post": "yes"}
    )
    assert "사라질섹션" not in client.get("/").content.decode()


def test_load_demo_leaves_editors_changes_to_the_demo_article_alone(demo):
    Article.objects.filter(pk=demo.pk).update(headline="데스크가 고친 제목")
    demo.tags.set(["바뀐태그"])
    call_command("load_demo", stdout=open("/dev/null", "w"))
    demo.refresh_from_db()
    assert demo.headline == "데스크가 고친 제목"
    assert list(demo.tags.names()) == ["바뀐태그"]


def test_republishing_a_withdrawn_article_keeps_its_first_publication_time(editor):
    article = ArticleFactory(published=True)
    first = article.published_at
    article.unpublish(editor)
    article.publish(editor)
    article.refresh_from_db()
    assert article.is_published and article.published_at == first


def test_reporters_page_lists_active_reporters(client, demo):
    from reporters.models import Reporter

    Reporter.objects.create(name="퇴사기자", slug="gone", is_active=False)
    page = client.get("/reporters/").content.decode()
    assert "강승원" in page and "퇴사기자" not in page
