"""The real faster-whisper model on real recordings, in every format messengers send."""

from __future__ import annotations

import pytest

from omnibox.media.audio import AudioError, analyse, to_m4a, to_ogg_opus
from omnibox.settings import Settings
from omnibox.speech.engines import SpeechEngineError
from omnibox.speech.transcribe import transcribe_bytes
from tests.speech.conftest import (
    FORMATS,
    PLAIN,
    PLAIN_TEXT,
    ROOTS_TEXT,
    voice_bytes,
    word_error_rate,
)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_messenger_format_is_decoded_and_transcribed(settings: Settings, fmt: str) -> None:
    run = transcribe_bytes(settings, voice_bytes(fmt), None)
    assert run.result.language == "en"
    assert abs(run.audio_seconds - 5.66) < 0.15
    # AMR is 8 kHz narrow-band: the model hears less, so it may miss a word or two more.
    assert word_error_rate(ROOTS_TEXT, run.result.text) <= (0.35 if fmt == "amr" else 0.2), (
        run.result.text
    )
    assert run.engine == "faster-whisper" and run.model.endswith("model")
    assert run.result.segments and run.result.segments[-1].end <= run.audio_seconds + 0.5


def test_segments_carry_times_and_add_up_to_the_text(settings: Settings) -> None:
    run = transcribe_bytes(settings, PLAIN.read_bytes(), None)
    assert word_error_rate(PLAIN_TEXT, run.result.text) <= 0.2
    assert " ".join(s.text for s in run.result.segments) == run.result.text
    starts = [s.start for s in run.result.segments]
    assert starts == sorted(starts) and starts[0] >= 0


@pytest.mark.parametrize(
    "data",
    [b"", b"not audio at all" * 50, b"OggS" + b"\x00" * 500],
    ids=["empty", "garbage", "broken-ogg"],
)
def test_garbage_is_a_clear_failure(settings: Settings, data: bytes) -> None:
    with pytest.raises(AudioError) as failure:
        transcribe_bytes(settings, data, None)
    assert "audio" in str(failure.value).lower()


def test_truncated_voice_note_fails_clearly(settings: Settings) -> None:
    whole = voice_bytes("m4a-aac")
    with pytest.raises(AudioError):
        transcribe_bytes(settings, whole[: len(whole) // 3], None)


def test_renditions_play_back_with_the_same_length() -> None:
    info, samples = analyse(voice_bytes("amr"))
    assert len(info.waveform) == 64 and max(info.waveform) == 1.0 and min(info.waveform) >= 0
    for rendition in (to_m4a(samples), to_ogg_opus(samples)):
        again, _ = analyse(rendition)
        assert abs(again.duration_s - info.duration_s) < 0.1


def test_a_missing_model_says_what_to_do(settings: Settings) -> None:
    broken = settings.model_copy(update={"speech_model": "/nonexistent/model-folder"})
    with pytest.raises(SpeechEngineError) as failure:
        transcribe_bytes(broken, voice_bytes("wav"), None)
    assert "omnibox models pull" in str(failure.value)
