"""TechShop backend: the shop API plus its Prometheus metrics."""
import os
import random
import time
from functools import wraps

import psycopg2
import redis
from flask import Flask, Response, jsonify, request
from prometheus_client import (CONTENT_TYPE_LATEST, Counter, Gauge, Histogram,
                               generate_latest)

app = Flask(__name__)

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests handled",
                        ["method", "endpoint", "status"])
HTTP_LATENCY = Histogram("http_request_duration_seconds", "Time spent answering a request",
                         ["method", "endpoint"],
                         buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
IN_FLIGHT = Gauge("http_requests_active", "Requests being answered right now")
ORDERS = Counter("orders_total", "Orders by outcome", ["status"])
CART_VALUE = Histogram("cart_value_euros", "Value of the carts (EUR)",
                       buckets=[10, 25, 50, 100, 200, 500, 1000])

CATALOG = [
    {"id": 1, "name": "Laptop", "price": 999},
    {"id": 2, "name": "Phone", "price": 699},
    {"id": 3, "name": "Tablet", "price": 499},
]

cache = redis.Redis.from_url(os.getenv("CACHE_URL", "redis://localhost:6379/0"),
                             socket_timeout=1, socket_connect_timeout=1)


def db_connection():
    return psycopg2.connect(os.getenv("DB_DSN", "postgresql://shop:shop@localhost/shopdb"),
                            connect_timeout=2)


def instrumented(view):
    """Counts and times every call of a view, errors included."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        endpoint = request.url_rule.rule if request.url_rule else request.path
        IN_FLIGHT.inc()
        started = time.perf_counter()
        status = 500
        try:
            result = view(*args, **kwargs)
            response = app.make_response(result)
            status = response.status_code
            return response
        finally:
            HTTP_REQUESTS.labels(request.method, endpoint, str(status)).inc()
            HTTP_LATENCY.labels(request.method, endpoint).observe(time.perf_counter() - started)
            IN_FLIGHT.dec()
    return wrapper


def remember(key):
    try:
        cache.incr(key)
    except redis.RedisError:
        pass  # the cache is an optimisation, the shop works without it


@app.get("/health")
@instrumented
def health():
    return jsonify(status="healthy")


@app.get("/api/products")
@instrumented
def products():
    time.sleep(random.uniform(0.01, 0.1))
    remember("views:products")
    return jsonify(products=CATALOG)


@app.post("/api/cart")
@instrumented
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = round(random.uniform(10, 500), 2)
    CART_VALUE.observe(value)
    remember("carts")
    return jsonify(status="added", cart_value=value)


@app.post("/api/order")
@instrumented
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        ORDERS.labels("failed").inc()
        return jsonify(error="Payment failed"), 500
    ORDERS.labels("success").inc()
    order_id = random.randint(1000, 9999)
    save_order(order_id)
    return jsonify(order_id=order_id)


def save_order(order_id):
    try:
        conn = db_connection()
    except psycopg2.Error as error:
        app.logger.warning("order %s not saved: %s", order_id, error)
        return
    try:
        with conn, conn.cursor() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS orders (id INT, created TIMESTAMP DEFAULT now())")
            cur.execute("INSERT INTO orders (id) VALUES (%s)", (order_id,))
    except psycopg2.Error as error:
        app.logger.warning("order %s not saved: %s", order_id, error)
    finally:
        conn.close()


@app.get("/api/slow")
@instrumented
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")


@app.get("/metrics")
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, threaded=True)
