"""Lab metrics, recorded around every request by Flask's request hooks."""
from time import perf_counter

from flask import Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

REQUESTS_TOTAL = Counter("http_requests_total", "HTTP requests", ("method", "endpoint", "status"))
REQUEST_SECONDS = Histogram(
    "http_request_duration_seconds", "HTTP request duration", ("method", "endpoint"),
    buckets=(0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0))
ACTIVE = Gauge("http_requests_active", "HTTP requests in progress")
ORDERS_TOTAL = Counter("orders_total", "Orders", ("status",))
CART_EUROS = Histogram("cart_value_euros", "Cart value (EUR)", buckets=(10, 25, 50, 100, 200, 500, 1000))


def init_app(app):
    @app.before_request
    def begin():
        g.began = perf_counter()
        ACTIVE.inc()

    @app.after_request
    def end(response):
        endpoint = request.url_rule.rule if request.url_rule else request.path
        REQUESTS_TOTAL.labels(request.method, endpoint, response.status_code).inc()
        REQUEST_SECONDS.labels(request.method, endpoint).observe(perf_counter() - g.began)
        ACTIVE.dec()
        return response

    @app.get("/metrics")
    def metrics():
        return Response(generate_latest(), content_type=CONTENT_TYPE_LATEST)
