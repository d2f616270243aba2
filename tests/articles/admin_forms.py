"""Build the POST data the admin's article form sends, inline formsets included."""


def article_form_data(section, reporter, **fields):
    data = {
        "headline": "스마트시티 세미나 기사",
        "deck": "",
        "slug": "스마트시티-세미나-기사",
        "section": section.pk,
        "body": "<p>본문</p>",
        "photo_caption": "",
        "photo_credit": "",
        "photo_alt": "",
        "tags": "스마트시티",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-reporter": reporter.pk,
        "bylines-0-order": "0",
        "status": "draft",
        "_save": "저장",
    }
    data.update(fields)
    return data
