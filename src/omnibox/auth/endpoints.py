from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from omnibox.auth import service
from omnibox.auth.dependencies import CurrentUser
from omnibox.auth.schemas import LoginIn, SessionOut, UserOut
from omnibox.db.session import DbSession
from omnibox.errors import InvalidCredentials, problems
from omnibox.models import User
from omnibox.settings import Settings
from omnibox.workspaces.service import list_workspaces

router = APIRouter(prefix="/auth", tags=["auth"])


def _client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _session_out(session: DbSession, user: User) -> SessionOut:
    return SessionOut(
        user=UserOut(id=user.id, email=user.email, name=user.name, locale=user.locale),
        workspaces=await list_workspaces(session, user.id),
    )


@router.post("/login", responses=problems(401, 429))
async def login(
    body: LoginIn, request: Request, response: Response, session: DbSession
) -> SessionOut:
    settings: Settings = request.app.state.settings
    email_key = f"email:{service.normalize_email(body.email)}"
    keys = [email_key, f"ip:{_client_address(request)}"]
    await service.check_throttle(session, keys, settings.login_max_failures)
    user = await service.authenticate(session, body.email, body.password)
    if user is None:
        await service.record_failure(session, keys)
        # The failure must be remembered even though this request answers with an error.
        await session.commit()
        raise InvalidCredentials()
    await service.clear_failures(session, email_key)
    token, expires = await service.start_session(session, user, settings.session_days)
    response.set_cookie(
        service.SESSION_COOKIE,
        token,
        expires=expires,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )
    return await _session_out(session, user)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, response: Response, session: DbSession) -> None:
    token = request.cookies.get(service.SESSION_COOKIE)
    if token:
        await service.end_session(session, token)
    response.delete_cookie(service.SESSION_COOKIE, path="/")


@router.get("/me", responses=problems(401))
async def me(user: CurrentUser, session: DbSession) -> SessionOut:
    return await _session_out(session, user)
