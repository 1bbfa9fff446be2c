import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from './mailer.js';

/** A minimal SMTP server on loopback that records what it receives (enough for nodemailer, no TLS). */
function fakeSmtp(): Promise<{ port: number; messages: string[]; close: () => Promise<void> }> {
  const messages: string[] = [];
  const server = net.createServer((sock) => {
    let data = false;
    let buf = '';
    let body = '';
    sock.write('220 test ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            messages.push(body);
            body = '';
            sock.write('250 queued\r\n');
          } else body += line + '\n';
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') sock.write('250-test\r\n250 8BITMIME\r\n');
        else if (cmd === 'DATA') {
          data = true;
          sock.write('354 go\r\n');
        } else if (cmd === 'QUIT') sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        messages,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
beforeAll(async () => {
  smtp = await fakeSmtp();
});
afterAll(async () => smtp.close());

describe('SMTP mailer', () => {
  it('delivers a Chinese notification through the configured SMTP server', async () => {
    const mailer = new SmtpMailer(
      `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      '博后通 <noreply@bohou.local>',
    );
    await mailer.send({ to: 'unit@example.org', subject: '设站申请已提交', text: '请等待区县博管办审核。' });
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m).toContain('To: unit@example.org');
    expect(m).toMatch(/Subject: =\?UTF-8\?/);
  });
});
