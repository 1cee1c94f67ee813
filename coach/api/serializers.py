"""Auth API serializers."""

from __future__ import annotations

from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from coach.models import User


class RegisterInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128)
    name = serializers.CharField(max_length=100, required=False, allow_blank=True)


class UserOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "name",
            "is_active",
            "experience_level",
            "persona_tone",
            "persona_aggression",
        ]


class TokenPairOutputSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    token_type = serializers.CharField()
    user = UserOutputSerializer()


class LoginInputSerializer(TokenObtainPairSerializer):
    """Email + password → a JWT pair, plus who logged in."""

    def validate(self, attrs):
        data = super().validate(attrs)
        data["token_type"] = "Bearer"
        data["user"] = UserOutputSerializer(self.user).data
        return data
