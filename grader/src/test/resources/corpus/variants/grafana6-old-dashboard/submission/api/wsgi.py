import os
import random
import time

import redis
from flask import Flask, Response, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

import metrics

app = Flask(__name__)
store = redis.StrictRedis.from_url(os.environ.get('REDIS_URL', 'redis://localhost:6379'))


@app.before_request
def before():
    g.started = time.time()
    metrics.http_active.inc()


@app.teardown_request
def teardown(exc):
    metrics.http_active.dec()


@app.after_request
def after(response):
    path = request.url_rule.rule if request.url_rule else 'other'
    metrics.http_latency.labels(request.method, path).observe(time.time() - g.started)
    metrics.http_requests.labels(request.method, path, response.status_code).inc()
    return response


@app.route('/health')
def health():
    return jsonify(status='healthy')


@app.route('/api/products')
def products():
    time.sleep(random.uniform(0.01, 0.1))
    return jsonify(products=[dict(id=1, name='Laptop', price=999),
                             dict(id=2, name='Phone', price=699),
                             dict(id=3, name='Tablet', price=499)])


@app.route('/api/cart', methods=['POST'])
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    metrics.cart_value.observe(value)
    return jsonify(status='added', cart_value=value)


@app.route('/api/order', methods=['POST'])
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        metrics.orders.labels('failed').inc()
        return jsonify(error='Payment failed'), 500
    metrics.orders.labels('success').inc()
    order_id = random.randint(1000, 9999)
    try:
        store.rpush('orders', order_id)
    except redis.exceptions.RedisError:
        app.logger.warning('could not store order %s', order_id)
    return jsonify(order_id=order_id)


@app.route('/api/slow')
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status='slow response')


@app.route('/metrics')
def prometheus_metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)
