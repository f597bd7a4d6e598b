"""Embedded training sandbox: a local server that behaves like the part of Stripe we use.

The official ``stripe`` SDK talks to it over real HTTP exactly as it talks to Stripe::

    from pos_refunds.sandbox import Sandbox
    with Sandbox() as sandbox:
        client = stripe.StripeClient(sandbox.api_key, base_addresses={"api": sandbox.url})
        client.v1.payment_intents.list({"expand": ["data.latest_charge"]})

Command line: ``python -m pos_refunds.sandbox --port 12111`` (see ``--help``).

Stripe paths (``/v1/...``) need a test key (``sk_test_...`` or ``rk_test_...``; a
restricted key containing ``readonly`` may only read) and honour ``Stripe-Account``
(the seeded connected account) and ``Idempotency-Key``. The module docstrings of
``readers``, ``refunds``, ``payment_intents``, ``idempotency`` and ``faults`` say which
rules and error codes apply.

Control surface (JSON in and out, no auth, never under ``/v1``):

=========================================  ============================================
``GET  /_sandbox``                         accounts, readers, clock, armed faults
``POST /_sandbox/faults``                  ``{"kind", "method", "path", "count",
                                           "latency_ms", "status"}``: arm a fault; ``kind`` is
                                           ``latency``, ``error_before``, ``error_after``,
                                           ``drop_after``, ``rate_limit`` or ``malformed``;
                                           ``path`` is a regex searched in the path
``GET  /_sandbox/faults``                  the armed faults
``DELETE /_sandbox/faults``                clear them (also ``POST /_sandbox/faults/clear``)
``POST /_sandbox/readers/{id}/status``     ``{"status": "online"|"offline"}``
``POST /_sandbox/readers/{id}/customer_cancel``  the customer presses cancel
``POST /_sandbox/sales``                   another till sells: ``{"amount", "currency",
                                           "network", "capture": "automatic"|"manual",
                                           "description", "reader", "account",
                                           "metadata"}`` -> the PaymentIntent
``POST /_sandbox/refunds``                 another till refunds: ``{"payment_intent",
                                           "amount", "account", "metadata"}`` -> the Refund
``POST /_sandbox/captures``                another till captures: ``{"payment_intent",
                                           "amount", "account"}`` -> the PaymentIntent
``POST /_sandbox/cancels``                 another till cancels: ``{"payment_intent",
                                           "reason", "account"}`` -> the PaymentIntent
``POST /_sandbox/clock/advance``           ``{"seconds": N}``: move the sandbox clock
``POST /_sandbox/keys/revoke``             ``{"key": "sk_test_..."}``: the key now gets 401
``POST /_sandbox/reset``                   ``{"seed", "payments"}``: back to seeded state
=========================================  ============================================

The same levers are Python methods of :class:`Sandbox` (``set_reader_status``,
``customer_cancel``, ``inject_fault``, ``clear_faults``, ``new_sale``,
``other_till_refund``, ``other_till_capture``, ``other_till_cancel``,
``advance_clock``, ``revoke_key``, ``reset``).
"""

from .embedded import TRAINING_KEY, Sandbox

__all__ = ["TRAINING_KEY", "Sandbox"]
