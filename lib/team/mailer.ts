import type { Database } from '@/lib/db/client';
import { outboxMessages } from '@/lib/db/schema';

export type Mail = { to: string; subject: string; body: string; link?: string };

/**
 * Sends a workspace's mail: through SMTP when SMTP_URL is set (nodemailer), and always into the outbox table, which
 * the team page shows — so without a mail server (development, tests, a first install) links can still be copied.
 */
export async function sendMail(db: Database, orgId: string, mail: Mail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    const nodemailer = await import('nodemailer');
    const transport = nodemailer.createTransport(smtpUrl);
    await transport.sendMail({
      from: process.env.MAIL_FROM || 'Segmenta <no-reply@segmenta.invalid>',
      to: mail.to,
      subject: mail.subject,
      text: mail.link ? `${mail.body}\n\n${mail.link}` : mail.body,
    });
  }
  await db.insert(outboxMessages).values({
    orgId,
    toEmail: mail.to,
    subject: mail.subject,
    body: mail.body,
    link: mail.link ?? null,
    transport: smtpUrl ? 'smtp' : 'outbox',
  });
}
