"""Admin for the movement library (STYLE C19): search, filters, muscle inline,
autocomplete on every foreign key; activity definitions (curated here); and the
athletes' equipment, movement rules and enjoyable activities, read-only (athletes
change them through ``movements.services``, which checks them as a whole)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from movements import circuit_rules
from movements.models import (
    ActivityDefinition,
    AthleteEquipment,
    Circuit,
    CircuitMovement,
    Discipline,
    EnjoyableActivity,
    Equipment,
    Movement,
    MovementMuscle,
    MovementRelationship,
    MovementRule,
    Muscle,
)

BODYWEIGHT = "bodyweight"


class EquipmentFilter(admin.SimpleListFilter):
    """Movements needing a given piece of kit, or bodyweight ones (empty list).

    ``equipment`` is a JSON list, so the test runs in Python over the (small)
    catalogue rather than as a JSON lookup SQLite lacks.
    """

    title = "equipment"
    parameter_name = "equipment"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return [(BODYWEIGHT, "Bodyweight (none)"), *Equipment.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Movement]):
        value = self.value()
        if not value:
            return queryset
        ids = [
            pk
            for pk, kit in queryset.values_list("pk", "equipment")
            if (not kit if value == BODYWEIGHT else value in (kit or []))
        ]
        return queryset.filter(pk__in=ids)


class MuscleFilter(admin.SimpleListFilter):
    """Movements training a muscle in any role."""

    title = "muscle"
    parameter_name = "muscle"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return list(Muscle.objects.order_by("name").values_list("slug", "name"))

    def queryset(self, request: HttpRequest, queryset: QuerySet[Movement]):
        if self.value():
            return queryset.filter(muscle_links__muscle__slug=self.value())
        return queryset


class MovementMuscleInline(admin.TabularInline):
    """The muscles a movement trains, with their role."""

    model = MovementMuscle
    autocomplete_fields = ["muscle"]
    extra = 0


class OutgoingRelationshipInline(admin.TabularInline):
    """Graph edges starting at this movement (PROGRESSION points to the harder one)."""

    model = MovementRelationship
    fk_name = "from_movement"
    autocomplete_fields = ["to_movement"]
    extra = 0
    verbose_name = "relationship from this movement"
    verbose_name_plural = "relationships from this movement"


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    """The library: filter by tier, pattern, kit, muscle, discipline and level."""

    list_display = [
        "name",
        "pattern",
        "mechanic",
        "equipment_display",
        "level",
        "primary_discipline",
        "tier",
        "requires_coaching",
    ]
    list_filter = [
        "tier",
        "requires_coaching",
        "pattern",
        "mechanic",
        "primary_discipline",
        "level",
        EquipmentFilter,
        MuscleFilter,
        "is_timed",
        "is_unilateral",
    ]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MovementMuscleInline, OutgoingRelationshipInline]
    list_per_page = 50

    @admin.display(description="Equipment")
    def equipment_display(self, obj: Movement) -> str:
        labels = dict(Equipment.choices)
        return ", ".join(labels.get(e, e) for e in obj.equipment) or "Bodyweight"


@admin.register(Muscle)
class MuscleAdmin(admin.ModelAdmin):
    """The 17 muscle groups; searchable for the movement inline's autocomplete."""

    list_display = ["name", "slug", "region"]
    list_filter = ["region"]
    search_fields = ["name", "slug"]


@admin.register(MovementRelationship)
class MovementRelationshipAdmin(admin.ModelAdmin):
    """Edges of the movement graph (seeds 003, session 11)."""

    list_display = ["from_movement", "relationship_type", "to_movement"]
    list_filter = ["relationship_type"]
    search_fields = ["from_movement__name", "to_movement__name"]
    autocomplete_fields = ["from_movement", "to_movement"]
    list_select_related = ["from_movement", "to_movement"]


