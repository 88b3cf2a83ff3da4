"""TechShop API with the lab's Prometheus instrumentation.

Every route is wrapped by `observed`, which records the request in the lab's metrics under the route's
template (so /api/products is one series, whatever the query string).
"""
import functools
import os
import random
import time

import psycopg2
import redis
from flask import Flask, Response, jsonify
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

app = Flask(__name__)

http_requests = Counter("http_requests_total", "Total HTTP requests", ["method", "endpoint", "status"])
http_latency = Histogram(
    "http_request_duration_seconds", "HTTP request latency", ["method", "endpoint"],
    buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0],
)
http_active = Gauge("http_requests_active", "Active HTTP requests")
orders = Counter("orders_total", "Total orders processed", ["status"])
cart_value = Histogram("cart_value_euros", "Shopping cart value", buckets=[10, 25, 50, 100, 200, 500, 1000])

cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def observed(endpoint, method="GET"):
    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            http_active.inc()
            started = time.monotonic()
            status = 500
            try:
                result = view(*args, **kwargs)
                status = result[1] if isinstance(result, tuple) else 200
                return result
            finally:
                http_latency.labels(method, endpoint).observe(time.monotonic() - started)
                http_requests.labels(method, endpoint, str(status)).inc()
                http_active.dec()
        return inner
    return wrap


@app.route("/health")
@observed("/health")
def health():
    return jsonify(status="healthy")


@app.route("/api/products")
@observed("/api/products")
def products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        cache.incr("techshop:product_views")
    except redis.RedisError:
        pass
    return jsonify(products=[
        {"id": 1, "name": "Laptop", "price": 999},
        {"id": 2, "name": "Phone", "price": 699},
        {"id": 3, "name": "Tablet", "price": 499},
    ])


@app.route("/api/cart", methods=["POST"])
@observed("/api/cart", "POST")
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    cart_value.observe(value)
    return jsonify(status="added", cart_value=round(value, 2))


@app.route("/api/order", methods=["POST"])
@observed("/api/order", "POST")
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        orders.labels("failed").inc()
        return jsonify(error="Payment failed"), 500
    orders.labels("success").inc()
    try:
        psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2).close()
    except (KeyError, psycopg2.Error):
        app.logger.warning("database unreachable while confirming the order")
    return jsonify(order_id=random.randint(1000, 9999))


@app.route("/api/slow")
@observed("/api/slow")
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")


@app.route("/metrics")
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, threaded=True)
