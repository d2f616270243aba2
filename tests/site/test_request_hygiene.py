import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=section&term=%00",
        "/admin/articles/article/?q=%00",
        "/section/world/?page=%00",
        "/?%00=1",
        "/news/1/%00/",
    ],
)
def test_nul_bytes_in_a_query_string_are_a_400_not_a_500(client_as_editor, url):
    response = client_as_editor.get(url)
    assert response.status_code == 400
    assert "잘못된 요청" in response.content.decode()


def test_ordinary_requests_pass(client, demo):
    assert client.get("/", {"page": "1"}).status_code == 200
