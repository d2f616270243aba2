"""The POST data the admin's add-article form sends, inline formsets included.

For the change form, see tests.articles.workflow.change_form_data."""


def article_form_data(section, reporter, **fields):
    data = {
        "headline": "스마트시티 세미나 기사",
        "deck": "",
        "slug": "스마트시티-세미나-기사",
        "section": section.pk,
        "body": "<p>본문</p>",
        "version": "0",
        "lead_photo": "",
        "tags": "스마트시티",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-reporter": reporter.pk,
        "bylines-0-order": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "_save": "저장",
    }
    data.update(fields)
    return data
