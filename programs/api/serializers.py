"""Program API serializers: one input serializer per action, output serializers for
reads (STYLE C7: module level, unique names for the OpenAPI schema)."""

from __future__ import annotations

from datetime import date

from rest_framework import serializers

from coach.api.fields import bounded_many
from coach.models import (
    PRIORITY_MAX,
    ExperienceLevel,
    PersonaAggression,
    PersonaTone,
)
from movements.api.serializers import CircuitOutputSerializer
from movements.equipment import preset_equipment, preset_for
from movements.models import Equipment, EquipmentPreset, MovementRuleKind, MuscleRole
from programs import presenters
from programs.generation import BOUNDS, GOAL_BUDGET, MAX_GOALS
from programs.models import (
    Goal,
    Microcycle,
    Program,
    ProgressionStyle,
    Session,
    SessionExercise,
    SplitTemplate,
)


# ---------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------
def _bounded_int(name: str, help_text: str, **kwargs) -> serializers.IntegerField:
    """An integer field bounded by the engine's ``BOUNDS[name]`` (so the OpenAPI
    schema says so), with the engine's own wording when out of bounds."""
    low, high = BOUNDS[name]
    message = f"Must be a whole number from {low} to {high}."
    return serializers.IntegerField(
        min_value=low,
        max_value=high,
        help_text=help_text,
        error_messages={"min_value": message, "max_value": message},
        **kwargs,
    )


class GoalWeightInputSerializer(serializers.Serializer):
    goal = serializers.ChoiceField(choices=Goal.choices)
    weight = serializers.IntegerField(
        min_value=1,
        max_value=GOAL_BUDGET,
        help_text=f"Dollars of the ${GOAL_BUDGET} budget (integer); the goals' "
        f"weights add up to exactly {GOAL_BUDGET}.",
        error_messages={
            "min_value": "A weight must be a whole number ≥ 1.",
            "max_value": f"A weight is at most ${GOAL_BUDGET}.",
        },
    )


class MovementRuleInputSerializer(serializers.Serializer):
    movement = serializers.IntegerField(help_text="Movement id.")
    rule = serializers.ChoiceField(choices=MovementRuleKind.choices)
    substitute_with = serializers.IntegerField(
        required=False, allow_null=True, help_text="Movement id, SUBSTITUTE only."
    )


