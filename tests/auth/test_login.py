from __future__ import annotations

import httpx

from tests.conftest import PASSWORD, Tenant


def test_login_sets_a_safe_session_cookie_and_me_returns_the_user(
    http: httpx.Client, tenant: Tenant
) -> None:
    response = http.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie
    body = response.json()
    assert body["user"]["email"] == tenant.owner.email
    assert [w["id"] for w in body["workspaces"]] == [tenant.workspace_id]
    me = http.get("/api/v1/auth/me")
    assert me.status_code == 200 and me.json()["user"]["name"] == "Olga Owner"


def test_email_is_case_insensitive(http: httpx.Client, tenant: Tenant) -> None:
    response = http.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 200


def test_wrong_password_is_a_problem_and_no_session(http: httpx.Client, tenant: Tenant) -> None:
    response = http.post(
        "/api/v1/auth/login", json={"email": tenant.owner.email, "password": "nope-nope"}
    )
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["title"] == "Wrong e-mail or password"
    assert "omnibox_session" not in http.cookies
    assert http.get("/api/v1/auth/me").status_code == 401


def test_logout_ends_the_session(tenant: Tenant) -> None:
    client = tenant.owner.client
    old_cookie = client.cookies["omnibox_session"]
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert client.get("/api/v1/workspaces").status_code == 401
    # The old token is dead on the server, not merely forgotten by the client.
    client.cookies.set("omnibox_session", old_cookie)
    assert client.get("/api/v1/workspaces").status_code == 401


def test_repeated_failed_logins_are_slowed_down(http: httpx.Client, tenant: Tenant) -> None:
    email = tenant.owner.email
    statuses = [
        http.post("/api/v1/auth/login", json={"email": email, "password": f"wrong-{i}"}).status_code
        for i in range(5)
    ]
    assert statuses == [401] * 5
    blocked = http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1
    assert "Try again in" in blocked.json()["detail"]


def test_cross_site_post_is_refused_and_writes_nothing(tenant: Tenant) -> None:
    client = tenant.owner.client
    response = client.post(
        tenant.owner.api("/channels"),
        json={"name": "evil"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
    names = [c["name"] for c in client.get(tenant.owner.api("/channels")).json()]
    assert "evil" not in names
    same_origin = client.post(
        tenant.owner.api("/channels"),
        json={"name": "fine"},
        headers={"Origin": str(client.base_url)},
    )
    assert same_origin.status_code == 201


def test_a_user_can_belong_to_several_workspaces(make_tenant, base_url: str, settings) -> None:  # type: ignore[no-untyped-def]
    import asyncio  # noqa: F401

    from omnibox.auth.service import create_user
    from omnibox.models import Role
    from tests.conftest import login, run_db

    first, second = make_tenant(), make_tenant()

    async def join(session):  # type: ignore[no-untyped-def]
        await create_user(
            session,
            email=first.owner.email,
            password=PASSWORD,
            name="x",
            workspace_name=second.workspace_name,
            role=Role.agent,
        )

    run_db(settings, join)
    client = login(base_url, first.owner.email)
    workspaces = {w["id"]: w["role"] for w in client.get("/api/v1/workspaces").json()}
    assert workspaces == {first.workspace_id: "owner", second.workspace_id: "agent"}
    # Switching is picking another id: both are readable, each with its own role.
    assert client.get(f"/api/v1/workspaces/{second.workspace_id}/conversations").status_code == 200
    client.close()


def test_unauthenticated_api_calls_get_401(http: httpx.Client, tenant: Tenant) -> None:
    response = http.get(f"/api/v1/workspaces/{tenant.workspace_id}/conversations")
    assert response.status_code == 401
    assert response.json()["status"] == 401
