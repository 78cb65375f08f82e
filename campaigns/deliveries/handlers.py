"""Every module that registers delivery handlers, imported once at start-up."""

from campaigns.emails import handlers as email_handlers  # noqa: F401
from campaigns.emails import yourdata as your_data_email  # noqa: F401
from campaigns.webhooks import handler  # noqa: F401
