import { join, resolve } from 'node:path';
import { normalizePublicUrl, publicUrlProblem } from '../shared/settings';
import type { RateLimits } from './http/security';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  adminPassword: string | undefined;
  trustProxy: boolean;
  loadDemo: boolean;
  logLevel: string;
  /** Outgoing mail (invitations): smtp://user:pass@host:587, or null when not configured. */
  mail: MailConfig | null;
  /** HOINGHI_SECRET_KEY as given (hex or base64); when empty, the server keeps its key in <dataDir>/hoinghi.key. */
  secretKey: string | undefined;
  /** Requests a minute, from RATE_LIMIT_REPLIES_PER_IP, …_REPLIES_PER_TOKEN, …_PUBLIC_PER_IP, …_LOGIN_PER_IP. */
  rateLimits: Partial<RateLimits>;
  /** PUBLIC_URL: the address printed on letters and badges (QR codes, links); null when not set. */
  publicUrl: string | null;
}

const RATE_LIMIT_ENV: Record<keyof RateLimits, string> = {
  repliesPerIp: 'RATE_LIMIT_REPLIES_PER_IP',
  repliesPerToken: 'RATE_LIMIT_REPLIES_PER_TOKEN',
  publicPerIp: 'RATE_LIMIT_PUBLIC_PER_IP',
  loginPerIp: 'RATE_LIMIT_LOGIN_PER_IP',
};

function rateLimitsFrom(env: NodeJS.ProcessEnv): Partial<RateLimits> {
  const limits: Partial<RateLimits> = {};
  for (const [key, name] of Object.entries(RATE_LIMIT_ENV) as [keyof RateLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name} must be a positive integer, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}

/** PUBLIC_URL checked at start-up: a wrong address stops the server instead of being printed on every letter. */
function publicUrlFrom(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const problem = publicUrlProblem(raw);
  if (problem) throw new Error(`PUBLIC_URL "${raw}": ${problem}`);
  return normalizePublicUrl(raw);
}

export interface MailConfig {
  url: string;
  from: string;
}

/**
 * This machine only: 127.0.0.0/8, ::1 (also IPv4-mapped) and the name localhost. Used for the listening host and
 * for a client's address.
 */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === 'localhost' || a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/**
 * Everything configurable comes from the environment; the defaults give the demo on http://localhost:3000, on
 * this machine only: the demo accounts' password is published, so reaching the network is an explicit HOST.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || join(dataDir, 'hoinghi.db'),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    loadDemo: env.HOINGHI_DEMO !== 'off',
    logLevel: env.LOG_LEVEL ?? 'warn',
    mail: env.SMTP_URL
      ? { url: env.SMTP_URL, from: env.MAIL_FROM || 'Ban tổ chức hội nghị <hoinghi@localhost>' }
      : null,
    secretKey: env.HOINGHI_SECRET_KEY || undefined,
    rateLimits: rateLimitsFrom(env),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
  };
}
