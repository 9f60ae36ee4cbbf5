"""Media files in any S3-compatible object store (AWS S3, MinIO, Ceph, R2, ...), with boto3.

- boto3 is synchronous: every call runs in a worker thread (its clients are thread-safe).
- Uploads stream: an object that fits in one part (`part_size`, 8 MiB) is one PutObject;
  a larger one is a multipart upload of `part_size` parts (S3's minimum part is 5 MiB), so at
  most one part is held in memory per upload. A failed or interrupted upload is aborted, so
  no parts are left behind, and the object appears only when the upload completes.
- Downloads stream the GetObject body in chunks; a missing object is ObjectNotFound.
- With an endpoint URL (an S3-compatible store) objects are addressed by path
  (endpoint/bucket/key), which every such store understands; without one, AWS itself.
- Checksums are sent and verified only where an operation requires them: the flexible
  checksums newer botocore adds by default are not implemented by every S3-compatible store.
- An empty access key leaves credentials to boto3's usual chain (environment, instance role).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import boto3  # type: ignore[import-untyped]  # ships no type information
from botocore.config import Config  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from services.storage.base import (
    CHUNK_SIZE,
    ObjectNotFound,
    StorageError,
    StoredObject,
    validate_key,
)

PART_SIZE = 8 * 1024 * 1024
_MISSING = {"NoSuchKey", "NotFound", "404"}


class S3Storage:
    name = "s3"

    def __init__(
        self,
        endpoint_url: str,
        bucket: str,
        access_key: str = "",
        secret_key: str = "",
        region: str = "us-east-1",
        *,
        part_size: int = PART_SIZE,
        chunk_size: int = CHUNK_SIZE,
        timeout_seconds: float = 60.0,
    ) -> None:
        if not bucket:
            raise ValueError("an S3 bucket is required (S3_BUCKET)")
        self.bucket = bucket
        self.part_size = part_size
        self.chunk_size = chunk_size
        config = Config(
            region_name=region or "us-east-1",
            signature_version="s3v4",
            s3={"addressing_style": "path" if endpoint_url else "auto"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            retries={"mode": "standard", "max_attempts": 3},
            connect_timeout=timeout_seconds,
            read_timeout=timeout_seconds,
        )
        self._client: Any = boto3.session.Session().client(
            "s3",
            endpoint_url=endpoint_url or None,
            aws_access_key_id=access_key or None,
            aws_secret_access_key=secret_key or None,
            config=config,
        )

    async def _call(self, operation: str, key: str, **params: Any) -> dict[str, Any]:
        method = getattr(self._client, operation)
        try:
            result: dict[str, Any] = await asyncio.to_thread(
                method, Bucket=self.bucket, Key=key, **params
            )
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                raise ObjectNotFound(key) from error
            raise StorageError(f"S3 {operation} of {key!r} failed: {code or error}") from error
        except BotoCoreError as error:
            raise StorageError(f"S3 {operation} of {key!r} failed: {error}") from error
        return result

    async def put_stream(
        self, key: str, chunks: AsyncIterator[bytes], content_type: str
    ) -> StoredObject:
        validate_key(key)
        buffer = bytearray()
        size = 0
        upload_id: str | None = None
        parts: list[dict[str, Any]] = []

        async def send_part(data: bytes) -> None:
            number = len(parts) + 1
            answer = await self._call(
                "upload_part", key, UploadId=upload_id, PartNumber=number, Body=data
            )
            parts.append({"PartNumber": number, "ETag": answer["ETag"]})

        try:
            async for chunk in chunks:
                buffer += chunk
                size += len(chunk)
                while len(buffer) >= self.part_size:
                    if upload_id is None:
                        started = await self._call(
                            "create_multipart_upload", key, ContentType=content_type
                        )
                        upload_id = started["UploadId"]
                    part = bytes(buffer[: self.part_size])
                    del buffer[: self.part_size]
                    await send_part(part)
            if upload_id is None:
                await self._call("put_object", key, Body=bytes(buffer), ContentType=content_type)
            else:
                if buffer:
                    await send_part(bytes(buffer))
                await self._call(
                    "complete_multipart_upload",
                    key,
                    UploadId=upload_id,
                    MultipartUpload={"Parts": parts},
                )
        except BaseException:
            if upload_id is not None:
                await asyncio.shield(self._abort(key, upload_id))
            raise
        return StoredObject(key=key, size=size)

    async def _abort(self, key: str, upload_id: str) -> None:
        # A failed abort leaves parts to the bucket's lifecycle rules for abandoned uploads.
        with contextlib.suppress(StorageError):
            await self._call("abort_multipart_upload", key, UploadId=upload_id)

    async def open_stream(self, key: str) -> AsyncIterator[bytes]:
        answer = await self._call("get_object", validate_key(key))
        body = answer["Body"]
        try:
            while True:
                try:
                    chunk = await asyncio.to_thread(body.read, self.chunk_size)
                except (BotoCoreError, OSError) as error:
                    raise StorageError(f"S3 read of {key!r} failed: {error}") from error
                if not chunk:
                    return
                yield chunk
        finally:
            body.close()

    async def delete(self, key: str) -> None:
        with contextlib.suppress(ObjectNotFound):  # S3 itself answers 204 for a missing key
            await self._call("delete_object", validate_key(key))

    async def exists(self, key: str) -> bool:
        try:
            await self._call("head_object", validate_key(key))
        except ObjectNotFound:
            return False
        return True
