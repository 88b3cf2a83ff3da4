const express = require('express');
const Redis = require('ioredis');
const { Pool } = require('pg');
const { client, track, orders, cartValue } = require('./metrics');

const app = express();
const redis = new Redis(process.env.REDIS_URL || 'redis://redis:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

const sleep = (min, max) => new Promise((r) => setTimeout(r, (min + Math.random() * (max - min)) * 1000));
const PRODUCTS = [
  { id: 1, name: 'Laptop', price: 999 },
  { id: 2, name: 'Phone', price: 699 },
  { id: 3, name: 'Tablet', price: 499 },
];

app.use(track);

app.get('/health', (req, res) => res.json({ status: 'healthy' }));

app.get('/api/products', async (req, res) => {
  await sleep(0.01, 0.1);
  res.json({ products: PRODUCTS });
});

app.post('/api/cart', async (req, res) => {
  await sleep(0.02, 0.15);
  const value = 10 + Math.random() * 490;
  cartValue.observe(value);
  redis.incr('carts').catch(() => {});
  res.json({ status: 'added', cart_value: value });
});

app.post('/api/order', async (req, res) => {
  await sleep(0.05, 0.3);
  if (Math.random() < 0.05) {
    orders.inc({ status: 'failed' });
    return res.status(500).json({ error: 'Payment failed' });
  }
  orders.inc({ status: 'success' });
  const id = 1000 + Math.floor(Math.random() * 9000);
  db.query('INSERT INTO orders (id) VALUES ($1)', [id]).catch((e) => console.warn('order not stored', e.message));
  return res.json({ order_id: id });
});

app.get('/api/slow', async (req, res) => {
  await sleep(1, 3);
  res.json({ status: 'slow response' });
});

app.get('/metrics', async (req, res) => {
  res.set('Content-Type', client.register.contentType);
  res.end(await client.register.metrics());
});

db.query('CREATE TABLE IF NOT EXISTS orders (id int, created_at timestamptz DEFAULT now())')
  .catch((e) => console.warn('orders table not created', e.message));

const port = Number(process.env.PORT || 3001);
app.listen(port, () => console.log(`shop listening on ${port}`));
