"""Prometheus instruments of the shop and the hooks that feed them."""
import time

from flask import g, request
from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter('http_requests_total', 'HTTP requests served',
                   ['method', 'endpoint', 'status'])
DURATION = Histogram('http_request_duration_seconds', 'Time to serve a request',
                     ['method', 'endpoint'],
                     buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
IN_FLIGHT = Gauge('http_requests_active', 'Requests in flight')
ORDERS = Counter('orders_total', 'Orders by outcome', ['status'])
CART = Histogram('cart_value_euros', 'Cart value in euros',
                 buckets=(10, 25, 50, 100, 200, 500, 1000))


def _route():
    # the URL rule keeps the label set small (unknown paths share one value)
    return request.url_rule.rule if request.url_rule else 'unmatched'


def instrument(app):
    @app.before_request
    def _start():
        g.t0 = time.perf_counter()
        IN_FLIGHT.inc()

    @app.after_request
    def _stop(response):
        elapsed = time.perf_counter() - g.pop('t0', time.perf_counter())
        REQUESTS.labels(request.method, _route(), str(response.status_code)).inc()
        DURATION.labels(request.method, _route()).observe(elapsed)
        IN_FLIGHT.dec()
        return response
