"""Request size limits, checked before a request reaches routing or validation.

Every endpoint is a GET whose input is its URL, so the limits are about what a hostile or
broken client can make the server hold: a URL over ``MAX_URL_BYTES`` gets 414, headers over
``MAX_HEADER_BYTES`` 431, a declared body over ``MAX_BODY_BYTES`` 413 and a body of unknown
length (chunked) 411, all in the API's one JSON error shape and without reading the body.
A request head far larger still (around a megabyte with uvicorn's h11) is refused by the
HTTP server itself, with 400 or a closed connection, before the application sees it; the
server goes on serving. Page sizes are capped separately
(``params.MAX_PAGE_SIZE``, 422 above it), because a too-large page is a parameter error
the client can fix, not an oversized request.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from newsevents.api.errors import error_body

# Enough for every filter at its longest with all event types and statuses repeated
# (about 1.5 KB) several times over; far below what would cost the server anything.
MAX_URL_BYTES = 8 * 1024
# The API takes no request bodies; a small one (an empty JSON object some clients send
# with every request) is ignored, a large one is refused rather than silently drained.
MAX_BODY_BYTES = 16 * 1024
# Room for a browser's cookies for localhost (other local apps set them too).
MAX_HEADER_BYTES = 32 * 1024
# What any request may be refused with, whatever the endpoint (documented on every one).
LIMIT_STATUSES = (411, 413, 414, 431)


def _refusal(status: int, message: str) -> JSONResponse:
    return JSONResponse(error_body(status, message), status, headers={"Connection": "close"})


class RequestLimits:
    """ASGI middleware refusing oversized URLs, headers and bodies (414/431/413/411)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.check(scope)
        if refusal is None:
            await self.app(scope, receive, send)
        else:
            await refusal(scope, receive, send)

    @staticmethod
    def check(scope: Scope) -> JSONResponse | None:
        """The refusal for this request, or ``None`` when it is within the limits."""
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(
            scope.get("query_string", b""))
        if url_bytes > MAX_URL_BYTES:
            return _refusal(414, f"the URL is {url_bytes} bytes; at most {MAX_URL_BYTES} "
                                 "are accepted")
        raw_headers = scope.get("headers") or []
        header_bytes = sum(len(name) + len(value) + 4 for name, value in raw_headers)
        if header_bytes > MAX_HEADER_BYTES:
            return _refusal(431, f"the request headers are {header_bytes} bytes; at most "
                                 f"{MAX_HEADER_BYTES} are accepted")
        headers = dict(raw_headers)
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit():
                return _refusal(400, "Content-Length is not a number")
            if int(length) > MAX_BODY_BYTES:
                return _refusal(413, f"the request body is {int(length)} bytes; at most "
                                     f"{MAX_BODY_BYTES} are accepted (the API reads none)")
        elif b"chunked" in headers.get(b"transfer-encoding", b"").lower():
            return _refusal(411, "a request body of unknown length is not accepted; "
                                 "the API reads no request bodies")
        return None
