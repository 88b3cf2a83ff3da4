"""Minimal Alertmanager webhook receiver: prints one line per alert and keeps the last 50."""
from collections import deque

from flask import Flask, jsonify, request

app = Flask(__name__)
last = deque(maxlen=50)


@app.post("/webhook")
def receive():
    payload = request.get_json(force=True, silent=True) or {}
    for alert in payload.get("alerts", []):
        line = f"[{alert.get('status')}] {alert.get('labels', {}).get('alertname')} {alert.get('annotations', {}).get('summary', '')}"
        print(line)
        last.append(line)
    return "", 204


@app.get("/webhook")
def history():
    return jsonify(list(last))


app.run(host="0.0.0.0", port=9000)
