import os, random, time

import psycopg2, redis
from flask import Flask, g, jsonify, request
from prometheus_client import Counter, Gauge, Histogram, make_wsgi_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware

app = Flask(__name__)
# /metrics served by prometheus_client's own WSGI app, so scrapes are not counted as shop traffic
app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {'/metrics': make_wsgi_app()})

req_total = Counter('http_requests_total', 'HTTP requests', ['method', 'endpoint', 'status'])
req_time = Histogram('http_request_duration_seconds', 'HTTP latency', ['method', 'endpoint'],
                     buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
in_progress = Gauge('http_requests_active', 'Requests in progress')
orders_total = Counter('orders_total', 'Orders', ['status'])
cart_value = Histogram('cart_value_euros', 'Cart value', buckets=[10, 25, 50, 100, 200, 500, 1000])

r = redis.from_url(os.getenv('REDIS_URL', 'redis://localhost:6379'))


@app.before_request
def start_timer():
    g.start = time.time()
    in_progress.inc()


@app.after_request
def record(resp):
    req_total.labels(request.method, request.path, resp.status_code).inc()
    req_time.labels(request.method, request.path).observe(time.time() - g.start)
    in_progress.dec()
    return resp


@app.route('/health')
def health():
    return jsonify(status='healthy')


@app.route('/api/products')
def products():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        r.incr('hits')
    except redis.exceptions.ConnectionError:
        pass
    return jsonify(products=[{'id': 1, 'name': 'Laptop', 'price': 999},
                             {'id': 2, 'name': 'Phone', 'price': 699},
                             {'id': 3, 'name': 'Tablet', 'price': 499}])


@app.route('/api/cart', methods=['POST'])
def cart():
    time.sleep(random.uniform(0.02, 0.15))
    v = random.uniform(10, 500)
    cart_value.observe(v)
    return jsonify(status='added', cart_value=v)


@app.route('/api/order', methods=['POST'])
def order():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        orders_total.labels('failed').inc()
        return jsonify(error='Payment failed'), 500
    orders_total.labels('success').inc()
    try:
        psycopg2.connect(os.getenv('DATABASE_URL')).close()
    except psycopg2.OperationalError:
        pass
    return jsonify(order_id=random.randint(1000, 9999))


@app.route('/api/slow')
def slow():
    time.sleep(random.uniform(1, 3))
    return jsonify(status='slow response')


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000, threaded=True)
