"""Prometheus metrics of the order service (scraped on /metrics)."""
import time

from prometheus_client import Counter, Gauge, Histogram
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

REQUESTS = Counter(
    "http_requests_total", "HTTP requests served", ["method", "endpoint", "status_code"]
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency",
    ["method", "endpoint"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0),
)
IN_PROGRESS = Gauge("http_requests_active", "HTTP requests in progress")
ORDERS = Counter("orders_total", "Orders, by outcome", ["status"])
CART_VALUE = Histogram(
    "cart_value_euros", "Cart value in EUR", buckets=(10, 25, 50, 100, 200, 500, 1000)
)


def route_of(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "path", request.url.path)


class PrometheusMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        if request.url.path.startswith("/metrics"):
            return await call_next(request)
        IN_PROGRESS.inc()
        start = time.perf_counter()
        status_code = 500
        try:
            response = await call_next(request)
            status_code = response.status_code
            return response
        finally:
            endpoint = route_of(request)
            LATENCY.labels(request.method, endpoint).observe(time.perf_counter() - start)
            REQUESTS.labels(request.method, endpoint, str(status_code)).inc()
            IN_PROGRESS.dec()
