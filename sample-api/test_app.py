"""Unit tests of the TechShop API (no Redis, no PostgreSQL needed).

Run:  python -m unittest -v          (in this folder, or in the built image
      with this folder mounted on /app)
"""
import re
import unittest
from unittest import mock

from prometheus_client import REGISTRY

import app as techshop


def sample(name, **labels):
    """Current value of one sample in the default registry (0.0 when absent)."""
    value = REGISTRY.get_sample_value(name, labels)
    return 0.0 if value is None else value


class TechShopApiTest(unittest.TestCase):

    def setUp(self):
        self.client = techshop.app.test_client()
        # the endpoints simulate latency with time.sleep: make the tests fast
        patcher = mock.patch.object(techshop.time, 'sleep')
        self.sleep = patcher.start()
        self.addCleanup(patcher.stop)

    def test_health_returns_200(self):
        response = self.client.get('/health')
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.get_json(), {'status': 'healthy'})

    def test_products_lists_three_products(self):
        response = self.client.get('/api/products')
        self.assertEqual(response.status_code, 200)
        products = response.get_json()['products']
        self.assertEqual([p['name'] for p in products], ['Laptop', 'Phone', 'Tablet'])
        self.assertTrue(all({'id', 'name', 'price'} <= set(p) for p in products))

    def test_cart_value_is_observed_in_histogram(self):
        count_before = sample('cart_value_euros_count')
        sum_before = sample('cart_value_euros_sum')
        response = self.client.post('/api/cart')
        self.assertEqual(response.status_code, 200)
        value = response.get_json()['cart_value']
        self.assertTrue(10 <= value <= 500)
        self.assertEqual(sample('cart_value_euros_count'), count_before + 1)
        self.assertAlmostEqual(sample('cart_value_euros_sum'), sum_before + value, places=6)
        self.assertEqual(sample('cart_value_euros_bucket', le='+Inf'), sample('cart_value_euros_count'))

    def test_successful_order_is_counted(self):
        before = sample('orders_total', status='success')
        with mock.patch.object(techshop.random, 'random', return_value=0.99):
            response = self.client.post('/api/order')
        self.assertEqual(response.status_code, 200)
        self.assertIn('order_id', response.get_json())
        self.assertEqual(sample('orders_total', status='success'), before + 1)

    def test_failed_order_is_counted_and_returns_500(self):
        failed_before = sample('orders_total', status='failed')
        errors_before = sample('http_requests_total', method='POST', endpoint='/api/order', status='500')
        with mock.patch.object(techshop.random, 'random', return_value=0.01):
            response = self.client.post('/api/order')
        self.assertEqual(response.status_code, 500)
        self.assertEqual(response.get_json(), {'error': 'Payment failed'})
        self.assertEqual(sample('orders_total', status='failed'), failed_before + 1)
        self.assertEqual(
            sample('http_requests_total', method='POST', endpoint='/api/order', status='500'),
            errors_before + 1)

    def test_both_order_statuses_are_exposed_before_any_order(self):
        text = self.client.get('/metrics').get_data(as_text=True)
        self.assertIn('orders_total{status="success"}', text)
        self.assertIn('orders_total{status="failed"}', text)

    def test_slow_endpoint_sleeps_between_one_and_three_seconds(self):
        response = self.client.get('/api/slow')
        self.assertEqual(response.status_code, 200)
        (delay,), _ = self.sleep.call_args
        self.assertTrue(1 <= delay <= 3)

    def test_requests_are_labelled_by_method_endpoint_and_status(self):
        before = sample('http_requests_total', method='GET', endpoint='/api/products', status='200')
        self.client.get('/api/products')
        self.assertEqual(
            sample('http_requests_total', method='GET', endpoint='/api/products', status='200'),
            before + 1)
        not_found_before = sample('http_requests_total', method='GET', endpoint='/nope', status='404')
        self.assertEqual(self.client.get('/nope').status_code, 404)
        self.assertEqual(
            sample('http_requests_total', method='GET', endpoint='/nope', status='404'),
            not_found_before + 1)

    def test_latency_histogram_has_the_slo_bucket(self):
        self.client.get('/health')
        response = self.client.get('/metrics')
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers['Content-Type'].startswith('text/plain'))
        text = response.get_data(as_text=True)
        self.assertRegex(
            text,
            re.compile(r'^http_request_duration_seconds_bucket\{endpoint="/health",le="0\.3",method="GET"\} '
                       r'|^http_request_duration_seconds_bucket\{method="GET",endpoint="/health",le="0\.3"\} ',
                       re.M))
        for le in ('0.25', '0.3', '0.5', '+Inf'):
            self.assertGreaterEqual(
                sample('http_request_duration_seconds_bucket', method='GET', endpoint='/health', le=le), 1)
        self.assertIn('# TYPE http_requests_active gauge', text)
        self.assertIn('# TYPE http_request_duration_seconds histogram', text)
        self.assertIn('# TYPE cart_value_euros histogram', text)

    def test_active_requests_gauge_returns_to_zero(self):
        self.client.get('/health')
        self.client.post('/api/cart')
        self.assertEqual(sample('http_requests_active'), 0)

    def test_after_request_survives_a_missing_before_request(self):
        with techshop.app.test_request_context('/health'):
            response = techshop.app.process_response(techshop.app.response_class('ok'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(sample('http_requests_active'), 0)


if __name__ == '__main__':
    unittest.main()
