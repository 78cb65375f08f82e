"""gunicorn's settings for the site: `gunicorn -c cms/gunicorn.conf.py cms.wsgi`.

The access log records what was asked and how it went, never who asked: no
client address (`%(h)s`), no query string (`%(r)s`, `%(q)s`), no referer and no
user agent. Both of gunicorn's logs also mask emails, IP addresses and the
tokens of signers' links, as the site's own logs do.
"""

from __future__ import annotations

import os

from gunicorn.config import Config
from gunicorn.glogging import Logger

from campaigns.redaction import RedactPersonalData

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Sync workers are killed after this long on one request: exports run elsewhere.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# "-" is standard output; set empty for no access log at all.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


class PrivateLogger(Logger):
    """gunicorn's logger, with personal data masked in both of its logs."""

    def setup(self, cfg: Config) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(RedactPersonalData())


logger_class = PrivateLogger
