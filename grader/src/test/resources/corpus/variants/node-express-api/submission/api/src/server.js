const express = require('express');
const { Pool } = require('pg');
const { createClient } = require('redis');
const { registry, track, orders, cartValue } = require('./metrics');

const app = express();
app.use(express.json());
app.use(track);

const pool = new Pool({ connectionString: process.env.PG_URL });
const cache = createClient({ url: process.env.REDIS_URL });
cache.on('error', (err) => console.error('redis:', err.message));
cache.connect().catch((err) => console.error('redis connect:', err.message));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min, max) => min + Math.random() * (max - min);

const catalogue = [
  { id: 1, name: 'Laptop', price: 999 },
  { id: 2, name: 'Phone', price: 699 },
  { id: 3, name: 'Tablet', price: 499 },
];

app.get('/health', (req, res) => res.json({ status: 'healthy' }));

app.get('/api/products', async (req, res) => {
  await sleep(between(10, 100));
  try {
    if (cache.isReady) await cache.incr('products:views');
  } catch (err) {
    console.error('cache:', err.message);
  }
  res.json({ products: catalogue });
});

app.post('/api/cart', async (req, res) => {
  await sleep(between(20, 150));
  const value = between(10, 500);
  cartValue.observe(value);
  res.json({ status: 'added', cart_value: value });
});

app.post('/api/order', async (req, res) => {
  await sleep(between(50, 300));
  if (Math.random() < 0.05) {
    orders.inc({ status: 'failed' });
    return res.status(500).json({ error: 'Payment failed' });
  }
  orders.inc({ status: 'success' });
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    console.error('postgres:', err.message);
  }
  res.json({ order_id: Math.floor(between(1000, 9999)) });
});

app.get('/api/slow', async (req, res) => {
  await sleep(between(1000, 3000));
  res.json({ status: 'slow response' });
});

app.get('/metrics', async (req, res) => {
  res.set('Content-Type', registry.contentType);
  res.end(await registry.metrics());
});

const port = Number(process.env.PORT || 8080);
app.listen(port, '0.0.0.0', () => console.log(`shop-api listening on ${port}`));
