"""The lab's instruments. Buckets: the lab's, plus 0.3 s so that the latency SLI (300 ms) is exact."""
from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0)

REQUESTS = Counter("http_requests_total", "Total HTTP requests", ["method", "endpoint", "status"])
LATENCY = Histogram("http_request_duration_seconds", "HTTP request latency", ["method", "endpoint"],
                    buckets=LATENCY_BUCKETS)
ACTIVE = Gauge("http_requests_active", "Active HTTP requests")
ORDERS = Counter("orders_total", "Total orders processed", ["status"])
CART_VALUE = Histogram("cart_value_euros", "Shopping cart value", buckets=(10, 25, 50, 100, 200, 500, 1000))
