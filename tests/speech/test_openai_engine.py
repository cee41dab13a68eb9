from __future__ import annotations

from collections.abc import Iterator

import pytest

from omnibox.settings import Settings
from omnibox.speech.engines import SpeechEngineError
from omnibox.speech.transcribe import transcribe_bytes
from tests.fakes.transcription_server import TranscriptionServer
from tests.speech.conftest import voice_bytes


@pytest.fixture
def server() -> Iterator[TranscriptionServer]:
    fake = TranscriptionServer().start()
    yield fake
    fake.stop()


def openai_settings(settings: Settings, server: TranscriptionServer, **extra: object) -> Settings:
    return settings.model_copy(
        update={
            "speech_engine": "openai",
            "speech_openai_url": server.url,
            "speech_openai_key": server.key,
            "speech_openai_model": "whisper-large-v3",
            **extra,
        }
    )


def test_sends_decoded_audio_and_reads_verbose_json(
    settings: Settings, server: TranscriptionServer
) -> None:
    run = transcribe_bytes(openai_settings(settings, server), voice_bytes("ogg-opus"), "ru")
    assert run.result.text == "Hello from the transcription server."
    assert run.result.language == "english"
    assert [s.text for s in run.result.segments] == ["Hello from the transcription server."]
    assert run.engine == "openai" and run.model == "whisper-large-v3"
    [sent] = server.requests
    assert sent["model"] == "whisper-large-v3" and sent["language"] == "ru"
    assert sent["response_format"] == "verbose_json"
    assert abs(sent["seconds"] - 5.66) < 0.15  # the Ogg/Opus note arrived as 16 kHz WAV


def test_server_errors_become_readable_failures(
    settings: Settings, server: TranscriptionServer
) -> None:
    server.status = 503
    with pytest.raises(SpeechEngineError) as failure:
        transcribe_bytes(openai_settings(settings, server), voice_bytes("wav"), None)
    assert str(failure.value) == "The transcription server answered 503: The server is overloaded."


def test_a_wrong_key_is_reported(settings: Settings, server: TranscriptionServer) -> None:
    with pytest.raises(SpeechEngineError) as failure:
        transcribe_bytes(
            openai_settings(
                settings, server, speech_openai_key="wrong", speech_openai_model="other"
            ),
            voice_bytes("wav"),
            None,
        )
    assert "401: Incorrect API key provided." in str(failure.value)


def test_an_unreachable_server_is_reported(settings: Settings) -> None:
    from tests.conftest import free_port

    broken = settings.model_copy(
        update={
            "speech_engine": "openai",
            "speech_openai_url": f"http://127.0.0.1:{free_port()}",
            "speech_openai_model": "unreachable",
        }
    )
    with pytest.raises(SpeechEngineError) as failure:
        transcribe_bytes(broken, voice_bytes("wav"), None)
    assert "could not be reached" in str(failure.value)
