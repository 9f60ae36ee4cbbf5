"""A stand-in S3-compatible store for the S3 storage backend's tests: path-style object
routes (PUT, GET, HEAD, DELETE) and multipart uploads (create, upload part, complete, abort)
with S3's REST shapes, objects kept in memory; it records the requests it received."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BUCKET = "recordings"
NS = "http://s3.amazonaws.com/doc/2006-03-01/"


@dataclass
class S3StandIn:
    objects: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # key → body, type
    uploads: dict[str, dict[int, bytes]] = field(default_factory=dict)  # id → parts
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


def _xml(tag: str, **values: str) -> Response:
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in values.items())
    body = f'<?xml version="1.0" encoding="UTF-8"?><{tag} xmlns="{NS}">{inner}</{tag}>'
    return Response(body, media_type="application/xml")


def _error(status: int, code: str) -> Response:
    body = f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code></Error>'
    return Response(body, status_code=status, media_type="application/xml")


def _etag(data: bytes) -> str:
    return f'"{hashlib.md5(data).hexdigest()}"'


def s3_app(state: S3StandIn) -> Starlette:
    async def objects(request: Request) -> Response:
        bucket, key = request.path_params["bucket"], request.path_params["key"]
        query = request.query_params
        state.requests.append(
            {
                "method": request.method,
                "key": key,
                "query": dict(query),
                "authorization": request.headers.get("authorization", ""),
            }
        )
        if bucket != BUCKET:
            return _error(404, "NoSuchBucket")
        method = request.method
        if method == "POST" and "uploads" in query:
            upload_id = uuid.uuid4().hex
            state.uploads[upload_id] = {}
            return _xml("InitiateMultipartUploadResult", Bucket=bucket, Key=key, UploadId=upload_id)
        if "uploadId" in query:
            parts = state.uploads.get(query["uploadId"])
            if parts is None:
                return _error(404, "NoSuchUpload")
            if method == "PUT":
                data = await request.body()
                parts[int(query["partNumber"])] = data
                return Response(headers={"ETag": _etag(data)})
            if method == "DELETE":
                del state.uploads[query["uploadId"]]
                return Response(status_code=204)
            listed = ElementTree.fromstring(await request.body())
            numbers = [int(e.text or 0) for e in listed.iter(f"{{{NS}}}PartNumber")] or [
                int(e.text or 0) for e in listed.iter("PartNumber")
            ]
            data = b"".join(parts[n] for n in numbers)
            state.objects[key] = (data, "application/octet-stream")
            del state.uploads[query["uploadId"]]
            return _xml("CompleteMultipartUploadResult", Bucket=bucket, Key=key, ETag=_etag(data))
        if method == "PUT":
            data = await request.body()
            state.objects[key] = (data, request.headers.get("content-type", ""))
            return Response(headers={"ETag": _etag(data)})
        if method == "DELETE":
            state.objects.pop(key, None)
            return Response(status_code=204)
        stored = state.objects.get(key)
        if stored is None:
            return Response(status_code=404) if method == "HEAD" else _error(404, "NoSuchKey")
        data, content_type = stored
        headers = {"ETag": _etag(data), "Content-Length": str(len(data))}
        if method == "HEAD":
            return Response(headers=headers, media_type=content_type)
        return Response(data, headers=headers, media_type=content_type)

    methods = ["GET", "PUT", "POST", "DELETE", "HEAD"]
    return Starlette(routes=[Route("/{bucket}/{key:path}", objects, methods=methods)])
