// Prometheus metrics of the shop, same names and labels as the lab's Flask version
const client = require('prom-client');

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const httpRequests = new client.Counter({
  name: 'http_requests_total',
  help: 'Total HTTP requests',
  labelNames: ['method', 'endpoint', 'status'],
  registers: [registry],
});

const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency',
  labelNames: ['method', 'endpoint'],
  buckets: [0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5],
  registers: [registry],
});

const activeRequests = new client.Gauge({
  name: 'http_requests_active',
  help: 'Requests being served right now',
  registers: [registry],
});

const orders = new client.Counter({
  name: 'orders_total',
  help: 'Orders processed',
  labelNames: ['status'],
  registers: [registry],
});

// A summary gives the average basket directly (sum / count)
const cartValue = new client.Summary({
  name: 'cart_value_euros',
  help: 'Value of the carts in euros',
  percentiles: [0.5, 0.9, 0.99],
  registers: [registry],
});

// Express middleware: one observation per request, labelled with the route template
function track(req, res, next) {
  const stopTimer = httpDuration.startTimer();
  activeRequests.inc();
  res.on('finish', () => {
    const endpoint = req.route ? req.baseUrl + req.route.path : req.path;
    httpRequests.inc({ method: req.method, endpoint, status: String(res.statusCode) });
    stopTimer({ method: req.method, endpoint });
    activeRequests.dec();
  });
  next();
}

module.exports = { registry, track, orders, cartValue };
