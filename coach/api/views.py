"""Auth API: register, log in (JWT pair), refresh, verify (seeds 002, auth)."""

from __future__ import annotations

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
    LoginInputSerializer,
    RegisterInputSerializer,
    TokenPairOutputSerializer,
    UserOutputSerializer,
)
from coach.models import User


def token_pair_for(user: User) -> dict:
    refresh = RefreshToken.for_user(user)
    return {
        "access": str(refresh.access_token),
        "refresh": str(refresh),
        "token_type": "Bearer",
        "user": UserOutputSerializer(user).data,
    }


class AuthRegisterApi(APIView):
    """Create an account and return a JWT pair (201)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        request=RegisterInputSerializer, responses={201: TokenPairOutputSerializer}
    )
    def post(self, request):
        serializer = RegisterInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(token_pair_for(user), status=status.HTTP_201_CREATED)


class AuthLoginApi(TokenObtainPairView):
    """Email and password → ``{access, refresh, token_type, user}``."""

    serializer_class = LoginInputSerializer


class AuthRefreshApi(TokenRefreshView):
    """A refresh token → a new access token (and a rotated refresh token)."""


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
