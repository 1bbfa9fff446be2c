import nodemailer, { type Transporter } from 'nodemailer';
import type { Storage } from './storage.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. Without SMTP configured, mail is written to storage under `mail/` for inspection. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export class StorageMailer implements Mailer {
  private seq = 0;
  constructor(private readonly storage: Storage) {}
  async send(mail: Mail): Promise<void> {
    const name = `mail/${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${this.seq++}.eml`;
    const body = `To: ${mail.to}\nSubject: ${mail.subject}\nContent-Type: text/plain; charset=utf-8\n\n${mail.text}\n`;
    await this.storage.put(name, body);
  }
}

/** SMTP delivery (SMTP_URL, e.g. `smtp://user:pass@mail.example.org:587`), sender SMTP_FROM. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

export function createMailer(
  config: { smtpUrl: string | undefined; smtpFrom: string },
  storage: Storage,
): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.smtpFrom) : new StorageMailer(storage);
}
