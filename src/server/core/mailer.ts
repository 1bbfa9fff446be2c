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
