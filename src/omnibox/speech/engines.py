"""Speech engines: faster-whisper on this machine (default) or an OpenAI-compatible server.

Both take 16 kHz mono float32 PCM (see ``speech.audio``) so every input format goes through
the same decoder, and both return the same ``Transcription``.
"""

from __future__ import annotations

import io
import logging
import threading
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import httpx
import numpy as np
from numpy.typing import NDArray

from omnibox.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Transcription:
    text: str
    language: str | None
    segments: list[Segment] = field(default_factory=list)


class SpeechEngineError(Exception):
    """The engine could not transcribe (misconfigured, unreachable, or failed on this audio)."""


class SpeechEngine(Protocol):
    name: str
    model_name: str

    def transcribe(self, samples: NDArray[np.float32], language: str | None) -> Transcription:
        """Blocking: call from a worker thread."""
        ...


def _device(setting: str) -> str:
    if setting != "auto":
        return setting
    try:
        import ctranslate2

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except Exception:  # a broken CUDA install must not stop CPU transcription
        return "cpu"


class FasterWhisperEngine:
    name = "faster-whisper"

    def __init__(self, settings: Settings) -> None:
        self.model_name = settings.speech_model
        self.device = _device(settings.speech_device)
        compute = settings.speech_compute_type
        self.compute_type = (
            compute if compute != "auto" else ("float16" if self.device == "cuda" else "int8")
        )
        self.threads = settings.speech_cpu_threads
        self.download_root = str(settings.models_dir)
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        # Loaded once per process, on first use, whichever thread gets there first.
        with self._lock:
            if self._model is None:
                from faster_whisper import WhisperModel

                log.info(
                    "loading speech model %s on %s (%s)",
                    self.model_name,
                    self.device,
                    self.compute_type,
                )
                try:
                    self._model = WhisperModel(
                        self.model_name,
                        device=self.device,
                        compute_type=self.compute_type,
                        cpu_threads=self.threads,
                        download_root=self.download_root,
                    )
                except Exception as exc:
                    raise SpeechEngineError(
                        f"The speech model {self.model_name!r} could not be loaded ({exc}). "
                        "Run `omnibox models pull NAME` on a machine with internet, or set "
                        "OMNIBOX_SPEECH_MODEL to a local model folder."
                    ) from exc
            return self._model

    def transcribe(self, samples: NDArray[np.float32], language: str | None) -> Transcription:
        model = self._load()
        multilingual = bool(getattr(model, "model", None) and model.model.is_multilingual)
        if not multilingual:
            language = "en"
        segments, info = model.transcribe(
            samples,
            language=language,
            beam_size=1,
            vad_filter=False,
            condition_on_previous_text=False,
        )
        parts = [
            Segment(start=round(s.start, 2), end=round(s.end, 2), text=s.text.strip())
            for s in segments
        ]
        return Transcription(
            text=" ".join(p.text for p in parts if p.text).strip(),
            language=info.language,
            segments=parts,
        )


def _wav_bytes(samples: NDArray[np.float32], rate: int = 16_000) -> bytes:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)
    return out.getvalue()


class OpenAICompatibleEngine:
    """POST /v1/audio/transcriptions (OpenAI, a local whisper server, vLLM, ...)."""

    name = "openai"

    def __init__(self, settings: Settings) -> None:
        if not settings.speech_openai_url:
            raise SpeechEngineError("OMNIBOX_SPEECH_OPENAI_URL is not set.")
        self.url = settings.speech_openai_url.rstrip("/") + "/v1/audio/transcriptions"
        self.key = settings.speech_openai_key
        self.model_name = settings.speech_openai_model
        self.timeout = settings.speech_openai_timeout_s

    def transcribe(self, samples: NDArray[np.float32], language: str | None) -> Transcription:
        data: dict[str, str] = {"model": self.model_name, "response_format": "verbose_json"}
        if language:
            data["language"] = language
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            response = httpx.post(
                self.url,
                data=data,
                files={"file": ("audio.wav", _wav_bytes(samples), "audio/wav")},
                headers=headers,
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            raise SpeechEngineError(
                f"The transcription server could not be reached: {exc}"
            ) from exc
        if response.status_code != 200:
            try:
                detail = response.json().get("error", {}).get("message") or response.text[:200]
            except ValueError:
                detail = response.text[:200]
            raise SpeechEngineError(
                f"The transcription server answered {response.status_code}: {detail}"
            )
        try:
            body = response.json()
            segments = [
                Segment(start=float(s["start"]), end=float(s["end"]), text=str(s["text"]).strip())
                for s in body.get("segments") or []
            ]
            return Transcription(
                text=str(body["text"]).strip(), language=body.get("language"), segments=segments
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SpeechEngineError(
                "The transcription server's answer was not understood."
            ) from exc


_whisper_engines: dict[tuple[str, str, str, int], FasterWhisperEngine] = {}
_engines_lock = threading.Lock()


def get_engine(settings: Settings) -> SpeechEngine:
    """The configured engine; a faster-whisper model is loaded once per process and config."""
    if settings.speech_engine == "openai":
        return OpenAICompatibleEngine(settings)  # stateless: nothing worth keeping
    key = (
        settings.speech_model,
        settings.speech_device,
        settings.speech_compute_type,
        settings.speech_cpu_threads,
    )
    with _engines_lock:
        engine = _whisper_engines.get(key)
        if engine is None:
            engine = _whisper_engines[key] = FasterWhisperEngine(settings)
        return engine


def model_label(engine: SpeechEngine) -> str:
    """A short model name: 'base', or the last two parts of a local folder's path."""
    name = engine.model_name
    if "/" not in name:
        return name
    return "/".join(Path(name).resolve().parts[-2:])
