"""API de la boutique TechShop, instrumentée pour Prometheus."""
import os
import random
import time

import redis
from flask import Flask, Response, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

app = Flask(__name__)
cache = redis.Redis(host=os.getenv("REDIS_HOTE", "cache-redis"), port=6379, socket_timeout=1)


class Metriques:
    requetes = Counter("http_requests_total", "Requêtes HTTP", ["method", "endpoint", "status"])
    duree = Histogram("http_request_duration_seconds", "Durée des requêtes HTTP", ["method", "endpoint"],
                      buckets=[0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5])
    en_cours = Gauge("http_requests_active", "Requêtes en cours de traitement")
    commandes = Counter("orders_total", "Commandes passées", ["status"])
    # valeur du dernier panier, en euros
    panier = Gauge("cart_value_euros", "Valeur du panier (EUR)")


@app.before_request
def debut():
    g.debut = time.perf_counter()
    Metriques.en_cours.inc()


@app.after_request
def fin(reponse):
    route = request.url_rule.rule if request.url_rule else "inconnue"
    Metriques.duree.labels(request.method, route).observe(time.perf_counter() - g.debut)
    Metriques.requetes.labels(request.method, route, reponse.status_code).inc()
    Metriques.en_cours.dec()
    return reponse


PRODUITS = [
    {"id": 1, "name": "Laptop", "price": 999},
    {"id": 2, "name": "Phone", "price": 699},
    {"id": 3, "name": "Tablet", "price": 499},
]


@app.route("/health")
def sante():
    return jsonify(status="healthy")


@app.route("/api/products")
def produits():
    time.sleep(random.uniform(0.01, 0.1))
    return jsonify(products=PRODUITS)


@app.route("/api/cart", methods=["POST"])
def panier():
    time.sleep(random.uniform(0.02, 0.15))
    valeur = random.uniform(10, 500)
    Metriques.panier.set(valeur)
    return jsonify(status="added", cart_value=valeur)


@app.route("/api/order", methods=["POST"])
def commande():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        Metriques.commandes.labels("failed").inc()
        return jsonify(error="Payment failed"), 500
    Metriques.commandes.labels("success").inc()
    try:
        cache.incr("commandes")
    except redis.RedisError:
        pass
    return jsonify(order_id=random.randint(1000, 9999))


@app.route("/api/slow")
def lent():
    time.sleep(random.uniform(1, 3))
    return jsonify(status="slow response")


@app.route("/metrics")
def metriques():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, threaded=True)
