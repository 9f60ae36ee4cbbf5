"""GraphiQL that works offline: its assets are served by the app, the CDN is only a fallback.

`make run`/`make test` install the pinned npm packages (package.json, integrity-checked through
package-lock.json by `npm ci`) into node_modules/. Every asset is additionally checked against
the Subresource Integrity hash below before it is served, and the page carries the same hashes
in `integrity` attributes, so the browser runs exactly these files whichever source they come
from. When any local asset is missing or differs, the page loads all of them from unpkg.

The page opens with the frontend's example operations as tabs (one per operations file) and the
headers editor showing an editable `Authorization` header.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from core.settings import Settings
from schema.root import DOMAINS

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
TEMPLATE = Path(__file__).resolve().parent / "templates" / "graphiql.html"
STATIC_PREFIX = "/graphiql/static"
CDN = "https://unpkg.com"
# The frontend's operations: the shared contract when present, else the copies in the repo.
OPERATION_DIRS = (ROOT.parent / "shared" / "operations", ROOT / "tests" / "operations")
DEFAULT_HEADERS = '{\n  "Authorization": "Bearer "\n}'
WELCOME = """\
# lingograph GraphQL API
#
# The other tabs hold the frontend's operations, one tab per domain; with several operations
# in a tab, the run button asks which one to run. Variables go in the editor below.
#
# To act as a user: run the LogIn mutation (identity tab) with a demo account from the README,
# then put the returned token after "Bearer " in the Authorization header (Headers, below).

query Me {
  me {
    id
    displayName
  }
}
"""


@dataclass(frozen=True)
class Asset:
    package: str
    version: str
    file: str  # path inside the package
    media_type: str
    integrity: str  # sha384, as in a Subresource Integrity attribute

    @property
    def name(self) -> str:
        return f"{self.package}@{self.version}/{self.file}"

    @property
    def local_path(self) -> Path:
        return NODE_MODULES / self.package / self.file

    @property
    def cdn_url(self) -> str:
        return f"{CDN}/{self.name}"


# The versions Strawberry's own GraphiQL page uses, pinned in package.json.
ASSETS = (
    Asset(
        "react",
        "18.2.0",
        "umd/react.production.min.js",
        "text/javascript; charset=utf-8",
        "sha384-tMH8h3BGESGckSAVGZ82T9n90ztNXxvdwvdM6UoR56cYcf+0iGXBliJ29D+wZ/x8",
    ),
    Asset(
        "react-dom",
        "18.2.0",
        "umd/react-dom.production.min.js",
        "text/javascript; charset=utf-8",
        "sha384-bm7MnzvK++ykSwVJ2tynSE5TRdN+xL418osEVF2DE/L/gfWHj91J2Sphe582B1Bh",
    ),
    Asset(
        "graphiql",
        "3.8.3",
        "graphiql.min.css",
        "text/css; charset=utf-8",
        "sha384-Mq3vbRBY71jfjQAt/DcjxUIYY33ksal4cgdRt9U/hNPvHBCaT2JfJ/PTRiPKf0aM",
    ),
    Asset(
        "graphiql",
        "3.8.3",
        "graphiql.min.js",
        "text/javascript; charset=utf-8",
        "sha384-HbRVEFG0JGJZeAHCJ9Xm2+tpknBQ7QZmNlO/DgZtkZ0aJSypT96YYGRNod99l9Ie",
    ),
)
ASSETS_BY_NAME = {asset.name: asset for asset in ASSETS}


def _sri(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


@cache
def local_assets_available() -> bool:
    """True when node_modules holds every asset, byte for byte the pinned version."""
    return all(a.local_path.is_file() and _sri(a.local_path) == a.integrity for a in ASSETS)


def asset_url(asset: Asset) -> str:
    return f"{STATIC_PREFIX}/{asset.name}" if local_assets_available() else asset.cdn_url


def _asset_tag(asset: Asset) -> str:
    url = html.escape(asset_url(asset))
    integrity = html.escape(asset.integrity)
    cross = "" if local_assets_available() else " crossorigin"
    if asset.media_type.startswith("text/css"):
        return f'<link rel="stylesheet" href="{url}" integrity="{integrity}"{cross} />'
    return f'<script src="{url}" integrity="{integrity}"{cross}></script>'


def operation_files() -> list[Path]:
    """The served domains' operations files, in the registry's order (shared/ also holds files
    of domains not built yet: a domain lists its file when it is built)."""
    folder = next((d for d in OPERATION_DIRS if d.is_dir()), None)
    if folder is None:
        return []
    names = [name for domain in DOMAINS for name in domain.operations]
    return [folder / name for name in names if (folder / name).is_file()]


def default_tabs() -> list[dict[str, str]]:
    tabs = [{"query": WELCOME, "headers": DEFAULT_HEADERS}]
    for path in operation_files():
        text = f"# {path.name}: the frontend's {path.stem} operations\n\n{path.read_text()}"
        tabs.append({"query": text, "headers": DEFAULT_HEADERS})
    return tabs


def _json_for_script(value: object) -> str:
    # Inside <script>, "</script>" or "<!--" in an operation's text must not end the element.
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def render_graphiql() -> str:
    config = {"tabs": default_tabs(), "headers": DEFAULT_HEADERS}
    styles = "\n    ".join(_asset_tag(a) for a in ASSETS if a.media_type.startswith("text/css"))
    scripts = "\n    ".join(
        _asset_tag(a) for a in ASSETS if not a.media_type.startswith("text/css")
    )
    return (
        TEMPLATE.read_text()
        .replace("__STYLES__", styles)
        .replace("__SCRIPTS__", scripts)
        .replace("__CONFIG__", _json_for_script(config))
    )


async def static_asset(request: Request) -> Response:
    asset = ASSETS_BY_NAME.get(request.path_params["path"])
    if asset is None or not local_assets_available():
        return PlainTextResponse("Not Found", status_code=404)
    # The version is part of the URL, so browsers may keep a copy for good.
    return FileResponse(
        asset.local_path,
        media_type=asset.media_type,
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )


def graphiql_routes(settings: Settings) -> list[BaseRoute]:
    """Routes for the GraphiQL assets; none when GraphiQL is switched off."""
    if not settings.graphiql:
        return []
    return [Route(STATIC_PREFIX + "/{path:path}", static_asset, methods=["GET"])]