class ProgramCreateInputSerializer(serializers.Serializer):
    """Body of ``POST /api/v1/programs/``. Types and choices are checked here; the
    training rules (bounds, the $10 budget, goal conflicts) by the engine's one
    validator in the service, so the API and the wizard answer alike."""

    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    goals = bounded_many(
        GoalWeightInputSerializer(),
        allow_empty=True,
        min_length=1,
        max_length=MAX_GOALS,
        help_text=f"1 to {MAX_GOALS} distinct goals whose weights add up to "
        f"${GOAL_BUDGET}.",
        error_messages={
            "min_length": f"Choose 1 to {MAX_GOALS} goals.",
            "max_length": f"Choose 1 to {MAX_GOALS} goals.",
        },
    )
    duration_weeks = _bounded_int("duration_weeks", "Weeks: 8, 10 or 12 (even).")
    days_per_week = _bounded_int("days_per_week", "Training days per week.")
    max_session_minutes = _bounded_int(
        "max_session_minutes", "Longest session, minutes (warm-up included)."
    )
    split_template = serializers.ChoiceField(
        choices=SplitTemplate.choices, required=False, allow_null=True
    )
    progression_style = serializers.ChoiceField(
        choices=ProgressionStyle.choices, required=False, allow_null=True
    )
    start_date = serializers.DateField(required=False, allow_null=True)
    persona_tone = serializers.ChoiceField(
        choices=PersonaTone.choices, required=False, allow_null=True
    )
    persona_aggression = serializers.ChoiceField(
        choices=PersonaAggression.choices, required=False, allow_null=True
    )
    experience_level = serializers.ChoiceField(
        choices=ExperienceLevel.choices, required=False, allow_null=True
    )
    equipment = serializers.ListField(
        child=serializers.ChoiceField(choices=Equipment.choices),
        required=False,
        allow_null=True,
        help_text="Available equipment for this program; omit for yours "
        "(GET /api/v1/settings/equipment/; a commercial gym if you never said).",
    )
    equipment_preset = serializers.ChoiceField(
        choices=[c for c in EquipmentPreset.choices if c[0] != EquipmentPreset.CUSTOM],
        required=False,
        allow_null=True,
        help_text="Instead of equipment: a preset's equipment for this program.",
    )
    # An explicit ListSerializer: with ``many=True`` DRF would pass allow_null to
    # the child too, and a null *rule* in the list would reach the service.
    movement_rules = serializers.ListSerializer(
        child=MovementRuleInputSerializer(),
        required=False,
        allow_null=True,
        help_text="Laid over your own movement rules: a rule here wins for its "
        "movement, your other rules still apply.",
    )
    enjoyable_activities = serializers.ListField(
        child=serializers.CharField(max_length=80),
        required=False,
        allow_null=True,
        max_length=20,
        help_text="Activity definition slugs (GET /api/v1/activities/definitions/); "
        "omit for yours.",
    )
    preferred_weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        required=False,
        allow_null=True,
        max_length=7,
        help_text="0 = Monday … 6 = Sunday; omit for yours, [] to spread the days.",
    )
    discipline_priorities = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=PRIORITY_MAX),
        required=False,
        allow_null=True,
        help_text="{discipline: 0–5}; omit for yours.",
    )
    discipline_experience = serializers.DictField(
        child=serializers.ChoiceField(choices=ExperienceLevel.choices),
        required=False,
        allow_null=True,
        help_text="{discipline: experience level}; omit for yours.",
    )
    dedicated_mobility_days = serializers.BooleanField(required=False, allow_null=True)
    dedicated_cardio_days = serializers.BooleanField(required=False, allow_null=True)
    cardio_as_finisher = serializers.BooleanField(required=False, allow_null=True)
    deload_every_n_microcycles = _bounded_int(
        "deload_every_n_microcycles",
        "A deload every N microcycles.",
        required=False,
        default=4,
    )

    def validate(self, attrs: dict) -> dict:
        preset = attrs.pop("equipment_preset", None)
        if preset:
            if attrs.get("equipment") is not None:
                raise serializers.ValidationError(
                    {
                        "equipment_preset": [
                            "Send equipment or equipment_preset, not both."
                        ]
                    }
                )
            attrs["equipment"] = preset_equipment(preset)
        return attrs


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
class MovementSummaryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    pattern = serializers.CharField()
    mechanic = serializers.CharField()
    level = serializers.IntegerField()
    equipment = serializers.ListField(child=serializers.CharField())
    primary_muscles = serializers.SerializerMethodField()
    secondary_muscles = serializers.SerializerMethodField()

    def _muscles(self, movement, role: str) -> list[str]:
        """The movement's muscle slugs in ``role``, sorted. Read once per
        movement and serializer: a program's ~860 exercises prescribe ~100
        movements, and the nested serializer is one instance for all of them."""
        cache: dict[int, dict[str, list[str]]] = self.__dict__.setdefault(
            "_muscles_by_movement", {}
        )
        if movement.pk not in cache:
            by_role: dict[str, list[str]] = {}
            for link in movement.muscle_links.all():
                by_role.setdefault(link.role, []).append(link.muscle.slug)
            cache[movement.pk] = {r: sorted(v) for r, v in by_role.items()}
        return list(cache[movement.pk].get(role, ()))

    def get_primary_muscles(self, movement) -> list[str]:
        return self._muscles(movement, MuscleRole.PRIMARY)

    def get_secondary_muscles(self, movement) -> list[str]:
        return self._muscles(movement, MuscleRole.SECONDARY)