@admin.register(ActivityDefinition)
class ActivityDefinitionAdmin(admin.ModelAdmin):
    """Activities outside the weight room (shipped as a fixture, curated here)."""

    list_display = ["name", "slug", "category", "intensity", "tracks_distance"]
    list_filter = ["category", "intensity", "tracks_distance"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class AthleteOwnedAdmin(admin.ModelAdmin):
    """Viewable and deletable by staff, never added or edited by hand."""

    readonly_fields = ["created_at", "updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(MovementRule)
class MovementRuleAdmin(AthleteOwnedAdmin):
    list_display = ["movement", "rule", "substitute_with", "user", "updated_at"]
    list_filter = ["rule"]
    search_fields = ["user__email", "movement__name", "substitute_with__name"]
    list_select_related = ["movement", "substitute_with", "user"]


@admin.register(EnjoyableActivity)
class EnjoyableActivityAdmin(AthleteOwnedAdmin):
    list_display = ["definition", "user", "created_at"]
    list_filter = ["definition"]
    search_fields = ["user__email", "definition__name"]
    list_select_related = ["definition", "user"]


@admin.register(AthleteEquipment)
class AthleteEquipmentAdmin(AthleteOwnedAdmin):
    list_display = ["user", "preset", "equipment_display", "updated_at"]
    list_filter = ["preset"]
    search_fields = ["user__email"]
    list_select_related = ["user"]

    @admin.display(description="Equipment")
    def equipment_display(self, obj: AthleteEquipment) -> str:
        labels = dict(Equipment.choices)
        return ", ".join(labels.get(e, e) for e in obj.equipment) or "Bodyweight"


# ---------------------------------------------------------------------------
# Circuits (issue 12 §1)
# ---------------------------------------------------------------------------
class CircuitDisciplineFilter(admin.SimpleListFilter):
    """Circuits listing a discipline (a JSON list: tested in Python, small table)."""

    title = "discipline"
    parameter_name = "discipline"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return Discipline.choices

    def queryset(self, request: HttpRequest, queryset: QuerySet[Circuit]):
        value = self.value()
        if not value:
            return queryset
        ids = [
            pk
            for pk, disciplines in queryset.values_list("pk", "disciplines")
            if value in (disciplines or [])
        ]
        return queryset.filter(pk__in=ids)


class CircuitMovementFormSet(BaseInlineFormSet):
    """Checks the movement list as a whole (``circuit_rules.circuit_items_errors``:
    ≥ 2 movements, unique order, doses the format wants) and shows the problems
    above the inline; nothing is saved while any remain."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        items = [
            form.instance
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problems = circuit_rules.circuit_items_errors(self.instance, items)
        if problems:
            raise ValidationError(problems)


class CircuitMovementInline(admin.TabularInline):
    """The circuit's movements in order, with autocomplete and one dose each."""

    model = CircuitMovement
    formset = CircuitMovementFormSet
    autocomplete_fields = ["movement"]
    fields = ["order", "movement", "reps", "seconds", "distance_m", "calories"]
    fields += ["load_hint"]
    ordering = ["order"]
    extra = 0
    min_num = 2


@admin.register(Circuit)
class CircuitAdmin(admin.ModelAdmin):
    """The circuit library: filter by type and discipline, search by name or
    movement; the estimated duration (``movements.timing``) is shown on the list
    and the form. Format rules are the model's ``clean()``; list rules the
    inline formset's."""

    list_display = [
        "name",
        "circuit_type",
        "scoring",
        "difficulty",
        "duration_display",
        "movement_count",
    ]
    list_filter = ["circuit_type", CircuitDisciplineFilter, "scoring", "difficulty"]
    search_fields = ["name", "slug", "description", "items__movement__name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["duration_display", "equipment_display"]
    readonly_fields += ["created_at", "updated_at"]
    inlines = [CircuitMovementInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "circuit_type", "scoring", "description"]}),
        (
            "Format",
            {
                "fields": [
                    "rounds",
                    "time_cap_seconds",
                    "work_seconds",
                    "rest_seconds",
                    "duration_display",
                    "equipment_display",
                ]
            },
        ),
        ("Catalogue", {"fields": ["difficulty", "disciplines", "tags"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Circuit]:
        return super().get_queryset(request).with_movements()

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        # Searching by movement joins the items: collapse the duplicates.
        return queryset.distinct(), False

    @admin.display(description="Estimated duration")
    def duration_display(self, obj: Circuit) -> str:
        if obj.pk is None:
            return "Shown once saved."
        seconds = obj.estimated_seconds()
        return f"{seconds // 60} min {seconds % 60:02d} s"

    @admin.display(description="Movements")
    def movement_count(self, obj: Circuit) -> int:
        return len(obj.items.all())

    @admin.display(description="Equipment")
    def equipment_display(self, obj: Circuit) -> str:
        if obj.pk is None:
            return "Shown once saved."
        labels = dict(Equipment.choices)
        return ", ".join(labels.get(e, e) for e in obj.equipment()) or "Bodyweight"
