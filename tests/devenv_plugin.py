"""Loaded by pytest (`-p tests.devenv_plugin`) before pytest-django imports the settings."""

from newsroom import devenv

devenv.apply()
