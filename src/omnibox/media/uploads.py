"""What agents may upload: types checked by content (magic numbers), not by name."""

from __future__ import annotations

from dataclasses import dataclass

import filetype

from omnibox.errors import PayloadTooLarge, UnsupportedMediaType

MAX_FILES_PER_MESSAGE = 50

# Detected kind -> the media type we store. Extensions accepted for each are listed so the
# error can say what is allowed; the check itself is on the bytes.
_BINARY_KINDS = {
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "png": "image/png",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "mp3": "audio/mpeg",
    "mp4": "video/mp4",
    "m4a": "audio/mp4",
    "mov": "video/quicktime",
    "wav": "audio/wav",
    "mpg": "video/mpeg",
    "zip": "application/zip",
    "tar": "application/x-tar",
    "gz": "application/gzip",
    "pdf": "application/pdf",
    # Voice and video notes recorded in the browser.
    "webm": "video/webm",
    "ogg": "audio/ogg",
}
_TEXT_TYPES = {
    "txt": "text/plain",
    "csv": "text/csv",
    "log": "text/plain",
    "xml": "application/xml",
}
ALLOWED_EXTENSIONS = (
    "JPG, JPEG, GIF, BMP, PNG, TXT, XLS, XLSX, DOC, DOCX, CSV, PPT, PPTX, MP3, MP4, MOV, WAV, "
    "MPG, MPEG, ZIP, TAR, TGZ, GZ, PDF, LOG, XML"
)


@dataclass(frozen=True)
class CheckedFile:
    media_type: str
    kind: str


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text.
        return exc.start >= len(sample) - 3
    return True


def check_upload(data: bytes, filename: str, *, max_bytes: int) -> CheckedFile:
    if not data:
        raise UnsupportedMediaType(f"{filename} is empty.")
    if len(data) > max_bytes:
        mb = max_bytes / 1024 / 1024
        raise PayloadTooLarge(f"{filename} is larger than {mb:.0f} MB, the limit for one file.")
    kind = filetype.guess(data)
    if kind is not None and kind.extension in _BINARY_KINDS:
        # filetype says "mp4" for MPEG-4 audio too; the name can refine the container's use.
        if kind.extension == "mp4" and filename.lower().endswith(".m4a"):
            return CheckedFile("audio/mp4", "m4a")
        return CheckedFile(_BINARY_KINDS[kind.extension], kind.extension)
    if kind is None and _looks_like_text(data):
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "txt"
        if ext in _TEXT_TYPES:
            if ext == "xml" and not data.lstrip()[:1] == b"<":
                raise UnsupportedMediaType(f"{filename} is not XML.")
            return CheckedFile(_TEXT_TYPES[ext], ext)
        return CheckedFile("text/plain", "txt")
    found = f" (it is {kind.mime})" if kind else ""
    raise UnsupportedMediaType(
        f"{filename} is not a file type that can be sent{found}. Allowed: {ALLOWED_EXTENSIONS}."
    )
