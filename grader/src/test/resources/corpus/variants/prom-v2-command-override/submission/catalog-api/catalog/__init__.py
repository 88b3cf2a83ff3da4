"""Catalog API of TechShop: application factory."""
import os

import redis
from flask import Flask

from . import instrumentation, routes


def create_app():
    app = Flask(__name__)
    app.config["DB_DSN"] = os.environ.get("CATALOG_DB_DSN", "postgresql://techshop:password@localhost/techshop")
    app.extensions["cache"] = redis.Redis.from_url(
        os.environ.get("CATALOG_REDIS_URL", "redis://localhost:6379/0"), socket_timeout=1)
    instrumentation.init_app(app)
    app.register_blueprint(routes.shop)
    return app
