"""Audio handling with PyAV: decode whatever messengers send, measure it, draw its waveform,
and make renditions (AAC/M4A that every browser plays, Ogg/Opus for voice notes).

Everything here is CPU-bound and synchronous: callers run it in a worker thread.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import av
import numpy as np
from av.audio.stream import AudioStream
from numpy.typing import NDArray

WAVEFORM_BARS = 64
_ANALYSIS_RATE = 16_000


class AudioError(Exception):
    """The bytes are not audio we can decode (garbage, truncated, or no audio stream)."""


@dataclass(frozen=True)
class AudioInfo:
    duration_s: float
    waveform: list[float]


def decode_mono(data: bytes, sample_rate: int = _ANALYSIS_RATE) -> NDArray[np.float32]:
    """Decode to mono float32 PCM at ``sample_rate`` (what Whisper wants at 16 kHz)."""
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError("The file has no audio stream.")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
            chunks: list[NDArray[np.float32]] = []
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(np.asarray(out.to_ndarray(), dtype=np.float32).reshape(-1))
            for out in resampler.resample(None):
                chunks.append(np.asarray(out.to_ndarray(), dtype=np.float32).reshape(-1))
    except AudioError:
        raise
    except (av.error.FFmpegError, ValueError, IndexError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise AudioError(f"The audio can't be decoded: {reason.rstrip('.')}.") from exc
    if not chunks:
        raise AudioError("The file contains no audio samples.")
    samples = np.concatenate(chunks).astype(np.float32, copy=False)
    if samples.size < sample_rate // 20:
        raise AudioError("The audio is too short to play (under 50 ms).")
    return samples


def waveform(samples: NDArray[np.float32], bars: int = WAVEFORM_BARS) -> list[float]:
    """Peak amplitude per bar, scaled to 0..1 by the loudest bar."""
    chunks = np.array_split(np.abs(samples), bars)
    peaks = np.array([float(c.max()) if c.size else 0.0 for c in chunks])
    top = float(peaks.max()) or 1.0
    return [round(float(p) / top, 3) for p in peaks]


def analyse(data: bytes) -> tuple[AudioInfo, NDArray[np.float32]]:
    samples = decode_mono(data)
    info = AudioInfo(duration_s=samples.size / _ANALYSIS_RATE, waveform=waveform(samples))
    return info, samples


def _encode(
    samples: NDArray[np.float32],
    *,
    container_format: str,
    codec: str,
    rate: int,
    bitrate: int,
    options: dict[str, str] | None = None,
) -> bytes:
    # A real file, not memory: MP4's faststart rewrites the file in a second pass.
    with tempfile.NamedTemporaryFile(suffix=f".{container_format}") as tmp:
        _encode_to(
            tmp.name,
            samples,
            container_format=container_format,
            codec=codec,
            rate=rate,
            bitrate=bitrate,
            options=options,
        )
        return Path(tmp.name).read_bytes()


def _encode_to(
    path: str,
    samples: NDArray[np.float32],
    *,
    container_format: str,
    codec: str,
    rate: int,
    bitrate: int,
    options: dict[str, str] | None,
) -> None:
    with av.open(path, mode="w", format=container_format, options=options or {}) as container:
        stream = cast(AudioStream, container.add_stream(codec, rate=rate))
        stream.bit_rate = bitrate
        stream.layout = "mono"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = _ANALYSIS_RATE
        frame.pts = None
        for resampled in resampler.resample(frame) + resampler.resample(None):
            resampled.pts = None
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def to_m4a(samples: NDArray[np.float32]) -> bytes:
    """AAC in MP4 with the index up front: plays and seeks in every browser, Safari included."""
    return _encode(
        samples,
        container_format="mp4",
        codec="aac",
        rate=_ANALYSIS_RATE * 2,
        bitrate=48_000,
        options={"movflags": "+faststart"},
    )


def to_ogg_opus(samples: NDArray[np.float32]) -> bytes:
    """Ogg/Opus, the voice-note format of WhatsApp and Telegram."""
    return _encode(samples, container_format="ogg", codec="libopus", rate=48_000, bitrate=32_000)
