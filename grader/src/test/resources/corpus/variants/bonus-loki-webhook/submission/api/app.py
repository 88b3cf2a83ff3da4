"""TechShop API: lab metrics + one JSON log line per request (shipped to Loki by promtail)."""
import json
import logging
import os
import random
import time

import psycopg2
import redis
from flask import Flask, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

REQUESTS = Counter('http_requests_total', 'Total HTTP requests', ['method', 'endpoint', 'status'])
LATENCY = Histogram('http_request_duration_seconds', 'HTTP request latency', ['method', 'endpoint'],
                    buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
ACTIVE = Gauge('http_requests_active', 'Active HTTP requests')
ORDERS = Counter('orders_total', 'Total orders processed', ['status'])
CART = Histogram('cart_value_euros', 'Shopping cart value', buckets=[10, 25, 50, 100, 200, 500, 1000])


class JsonLines(logging.Formatter):
    def format(self, record):
        line = {'ts': self.formatTime(record), 'level': record.levelname.lower(), 'msg': record.getMessage()}
        line.update(getattr(record, 'fields', {}))
        return json.dumps(line)


log = logging.getLogger('techshop')
log.setLevel(logging.INFO)
for handler in (logging.StreamHandler(), logging.FileHandler(os.environ.get('LOG_FILE', 'api.log'))):
    handler.setFormatter(JsonLines())
    log.addHandler(handler)

app = Flask(__name__)
cache = redis.from_url(os.environ.get('REDIS_URL', 'redis://localhost:6379'))


@app.before_request
def before():
    g.t0 = time.time()
    ACTIVE.inc()


@app.after_request
def after(response):
    elapsed = time.time() - g.t0
    REQUESTS.labels(request.method, request.path, response.status_code).inc()
    LATENCY.labels(request.method, request.path).observe(elapsed)
    ACTIVE.dec()
    if request.path != '/metrics':
        log.info('request', extra={'fields': {'method': request.method, 'path': request.path,
                                              'status': response.status_code, 'duration': round(elapsed, 4)}})
    return response


@app.route('/health')
def health():
    return jsonify(status='healthy')


@app.route('/api/products')
def products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        cache.incr('products_views')
    except redis.RedisError as exc:
        log.warning('redis error', extra={'fields': {'error': str(exc)}})
    return jsonify(products=[{'id': 1, 'name': 'Laptop', 'price': 999},
                             {'id': 2, 'name': 'Phone', 'price': 699},
                             {'id': 3, 'name': 'Tablet', 'price': 499}])


@app.route('/api/cart', methods=['POST'])
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    CART.observe(value)
    return jsonify(status='added', cart_value=value)


@app.route('/api/order', methods=['POST'])
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        ORDERS.labels('failed').inc()
        log.error('payment failed', extra={'fields': {'event': 'order', 'outcome': 'failed'}})
        return jsonify(error='Payment failed'), 500
    ORDERS.labels('success').inc()
    try:
        psycopg2.connect(os.environ['DATABASE_URL'], connect_timeout=2).close()
    except (KeyError, psycopg2.Error) as exc:
        log.warning('database error', extra={'fields': {'error': str(exc)}})
    return jsonify(order_id=random.randint(1000, 9999))


@app.route('/api/slow')
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status='slow response')


@app.route('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000, threaded=True)
