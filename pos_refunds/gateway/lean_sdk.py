"""The Stripe SDK for the app's own process, imported first by its entry script
(`python -m pos_refunds` and the installed app run the same one).

The SDK picks its synchronous HTTP client when it is imported, and imports `requests` to see
whether it can (~50 ms and some megabytes at every start). The app never uses that client (it
talks through `stripe.HTTPXClient`, async): importing this module first imports the SDK with
`requests` hidden, so it settles for the standard library's, and `requests` stays importable
for anything else. Other processes (the tests, the benchmarks' bare-SDK runs) import the SDK
as it is.
"""

import sys

if "stripe" not in sys.modules and "requests" not in sys.modules:
    sys.modules["requests"] = None  # type: ignore[assignment] # `import requests` fails
    try:
        import stripe  # noqa: F401
    finally:
        del sys.modules["requests"]
