"""The streaming endpoints in the OpenAPI schema.

They are async Django views (DRF has none), so drf-spectacular cannot see them;
this post-processing hook (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``)
describes them, their request bodies and their event stream.
"""

from __future__ import annotations

EVENTS = """Server-Sent Events (`text/event-stream`), in order:

| event | data |
| --- | --- |
| `readiness` | `{score, band, components, weights, missing, treatment, defaulted}` (adapt/stream only) |
| `adaptation` | the proposal as `POST /days/{date}/adapt/` returns it, plus `thread_id` (adapt/stream only) |
| `token` | `{content}`: the next piece of the coach's answer (zero or more) |
| `done` | `{thread_id, turn_id, content, model, latency_ms, flags}`: the whole answer; `flags` are `[{text, number}]`, numbers in it that are not the engine's prescription |
| `fallback` | `{thread_id, turn_id, reason, detail, content}` instead of `done`: the model failed or none is configured; `reason` is `not_configured`, `connection_refused`, `timeout`, `http_error`, `malformed_stream`, `connection_lost` or `empty_answer`; `content` is Alloy's deterministic explanation and replaces any tokens shown |

Bad input is a JSON 400 with field errors before any event; another athlete's
thread is a 404."""


def _stream_operation(operation_id: str, summary: str, body: dict) -> dict:
    return {
        "post": {
            "operationId": operation_id,
            "summary": summary,
            "description": EVENTS,
            "tags": ["days"],
            "security": [{"jwtAuth": []}, {"cookieAuth": []}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": body}},
            },
            "responses": {
                "200": {
                    "description": "The event stream.",
                    "content": {"text/event-stream": {"schema": {"type": "string"}}},
                },
                "400": {"description": "Field errors; nothing written."},
                "404": {"description": "No active program, or no such thread."},
            },
        }
    }


DAY = {
    "name": "day",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "A date (YYYY-MM-DD) or `today`.",
}


def add_stream_paths(result, generator, request, public):
    """Add ``/days/{day}/adapt/stream`` and ``/days/{day}/threads/{id}/messages``."""
    paths = result.setdefault("paths", {})
    adapt = _stream_operation(
        "days_adapt_stream",
        "Check in, adapt the day's session and stream the coach's explanation",
        {"$ref": "#/components/schemas/DayAdaptInputRequest"},
    )
    adapt["post"]["parameters"] = [DAY]
    paths["/api/v1/days/{day}/adapt/stream"] = adapt
    message = _stream_operation(
        "days_threads_messages",
        "Ask the coach a question in a thread and stream the answer",
        {"$ref": "#/components/schemas/ThreadMessageInputRequest"},
    )
    message["post"]["parameters"] = [
        DAY,
        {
            "name": "thread_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer"},
        },
    ]
    paths["/api/v1/days/{day}/threads/{thread_id}/messages"] = message
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault(
        "ThreadMessageInputRequest",
        {
            "type": "object",
            "required": ["content"],
            "properties": {
                "content": {"type": "string", "minLength": 1, "maxLength": 1000}
            },
        },
    )
    return result
