from flask import Flask, jsonify, request
from prometheus_client import Counter, Histogram, Gauge, generate_latest, CONTENT_TYPE_LATEST
import time
import random
import os
import redis

app = Flask(__name__)

# metriques
requests_total = Counter('http_requests_total', 'nombre de requetes', ['method', 'endpoint', 'status'])
request_duration = Histogram('http_request_duration_seconds', 'duree des requetes', ['method', 'endpoint'],
                             buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
active = Gauge('http_requests_active', 'requetes en cours')
orders = Counter('orders_total', 'commandes', ['status'])
cart_value = Histogram('cart_value_euros', 'valeur du panier', buckets=[10, 25, 50, 100, 200, 500, 1000])

r = redis.from_url(os.environ.get('REDIS_URL', 'redis://localhost:6379'))


@app.before_request
def start():
    request.start = time.time()
    active.inc()


@app.after_request
def stop(response):
    request_duration.labels(request.method, request.path).observe(time.time() - request.start)
    requests_total.labels(request.method, request.path, response.status_code).inc()
    active.dec()
    return response


@app.route('/health')
def health():
    return jsonify({'status': 'ok'})


@app.route('/api/products')
def products():
    time.sleep(random.uniform(0.01, 0.1))
    return jsonify({'products': [{'id': 1, 'name': 'Laptop', 'price': 999},
                                 {'id': 2, 'name': 'Phone', 'price': 699},
                                 {'id': 3, 'name': 'Tablet', 'price': 499}]})


@app.route('/api/cart', methods=['POST'])
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    v = random.uniform(10, 500)
    cart_value.observe(v)
    return jsonify({'status': 'added', 'cart_value': v})


@app.route('/api/order', methods=['POST'])
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        orders.labels('failed').inc()
        return jsonify({'error': 'Payment failed'}), 500
    orders.labels('success').inc()
    return jsonify({'order_id': random.randint(1000, 9999)})


@app.route('/api/slow')
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify({'status': 'slow'})


@app.route('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
