from __future__ import annotations

from django.urls import path

from coach.api import views

app_name = "auth"

urlpatterns = [
    path("register", views.AuthRegisterApi.as_view(), name="register"),
    path("login", views.AuthLoginApi.as_view(), name="login"),
    path("refresh", views.AuthRefreshApi.as_view(), name="refresh"),
    path("verify-token", views.AuthVerifyTokenApi.as_view(), name="verify-token"),
]
