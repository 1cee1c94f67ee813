"""Serializer pieces every app's API shares so the OpenAPI schema (/api/schema/)
states the bounds the serializers enforce."""

from __future__ import annotations

from django.core.validators import MaxLengthValidator, MinLengthValidator
from rest_framework import serializers


class BoundedListSerializer(serializers.ListSerializer):
    """A ``many=True`` list whose ``min_length``/``max_length`` also reach the
    OpenAPI schema as ``minItems``/``maxItems`` (drf-spectacular reads them from
    the field's validators; DRF's own ``ListSerializer`` checks them without
    declaring validators). The checks and their 400 messages are DRF's; the
    validators only repeat them for the schema, so they never fire first."""

    def get_validators(self) -> list:
        validators = list(super().get_validators())
        if self.min_length is not None:
            validators.append(MinLengthValidator(self.min_length))
        if self.max_length is not None:
            validators.append(MaxLengthValidator(self.max_length))
        return validators


def bounded_many(child: serializers.Serializer, **kwargs) -> BoundedListSerializer:
    """``child`` as a list field with its ``min_length``/``max_length`` in the
    schema, e.g. ``bounded_many(SetLogInputSerializer(), max_length=300)``.
    Other keyword arguments are the list's (``required``, ``allow_empty``…)."""
    return BoundedListSerializer(child=child, **kwargs)
