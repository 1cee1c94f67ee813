"""The wizard's forms on their own: every bound and rule, no views."""

from __future__ import annotations

import pytest

from movements.equipment import default_equipment
from movements.tests.factories import ActivityDefinitionFactory
from programs.forms import (
    CoachForm,
    GoalsForm,
    LikesForm,
    ScheduleForm,
    program_input_from_steps,
)


def goals(**dollars) -> dict[str, str]:
    return {name.lower(): str(value) for name, value in dollars.items()}


def schedule(**overrides) -> dict[str, str]:
    values = {
        "duration_weeks": "8",
        "days_per_week": "4",
        "max_session_minutes": "60",
        "split_template": "",
        "start_date": "2026-01-05",
        "experience_level": "INTERMEDIATE",
    }
    values.update(overrides)
    return values


# ---------------------------------------------------------------------------
# Goals
# ---------------------------------------------------------------------------
def test_goals_splitting_exactly_ten_dollars_is_valid_and_sorted_heaviest_first():
    form = GoalsForm(goals(HYPERTROPHY=4, STRENGTH=6))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["goals"] == [("STRENGTH", 6), ("HYPERTROPHY", 4)]


@pytest.mark.parametrize(
    ("dollars", "message"),
    [
        ({"STRENGTH": 5, "HYPERTROPHY": 4}, "add up to $9"),
        ({"STRENGTH": 7, "HYPERTROPHY": 4}, "add up to $11"),
        ({}, "Pick at least one goal"),
        (
            {"STRENGTH": 4, "HYPERTROPHY": 3, "MOBILITY": 2, "FAT_LOSS": 1},
            "at most 3 goals",
        ),
    ],
)
def test_goals_outside_the_budget_rules_are_a_form_error(dollars, message):
    form = GoalsForm(goals(**dollars))
    assert not form.is_valid()
    assert message in " ".join(form.non_field_errors())


@pytest.mark.parametrize("value", ["11", "-1", "2.5", "lots"])
def test_a_goal_outside_zero_to_ten_whole_dollars_is_a_field_error(value):
    form = GoalsForm({"strength": value, "hypertrophy": "4"})
    assert not form.is_valid()
    assert form.errors["strength"]


def test_a_blocking_goal_conflict_is_an_error_on_the_goals_step():
    form = GoalsForm(goals(STRENGTH=5, ENDURANCE=5))
    assert not form.is_valid()
    assert "conflict heavily" in " ".join(form.non_field_errors())


def test_budget_line_reports_what_is_left_or_over():
    assert GoalsForm(goals(STRENGTH=6)).budget()["text"] == "$4 left"
    assert GoalsForm(goals(STRENGTH=6, SKILL=4)).budget()["state"] == "done"
    assert GoalsForm(goals(STRENGTH=8, SKILL=4)).budget()["text"] == "$2 over"
    assert GoalsForm().budget() == {
        "text": "$10 left",
        "state": "open",
        "spent_percent": 0,
    }


# ---------------------------------------------------------------------------
# Schedule
# ---------------------------------------------------------------------------
def test_schedule_with_every_value_in_bounds_is_valid():
    form = ScheduleForm(schedule(), goals=[("STRENGTH", 10)])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["duration_weeks"] == 8
    assert form.cleaned_data["days_per_week"] == 4


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("duration_weeks", "6", "Choose 8, 10 or 12 weeks."),
        ("duration_weeks", "9", "Choose 8, 10 or 12 weeks."),
        ("duration_weeks", "14", "Choose 8, 10 or 12 weeks."),
        ("days_per_week", "1", "Choose 2 to 7 days a week."),
        ("days_per_week", "8", "Choose 2 to 7 days a week."),
        ("max_session_minutes", "29", "Sessions can be 30 to 120 minutes."),
        ("max_session_minutes", "121", "Sessions can be 30 to 120 minutes."),
        ("max_session_minutes", "sixty", "Enter whole minutes, like 60."),
        ("start_date", "soon", "Enter a date like 2026-01-05."),
        ("split_template", "BRO_SPLIT", "Choose a split from the list."),
        ("experience_level", "GURU", "Choose your experience level."),
    ],
)
def test_schedule_out_of_bounds_is_an_error_on_that_field(field, value, message):
    form = ScheduleForm(schedule(**{field: value}), goals=[("STRENGTH", 10)])
    assert not form.is_valid()
    assert form.errors[field] == [message]


# ---------------------------------------------------------------------------
# Coach
# ---------------------------------------------------------------------------
def test_coach_rejects_an_unknown_tone_and_aggression():
    form = CoachForm({"persona_tone": "SARCASTIC", "persona_aggression": "MAX"})
    assert not form.is_valid()
    assert set(form.errors) == {"persona_tone", "persona_aggression"}


def test_coach_samples_show_one_note_per_choice():
    form = CoachForm(
        initial={"persona_tone": "DIRECT", "persona_aggression": "BALANCED"}
    )
    samples = form.samples()
    assert len(samples["tones"]) == 3
    assert len(samples["aggressions"]) == 3
    notes = [s["note"] for s in samples["tones"] + samples["aggressions"]]
    assert all(notes)
    assert all(len(note) <= 200 for note in notes)
    assert len(set(notes)) >= 4


