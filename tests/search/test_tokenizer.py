"""The pure tokenizer: what the index stores, what a query asks for, what the snippet marks."""

import pytest

from search.tokenizer import highlight, normalise, parse_query, quote, tokens, tsvector


def lexemes(text):
    return [lexeme for lexeme, _, _ in tokens(normalise(text))]


def test_korean_run_becomes_overlapping_bigrams_and_its_last_character():
    assert lexemes("스마트시티는") == ["스마", "마트", "트시", "시티", "티는", "는"]


def test_chinese_and_japanese_without_spaces_become_bigrams():
    assert lexemes("智慧城市") == ["智慧", "慧城", "城市", "市"]
    assert lexemes("スマートシティ")[:3] == ["スマ", "マー", "ート"]


def test_english_words_are_stemmed_and_kept_whole():
    assert lexemes("Smart Cities") == ["smart", "citi"]
    assert lexemes("city") == ["citi"]


def test_full_width_and_upper_case_normalise_to_the_same_lexemes():
    assert lexemes("ＷｅＧｏ") == lexemes("WeGo") == ["wego"]


def test_particle_word_query_is_a_phrase_of_its_bigrams():
    assert parse_query("스마트시티").any_term() == "('스마' <-> '마트' <-> '트시' <-> '시티')"


def test_one_character_cjk_query_is_a_prefix_of_bigrams():
    assert parse_query("교").any_term() == "('교':*)"


def test_bigrams_without_phrase_for_the_index():
    assert parse_query("세미나").any_term(exact=False) == "('세미' & '미나')"


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\x00\x00", "·…—", "\\", "' & | ! ( ) :*"])
def test_queries_without_words_parse_to_nothing(text):
    assert not parse_query(text)


def test_tsquery_operators_in_a_query_are_not_operators():
    assert parse_query("교통 & !재난 | (x:*").any_term() == "('교통') | ('재난') | ('x')"


def test_long_query_is_cut_and_says_so():
    query = parse_query("가나 " * 100, max_length=10)
    assert query.truncated
    assert [term.text for term in query.terms] == ["가나", "가"]  # 10 characters; repeats dropped


def test_quote_escapes_quotes_and_backslashes():
    assert quote("a'b\\c") == "'a''b\\\\c'"


def test_tsvector_weights_fields_and_keeps_them_apart():
    literal = tsvector([("A", "태풍"), ("C", "태풍 피해")])
    assert "'태풍':1A,11C" in literal
    assert "'피해':12C" in literal


def test_highlight_marks_forms_and_escapes_html():
    html = highlight("<b>스마트시티는</b> smart cities", parse_query("스마트시티 city"))
    assert html == "&lt;b&gt;<mark>스마트시티</mark>는&lt;/b&gt; smart <mark>cities</mark>"


def test_highlight_window_opens_near_the_first_match():
    html = highlight("가" * 500 + "교통" + "나" * 500, parse_query("교통"), width=60)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>교통</mark>" in html


def test_highlight_maps_full_width_text_back_to_what_the_reader_wrote():
    assert highlight("ＷｅＧｏ 회의", parse_query("wego")) == "<mark>ＷｅＧｏ</mark> 회의"
