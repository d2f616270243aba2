import pytest

pytestmark = pytest.mark.django_db

AUTOCOMPLETE = "/admin/autocomplete/?app_label=articles&model_name=article&field_name={field}&term=%00"


@pytest.mark.parametrize(
    "url",
    [
        AUTOCOMPLETE.format(field="section"),
        AUTOCOMPLETE.format(field="tags"),
        "/admin/articles/article/?q=%00",
        "/admin/articles/article/?q=%EC%8A%A4%00%EB%A7%88",
        "/section/world/?before=1%00",
        "/?%00=1",
    ],
)
def test_nul_bytes_in_a_query_string_never_reach_the_database(client_as_editor, demo, url):
    assert client_as_editor.get(url).status_code in (200, 404)  # answered, not a 500


def test_nul_byte_in_the_path_is_a_400(client):
    response = client.get("/news/1/%00/")
    assert response.status_code == 400
    assert "잘못된 요청" in response.content.decode()


def test_a_nul_in_a_page_number_is_just_a_bad_page(client, demo):
    assert client.get("/events/", {"page": "1\x00"}).status_code == 404
    assert client.get("/section/world/", {"before": "1\x00"}).status_code == 404
