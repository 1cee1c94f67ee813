"""HTML forms for accounts: sign up and log in with an email address."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SiteForm(forms.Form):
    """The site's base form: labels without a trailing colon."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SignUpForm(SiteForm):
    """Email, name and password (twice). The account itself is created by
    ``coach.services.user_register``, which owns the uniqueness and password
    rules; the view adds its errors back to this form."""

    name = forms.CharField(
        label="Your name",
        max_length=100,
        required=False,
        help_text="Optional. Your coach uses it in notes.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 8 characters, not only digits, not a common password.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["email", "name", "password", "password_confirm"]

    def clean(self) -> dict:
        cleaned = super().clean()
        password = cleaned.get("password")
        confirm = cleaned.get("password_confirm")
        if password and confirm and password != confirm:
            self.add_error("password_confirm", "The two passwords differ.")
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form with the username field presented as an email."""

    username = forms.EmailField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account.",
    }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
