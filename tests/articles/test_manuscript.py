"""원고지 매수 and the other counts, as the desk reads them."""

import pytest

from articles.manuscript import count, text_lines


def test_an_empty_body_counts_nothing():
    assert count("") == {"characters": 0, "characters_no_spaces": 0, "words": 0, "lines": 0, "sheets": 0}


def test_one_short_paragraph_takes_one_line_with_its_indent():
    # 19 characters + the indent square fill one 20-square line exactly.
    result = count("<p>" + "가" * 19 + "</p>")
    assert (result["characters"], result["lines"], result["sheets"]) == (19, 1, 0.1)
    assert count("<p>" + "가" * 20 + "</p>")["lines"] == 2


def test_each_paragraph_starts_a_new_line_and_leaves_its_last_line_empty():
    body = "<p>서울 세미나</p><h2>소제목</h2><p>한중일 &amp; WeGo</p>"
    assert text_lines(body) == ["서울 세미나", "소제목", "한중일 & WeGo"]
    result = count(body)
    assert result["lines"] == 3
    assert result["characters"] == 6 + 3 + 10
    assert result["characters_no_spaces"] == 5 + 3 + 8
    assert result["words"] == 2 + 1 + 3


def test_a_line_break_starts_a_new_line_and_runs_of_spaces_count_once():
    assert text_lines("<p>첫 줄<br>둘째   줄</p>") == ["첫 줄", "둘째 줄"]


@pytest.mark.parametrize(("characters", "sheets"), [(199, 1.0), (200, 1.1), (1990, 10.0)])
def test_a_long_paragraph_fills_sheets_of_ten_lines(characters, sheets):
    # 1 indent + 199 characters = 200 squares, one sheet; one more character spills into an 11th line.
    assert count("<p>" + "가" * characters + "</p>")["sheets"] == sheets
