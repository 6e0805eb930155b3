import { Hono } from 'hono';

/** The live dashboard at `/` (placeholder until the page lands). */
export function dashboardRoutes(): Hono {
  const app = new Hono();
  app.get('/', (c) => c.html('<!doctype html><meta charset="utf-8"><title>kpi</title><p>dashboard</p>'));
  return app;
}
