"""TechShop API."""
import logging
import os
import random
import time

import psycopg2
import redis
from flask import Flask, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .metrics import ACTIVE, CART_VALUE, LATENCY, ORDERS, REQUESTS

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("shop")
app = Flask(__name__)
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_timeout=1)
PRODUCTS = [{"id": 1, "name": "Laptop", "price": 999},
            {"id": 2, "name": "Phone", "price": 699},
            {"id": 3, "name": "Tablet", "price": 499}]


@app.before_request
def _begin():
    if request.path != "/metrics":
        g.started = time.perf_counter()
        ACTIVE.inc()


@app.after_request
def _end(response):
    if "started" in g:
        route = request.url_rule.rule if request.url_rule else "other"
        LATENCY.labels(request.method, route).observe(time.perf_counter() - g.started)
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        ACTIVE.dec()
    return response


@app.get("/health")
def health():
    return jsonify(status="healthy")


@app.get("/api/products")
def products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        cache.incr("products:reads")
    except redis.RedisError as exc:
        log.warning("cache unavailable: %s", exc)
    return jsonify(products=PRODUCTS)


@app.post("/api/cart")
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    CART_VALUE.observe(value)
    return jsonify(status="added", cart_value=round(value, 2))


@app.post("/api/order")
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        ORDERS.labels("failed").inc()
        log.info("order refused: payment failed")
        return jsonify(error="Payment failed"), 500
    ORDERS.labels("success").inc()
    try:
        psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2).close()
    except (KeyError, psycopg2.Error) as exc:
        log.warning("database unavailable: %s", exc)
    return jsonify(order_id=random.randint(1000, 9999))


@app.get("/api/slow")
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")


@app.get("/metrics")
def metrics():
    return generate_latest(), 200, {"Content-Type": CONTENT_TYPE_LATEST}
