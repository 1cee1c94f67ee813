"""Create the database cache table the default settings use (``alloy_cache``).

The table is not a model, so ``migrate`` would not make it; without it the first
throttled request or cluster heartbeat would fail. ``createcachetable`` is
idempotent and does nothing for non-database cache backends (Redis via CACHE_URL).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("coach", "0003_add_athlete_profile"),
    ]

    operations = [
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
