"""Sign up, log in, log out and the error pages, through the Django test client."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from coach import views
from coach.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "New.Lifter@Example.com",
    "name": "Sam",
    "password": "barbell-season-42",
    "password_confirm": "barbell-season-42",
}


def test_signup_page_has_labelled_fields(client):
    html = client.get(reverse("signup")).content.decode()
    for field in ("email", "name", "password", "password_confirm"):
        assert f'<label for="id_{field}">' in html
    assert 'autocomplete="new-password"' in html


def test_signup_creates_the_account_logs_in_and_goes_home(client):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/"
    user = get_user_model().objects.get()
    assert user.email == "new.lifter@example.com"
    assert user.name == "Sam"
    home = client.get("/")
    assert home.status_code == 200
    assert "Hi Sam" in home.content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"password_confirm": "something-else-1"}, "password_confirm", "differ"),
        ({"password": "12345678", "password_confirm": "12345678"}, "password", ""),
        ({"email": "not-an-email"}, "email", "valid email"),
    ],
)
def test_signup_errors_sit_next_to_their_field(client, changes, field, message):
    response = client.post(reverse("signup"), {**SIGNUP, **changes})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not get_user_model().objects.exists()


def test_signup_with_a_taken_email_says_so_on_the_email_field(client):
    UserFactory(email="new.lifter@example.com")
    response = client.post(reverse("signup"), SIGNUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert "An account with this email already exists." in html
    assert 'id="id_email_error"' in html
    assert get_user_model().objects.count() == 1


def test_login_with_email_any_case(client):
    user = UserFactory(email="lifter@example.com")
    response = client.post(
        reverse("login"), {"username": "Lifter@Example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_a_wrong_password_explains(client):
    UserFactory(email="lifter@example.com")
    response = client.post(
        reverse("login"), {"username": "lifter@example.com", "password": "nope"}
    )
    assert response.status_code == 200
    assert "That email and password do not match an account." in (
        response.content.decode()
    )


def test_login_page_asks_for_an_email(client):
    html = client.get(reverse("login")).content.decode()
    assert 'type="email" name="username"' in html
    assert "Email" in html


def test_logout_is_a_post(client, user):
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_pages_behind_login_send_to_login_with_next(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/"


def test_404_is_in_the_sites_style(client, user):
    client.force_login(user)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert "alloy.css" in html
    assert "Log out" in html  # the athlete's own header, with the request context


def test_403_and_500_are_in_the_sites_style():
    request = RequestFactory().get("/")
    forbidden = views.permission_denied(request, Exception("no"))
    assert forbidden.status_code == 403
    assert "That isn't yours to open" in forbidden.content.decode()
    broken = views.server_error(request)
    assert broken.status_code == 500
    assert "Something broke on our side" in broken.content.decode()
    assert "alloy.css" in broken.content.decode()


def test_an_unknown_api_path_is_a_json_404_and_a_page_is_html(client):
    response = client.get("/api/v1/logs/workouts/null,null/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert page["Content-Type"].startswith("text/html")
