"""One JSON error shape for every failure the API reports.

``{"error": {"status": 422, "code": "invalid_parameter", "message": "...",
"details": [{"parameter": "actor_country", "message": "...", "value": "..."}]}}``

Clients (and the dashboard) handle one shape whether a parameter was wrong, a record is
missing or the store failed; a message always says what is wrong and, where it helps,
what would be right.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents.errors import NewsEventsError, StoreError

log = logging.getLogger("newsevents.api")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
          411: "length_required", 413: "request_too_large", 414: "uri_too_long",
          431: "headers_too_large",
          422: "invalid_parameter", 500: "internal_error", 503: "store_unavailable"}

# What a valid value looks like, added to pydantic's message for the parameters whose
# rule is a pattern (a bare regex is a poor explanation).
PARAMETER_HINTS = {
    "actor_country": "an ISO 3166 alpha-3 or PLOVER non-state code such as RUS or IGO",
    "recipient_country": "an ISO 3166 alpha-3 or PLOVER non-state code such as KAZ or IGO",
    "actor_sector": "a PLOVER sector code such as GOV, MIL or BUS",
    "recipient_sector": "a PLOVER sector code such as GOV, MIL or BUS",
    "country": "an ISO 3166 alpha-3 or PLOVER non-state code such as RUS or IGO",
    "sector": "a PLOVER sector code such as GOV, MIL or BUS",
    "story_id": "a story id such as sty_0123456789abcdef",
    "event_id": "an event id such as evt_0123456789abcdef",
    "date_from": "a date as YYYY-MM-DD",
    "date_to": "a date as YYYY-MM-DD",
}


class ApiError(NewsEventsError):
    """A failure with an HTTP status, raised by route code and rendered by the handler."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.parameter = parameter


def error_body(status: int, message: str,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": _CODES.get(status, "error"),
                      "message": message, "details": details or []}}


def _validation_detail(error: dict[str, Any]) -> dict[str, Any]:
    # loc is ("query", "event_type", 0) for the first item of a repeated parameter
    location = [str(part) for part in error.get("loc", ())]
    parameter = location[1] if len(location) > 1 else "request"
    message = error.get("msg", "invalid value")
    hint = PARAMETER_HINTS.get(parameter)
    if hint and error.get("type") in ("string_pattern_mismatch", "date_from_datetime_parsing",
                                      "date_parsing", "date_from_datetime_inexact",
                                      "value_error"):
        message = f"expected {hint}"
    detail: dict[str, Any] = {"parameter": parameter, "in": location[0] if location else None,
                              "message": message}
    if "input" in error and isinstance(error["input"], str | int | float):
        detail["value"] = error["input"]
    return detail


async def _on_validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [_validation_detail(e) for e in exc.errors()]
    message = "; ".join(f"{d['parameter']}: {d['message']}"
                        + (f" (got {d['value']!r})" if "value" in d else "") for d in details)
    return JSONResponse(error_body(422, message or "invalid request", details), 422)


async def _on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    details = [{"parameter": exc.parameter, "message": exc.message}] if exc.parameter else []
    return JSONResponse(error_body(exc.status, str(exc), details), exc.status)


async def _on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = "no such resource; see /docs for the endpoints"
    return JSONResponse(error_body(exc.status_code, message), exc.status_code,
                        headers=getattr(exc, "headers", None))


async def _on_store_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("store error on %s: %s", request.url.path, exc)
    return JSONResponse(error_body(503, "the store could not answer this request; "
                                        "see the server log"), 503)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return JSONResponse(error_body(500, "unexpected server error; see the server log"), 500)


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure through :func:`error_body`."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(StoreError, _on_store_error)
    app.add_exception_handler(Exception, _on_unexpected)
