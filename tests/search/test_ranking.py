"""Ranking on a small known set: all words first, then headline, deck, body and tags, newer first among equals."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from search.queries import search
from search.tokenizer import parse_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def published(hours_ago, **kwargs):
    kwargs.setdefault("headline", "무관한 제목")
    kwargs.setdefault("body", "<p>상관없는 본문</p>")
    return ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=timezone.now() - datetime.timedelta(hours=hours_ago), **kwargs
    )


def ranked(text):
    results, _ = search(parse_query(text))
    return results[:100]


def test_headline_above_deck_above_body_and_tags_then_newer_first():
    in_tags = published(1, tags=["태풍"])
    in_body_new = published(2, body="<p>태풍이 올라온다.</p>")
    in_deck = published(3, deck="태풍 대비 요령")
    in_headline = published(9, headline="태풍 북상")
    in_body_old = published(5, body="<p>태풍 피해를 집계했다.</p>")
    published(0, body="<p>맑음</p>")
    assert ranked("태풍") == [in_headline, in_deck, in_tags, in_body_new, in_body_old]


def test_several_words_find_articles_with_all_of_them():
    published(1, headline="교통 대책")
    all_in_body = published(5, body="<p>스마트시티 교통 정책</p>")
    all_in_headline = published(7, headline="스마트시티의 교통")
    published(2, body="<p>스마트시티 전략</p>")
    assert ranked("스마트시티 교통") == [all_in_headline, all_in_body]


def test_when_no_article_has_every_word_those_with_some_follow_by_rank():
    in_headline = published(3, headline="교통 대책")
    in_body = published(1, body="<p>스마트시티 전략</p>")
    published(0, body="<p>날씨</p>")
    results, every = search(parse_query("스마트시티 교통 태풍"))
    assert (results[:100], every) == ([in_headline, in_body], False)


def test_every_tier_in_order_with_the_deck_deciding_within_the_headline_tiers():
    body = "<p>교통 안전 소식</p>"  # every article holds both words, so the titles alone decide
    plain = published(0, body=body)
    in_deck = published(1, body=body, deck="교통 대책")
    any_in_headline = published(2, body=body, headline="교통 소식")
    any_in_headline_and_deck = published(3, body=body, headline="교통 소식", deck="안전 점검")
    every_in_headline = published(4, body=body, headline="교통 안전")
    every_in_headline_and_deck = published(5, body=body, headline="교통 안전", deck="안전 대책")
    assert ranked("교통 안전") == [
        every_in_headline_and_deck,
        every_in_headline,
        any_in_headline_and_deck,
        any_in_headline,
        in_deck,
        plain,
    ]
