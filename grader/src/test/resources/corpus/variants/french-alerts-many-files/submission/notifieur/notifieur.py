# Récepteur de webhooks Alertmanager : affiche chaque alerte reçue dans les logs du conteneur
from flask import Flask, request

app = Flask(__name__)


@app.route('/alertes', methods=['POST'])
def alertes():
    donnees = request.get_json(silent=True) or {}
    for alerte in donnees.get('alerts', []):
        etiquettes = alerte.get('labels', {})
        print(f"{alerte.get('status', '?').upper():9} {etiquettes.get('alertname')} "
              f"gravite={etiquettes.get('gravite')} - {alerte.get('annotations', {}).get('summary', '')}", flush=True)
    return 'ok'


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=8080)
