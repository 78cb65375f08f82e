"""Fixtures for the signing service's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from campaigns.models import CampaignPage, CampaignQuestion


@pytest.fixture
def page_with_questions(page) -> CampaignPage:
    """`page` with required text, choice and checkbox questions, one optional."""
    questions = [
        ("borough", CampaignQuestion.Kind.CHOICE, True, "Bronx\nBrooklyn\nQueens"),
        ("story", CampaignQuestion.Kind.TEXT, True, ""),
        ("resident", CampaignQuestion.Kind.CHECKBOX, True, ""),
        ("volunteer", CampaignQuestion.Kind.CHECKBOX, False, ""),
    ]
    for key, kind, required, choices in questions:
        CampaignQuestion.objects.create(
            page=page,
            key=key,
            label=key.title(),
            kind=kind,
            required=required,
            choices=choices,
        )
    page.save_revision().publish()
    return page


def restore_wagtail_tree() -> Page:
    """Put back what Wagtail's migrations create and a transactional flush removes.

    The root page, default locale, a home page and the default site; return the
    root. (The same repair as tests/e2e's, for the transactional tests here.)
    """
    ContentType.objects.clear_cache()
    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return root


@pytest.fixture
def wagtail_tree(db) -> Page:
    """Return the root page, re-created if an earlier transactional test flushed it."""
    return restore_wagtail_tree()


@pytest.fixture(scope="module")
def wagtail_tree_after_module(django_db_setup, django_db_blocker) -> Iterator[None]:
    """After a module of `transaction=True` tests, leave the tree as migrations did.

    Tests that do not flush may still run after them (pytest-playwright's
    session-scoped parameter regroups the ones using a `page` fixture).
    """
    yield
    with django_db_blocker.unblock():
        restore_wagtail_tree()
