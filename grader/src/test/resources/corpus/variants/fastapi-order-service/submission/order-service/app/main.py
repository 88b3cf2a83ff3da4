"""TechShop order service (FastAPI)."""
import asyncio
import os
import random

import asyncpg
import redis.asyncio as aioredis
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from opentelemetry import trace
from prometheus_client import make_asgi_app

from . import metrics, tracing

app = FastAPI(title="order-service")
app.add_middleware(metrics.PrometheusMiddleware)
app.mount("/metrics", make_asgi_app())
tracing.setup(app)
tracer = trace.get_tracer("order-service")

PRODUCTS = [
    {"id": 1, "name": "Laptop", "price": 999},
    {"id": 2, "name": "Phone", "price": 699},
    {"id": 3, "name": "Tablet", "price": 499},
]
state = {}


@app.on_event("startup")
async def connect():
    state["cache"] = aioredis.from_url(os.getenv("CACHE_URL", "redis://session-cache:6379"))
    try:
        state["db"] = await asyncpg.create_pool(os.getenv("DB_URL"), min_size=1, max_size=5, timeout=5)
        await state["db"].execute(
            "CREATE TABLE IF NOT EXISTS orders (id int, created_at timestamptz DEFAULT now())")
    except (OSError, asyncpg.PostgresError):
        state["db"] = None  # orders are still taken, only not stored


@app.get("/health")
async def health():
    return {"status": "healthy"}


@app.get("/api/products")
async def products():
    await asyncio.sleep(random.uniform(0.01, 0.1))
    return {"products": PRODUCTS}


@app.post("/api/cart")
async def add_to_cart():
    await asyncio.sleep(random.uniform(0.02, 0.15))
    value = random.uniform(10, 500)
    metrics.CART_VALUE.observe(value)
    return {"status": "added", "cart_value": value}


@app.post("/api/order")
async def create_order():
    with tracer.start_as_current_span("payment"):
        await asyncio.sleep(random.uniform(0.05, 0.3))
        if random.random() < 0.05:
            metrics.ORDERS.labels(status="failed").inc()
            return JSONResponse({"error": "Payment failed"}, status_code=500)
    metrics.ORDERS.labels(status="success").inc()
    order_id = random.randint(1000, 9999)
    if state.get("db") is not None:
        with tracer.start_as_current_span("store-order"):
            await state["db"].execute("INSERT INTO orders (id) VALUES ($1)", order_id)
    return {"order_id": order_id}


@app.get("/api/slow")
async def slow():
    await asyncio.sleep(random.uniform(1, 3))
    return {"status": "slow response"}
