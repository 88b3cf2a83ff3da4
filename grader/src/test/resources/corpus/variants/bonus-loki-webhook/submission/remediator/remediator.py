"""Alertmanager webhook receiver that runs an automated runbook for the alerts it knows.

Alertmanager POSTs every notification to /hooks/alertmanager. For each *firing* alert whose name is in
RUNBOOKS, the matching script of runbooks/ runs (with a timeout); its output is logged and counted.
Unknown alerts are only logged: a human follows the written runbook (runbook_url).
"""
import logging
import subprocess
import sys

from flask import Flask, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

RUNBOOKS = {
    'PostgresTooManyActiveQueries': 'runbooks/kill_long_queries.py',
    'HighLatencyP95': 'runbooks/snapshot_db_activity.py',
}

logging.basicConfig(level=logging.INFO, format='%(asctime)s remediator %(levelname)s %(message)s')
log = logging.getLogger()
app = Flask(__name__)
NOTIFICATIONS = Counter('remediator_notifications_total', 'Alert notifications received', ['alertname', 'status'])
RUNS = Counter('remediator_runbook_runs_total', 'Automated runbook runs', ['runbook', 'result'])


def run(script, alert):
    try:
        done = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=30,
                              env={'ALERT_NAME': alert['labels'].get('alertname', ''), **_env()})
        result = 'ok' if done.returncode == 0 else 'failed'
        log.info('%s -> %s: %s %s', script, result, done.stdout.strip(), done.stderr.strip())
    except subprocess.TimeoutExpired:
        result = 'timeout'
        log.error('%s timed out', script)
    RUNS.labels(script, result).inc()
    return result


def _env():
    import os
    return {k: v for k, v in os.environ.items() if k in ('DATABASE_URL', 'LONG_QUERY_SECONDS', 'PATH')}


@app.post('/hooks/alertmanager')
def hook():
    payload = request.get_json(force=True)
    results = []
    for alert in payload.get('alerts', []):
        name = alert.get('labels', {}).get('alertname', 'unknown')
        NOTIFICATIONS.labels(name, alert.get('status', 'unknown')).inc()
        log.info('%s %s', alert.get('status'), name)
        if alert.get('status') == 'firing' and name in RUNBOOKS:
            results.append({name: run(RUNBOOKS[name], alert)})
    return jsonify(results=results)


@app.get('/metrics')
def metrics():
    return generate_latest(), 200, {'Content-Type': CONTENT_TYPE_LATEST}


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=9000)
