"""The stranger's site is driven by the browser tests' own Chromium."""

from tests.e2e.conftest import browser  # noqa: F401 - the shared fixture
