"""TechShop alert webhook: receives Alertmanager notifications (webhook_configs).

POST /alerts  Alertmanager payload (version 4): each alert is logged and counted
GET  /alerts  the last notifications received, newest first (JSON)
GET  /metrics webhook_alerts_received_total{status,alertname}, scraped by Prometheus
"""
import collections
import logging
import threading

from flask import Flask, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(message)s')
log = logging.getLogger('webhook')
app = Flask(__name__)

ALERTS_RECEIVED = Counter('webhook_alerts_received_total',
                          'Alerts received from Alertmanager', ['status', 'alertname'])
LAST = collections.deque(maxlen=100)
LOCK = threading.Lock()


@app.route('/alerts', methods=['POST'])
def receive():
    payload = request.get_json(force=True, silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get('alerts'), list):
        return jsonify({'error': 'expected an Alertmanager webhook payload'}), 400
    for alert in payload['alerts']:
        labels = alert.get('labels', {})
        status = alert.get('status', payload.get('status', 'unknown'))
        ALERTS_RECEIVED.labels(status, labels.get('alertname', 'unknown')).inc()
        log.info('%s [%s] %s severity=%s instance=%s: %s', status.upper(), payload.get('receiver'),
                 labels.get('alertname'), labels.get('severity'), labels.get('instance', '-'),
                 alert.get('annotations', {}).get('summary', ''))
    with LOCK:
        LAST.appendleft(payload)
    return jsonify({'received': len(payload['alerts'])})


@app.route('/alerts', methods=['GET'])
def last_alerts():
    with LOCK:
        return jsonify(list(LAST))


@app.route('/health')
def health():
    return jsonify({'status': 'healthy'})


@app.route('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5001, threaded=True)
