// Security headers on every HTML answer (and on the API's): CSP with no framing, nosniff,
// a referrer policy.
import { expect, it } from 'vitest';
import { forEachDatabase } from '../../src/store/test-databases.js';
import { useApp } from './harness.js';

forEachDatabase((database) => {
  const h = useApp(database);

  it.each(['/factsheet?asOf=2018-03-01', '/', '/states/KHM', '/api/v1/docs/', '/api/v1/status', '/api/v1/nowhere'])(
    'sends the security headers on %s',
    async (url) => {
      const response = await h.get(url);
      expect(response.statusCode).toBeLessThan(500);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    },
  );
});
