import { PlatformMetrics } from './metrics';

describe('Prometheus metrics', () => {
  it('counts commands and their latency by context, type and outcome', async () => {
    const metrics = new PlatformMetrics('test');
    metrics.observeCommand('services-catalog', 'DraftServiceItem', 'ok', 0.002);
    metrics.observeCommand('services-catalog', 'DraftServiceItem', 'CONFLICT', 0.004);
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/text\/plain/);
    expect(body).toContain('gongkai_commands_total{context="services-catalog",type="DraftServiceItem",outcome="ok",process="test"} 1');
    expect(body).toContain('gongkai_commands_total{context="services-catalog",type="DraftServiceItem",outcome="CONFLICT",process="test"} 1');
    expect(body).toMatch(/gongkai_command_duration_seconds_bucket\{le="0.0025",process="test",context="services-catalog",type="DraftServiceItem",outcome="ok"\} 1/);
  });

  it('reads gauges when scraped, one series per read model', async () => {
    const metrics = new PlatformMetrics('test');
    let lag = 3;
    metrics.gauge('gongkai_projection_lag_events', 'Events a read model is behind.', () => ({ 'service-items': lag }), 'read_model');
    expect((await metrics.render()).body).toContain('gongkai_projection_lag_events{read_model="service-items",process="test"} 3');
    lag = 0;
    expect((await metrics.render()).body).toContain('gongkai_projection_lag_events{read_model="service-items",process="test"} 0');
  });

  it('counts NATS reconnects', async () => {
    const metrics = new PlatformMetrics('test');
    metrics.natsReconnected();
    expect((await metrics.render()).body).toContain('gongkai_nats_reconnects_total{process="test"} 1');
  });
});
