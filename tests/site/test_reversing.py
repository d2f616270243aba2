"""newsroom.reversing.reverse answers exactly what django.urls.reverse answers, errors included."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix
from django.urls import reverse as django_reverse
from django.utils import translation

from articles.models import Article
from newsroom import reversing

CASES = [
    ("articles:detail", {"pk": 5, "slug": "한중일-스마트시티-첫-온라인-세미나"}),
    ("articles:detail", {"pk": 12, "slug": "plain-ascii_slug"}),
    ("articles:section", {"slug": "safety"}),
    ("articles:tag", {"slug": "스마트시티"}),
    ("reporters:detail", {"slug": "강승원"}),
    ("organisations:detail", {"slug": "tcs"}),
    ("events:detail", {"slug": "2020-한중일-스마트시티-온라인-세미나"}),
    ("articles:photo", {"key": "aZ09_-key", "version": 3, "filename": "wide-640.webp"}),
]


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    clear_script_prefix()


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("prefix", ["/", "/paper/"])
@pytest.mark.parametrize(("viewname", "kwargs"), CASES)
def test_same_address_as_django(viewname, kwargs, language, prefix, script_prefix):
    script_prefix(prefix)
    with translation.override(language):
        assert reversing.reverse(viewname, kwargs=kwargs) == django_reverse(viewname, kwargs=kwargs)
        assert reversing.reverse(viewname, kwargs=kwargs) == django_reverse(viewname, kwargs=kwargs)  # cached


def test_english_addresses_carry_the_language_prefix():
    with translation.override("en"):
        assert reversing.reverse("articles:section", kwargs={"slug": "safety"}) == "/en/section/safety/"
    assert reversing.reverse("articles:section", kwargs={"slug": "safety"}) == "/section/safety/"


@pytest.mark.parametrize(
    "kwargs",
    [{"pk": 5, "slug": ""}, {"pk": 5, "slug": "a b"}, {"pk": 5, "slug": "a/b"}, {"pk": -1, "slug": "x"}, {"pk": 5}],
)
def test_values_django_refuses_are_refused(kwargs):
    with pytest.raises(NoReverseMatch):
        django_reverse("articles:detail", kwargs=kwargs)
    with pytest.raises(NoReverseMatch):
        reversing.reverse("articles:detail", kwargs=kwargs)


def test_a_changed_urlconf_is_followed():
    kwargs = {"slug": "safety"}
    assert reversing.reverse("articles:section", kwargs=kwargs) == "/section/safety/"
    with override_settings(ROOT_URLCONF="tests.site.reversing_urls"):
        assert reversing.reverse("articles:section", kwargs=kwargs) == "/elsewhere/section/safety/"


def test_models_link_through_it():
    """An article's address is still Django's, percent-encoded Korean slug and all."""
    article = Article(pk=7, slug="스마트시티-세미나")
    assert article.get_absolute_url() == django_reverse(
        "articles:detail", kwargs={"pk": 7, "slug": "스마트시티-세미나"}
    )
    assert (
        article.get_absolute_url()
        == "/news/7/%EC%8A%A4%EB%A7%88%ED%8A%B8%EC%8B%9C%ED%8B%B0-%EC%84%B8%EB%AF%B8%EB%82%98/"
    )
    assert reversing.reverse("articles:detail", kwargs={"pk": 7, "slug": "다른-제목"}) != article.get_absolute_url()


def test_pinned_reads_language_and_prefix_once(script_prefix):
    """Inside pinned() the block's starting language and prefix hold; outside, each call reads them again.
    A template first worked out inside a block where they changed is filed under the block's own."""
    kwargs = {"slug": "safety"}
    reversing._template.cache_clear()
    reversing._address.cache_clear()  # or a kept address answers before any template is worked out
    with reversing.pinned():
        with translation.override("en"):
            assert reversing.reverse("articles:section", kwargs=kwargs) == "/section/safety/"
        script_prefix("/paper/")
        assert reversing.reverse("articles:section", kwargs=kwargs) == "/section/safety/"
        with translation.override("en"), reversing.pinned():  # a block started in English stays English
            assert reversing.reverse("articles:section", kwargs=kwargs) == "/paper/en/section/safety/"
        with translation.override("en"), reversing.unpinned():
            assert reversing.reverse("articles:section", kwargs=kwargs) == "/paper/en/section/safety/"
    assert reversing.reverse("articles:section", kwargs=kwargs) == "/paper/section/safety/"
    script_prefix("/")
    assert reversing.reverse("articles:section", kwargs=kwargs) == "/section/safety/"
    with translation.override("en"):
        assert reversing.reverse("articles:section", kwargs=kwargs) == "/en/section/safety/"


def test_canonical_addresses_stay_korean_inside_a_pinned_block():
    """structured_data.absolute() switches to Korean for its address: unpinned() lets it, inside a block
    pinned in English (a story's markup calling it would otherwise print an /en/ canonical address)."""
    from django.test import RequestFactory

    from publication.structured_data import absolute

    article = Article(pk=7, slug="세미나")
    with translation.override("en"), reversing.pinned():
        assert absolute(RequestFactory().get("/"), article) == "http://testserver/news/7/%EC%84%B8%EB%AF%B8%EB%82%98/"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_pinned_answers_as_django(language):
    with translation.override(language), reversing.pinned():
        for viewname, kwargs in CASES:
            assert reversing.reverse(viewname, kwargs=kwargs) == django_reverse(viewname, kwargs=kwargs)


def test_pinned_as_a_decorator_reads_the_context_at_each_call():
    """The list and story tags are decorated with @pinned(): each call pins the language of that call."""

    @reversing.pinned()
    def section_url():
        return reversing.reverse("articles:section", kwargs={"slug": "safety"})

    with translation.override("en"):
        assert section_url() == "/en/section/safety/"
    assert section_url() == "/section/safety/"


def test_an_address_is_kept_for_the_same_values_and_context():
    """Keeping addresses is what makes a page's links cheap (docs/PERFORMANCE.md): the second call is a hit,
    and the same values in another language are not."""
    kwargs = {"pk": 7, "slug": "스마트시티-세미나"}
    reversing._address.cache_clear()
    first = reversing.reverse("articles:detail", kwargs=kwargs)
    assert reversing.reverse("articles:detail", kwargs=dict(kwargs)) == first
    assert reversing._address.cache_info().hits == 1
    with translation.override("en"):
        assert reversing.reverse("articles:detail", kwargs=kwargs) == "/en" + first


def test_values_equal_to_a_kept_one_still_convert_as_django_does():
    """True == 1 and hashes alike, but Django's int converter prints it as "True" and refuses it."""
    assert reversing.reverse("articles:detail", kwargs={"pk": 1, "slug": "x"}) == "/news/1/x/"
    with pytest.raises(NoReverseMatch):
        django_reverse("articles:detail", kwargs={"pk": True, "slug": "x"})
    with pytest.raises(NoReverseMatch):
        reversing.reverse("articles:detail", kwargs={"pk": True, "slug": "x"})
