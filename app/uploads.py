"""File uploads by the GraphQL multipart request spec (what Apollo's and urql's upload links
send): a POST with `Content-Type: multipart/form-data; boundary=...` whose parts are, in
this order, `operations` (the JSON request: query, variables, operationName, extensions),
`map` (a JSON object: each file part's name → the paths in `operations` it fills, such as
`variables.file`), then the files. Each file takes the place of the nulls its paths name;
resolvers receive an `UploadedFile` where the schema says `Upload`.

- The body is parsed as it streams in (python-multipart's parser), never read whole. Files
  spool to temporary files: up to `SPOOL_BYTES` in memory, the rest on disk. They are
  closed when the request ends.
- Limits: `operations` and `map` each up to MAX_BODY_BYTES (413 beyond); the files of a
  request together up to MAX_UPLOAD_BYTES, counted as they stream. The file that crosses it,
  and any after it, keep nothing (`too_large`): the operation still runs and its resolver
  answers TOO_LARGE on the file's field. The rest of such a body is read and thrown away, so
  the client gets that answer, for up to as much again as the limit; a longer body (or a
  Content-Length announcing one) is cut off with 413.
- Refused with 400 (nothing runs): no boundary; a malformed body; `operations` missing, not
  JSON or not an object (no batching); `map` missing, not an object of path lists, or
  coming after a file; a path outside `variables` or not naming a null there; a file the map
  names that the body lacks; more than `MAX_PARTS` parts. Parts the map does not name are
  read and dropped.
- Each file's SHA-256 is computed as it streams in: an idempotency key's fingerprint
  (app/idempotency.py) covers the files' contents (`fingerprintable`).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from tempfile import SpooledTemporaryFile
from typing import Any

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from app.http_requests import JSON, HttpProblem, check_params, decode_json, too_large

MULTIPART = "multipart/form-data"
SPOOL_BYTES = 1024 * 1024
MAX_PARTS = 1000


class UploadedFile:
    """One file of a multipart request (resolvers/recordings/media.py `UploadedMedia`)."""

    def __init__(self, filename: str, content_type: str, limit: int) -> None:
        self.filename = filename
        self.content_type = content_type  # as the client says: never trusted for the type
        self.limit = limit
        self.size = 0  # bytes received, past the limit too
        self.too_large = False
        # Closed by `close` when the request ends (app/http.py).
        self.file: SpooledTemporaryFile[bytes] = SpooledTemporaryFile(  # noqa: SIM115
            max_size=SPOOL_BYTES
        )
        self._digest = hashlib.sha256()

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    async def write(self, data: bytes) -> None:
        self._digest.update(data)
        await asyncio.to_thread(self.file.write, data)

    async def drop(self) -> None:
        """Over the limit: nothing of this file is kept."""
        self.too_large = True
        await asyncio.to_thread(self.file.truncate, 0)

    def close(self) -> None:
        self.file.close()


@dataclass
class _Part:
    name: str = ""
    filename: str | None = None
    content_type: str = "application/octet-stream"
    data: bytearray = field(default_factory=bytearray)
    upload: UploadedFile | None = None


def is_multipart(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    if content_type == JSON:  # the common case, not worth parsing
        return False
    mime, _ = parse_options_header(content_type)
    return request.method == "POST" and mime.decode("latin-1").lower() == MULTIPART


class _Reader:
    """The state of one body being parsed (see the module's docstring)."""

    def __init__(self, max_body_bytes: int, max_upload_bytes: int) -> None:
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes
        self.fields: dict[str, bytes] = {}
        self.files: dict[str, UploadedFile] = {}
        self.map: dict[str, list[str]] | None = None
        self.file_bytes = 0
        self.parts = 0
        self.ended = False
        self.part = _Part()
        self.header: list[bytes] = [b"", b""]
        self.pending: list[tuple[UploadedFile, bytes]] = []

    def callbacks(self) -> dict[str, Callable[..., None]]:
        return {
            "on_part_begin": self.begin,
            "on_part_data": self.data,
            "on_part_end": self.end_part,
            "on_header_field": lambda d, s, e: self._header(0, d[s:e]),
            "on_header_value": lambda d, s, e: self._header(1, d[s:e]),
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_end": self.end,
        }

    def begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise _bad(f"A multipart request has at most {MAX_PARTS} parts.")
        self.part = _Part()

    def _header(self, index: int, piece: bytes) -> None:
        self.header[index] += piece

    def header_end(self) -> None:
        name, value = self.header[0].strip().lower(), self.header[1].strip()
        self.header = [b"", b""]
        if name == b"content-disposition":
            _, options = parse_options_header(value)
            self.part.name = options.get(b"name", b"").decode("utf-8", "replace")
            if b"filename" in options:
                self.part.filename = options[b"filename"].decode("utf-8", "replace")
        elif name == b"content-type":
            self.part.content_type = value.decode("latin-1")

    def headers_finished(self) -> None:
        part = self.part
        if part.name in ("operations", "map"):
            return
        if self.map is None:
            raise _bad("Send the `operations` and `map` fields before the files.")
        if part.name in self.map and part.name not in self.files:
            name = part.filename or part.name
            upload = UploadedFile(name, part.content_type, self.max_upload_bytes)
            self.files[part.name] = part.upload = upload

    def data(self, data: bytes, start: int, end: int) -> None:
        piece = data[start:end]
        part = self.part
        if part.upload is not None:
            self.pending.append((part.upload, piece))
        elif part.name in ("operations", "map"):
            if len(part.data) + len(piece) > self.max_body_bytes:
                raise too_large(self.max_body_bytes)
            part.data += piece

    def end_part(self) -> None:
        part = self.part
        if part.name in ("operations", "map") and part.upload is None:
            self.fields[part.name] = bytes(part.data)
            if part.name == "map":
                self.map = _file_map(self.fields["map"])

    def end(self) -> None:
        self.ended = True

    async def flush(self) -> None:
        """Write the file data the last chunk brought (off the event loop)."""
        for upload, piece in self.pending:
            if upload.too_large:
                upload.size += len(piece)
                continue
            upload.size += len(piece)
            self.file_bytes += len(piece)
            if self.file_bytes > self.max_upload_bytes:
                await upload.drop()
            else:
                await upload.write(piece)
        self.pending.clear()

    def close(self) -> None:
        for upload in self.files.values():
            upload.close()


def _bad(message: str) -> HttpProblem:
    return HttpProblem(400, message, "BAD_REQUEST")


def _file_map(raw: bytes) -> dict[str, list[str]]:
    value = decode_json(raw, "The `map` field")
    if not isinstance(value, dict) or not all(
        isinstance(paths, list) and all(isinstance(p, str) for p in paths)
        for paths in value.values()
    ):
        raise _bad("The `map` field must be an object of lists of paths.")
    return value


def _place(operations: dict[str, Any], path: str, upload: UploadedFile) -> None:
    """Put the file where `path` (`variables.a.0.b`) names a null in `operations`."""
    keys = path.split(".")
    if len(keys) < 2 or keys[0] != "variables":
        raise _bad(f"The path {path!r} must point into `variables`.")
    target: Any = operations
    for key in keys[:-1]:
        target = _step(target, key, path)
    last = keys[-1]
    if isinstance(target, list) and last.isdigit() and int(last) < len(target):
        index: Any = int(last)
    elif isinstance(target, dict) and last in target:
        index = last
    else:
        raise _bad(f"The path {path!r} names nothing in `operations`.")
    if target[index] is not None:
        raise _bad(f"The path {path!r} must name a null in `operations`.")
    target[index] = upload


def _step(value: Any, key: str, path: str) -> Any:
    if isinstance(value, dict) and key in value:
        return value[key]
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        return value[int(key)]
    raise _bad(f"The path {path!r} names nothing in `operations`.")


async def read_multipart(
    request: Request, max_body_bytes: int, max_upload_bytes: int
) -> tuple[dict[str, Any], list[UploadedFile]]:
    """The GraphQL parameters of a multipart request, files in place, and the files (the
    caller closes them)."""
    _, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if not boundary:
        raise _bad("A multipart request needs a boundary in its Content-Type.")
    ceiling = 2 * (max_upload_bytes + max_body_bytes)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > ceiling:
        raise too_large(ceiling)
    reader = _Reader(max_body_bytes, max_upload_bytes)
    received = 0
    try:
        parser = MultipartParser(boundary, reader.callbacks())  # type: ignore[arg-type]
        async for chunk in request.stream():
            received += len(chunk)
            if received > ceiling:
                raise too_large(ceiling)
            parser.write(chunk)
            await reader.flush()
        parser.finalize()
        if not reader.ended:
            raise _bad("The multipart body ends before its closing boundary.")
        params = _params(reader)
    except FormParserError as error:
        reader.close()
        raise _bad("The multipart body is malformed.") from error
    except BaseException:
        reader.close()
        raise
    return params, list(reader.files.values())


def _params(reader: _Reader) -> dict[str, Any]:
    if "operations" not in reader.fields:
        raise _bad("A multipart request needs an `operations` field.")
    if reader.map is None:
        raise _bad("A multipart request needs a `map` field.")
    operations = decode_json(reader.fields["operations"], "The `operations` field")
    if not isinstance(operations, dict):
        raise _bad("The `operations` field must be a JSON object (no batching).")
    for name, paths in reader.map.items():
        upload = reader.files.get(name)
        if upload is None:
            raise _bad(f"The file {name!r} the map names is missing.")
        for path in paths:
            _place(operations, path, upload)
    check_params(operations)
    return operations


def fingerprintable(value: Any) -> Any:
    """`value` with each file replaced by its digest and size (for idempotency keys)."""
    if isinstance(value, UploadedFile):
        return {"upload": value.sha256, "size": value.size}
    if isinstance(value, dict):
        return {key: fingerprintable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [fingerprintable(item) for item in value]
    return value
