"""Media storage: the filesystem backend (streamed atomic writes, reads in chunks, deletes,
keys that would leave the root refused) and the S3 backend against a stand-in S3-compatible
store (single and multipart uploads, aborted uploads, missing objects); the stream helpers
and the choice of backend from the settings. No database."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import pytest

from core.db import ROOT
from core.settings import Settings
from services.storage import (
    FilesystemStorage,
    InvalidKey,
    ObjectNotFound,
    S3Storage,
    Storage,
    StoredObject,
    StreamTooLarge,
    build_storage,
    limit_size,
    peek,
    read_chunks,
    storage_dir,
    validate_key,
)
from tests.recordings.s3_stand_in import BUCKET, S3StandIn


async def chunked(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def failing(parts: Iterable[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part
    raise ConnectionResetError("the client went away")


async def read_all(storage: Storage, key: str) -> bytes:
    return b"".join([chunk async for chunk in storage.open_stream(key)])


BAD_KEYS = [
    "",
    "../escape",
    "a/../../escape",
    "/etc/passwd",
    "a//b",
    "a/./b",
    ".hidden",
    "a/.tmp-123",
    "back\\slash",
    "spaces are not allowed",
    "ünïcode",
    "x" * 600,
]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_keys_outside_the_rules_are_refused(key: str) -> None:
    with pytest.raises(InvalidKey):
        validate_key(key)


def test_valid_keys() -> None:
    for key in ("recordings/2f1c/original.wav", "a", "A-1_b.c/d"):
        assert validate_key(key) == key


# --- filesystem ------------------------------------------------------------------------


async def test_filesystem_streams_in_and_out(tmp_path: Path) -> None:
    storage = FilesystemStorage(tmp_path / "media", chunk_size=1000)
    assert isinstance(storage, Storage)
    parts = [os.urandom(700) for _ in range(10)]
    stored = await storage.put_stream("recordings/r1/audio.wav", chunked(parts), "audio/wav")
    assert stored == StoredObject("recordings/r1/audio.wav", 7000)
    assert (tmp_path / "media/recordings/r1/audio.wav").read_bytes() == b"".join(parts)
    assert await storage.exists("recordings/r1/audio.wav")
    chunks = [c async for c in storage.open_stream("recordings/r1/audio.wav")]
    assert [len(c) for c in chunks] == [1000] * 7  # read in chunks, never whole
    assert b"".join(chunks) == b"".join(parts)

    replaced = await storage.put_stream("recordings/r1/audio.wav", chunked([b"new"]), "audio/wav")
    assert replaced.size == 3
    assert await read_all(storage, "recordings/r1/audio.wav") == b"new"

    await storage.delete("recordings/r1/audio.wav")
    assert not await storage.exists("recordings/r1/audio.wav")
    assert not (tmp_path / "media/recordings").exists()  # emptied directories go too
    await storage.delete("recordings/r1/audio.wav")  # idempotent
    with pytest.raises(ObjectNotFound):
        await read_all(storage, "recordings/r1/audio.wav")


async def test_filesystem_failed_write_leaves_the_old_object_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    storage = FilesystemStorage(tmp_path)
    await storage.put_stream("r/a.ogg", chunked([b"old"]), "audio/ogg")
    with pytest.raises(ConnectionResetError):
        await storage.put_stream("r/a.ogg", failing([b"half ", b"written"]), "audio/ogg")
    assert await read_all(storage, "r/a.ogg") == b"old"
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["a.ogg"]

    with pytest.raises(StreamTooLarge):
        await storage.put_stream("r/b.ogg", limit_size(chunked([b"x" * 60] * 3), 100), "audio/ogg")
    assert not await storage.exists("r/b.ogg")
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == ["a.ogg"]


async def test_filesystem_refuses_traversal_before_touching_the_disk(tmp_path: Path) -> None:
    root = tmp_path / "media"
    storage = FilesystemStorage(root)
    for key in ("../outside.wav", "a/../../outside.wav", "/tmp/outside.wav"):
        with pytest.raises(InvalidKey):
            await storage.put_stream(key, chunked([b"x"]), "audio/wav")
        with pytest.raises(InvalidKey):
            await read_all(storage, key)
        with pytest.raises(InvalidKey):
            await storage.delete(key)
        with pytest.raises(InvalidKey):
            await storage.exists(key)
    assert not (tmp_path / "outside.wav").exists()
    assert not root.exists()


async def test_filesystem_refuses_a_link_out_of_the_root(tmp_path: Path) -> None:
    root = tmp_path / "media"
    root.mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "key.txt").write_text("secret")
    (root / "link").symlink_to(tmp_path / "secret")
    storage = FilesystemStorage(root)
    with pytest.raises(InvalidKey):
        await read_all(storage, "link/key.txt")


# --- S3 against the stand-in -------------------------------------------------------------


def s3(state: S3StandIn, part_size: int = 64 * 1024) -> S3Storage:
    return S3Storage(
        endpoint_url=state.url,
        bucket=BUCKET,
        access_key="test-access",
        secret_key="test-secret",
        region="eu-west-1",
        part_size=part_size,
        chunk_size=10_000,
    )


async def test_s3_small_object_is_one_signed_put(s3_stand_in: S3StandIn) -> None:
    storage = s3(s3_stand_in)
    assert isinstance(storage, Storage)
    s3_stand_in.requests.clear()
    key = "recordings/r2/a.wav"
    stored = await storage.put_stream(key, chunked([b"RIFF", b"data"]), "audio/wav")
    assert stored == StoredObject("recordings/r2/a.wav", 8)
    assert s3_stand_in.objects["recordings/r2/a.wav"] == (b"RIFFdata", "audio/wav")
    [put] = s3_stand_in.requests
    assert put["method"] == "PUT"
    assert "Credential=test-access/" in put["authorization"]  # SigV4 with the configured key
    assert "/eu-west-1/s3/" in put["authorization"]
    assert await storage.exists("recordings/r2/a.wav")
    assert await read_all(storage, "recordings/r2/a.wav") == b"RIFFdata"
    await storage.delete("recordings/r2/a.wav")
    assert not await storage.exists("recordings/r2/a.wav")
    await storage.delete("recordings/r2/a.wav")  # idempotent


async def test_s3_large_object_is_a_multipart_upload_read_back_in_chunks(
    s3_stand_in: S3StandIn,
) -> None:
    storage = s3(s3_stand_in, part_size=64 * 1024)
    data = os.urandom(200 * 1024 + 123)
    parts = [data[i : i + 7000] for i in range(0, len(data), 7000)]
    s3_stand_in.requests.clear()
    stored = await storage.put_stream("recordings/r3/v.webm", chunked(parts), "video/webm")
    assert stored.size == len(data)
    assert s3_stand_in.objects["recordings/r3/v.webm"][0] == data
    calls = [(r["method"], sorted(r["query"])) for r in s3_stand_in.requests]
    assert calls[0] == ("POST", ["uploads"])
    assert calls[1:5] == [("PUT", ["partNumber", "uploadId"])] * 4  # 3 full parts + the rest
    assert calls[5] == ("POST", ["uploadId"])
    assert not s3_stand_in.uploads
    chunks = [c async for c in storage.open_stream("recordings/r3/v.webm")]
    assert max(len(c) for c in chunks) <= 10_000
    assert b"".join(chunks) == data


async def test_s3_failed_upload_is_aborted(s3_stand_in: S3StandIn) -> None:
    storage = s3(s3_stand_in, part_size=64 * 1024)
    s3_stand_in.requests.clear()
    with pytest.raises(ConnectionResetError):
        await storage.put_stream("recordings/r4/x.mp3", failing([b"y" * 100_000]), "audio/mpeg")
    assert "recordings/r4/x.mp3" not in s3_stand_in.objects
    assert not s3_stand_in.uploads
    assert s3_stand_in.requests[-1]["method"] == "DELETE"  # AbortMultipartUpload


async def test_s3_missing_object(s3_stand_in: S3StandIn) -> None:
    storage = s3(s3_stand_in)
    assert not await storage.exists("recordings/none.wav")
    with pytest.raises(ObjectNotFound):
        await read_all(storage, "recordings/none.wav")
    with pytest.raises(InvalidKey):
        await storage.put_stream("../x", chunked([b"x"]), "audio/wav")


# --- stream helpers and settings ---------------------------------------------------------


async def test_peek_returns_the_head_and_the_whole_stream() -> None:
    head, stream = await peek(chunked([b"ab", b"cd", b"ef", b"gh"]), 5)
    assert head == b"abcde"
    assert b"".join([c async for c in stream]) == b"abcdefgh"
    head, stream = await peek(chunked([b"ab"]), 5)
    assert head == b"ab"
    assert b"".join([c async for c in stream]) == b"ab"


async def test_limit_size_and_read_chunks() -> None:
    assert b"".join([c async for c in limit_size(chunked([b"x" * 50] * 2), 100)]) == b"x" * 100
    with pytest.raises(StreamTooLarge) as raised:
        _ = [c async for c in limit_size(chunked([b"x" * 50] * 3), 100)]
    assert raised.value.limit == 100

    data = iter([b"one", b"two", b""])

    async def read(size: int) -> bytes:
        assert size == 4
        return next(data)

    assert [c async for c in read_chunks(read, 4)] == [b"one", b"two"]


def test_build_storage_from_settings(tmp_path: Path) -> None:
    base = Settings()
    assert base.storage_backend == "filesystem"
    assert base.max_upload_bytes == 200 * 1024 * 1024
    assert storage_dir(base) == ROOT / ".data" / "media"
    assert storage_dir(dataclasses.replace(base, storage_dir="var/media")) == ROOT / "var/media"
    built = build_storage(dataclasses.replace(base, storage_dir=str(tmp_path)))
    assert isinstance(built, FilesystemStorage) and built.root == tmp_path.resolve()
    s3_settings = dataclasses.replace(
        base,
        storage_backend="s3",
        s3_endpoint_url="http://127.0.0.1:9",
        s3_bucket="media",
        s3_access_key="k",
        s3_secret_key="s",
    )
    built_s3 = build_storage(s3_settings)
    assert isinstance(built_s3, S3Storage) and built_s3.bucket == "media"
    with pytest.raises(ValueError, match="S3_BUCKET"):
        build_storage(dataclasses.replace(s3_settings, s3_bucket=""))
    with pytest.raises(ValueError, match="unknown storage backend"):
        build_storage(dataclasses.replace(base, storage_backend="ftp"))
