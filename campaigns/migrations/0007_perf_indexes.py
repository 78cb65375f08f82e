"""A partial index for the public reads: counted signatures, newest first.

Raw SQL (valid on PostgreSQL and SQLite) because the model declares no such index:
the count and the recent signers read only counted rows of one campaign, and with a
million rows a scan of them all costs a second per read.
"""

from django.db import migrations

COUNTED = (
    "status IN ('confirmed', 'anonymized') AND confirmed_at IS NOT NULL "
    "AND moderation = 'ok' AND NOT is_test"
)


class Migration(migrations.Migration):
    dependencies = [("undersign_campaigns", "0006_help_texts")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX undersign_sig_counted_recent ON "
            "undersign_campaigns_signature (campaign_id, created_at) "
            f"WHERE {COUNTED}",
            "DROP INDEX undersign_sig_counted_recent",
        )
    ]
