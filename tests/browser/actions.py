"""What a person does in the admin, as the browser tests spell it."""


def log_in(page, live_server, username, password="pass-word-123"):
    """Log in through the admin's login form and wait for its front page."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def choose(page, select_id, text):
    """Pick an option in one of the admin's autocomplete (select2) boxes, as a person would."""
    page.click(f"#{select_id} + .select2")
    page.keyboard.type(text)
    page.click(f".select2-results__option:has-text('{text}')")
