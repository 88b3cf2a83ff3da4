"""TechShop API: class-based views, metrics recorded by a WSGI middleware."""
import os
import random
import time

import psycopg2
import redis
from flask import Flask, jsonify, request
from flask.views import MethodView
from prometheus_client import Counter, Gauge, Histogram, make_wsgi_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware

REQUESTS = Counter("http_requests_total", "HTTP requests", ["method", "endpoint", "status"])
LATENCY = Histogram("http_request_duration_seconds", "HTTP latency", ["method", "endpoint"],
                    buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
ACTIVE = Gauge("http_requests_active", "HTTP requests in flight")
ORDERS = Counter("orders_total", "Orders", ["status"])
CART = Histogram("cart_value_euros", "Cart value (EUR)", buckets=[10, 25, 50, 100, 200, 500, 1000])
NOTIFICATIONS = Counter("alert_notifications_received_total", "Alertmanager notifications received", ["status"])

KNOWN_ROUTES = {"/health", "/api/products", "/api/cart", "/api/order", "/api/slow", "/hooks/alert"}


class Instrumented:
    """WSGI middleware: times and counts every request that reaches the shop."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        endpoint = path if path in KNOWN_ROUTES else "other"
        method = environ.get("REQUEST_METHOD", "GET")
        seen = {}

        def record_status(status, headers, exc_info=None):
            seen["status"] = status.split(" ", 1)[0]
            return start_response(status, headers, exc_info)

        ACTIVE.inc()
        started = time.perf_counter()
        try:
            return self.wsgi_app(environ, record_status)
        finally:
            LATENCY.labels(method, endpoint).observe(time.perf_counter() - started)
            REQUESTS.labels(method, endpoint, seen.get("status", "500")).inc()
            ACTIVE.dec()


app = Flask(__name__)
kv = redis.Redis(host=os.environ.get("KV_HOST", "localhost"), socket_timeout=1)


class Health(MethodView):
    def get(self):
        return jsonify(status="healthy")


class Products(MethodView):
    CATALOG = [{"id": 1, "name": "Laptop", "price": 999},
               {"id": 2, "name": "Phone", "price": 699},
               {"id": 3, "name": "Tablet", "price": 499}]

    def get(self):
        time.sleep(random.uniform(0.01, 0.1))
        return jsonify(products=self.CATALOG)


class Cart(MethodView):
    def post(self):
        time.sleep(random.uniform(0.02, 0.15))
        value = random.uniform(10, 500)
        CART.observe(value)
        return jsonify(status="added", cart_value=value)


class Order(MethodView):
    def post(self):
        time.sleep(random.uniform(0.05, 0.3))
        if random.random() < 0.05:
            ORDERS.labels("failed").inc()
            return jsonify(error="Payment failed"), 500
        ORDERS.labels("success").inc()
        order_id = random.randint(1000, 9999)
        self.persist(order_id)
        return jsonify(order_id=order_id)

    @staticmethod
    def persist(order_id):
        try:
            conn = psycopg2.connect(os.environ.get("PG_DSN", ""), connect_timeout=2)
        except psycopg2.Error:
            return
        try:
            with conn, conn.cursor() as cur:
                cur.execute("CREATE TABLE IF NOT EXISTS orders (id int, at timestamptz DEFAULT now())")
                cur.execute("INSERT INTO orders (id) VALUES (%s)", (order_id,))
        except psycopg2.Error:
            pass
        finally:
            conn.close()


class Slow(MethodView):
    def get(self):
        time.sleep(random.uniform(1, 3))
        return jsonify(status="slow response")


class AlertHook(MethodView):
    """Alertmanager webhook receiver: keeps the last notifications in Redis."""

    def post(self):
        payload = request.get_json(silent=True) or {}
        NOTIFICATIONS.labels(payload.get("status", "unknown")).inc()
        for alert in payload.get("alerts", []):
            line = f'{alert.get("status")} {alert.get("labels", {}).get("alertname")}'
            app.logger.warning("alert received: %s", line)
            try:
                kv.lpush("alerts", line)
                kv.ltrim("alerts", 0, 99)
            except redis.RedisError:
                pass
        return jsonify(received=len(payload.get("alerts", [])))


for rule, view in [("/health", Health), ("/api/products", Products), ("/api/cart", Cart),
                   ("/api/order", Order), ("/api/slow", Slow), ("/hooks/alert", AlertHook)]:
    app.add_url_rule(rule, view_func=view.as_view(view.__name__.lower()))

app.wsgi_app = DispatcherMiddleware(Instrumented(app.wsgi_app), {"/metrics": make_wsgi_app()})

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("FLASK_PORT", 5000)), threaded=True)
