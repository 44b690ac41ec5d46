import { auditShownData, REDACTED_CREDENTIAL } from './audit-redaction';

describe('What the audit trail shows of an event’s data', () => {
  it('shows that a webhook secret was set, never the secret', () => {
    const data = { webhookId: 'w1', url: 'https://sms.example/hook', secret: 'a-secret-long-enough-to-sign', registeredBy: 'demo-admin' };
    expect(auditShownData('WebhookRegistered', data)).toEqual({ ...data, secret: REDACTED_CREDENTIAL });
    expect(data.secret).toBe('a-secret-long-enough-to-sign');
  });

  it('shows every other event as it was recorded', () => {
    const data = { messageId: 'm1', secret: 'not a credential here' };
    expect(auditShownData('PublicMessageHidden', data)).toBe(data);
    expect(auditShownData('WebhookRegistered', null)).toBeNull();
  });
});
