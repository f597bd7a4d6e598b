"""Stripe-shaped API errors.

Handlers raise :class:`ApiError`; the server turns it into Stripe's ``{"error": {...}}``
body with the matching HTTP status, so the SDK maps it to the same exception class it
would raise against real Stripe (400/404 InvalidRequestError or IdempotencyError, 401
AuthenticationError, 402 CardError, 403 PermissionError, 429 RateLimitError, else APIError).

``saved`` says whether an idempotent POST that failed this way keeps its result under the
key. Stripe saves results once an endpoint starts executing, but not when the parameters
failed validation; validation helpers therefore raise with ``saved=False``.
"""

from __future__ import annotations

from typing import Any

DOC_BASE = "https://stripe.com/docs/error-codes/"


class ApiError(Exception):
    """An error Stripe would answer with; carries everything needed for the body."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        saved: bool = True,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.saved = saved
        self.extra = extra

    def to_dict(self, request_id: str | None = None) -> dict[str, Any]:
        """The inner ``error`` object, as Stripe renders it."""
        body: dict[str, Any] = {"message": self.message, "type": self.type}
        if self.code:
            body["code"] = self.code
            body["doc_url"] = DOC_BASE + self.code.replace("_", "-")
        if self.param:
            body["param"] = self.param
        if request_id:
            body["request_log_url"] = f"https://dashboard.stripe.com/test/logs/{request_id}?t=0"
        body.update({k: v for k, v in self.extra.items() if v is not None})
        return body

    def body(self, request_id: str | None = None) -> dict[str, Any]:
        return {"error": self.to_dict(request_id)}


def invalid(message: str, *, param: str | None = None, code: str | None = None) -> ApiError:
    """A parameter validation failure (HTTP 400, never saved for idempotency)."""
    return ApiError(400, message, code=code, param=param, saved=False)


def unknown_param(name: str) -> ApiError:
    return invalid(f"Received unknown parameter: {name}", param=name, code="parameter_unknown")


def missing_param(name: str, message: str | None = None) -> ApiError:
    return invalid(
        message or f"Missing required param: {name}.", param=name, code="parameter_missing"
    )


def no_such(kind: str, object_id: str, param: str) -> ApiError:
    """404 ``resource_missing`` with Stripe's "No such payment_intent: 'pi_x'" wording."""
    return ApiError(404, f"No such {kind}: '{object_id}'", code="resource_missing", param=param)


def state_error(message: str, *, code: str, param: str | None = None, **extra: Any) -> ApiError:
    """A business-rule refusal after the endpoint began executing (saved for idempotency)."""
    return ApiError(400, message, code=code, param=param, **extra)


def api_error(message: str = "An unknown error occurred") -> ApiError:
    return ApiError(500, message, type="api_error")


def mask_key(key: str) -> str:
    """Redact a key the way Stripe prints it in errors: ``sk_live_****abcd``."""
    parts = key.split("_", 2)
    if len(parts) == 3:
        prefix, rest = f"{parts[0]}_{parts[1]}_", parts[2]
    else:
        prefix, rest = "", key
    return f"{prefix}****{rest[-4:] if len(rest) > 4 else ''}"
