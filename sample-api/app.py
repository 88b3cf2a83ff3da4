# app/app.py — TechShop API (lab "TP Final", part 1.3)
#
# Differences from the listing in the lab text, all deliberate and small:
#   * http_request_duration_seconds has a 0.3 s bucket: the latency SLI of the
#     lab reads le="0.3", which the listed buckets (...0.25, 0.5...) do not have.
#   * after_request no longer crashes when before_request did not run (e.g. when
#     another before_request hook failed): the start time lives in flask.g and is
#     read with a default.
#   * orders_total{status} is initialised for both statuses, so that the
#     failure ratio reads 0 instead of "no data" before the first failure.
#   * the Redis and PostgreSQL connections are lazy: importing the module (the
#     unit tests) needs neither server.
from flask import Flask, jsonify, request, g
from prometheus_client import Counter, Histogram, Gauge, generate_latest, CONTENT_TYPE_LATEST
import time
import random
import redis
import psycopg2
import os

app = Flask(__name__)

# Métriques Prometheus
REQUEST_COUNT = Counter(
    'http_requests_total',
    'Total HTTP requests',
    ['method', 'endpoint', 'status']
)

REQUEST_LATENCY = Histogram(
    'http_request_duration_seconds',
    'HTTP request latency',
    ['method', 'endpoint'],
    # 0.3 added: it is the latency SLO threshold (95 % of requests under 300 ms)
    buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 2.5, 5.0]
)

ACTIVE_REQUESTS = Gauge(
    'http_requests_active',
    'Active HTTP requests'
)

ORDERS_TOTAL = Counter(
    'orders_total',
    'Total orders processed',
    ['status']
)
for _status in ('success', 'failed'):
    ORDERS_TOTAL.labels(_status)

CART_VALUE = Histogram(
    'cart_value_euros',
    'Shopping cart value',
    buckets=[10, 25, 50, 100, 200, 500, 1000]
)

# Connexions (lazy: redis-py only connects on the first command, and
# get_db() only connects when called)
redis_client = redis.from_url(os.environ.get('REDIS_URL', 'redis://localhost:6379'))


def get_db():
    return psycopg2.connect(os.environ.get('DATABASE_URL', 'postgresql://techshop:password@localhost:5432/techshop'))


# Middleware pour les métriques
@app.before_request
def before_request():
    g.start_time = time.perf_counter()
    ACTIVE_REQUESTS.inc()


@app.after_request
def after_request(response):
    start_time = g.pop('start_time', None)
    if start_time is not None:
        REQUEST_LATENCY.labels(request.method, request.path).observe(time.perf_counter() - start_time)
        ACTIVE_REQUESTS.dec()
    REQUEST_COUNT.labels(request.method, request.path, str(response.status_code)).inc()
    return response


# Endpoints
@app.route('/health')
def health():
    return jsonify({'status': 'healthy'})


@app.route('/api/products')
def get_products():
    # Simuler une latence variable
    time.sleep(random.uniform(0.01, 0.1))
    return jsonify({'products': [
        {'id': 1, 'name': 'Laptop', 'price': 999},
        {'id': 2, 'name': 'Phone', 'price': 699},
        {'id': 3, 'name': 'Tablet', 'price': 499}
    ]})


@app.route('/api/cart', methods=['POST'])
def add_to_cart():
    time.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    CART_VALUE.observe(value)
    return jsonify({'status': 'added', 'cart_value': value})


@app.route('/api/order', methods=['POST'])
def create_order():
    time.sleep(random.uniform(0.05, 0.3))
    # Simuler des erreurs occasionnelles
    if random.random() < 0.05:
        ORDERS_TOTAL.labels('failed').inc()
        return jsonify({'error': 'Payment failed'}), 500
    ORDERS_TOTAL.labels('success').inc()
    return jsonify({'order_id': random.randint(1000, 9999)})


@app.route('/api/slow')
def slow_endpoint():
    # Endpoint intentionnellement lent pour les tests
    time.sleep(random.uniform(1, 3))
    return jsonify({'status': 'slow response'})


@app.route('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
