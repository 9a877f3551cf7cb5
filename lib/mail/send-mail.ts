import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// Outgoing mail through the operator's SMTP server (SMTP_URL), with nodemailer: the standard
// Node SMTP client (next-auth's email sign-in uses it too). Only sign-up confirmations go out
// today. Timeouts are short so a hung mail server fails the request instead of holding it.

let transport: { url: string; transporter: Transporter } | undefined;

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one plain-text mail; throws when SMTP_URL is unset or the server refuses it. */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set: Hookline cannot send mail");
  if (transport?.url !== SMTP_URL)
    transport = {
      url: SMTP_URL,
      transporter: nodemailer.createTransport(SMTP_URL, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  await transport.transporter.sendMail({ from: MAIL_FROM, ...mail });
}
