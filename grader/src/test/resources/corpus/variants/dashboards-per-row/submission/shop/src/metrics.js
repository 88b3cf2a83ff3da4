// Prometheus instruments, registered on the default registry.
const client = require('prom-client');

client.collectDefaultMetrics();

const httpRequests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests served',
  labelNames: ['method', 'endpoint', 'status'],
});

const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration in seconds',
  labelNames: ['method', 'endpoint'],
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.3, 0.5, 1, 2.5, 5],
});

const httpActive = new client.Gauge({
  name: 'http_requests_active',
  help: 'HTTP requests being served',
});

const orders = new client.Counter({
  name: 'orders_total',
  help: 'Orders by status',
  labelNames: ['status'],
});

const cartValue = new client.Histogram({
  name: 'cart_value_euros',
  help: 'Cart value in euros',
  buckets: [10, 25, 50, 100, 200, 500, 1000],
});

// Express middleware: one observation per request, labelled by route pattern
function track(req, res, next) {
  if (req.path === '/metrics') return next();
  httpActive.inc();
  const stop = httpDuration.startTimer();
  res.on('finish', () => {
    const endpoint = req.route ? req.baseUrl + req.route.path : 'unmatched';
    stop({ method: req.method, endpoint });
    httpRequests.inc({ method: req.method, endpoint, status: String(res.statusCode) });
    httpActive.dec();
  });
  next();
}

module.exports = { client, track, orders, cartValue };
