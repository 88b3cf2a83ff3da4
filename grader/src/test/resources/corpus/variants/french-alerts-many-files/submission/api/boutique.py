# API de la boutique TechShop, instrumentée pour Prometheus
import os
import random
import time

import psycopg2
import redis
from flask import Flask, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

app = Flask(__name__)

# Métriques (le label du code HTTP s'appelle "code", comme dans les métriques de Prometheus lui-même)
REQUETES = Counter('http_requests_total', 'Nombre de requêtes HTTP', ['method', 'endpoint', 'code'])
LATENCE = Histogram('http_request_duration_seconds', 'Durée des requêtes HTTP', ['method', 'endpoint'],
                    buckets=[0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0])
EN_COURS = Gauge('http_requests_active', 'Requêtes en cours de traitement')
COMMANDES = Counter('orders_total', 'Commandes traitées', ['status'])
PANIER = Histogram('cart_value_euros', 'Valeur du panier en euros', buckets=[10, 25, 50, 100, 200, 500, 1000])

cache = redis.from_url(os.environ.get('REDIS_URL', 'redis://localhost:6379'))


def connexion_bdd():
    return psycopg2.connect(os.environ.get('DATABASE_URL'))


@app.before_request
def debut():
    request.debut = time.time()
    EN_COURS.inc()


@app.after_request
def fin(reponse):
    duree = time.time() - request.debut
    REQUETES.labels(request.method, request.path, reponse.status_code).inc()
    LATENCE.labels(request.method, request.path).observe(duree)
    EN_COURS.dec()
    return reponse


@app.route('/health')
def sante():
    return jsonify({'status': 'healthy'})


@app.route('/api/products')
def produits():
    time.sleep(random.uniform(0.01, 0.1))
    try:
        cache.incr('vues_produits')
    except redis.RedisError:
        pass
    return jsonify({'products': [
        {'id': 1, 'name': 'Ordinateur portable', 'price': 999},
        {'id': 2, 'name': 'Téléphone', 'price': 699},
        {'id': 3, 'name': 'Tablette', 'price': 499},
    ]})


@app.route('/api/cart', methods=['POST'])
def panier():
    time.sleep(random.uniform(0.02, 0.15))
    valeur = random.uniform(10, 500)
    PANIER.observe(valeur)
    return jsonify({'status': 'added', 'cart_value': valeur})


@app.route('/api/order', methods=['POST'])
def commande():
    time.sleep(random.uniform(0.05, 0.3))
    if random.random() < 0.05:
        COMMANDES.labels('failed').inc()
        return jsonify({'error': 'Payment failed'}), 500
    COMMANDES.labels('success').inc()
    try:
        connexion_bdd().close()
    except psycopg2.Error:
        app.logger.warning('base de données injoignable')
    return jsonify({'order_id': random.randint(1000, 9999)})


@app.route('/api/slow')
def lent():
    time.sleep(random.uniform(1, 3))
    return jsonify({'status': 'slow response'})


@app.route('/metrics')
def metriques():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000, threaded=True)
