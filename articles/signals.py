"""Signals other apps may listen to, so articles never has to import them."""

from django.dispatch import Signal

# Sent by articles.demo.load_demo() with article=<the published demo article>, inside its transaction,
# so apps that build on articles (comments) can add their own demo content.
demo_loaded = Signal()
