/**
 * The email settings parsed from the environment: defaults that work with nothing set, and a
 * readable refusal of values that cannot work.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('email configuration', () => {
  it('works with nothing set: no SMTP, no inbound, mail waits in the outbox', () => {
    const config = parseConfig({});
    expect(config.email).toMatchObject({
      smtpUrl: undefined,
      from: 'Parley <parley@localhost>',
      inboundDomain: 'localhost',
      inboundSecret: undefined,
      inboundSmtp: undefined,
      unseenReplyDelaySeconds: 120,
      workerIntervalMs: 5000,
    });
    expect(config.queueMaxWaitSeconds).toBe(300);
  });

  it('takes the reply domain from MAIL_FROM unless INBOUND_EMAIL_DOMAIN says otherwise', () => {
    const env = {
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      MAIL_FROM: 'Acme Support <help@Acme.example>',
      INBOUND_SMTP_PORT: '2525',
    };
    expect(parseConfig(env).email).toMatchObject({
      inboundDomain: 'acme.example',
      inboundSmtp: { port: 2525, host: '0.0.0.0' },
    });
    expect(parseConfig({ ...env, INBOUND_EMAIL_DOMAIN: 'in.acme.example' }).email.inboundDomain).toBe(
      'in.acme.example',
    );
  });

  it('names every bad value', () => {
    const bad = {
      SMTP_URL: 'http://mail',
      MAIL_FROM: 'nobody',
      INBOUND_EMAIL_SECRET: 'short',
      INBOUND_SMTP_PORT: 'twenty-five',
    };
    expect(() => parseConfig(bad)).toThrow(ConfigError);
    try {
      parseConfig(bad);
    } catch (error) {
      const message = (error as Error).message;
      for (const name of Object.keys(bad)) expect(message).toContain(name);
    }
  });
});
