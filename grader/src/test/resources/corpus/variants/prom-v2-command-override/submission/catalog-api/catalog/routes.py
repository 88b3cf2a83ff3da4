"""Shop endpoints of the lab."""
import random
import time

import psycopg2
import redis
from flask import Blueprint, current_app, jsonify

from .instrumentation import CART_EUROS, ORDERS_TOTAL

shop = Blueprint("shop", __name__)

CATALOG = (
    {"id": 1, "name": "Laptop", "price": 999},
    {"id": 2, "name": "Phone", "price": 699},
    {"id": 3, "name": "Tablet", "price": 499},
)


@shop.get("/health")
def health():
    return jsonify(status="healthy")


@shop.get("/api/products")
def list_products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        current_app.extensions["cache"].incr("catalog:hits")
    except redis.RedisError:
        current_app.logger.warning("redis unavailable")
    return jsonify(products=list(CATALOG))


@shop.post("/api/cart")
def add_to_cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    CART_EUROS.observe(value)
    return jsonify(status="added", cart_value=round(value, 2))


@shop.post("/api/order")
def place_order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        ORDERS_TOTAL.labels("failed").inc()
        return jsonify(error="Payment failed"), 500
    ORDERS_TOTAL.labels("success").inc()
    try:
        psycopg2.connect(current_app.config["DB_DSN"], connect_timeout=2).close()
    except psycopg2.Error:
        current_app.logger.warning("postgresql unavailable")
    return jsonify(order_id=random.randint(1000, 9999))


@shop.get("/api/slow")
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")
