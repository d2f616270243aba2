import pytest

pytestmark = pytest.mark.django_db


def test_missing_page_is_a_branded_korean_404_with_search(client):
    response = client.get("/news/999999/nothing/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "페이지를 찾을 수 없습니다" in page
    assert 'action="/search/"' in page