class SessionExerciseOutputSerializer(serializers.ModelSerializer):
    """An exercise with its *why*: ``rationale`` is the optimizer's (scores,
    relaxation step, notes such as a substitution or a preference bonus);
    ``profile_notes`` say which of the program's profile choices it honours
    (equipment, an enjoyable activity, a discipline priority, Olympic lifts in
    the main block). ``profile_notes`` needs ``program`` in the context."""

    movement = MovementSummaryOutputSerializer()
    target_rpe = serializers.FloatField(allow_null=True)
    profile_notes = serializers.SerializerMethodField()
    prescription_text = serializers.SerializerMethodField(
        help_text='What to do, as a coach writes it: "4 × 6–8", "3 × 0:45", or for '
        'a circuit station "3 rounds × 0:30" / "5 reps · 20-min AMRAP".'
    )

    class Meta:
        model = SessionExercise
        fields = [
            "id",
            "movement",
            "role",
            "order",
            "sets",
            "reps_min",
            "reps_max",
            "duration_seconds",
            "target_rpe",
            "target_rir",
            "load_percent_1rm",
            "rest_seconds",
            "superset_group",
            "estimated_seconds",
            "notes",
            "rationale",
            "profile_notes",
            "prescription_text",
        ]

    def get_prescription_text(self, exercise) -> str:
        # The session (and its curated circuits) only when already loaded: no
        # query per exercise.
        cached = SessionExercise._meta.get_field("session").is_cached(exercise)
        session = exercise.session if cached else None
        return presenters.exercise_prescription_text(exercise, session)

    def get_profile_notes(self, exercise) -> list[str]:
        program = self.context.get("program")
        if program is None:
            return []
        return presenters.exercise_profile_notes(program=program, exercise=exercise)


class SessionOutputSerializer(serializers.ModelSerializer):
    exercises = SessionExerciseOutputSerializer(many=True)
    microcycle_sequence = serializers.IntegerField(
        source="microcycle.sequence_number", read_only=True
    )

    class Meta:
        model = Session
        fields = [
            "id",
            "date",
            "day_index",
            "microcycle_sequence",
            "session_type",
            "focus",
            "intent_tags",
            "estimated_minutes",
            "time_breakdown",
            "coach_notes",
            "rationale",
            "generation_status",
            "generation_error",
            "main_circuit_id",
            "finisher_circuit_id",
            "exercises",
        ]


class SessionDetailOutputSerializer(SessionOutputSerializer):
    """One session, with the curated circuits it names in full (format,
    movements, estimate: ``movements``' circuit output); their movements are also
    the session's exercises. Needs ``selectors.session_circuits_load``."""

    main_circuit = CircuitOutputSerializer(allow_null=True, read_only=True)
    finisher_circuit = CircuitOutputSerializer(allow_null=True, read_only=True)

    class Meta(SessionOutputSerializer.Meta):
        fields = [
            *(
                f
                for f in SessionOutputSerializer.Meta.fields
                if f not in ("main_circuit_id", "finisher_circuit_id")
            ),
            "main_circuit",
            "finisher_circuit",
        ]


class SessionInProgramOutputSerializer(SessionOutputSerializer):
    """A session nested in its microcycle (no need to repeat the sequence)."""

    class Meta(SessionOutputSerializer.Meta):
        fields = [
            f for f in SessionOutputSerializer.Meta.fields if f != "microcycle_sequence"
        ]


class MicrocycleOutputSerializer(serializers.ModelSerializer):
    sessions = SessionInProgramOutputSerializer(many=True)

    class Meta:
        model = Microcycle
        fields = [
            "id",
            "sequence_number",
            "start_date",
            "length_days",
            "status",
            "is_deload",
            "generation_status",
            "generation_error",
            "sessions",
        ]


class ProgramGoalOutputSerializer(serializers.Serializer):
    goal = serializers.CharField()
    weight = serializers.IntegerField()


