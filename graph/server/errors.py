"""One shape for API errors: JSON {"error": {"status", "message"}} for agents, a short page for browsers."""

from __future__ import annotations

import html

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "json" not in accept.split(",")[0]


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if wants_html(request):
        page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{status} · ParlGraph</title></head>"
                f"<body><h1>{status}</h1><p>{html.escape(message)}</p><p><a href='/'>ParlGraph</a></p></body></html>")
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
