"""Prometheus instruments of the shop and the hooks that feed them."""
import time

from flask import g, request
from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter("http_requests_total", "Requests answered",
                   labelnames=("method", "endpoint", "status"))
DURATION = Histogram("http_request_duration_seconds", "Request duration",
                     labelnames=("method", "endpoint"),
                     buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1.0, 2.5, 5.0))
ACTIVE = Gauge("http_requests_active", "Requests in progress")
ORDERS = Counter("orders_total", "Orders placed", labelnames=("status",))
CART = Histogram("cart_value_euros", "Cart value in euros",
                 buckets=(10, 25, 50, 100, 200, 500, 1000))


def _route():
    # the route template keeps the label set small (no ids in paths)
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def install(app):
    @app.before_request
    def _start():
        if request.path == "/metrics":
            return
        g.t0 = time.monotonic()
        ACTIVE.inc()

    @app.after_request
    def _finish(response):
        if "t0" in g:
            DURATION.labels(request.method, _route()).observe(time.monotonic() - g.t0)
            REQUESTS.labels(request.method, _route(), str(response.status_code)).inc()
            ACTIVE.dec()
        return response
