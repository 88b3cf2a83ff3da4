from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0)

http_requests = Counter('http_requests_total', 'Total HTTP requests', ['method', 'endpoint', 'status'])
http_latency = Histogram('http_request_duration_seconds', 'HTTP request latency', ['method', 'endpoint'],
                         buckets=LATENCY_BUCKETS)
http_active = Gauge('http_requests_active', 'Active HTTP requests')
orders = Counter('orders_total', 'Total orders processed', ['status'])
cart_value = Histogram('cart_value_euros', 'Shopping cart value', buckets=(10, 25, 50, 100, 200, 500, 1000))