# ---------------------------------------------------------------------------
# Likes and limits
# ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_likes_builds_the_services_movement_rules(library):
    squat, goblet = library["Barbell Back Squat"], library["Goblet Squat"]
    deadlift = library["Conventional Deadlift"]
    ActivityDefinitionFactory(name="Rowing (machine)", category="ROWING")
    form = LikesForm(
        {
            f"rule_{squat.pk}": "SUBSTITUTE",
            f"sub_{squat.pk}": str(goblet.pk),
            f"rule_{deadlift.pk}": "HARD_NO",
            "equipment_preset": "CUSTOM",
            "equipment": ["barbell", "dumbbell"],
            "enjoyable_activities": ["rowing-machine"],
        }
    )
    assert form.is_valid(), form.errors
    assert sorted(form.cleaned_data["movement_rules"], key=lambda r: r["rule"]) == [
        {"movement_id": deadlift.pk, "rule": "HARD_NO", "substitute_id": None},
        {"movement_id": squat.pk, "rule": "SUBSTITUTE", "substitute_id": goblet.pk},
    ]
    assert form.cleaned_data["enjoyable_activities"] == ["rowing-machine"]
    assert form.cleaned_data["equipment"] == ["barbell", "dumbbell"]


@pytest.mark.django_db
def test_an_unknown_activity_is_an_error(library):
    form = LikesForm({"enjoyable_activities": ["padel"]})
    assert not form.is_valid()
    assert (
        "padel is not an activity Alloy knows." in form.errors["enjoyable_activities"]
    )


@pytest.mark.django_db
def test_likes_turns_the_advanced_choices_into_profile_preferences(library):
    form = LikesForm(
        {
            "priority_mobility": "4",
            "priority_cardio": "0",
            "experience_olympic_lifting": "BEGINNER",
            "mobility_days": "DEDICATED",
            "cardio_days": "BOTH",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["preferences"] == {
        "discipline_priorities": {"MOBILITY": 4, "CARDIO": 0},
        "discipline_experience": {"OLYMPIC_LIFTING": "BEGINNER"},
        "dedicated_mobility_days": True,
        "dedicated_cardio_days": True,
        "cardio_as_finisher": True,
    }


@pytest.mark.django_db
def test_a_swap_without_a_movement_to_do_instead_is_an_error(library):
    squat = library["Barbell Back Squat"]
    form = LikesForm({f"rule_{squat.pk}": "SUBSTITUTE"})
    assert not form.is_valid()
    assert "Choose what to do instead" in form.errors[f"sub_{squat.pk}"][0]


@pytest.mark.django_db
def test_a_swap_into_an_avoided_movement_is_an_error(library):
    squat, goblet = library["Barbell Back Squat"], library["Goblet Squat"]
    form = LikesForm(
        {
            f"rule_{squat.pk}": "SUBSTITUTE",
            f"sub_{squat.pk}": str(goblet.pk),
            f"rule_{goblet.pk}": "HARD_NO",
        }
    )
    assert not form.is_valid()
    assert "avoid list" in form.errors[f"sub_{squat.pk}"][0]


@pytest.mark.django_db
def test_a_swap_only_offers_movements_of_the_same_pattern(library):
    squat = library["Barbell Back Squat"]
    form = LikesForm({f"rule_{squat.pk}": "SUBSTITUTE", f"sub_{squat.pk}": "999999"})
    assert not form.is_valid()
    choices = dict(form.fields[f"sub_{squat.pk}"].choices)
    assert library["Goblet Squat"].pk in choices
    assert library["Conventional Deadlift"].pk not in choices


@pytest.mark.django_db
def test_unknown_equipment_is_an_error(library):
    form = LikesForm({"equipment": ["jetpack"]})
    assert not form.is_valid()
    assert "equipment" in form.errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"equipment_preset": "DUMBBELLS_ONLY", "equipment": ["barbell"]},
            ["dumbbell"],
        ),
        ({"equipment_preset": "BODYWEIGHT_ONLY"}, []),
        ({"equipment_preset": "COMMERCIAL_GYM"}, default_equipment()),
        (
            {"equipment_preset": "CUSTOM", "equipment": ["dumbbell", "bench"]},
            ["bench", "dumbbell"],
        ),
        ({"equipment_preset": "CUSTOM"}, []),
        ({}, None),
    ],
)
def test_equipment_preset_wins_and_nothing_said_is_the_athletes(
    library, data, expected
):
    likes = LikesForm(data)
    plan = ScheduleForm(
        schedule(preferred_weekdays=["0", "2"]), goals=[("STRENGTH", 10)]
    )
    assert likes.is_valid(), likes.errors
    assert plan.is_valid(), plan.errors
    program_input = program_input_from_steps(
        {
            "goals": {"goals": [("STRENGTH", 10)]},
            "schedule": plan.cleaned_data,
            "coach": {"persona_tone": "NEUTRAL", "persona_aggression": "BALANCED"},
            "likes": likes.cleaned_data,
            "review": {"name": ""},
        }
    )
    assert program_input.equipment == expected
    assert program_input.preferred_weekdays == [0, 2]
    assert program_input.cardio_as_finisher is True
