"""Wagtail admin: partner self-service, tokens and webhooks, the delivery log."""
