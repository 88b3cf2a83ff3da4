"""The shop's endpoints."""
import os
import random
import time

import psycopg2
import redis
from flask import Blueprint, jsonify

from . import telemetry

bp = Blueprint("shop", __name__)
_redis = redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379"), socket_timeout=1)

PRODUCTS = [
    {"id": 1, "name": "Laptop", "price": 999},
    {"id": 2, "name": "Phone", "price": 699},
    {"id": 3, "name": "Tablet", "price": 499},
]


@bp.route("/health")
def health():
    return jsonify(status="healthy")


@bp.route("/api/products")
def products():
    time.sleep(random.uniform(0.01, 0.1))
    return jsonify(products=PRODUCTS)


@bp.route("/api/cart", methods=["POST"])
def add_to_cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    telemetry.CART.observe(value)
    try:
        _redis.lpush("carts", f"{value:.2f}")
        _redis.ltrim("carts", 0, 999)
    except redis.RedisError:
        pass
    return jsonify(status="added", cart_value=value)


@bp.route("/api/order", methods=["POST"])
def create_order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        telemetry.ORDERS.labels(status="failed").inc()
        return jsonify(error="Payment failed"), 500
    telemetry.ORDERS.labels(status="success").inc()
    return jsonify(order_id=random.randint(1000, 9999))


@bp.route("/api/slow")
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")


@bp.route("/api/db-check")
def db_check():
    """Used by the runbooks: does the API reach PostgreSQL?"""
    try:
        conn = psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2)
        conn.close()
        return jsonify(database="ok")
    except (KeyError, psycopg2.Error) as error:
        return jsonify(database="unreachable", error=str(error)), 503
