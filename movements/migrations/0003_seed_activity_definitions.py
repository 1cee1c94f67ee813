"""Seed the activity definitions Alloy ships (same data as
fixtures/activity_definitions.json; copied in, never imported: STYLE C16).

Idempotent: rows are matched by slug and updated. The reverse removes the seeded
definitions no athlete lists as enjoyable. Training logs' activity instances point
here too; ``training_logs`` 0001 depends on this migration, so it is unapplied (and
its rows gone) before this reverse runs.
"""

from django.db import migrations

# name, slug, category, intensity, tracks_distance, description
DEFINITIONS = [
    ('Running', 'running', 'RUNNING', 'VIGOROUS', True, 'Road or treadmill running.'),
    ('Trail running', 'trail-running', 'RUNNING', 'VIGOROUS', True, 'Running off-road, with climbs.'),
    ('Walking', 'walking', 'WALKING', 'LIGHT', True, 'Brisk or easy walking.'),
    ('Hiking', 'hiking', 'HIKING', 'MODERATE', True, 'Walking on trails or hills, often with a pack.'),
    ('Cycling', 'cycling', 'CYCLING', 'MODERATE', True, 'Road or commuter cycling.'),
    ('Indoor cycling', 'indoor-cycling', 'CYCLING', 'MODERATE', True, 'Stationary bike, spin class or trainer.'),
    ('Mountain biking', 'mountain-biking', 'CYCLING', 'VIGOROUS', True, 'Off-road cycling.'),
    ('Rowing (machine)', 'rowing-machine', 'ROWING', 'VIGOROUS', True, 'Indoor rowing ergometer.'),
    ('Swimming', 'swimming', 'SWIMMING', 'MODERATE', True, 'Pool or open-water laps.'),
    ('Yoga', 'yoga', 'YOGA', 'LIGHT', False, 'Yoga or a mobility flow.'),
    ('Football (soccer)', 'football', 'TEAM_SPORT', 'VIGOROUS', False, 'A match or training session.'),
    ('Basketball', 'basketball', 'TEAM_SPORT', 'VIGOROUS', False, 'A game or shooting practice.'),
    ('Tennis', 'tennis', 'RACKET_SPORT', 'MODERATE', False, 'Singles or doubles.'),
    ('Climbing', 'climbing', 'CLIMBING', 'MODERATE', False, 'Bouldering or roped climbing.'),
    ('Jump rope', 'jump-rope', 'OTHER', 'VIGOROUS', False, 'Skipping.'),
    ('Other activity', 'other', 'OTHER', 'MODERATE', False, 'Anything else that got you moving.'),
]


def seed(apps, schema_editor):
    ActivityDefinition = apps.get_model("movements", "ActivityDefinition")
    for name, slug, category, intensity, tracks_distance, description in DEFINITIONS:
        ActivityDefinition.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "category": category,
                "intensity": intensity,
                "tracks_distance": tracks_distance,
                "description": description,
            },
        )


def unseed(apps, schema_editor):
    ActivityDefinition = apps.get_model("movements", "ActivityDefinition")
    ActivityDefinition.objects.filter(
        slug__in=[row[1] for row in DEFINITIONS], enjoyed_by__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("movements", "0002_add_activities_and_athlete_rules"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
