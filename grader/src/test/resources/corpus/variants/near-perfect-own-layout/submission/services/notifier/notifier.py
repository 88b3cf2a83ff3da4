"""Alertmanager webhook receiver: logs each alert, counts notifications, shows the last ones on GET /."""
import collections
import logging

from flask import Flask, jsonify, request
from prometheus_client import Counter, generate_latest

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
app = Flask(__name__)
RECEIVED = Counter("notifier_alerts_received_total", "Alerts received", ["status", "severity"])
recent = collections.deque(maxlen=100)


@app.post("/alertmanager")
def alertmanager():
    payload = request.get_json(force=True)
    for alert in payload.get("alerts", []):
        labels = alert.get("labels", {})
        RECEIVED.labels(alert.get("status", "unknown"), labels.get("severity", "none")).inc()
        entry = {"status": alert.get("status"), "alertname": labels.get("alertname"),
                 "severity": labels.get("severity"), "summary": alert.get("annotations", {}).get("summary")}
        recent.appendleft(entry)
        logging.info("%(status)s %(alertname)s [%(severity)s] %(summary)s", entry)
    return jsonify(received=len(payload.get("alerts", [])))


@app.get("/")
def last_alerts():
    return jsonify(list(recent))


@app.get("/metrics")
def metrics():
    return generate_latest(), 200, {"Content-Type": "text/plain; version=0.0.4"}


app.run(host="0.0.0.0", port=8080)
