import { DEFAULT_WEBHOOK_SETTINGS, webhookSettingsFrom } from './webhook-dispatcher';

describe('webhook channel settings', () => {
  it('uses the defaults when nothing is set', () => {
    expect(webhookSettingsFrom({})).toEqual(DEFAULT_WEBHOOK_SETTINGS);
  });

  it('takes positive whole numbers from the environment', () => {
    expect(webhookSettingsFrom({ PARTICIPATION_WEBHOOK_RETRY_BASE_MS: '200', PARTICIPATION_WEBHOOK_MAX_ATTEMPTS: '3', PARTICIPATION_WEBHOOK_TIMEOUT_MS: '500', PARTICIPATION_WEBHOOK_TICK_MS: '50' })).toEqual({
      baseDelayMs: 200,
      maxAttempts: 3,
      timeoutMs: 500,
      tickMs: 50,
    });
  });

  it('refuses every bad value at once, naming each, instead of falling back silently', () => {
    const start = () => webhookSettingsFrom({ PARTICIPATION_WEBHOOK_RETRY_BASE_MS: '30s', PARTICIPATION_WEBHOOK_MAX_ATTEMPTS: '0', PARTICIPATION_WEBHOOK_TICK_MS: '-5' });
    expect(start).toThrow('PARTICIPATION_WEBHOOK_RETRY_BASE_MS must be a positive whole number (got "30s")');
    expect(start).toThrow('PARTICIPATION_WEBHOOK_MAX_ATTEMPTS must be a positive whole number (got "0")');
    expect(start).toThrow('PARTICIPATION_WEBHOOK_TICK_MS must be a positive whole number (got "-5")');
  });
});