class ProgramSummaryOutputSerializer(serializers.ModelSerializer):
    """A program without its tree: what the list and the 202 return."""

    goals = serializers.SerializerMethodField()
    status_url = serializers.SerializerMethodField()
    end_date = serializers.SerializerMethodField()
    equipment_preset = serializers.SerializerMethodField()

    class Meta:
        model = Program
        fields = [
            "id",
            "name",
            "goals",
            "duration_weeks",
            "days_per_week",
            "max_session_minutes",
            "split_template",
            "progression_style",
            "experience_level",
            "persona_tone",
            "persona_aggression",
            "start_date",
            "end_date",
            "deload_every_n_microcycles",
            "equipment",
            "equipment_preset",
            "movement_rules",
            "enjoyable_activities",
            "preferred_weekdays",
            "discipline_priorities",
            "discipline_experience",
            "dedicated_mobility_days",
            "dedicated_cardio_days",
            "cardio_as_finisher",
            "warnings",
            "allocation",
            "generation_status",
            "generation_error",
            "status_url",
            "created_at",
        ]

    def get_goals(self, program) -> list[dict]:
        return [{"goal": g, "weight": w} for g, w in program.goals]

    def get_status_url(self, program) -> str:
        from django.urls import reverse

        path = reverse("api:programs:generation-status", args=[program.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_equipment_preset(self, program) -> str:
        """The preset the program's equipment equals, else CUSTOM."""
        return preset_for(program.equipment)

    def get_end_date(self, program) -> date:
        return program.end_date


class ProgramListOutputSerializer(ProgramSummaryOutputSerializer):
    """A program in the list, with progress and estimated durations (minutes)."""

    progress = serializers.SerializerMethodField()
    estimated_minutes_per_session = serializers.SerializerMethodField()
    estimated_minutes_per_week = serializers.SerializerMethodField()

    class Meta(ProgramSummaryOutputSerializer.Meta):
        fields = ProgramSummaryOutputSerializer.Meta.fields + [
            "progress",
            "estimated_minutes_per_session",
            "estimated_minutes_per_week",
        ]

    def get_progress(self, program) -> dict:
        return {
            "total": program.training_sessions,
            "completed": program.sessions_completed,
            "failed": program.sessions_failed,
        }

    def get_estimated_minutes_per_session(self, program) -> int | None:
        if not program.sessions_completed or not program.estimated_minutes_total:
            return None
        return round(program.estimated_minutes_total / program.sessions_completed)

    def get_estimated_minutes_per_week(self, program) -> int:
        per_session = self.get_estimated_minutes_per_session(program)
        if per_session is None:
            # Not generated yet: the budget the athlete asked for.
            return program.days_per_week * program.max_session_minutes
        return round(program.training_sessions / program.duration_weeks * per_session)


class ProgramDetailOutputSerializer(ProgramSummaryOutputSerializer):
    """The whole tree, plus ``honoured``: what of the athlete's profile the
    program was built around, in plain words (equipment, rules, days,
    disciplines, scheduling, activities)."""

    microcycles = MicrocycleOutputSerializer(many=True)
    honoured = serializers.SerializerMethodField()

    class Meta(ProgramSummaryOutputSerializer.Meta):
        fields = ProgramSummaryOutputSerializer.Meta.fields + [
            "honoured",
            "microcycles",
        ]

    def get_honoured(self, program) -> list[str]:
        return presenters.program_profile_summary(program=program)


class ProgramCreatedOutputSerializer(ProgramSummaryOutputSerializer):
    """The 202 body: the summary plus any goal-interference warnings."""


class GenerationStatusOutputSerializer(serializers.Serializer):
    program_id = serializers.IntegerField()
    status = serializers.CharField()
    error = serializers.CharField(allow_blank=True)
    progress = serializers.DictField(child=serializers.IntegerField())
    microcycles = serializers.ListField(child=serializers.DictField())
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class HeuristicsOutputSerializer(serializers.Serializer):
    """The engine's heuristics, read-only (``programs.generation.heuristics()``):
    version, goal-interference table, time caps, preference margin, bias
    rationale, scorer weights, relaxation steps, and the rest of its tunables."""

    version = serializers.CharField()
    interference = serializers.DictField()
    time_caps = serializers.DictField(child=serializers.FloatField())
    preference_deviation_pct = serializers.FloatField()
    bias_rationale = serializers.DictField(child=serializers.CharField())
    scorer_weights = serializers.DictField(child=serializers.FloatField())
    relaxation_steps = serializers.ListField(child=serializers.DictField())
