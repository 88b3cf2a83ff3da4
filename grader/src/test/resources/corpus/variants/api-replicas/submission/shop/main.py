"""TechShop API, one replica (two of them run behind nginx)."""
import logging
import os
import random
import socket
import time

import psycopg2
import redis
from flask import Flask, jsonify
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from telemetry import CART, ORDERS, instrument

log = logging.getLogger('shop')
app = Flask(__name__)
instrument(app)
kv = redis.Redis.from_url(os.environ.get('KV_URL', 'redis://localhost:6379/0'),
                          socket_timeout=1)
PRODUCTS = [
    {'id': 1, 'name': 'Laptop', 'price': 999},
    {'id': 2, 'name': 'Phone', 'price': 699},
    {'id': 3, 'name': 'Tablet', 'price': 499},
]


def save_order(order_id):
    try:
        with psycopg2.connect(os.environ['PG_DSN'], connect_timeout=2) as conn, conn.cursor() as cur:
            cur.execute('CREATE TABLE IF NOT EXISTS orders (id int, replica text, at timestamptz default now())')
            cur.execute('INSERT INTO orders (id, replica) VALUES (%s, %s)', (order_id, socket.gethostname()))
    except (psycopg2.Error, KeyError) as exc:
        log.warning('order %s not stored: %s', order_id, exc)


@app.get('/health')
def health():
    return jsonify(status='healthy', replica=socket.gethostname())


@app.get('/api/products')
def products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        kv.incr('views:products')
    except redis.RedisError as exc:
        log.warning('redis: %s', exc)
    return jsonify(products=PRODUCTS)


@app.post('/api/cart')
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = round(random.uniform(10, 500), 2)
    CART.observe(value)
    return jsonify(status='added', cart_value=value)


@app.post('/api/order')
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        ORDERS.labels('failed').inc()
        return jsonify(error='Payment failed'), 500
    ORDERS.labels('success').inc()
    order_id = random.randint(1000, 9999)
    save_order(order_id)
    return jsonify(order_id=order_id)


@app.get('/api/slow')
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status='slow response')


@app.get('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    logging.basicConfig(level=logging.INFO)
    app.run(host='0.0.0.0', port=5000, threaded=True)
