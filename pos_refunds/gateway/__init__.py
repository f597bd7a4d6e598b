"""Everything that speaks to Stripe, through the official SDK (async, over httpx).

The SDK picks its synchronous HTTP client when it is imported, and imports `requests` to see
whether it can (~50 ms and some megabytes at every start). That client is never used here:
the SDK is imported with `requests` hidden, so it settles for the standard library's, and
`requests` stays importable for anything else.
"""

import sys

if "stripe" not in sys.modules and "requests" not in sys.modules:
    sys.modules["requests"] = None  # type: ignore[assignment] # `import requests` fails
    try:
        import stripe  # noqa: F401
    finally:
        del sys.modules["requests"]
