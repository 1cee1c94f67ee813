"""Auth API: register, log in (JWT pair), refresh, verify (seeds 002, auth); the
athlete's settings and profile (seeds 002, settings domain)."""

from __future__ import annotations

from django.db import transaction
from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from coach import services
from coach.api.serializers import (
    AthleteProfileOutputSerializer,
    AthleteProfileUpdateInputSerializer,
    AthleteSettingsOutputSerializer,
    AthleteSettingsUpdateInputSerializer,
    CalendarFeedOutputSerializer,
    LoginInputSerializer,
    RegisterInputSerializer,
    TokenPairOutputSerializer,
    UserOutputSerializer,
)
from coach.models import AthleteProfile, AthleteSettings, User
from coach.selectors import calendar_feed_urls
from coach.throttling import AlloyScopedThrottle, LoginAccountThrottle


def token_pair_for(user: User) -> dict:
    refresh = RefreshToken.for_user(user)
    return {
        "access": str(refresh.access_token),
        "refresh": str(refresh),
        "token_type": "Bearer",
        "user": UserOutputSerializer(user).data,
    }


# Password hashing (PBKDF2, ~1e6 rounds: hundreds of ms of CPU) must not run inside
# the request's transaction: on SQLite, whose transactions are IMMEDIATE, that
# held the database's write lock for the whole hash and the load test saw
# "database is locked" behind 50 sign-ups. These views run in autocommit; each
# of their writes (the user row, last_login, the outstanding refresh token) is
# one statement.
_outside_request_transaction = method_decorator(
    transaction.non_atomic_requests, name="dispatch"
)


@_outside_request_transaction
class AuthRegisterApi(APIView):
    """Create an account and return a JWT pair (201)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "auth"

    @extend_schema(
        request=RegisterInputSerializer, responses={201: TokenPairOutputSerializer}
    )
    def post(self, request):
        serializer = RegisterInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(token_pair_for(user), status=status.HTTP_201_CREATED)


@_outside_request_transaction
class AuthLoginApi(TokenObtainPairView):
    """Email and password → ``{access, refresh, token_type, user}``."""

    serializer_class = LoginInputSerializer
    # Per client IP, and per e-mail address whatever the IP (coach/throttling.py).
    throttle_classes = [AlloyScopedThrottle, LoginAccountThrottle]
    throttle_scope = "auth"


@_outside_request_transaction
class AuthRefreshApi(TokenRefreshView):
    """A refresh token → a new access token (and a rotated refresh token)."""

    throttle_classes = [AlloyScopedThrottle]
    throttle_scope = "auth"


class AuthVerifyTokenApi(APIView):
    """Who does this token belong to? Reads ``?token=`` or the Bearer header."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("token", str, required=False)],
        responses={200: UserOutputSerializer},
    )
    def get(self, request):
        raw = request.query_params.get("token")
        if raw:
            try:
                token = AccessToken(raw)
                user = User.objects.get(pk=token["user_id"], is_active=True)
            except (TokenError, InvalidToken, KeyError, User.DoesNotExist):
                return Response(
                    {"detail": "Token is invalid or expired."},
                    status=status.HTTP_401_UNAUTHORIZED,
                )
        elif request.user.is_authenticated:
            user = request.user
        else:
            return Response(
                {"detail": "Authentication credentials were not provided."},
                status=status.HTTP_401_UNAUTHORIZED,
            )
        return Response(UserOutputSerializer(user).data)


# ---------------------------------------------------------------------------
# Settings and profile (seeds 002, settings domain)
# ---------------------------------------------------------------------------
def profile_body(user: User) -> dict:
    """The profile as :class:`AthleteProfileOutputSerializer` shows it."""
    profile = AthleteProfile.for_user(user)
    return {
        "email": user.email,
        "name": user.name,
        "experience_level": user.experience_level,
        "persona_tone": user.persona_tone,
        "persona_aggression": user.persona_aggression,
        "long_term_goals": profile.long_term_goals,
        "preferred_weekdays": list(profile.preferred_weekdays),
        "discipline_priorities": dict(profile.discipline_priorities),
        "discipline_experience": dict(profile.discipline_experience),
        "dedicated_mobility_days": profile.dedicated_mobility_days,
        "dedicated_cardio_days": profile.dedicated_cardio_days,
        "cardio_as_finisher": profile.cardio_as_finisher,
        "training_time": profile.training_time,
        "time_zone": profile.time_zone,
        "updated_at": profile.updated_at,
    }


class AthleteSettingsApi(APIView):
    """``GET`` the athlete's settings; ``PUT``/``PATCH`` change any of them."""

    @extend_schema(responses=AthleteSettingsOutputSerializer)
    def get(self, request):
        settings = AthleteSettings.for_user(request.user)
        return Response(AthleteSettingsOutputSerializer(settings).data)

    @extend_schema(
        request=AthleteSettingsUpdateInputSerializer,
        responses=AthleteSettingsOutputSerializer,
    )
    def put(self, request):
        serializer = AthleteSettingsUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        settings = services.athlete_settings_update(
            user=request.user, **serializer.validated_data
        )
        return Response(AthleteSettingsOutputSerializer(settings).data)

    patch = put


class AthleteProfileApi(APIView):
    """``GET`` the athlete's profile; ``PUT``/``PATCH`` change any of its fields."""

    @extend_schema(responses=AthleteProfileOutputSerializer)
    def get(self, request):
        return Response(AthleteProfileOutputSerializer(profile_body(request.user)).data)

    @extend_schema(
        request=AthleteProfileUpdateInputSerializer,
        responses=AthleteProfileOutputSerializer,
    )
    def put(self, request):
        serializer = AthleteProfileUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.athlete_profile_update(user=request.user, **serializer.validated_data)
        return Response(AthleteProfileOutputSerializer(profile_body(request.user)).data)

    patch = put


def calendar_body(request, profile: AthleteProfile) -> dict:
    """The feed as :class:`CalendarFeedOutputSerializer` shows it."""
    urls = calendar_feed_urls(request=request, token=profile.calendar_token)
    return {
        "training_time": profile.training_time,
        "time_zone": profile.time_zone,
        "feed_url": urls.http if urls else None,
        "webcal_url": urls.webcal if urls else None,
    }


class CalendarFeedApi(APIView):
    """``GET`` the athlete's calendar feed: its URLs and start time. Change the
    time and zone through ``/settings/profile/``."""

    @extend_schema(responses=CalendarFeedOutputSerializer)
    def get(self, request):
        profile = AthleteProfile.for_user(request.user)
        return Response(
            CalendarFeedOutputSerializer(calendar_body(request, profile)).data
        )


class CalendarTokenApi(APIView):
    """``POST`` makes a new secret feed URL (the old one, if any, becomes a 404);
    ``DELETE`` turns the feed off."""

    @extend_schema(request=None, responses={201: CalendarFeedOutputSerializer})
    def post(self, request):
        profile = services.calendar_token_regenerate(user=request.user)
        return Response(
            CalendarFeedOutputSerializer(calendar_body(request, profile)).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        services.calendar_token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
