import { Writable } from 'node:stream';
import { createLogger, JsonLogger } from './json-logger';

const capture = () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = new JsonLogger(createLogger({ level: 'info', destination }));
  return { logger, lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
};

describe('JSON logs', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { logger, lines } = capture();
    logger.log('platform ready', 'Bootstrap');
    expect(lines()[0]).toMatchObject({ level: 'info', msg: 'platform ready', context: 'Bootstrap', time: expect.any(String) });
  });

  it('never writes tokens, passwords or the personal data of applicants', () => {
    const { logger, lines } = capture();
    logger.event('info', 'request received', {
      token: 'eyJhbGciOiJIUzI1NiJ9.secret',
      authorization: 'Bearer eyJ.secret',
      request: { applicantName: '张三', identityNumber: '440102199001011234', contact: '13800000000', address: '云浮市', description: '环境监测数据' },
      password: 'gongkai-demo',
    });
    const text = JSON.stringify(lines());
    for (const secret of ['eyJ', '张三', '440102199001011234', '13800000000', '云浮市', 'gongkai-demo']) expect(text).not.toContain(secret);
    expect(text).toContain('环境监测数据');
  });

  it('never writes the author of a public message nor a webhook subscriber\'s secret', () => {
    const { logger, lines } = capture();
    logger.event('info', 'message received', {
      message: { authorName: '李四', contact: 'lisi@example.cn', subject: '扬尘投诉处理进度' },
      webhook: { url: 'https://wechat.example.cn/hook', secret: 'wechat-desk-secret' },
      receipt: { tracking: { accessKey: 'k3y-of-the-author' } },
    });
    const text = JSON.stringify(lines());
    for (const secret of ['李四', 'lisi@example.cn', 'wechat-desk-secret', 'k3y-of-the-author']) expect(text).not.toContain(secret);
    expect(text).toContain('扬尘投诉处理进度');
  });

  it('logs errors with their type and message', () => {
    const { logger, lines } = capture();
    logger.error(new Error('disk full'), undefined, 'Relay');
    expect(lines()[0]).toMatchObject({ level: 'error', context: 'Relay', err: { type: 'Error', message: 'disk full' } });
  });
});
