"""Every module that registers delivery handlers, imported once at start-up."""

from campaigns.emails import handlers as email_handlers  # noqa: F401
from campaigns.webhooks import handler  # noqa: F401
