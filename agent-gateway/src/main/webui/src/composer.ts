// The composer's rules, kept free of the DOM so they are unit-tested.

import type { Channel, Visibility } from './model';

/**
 * How a channel counts a reply's length, as ticket-service checks it (it refuses a longer reply with
 * 422): a public X reply by X's weighting, Bluesky in graphemes, everything else in code points.
 */
export type Counting = 'x-weighted' | 'graphemes' | 'code-points';

export function countingOf(channel: Channel, mode: ComposeMode): Counting {
  if ((channel === 'X' || channel === 'REPLAY') && mode === 'public') return 'x-weighted';
  if (channel === 'BLUESKY' && mode !== 'note') return 'graphemes';
  return 'code-points';
}

/** X counts every link as 23 characters, whatever its length (t.co wrapping). */
const X_URL_WEIGHT = 23;
const LINK = /https?:\/\/\S+/giu;

/** X's light code points (twitter-text v3): Latin and general punctuation count 1, the rest (CJK, emoji) 2. */
function xWeight(cp: number): number {
  return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247) ? 1 : 2;
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function xWeighted(text: string): number {
  let length = 0;
  for (const part of text.split(LINK)) {
    for (const ch of part) length += xWeight(ch.codePointAt(0)!);
  }
  return length + (text.match(LINK)?.length ?? 0) * X_URL_WEIGHT;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The draft's length as the channel counts it. */
export function countChars(text: string, counting: Counting = 'code-points'): number {
  if (counting === 'x-weighted') return xWeighted(text);
  if (counting === 'graphemes') return [...GRAPHEMES.segment(text)].length;
  return codePoints(text);
}

/** The reply as it will be sent: the text and, if wanted, the agent's signature. */
export function withSignature(text: string, signature: string, sign: boolean): string {
  return sign && signature ? text.replace(/\s+$/u, '') + signature : text;
}

export interface PlaceholderValues {
  customerName?: string | null;
  customerHandle?: string | null;
  agentName?: string | null;
  ticketReference?: string | null;
}

/**
 * Fills a canned response's placeholders. Plain string replacement: the values are customer text and
 * end up in a textarea's value, never in markup.
 */
export function fillPlaceholders(body: string, v: PlaceholderValues): string {
  const name = v.customerName?.trim() || v.customerHandle?.trim() || 'there';
  return body
    .split('{{customer.name}}').join(name)
    .split('{{customer.handle}}').join(v.customerHandle ?? '')
    .split('{{agent.name}}').join(v.agentName ?? '')
    .split('{{ticket.reference}}').join(v.ticketReference ?? '');
}

export type PiiKind = 'email address' | 'phone number' | 'card number' | 'IBAN';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const PHONE = /(?:\+|\b00)?\d[\d ().-]{7,}\d\b/g;

/** Luhn checksum, so order numbers and the like are not taken for card numbers. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** ISO 13616 check digits (mod 97). */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/**
 * Personal data an agent is about to post publicly. The composer blocks a public reply with any of
 * it and offers to answer privately; ticket-service refuses it again on its side.
 */
export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  const taken = (start: number, end: number) => hits.some(h => start < h.end && end > h.start);
  for (const m of text.matchAll(EMAIL)) hits.push({ kind: 'email address', start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(IBAN)) {
    if (ibanValid(m[0]) && !taken(m.index!, m.index! + m[0].length)) {
      hits.push({ kind: 'IBAN', start: m.index!, end: m.index! + m[0].length });
    }
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (luhn(digits) && !taken(m.index!, m.index! + m[0].length)) {
      hits.push({ kind: 'card number', start: m.index!, end: m.index! + m[0].length });
    }
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 9 && digits.length <= 15 && !taken(m.index!, m.index! + m[0].length)) {
      hits.push({ kind: 'phone number', start: m.index!, end: m.index! + m[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export type ComposeMode = 'public' | 'private' | 'note';

export interface ComposeCheck {
  length: number;
  limit: number;
  over: boolean;
  pii: PiiHit[];
  /** Why sending is not possible now, or null when it is. */
  blockedBecause: string | null;
}

/** ticket-service's longest internal note. */
export const NOTE_LIMIT = 20000;

/**
 * Everything the composer shows about a draft, and whether it may be sent. A null public limit means
 * the channel has no public answer (the ask-us form replies by e-mail).
 */
export function checkDraft(text: string, mode: ComposeMode, limits: { publicLimit: number | null; privateLimit: number },
  channel: Channel): ComposeCheck {
  const limit = mode === 'public' ? limits.publicLimit ?? 0 : mode === 'private' ? limits.privateLimit : NOTE_LIMIT;
  const length = countChars(text, countingOf(channel, mode));
  const pii = mode === 'public' ? findPii(text) : [];
  let blockedBecause: string | null = null;
  if (text.trim().length === 0) blockedBecause = 'Write something first.';
  else if (mode === 'public' && limits.publicLimit === null) blockedBecause = 'This channel has no public reply: answer privately.';
  else if (length > limit) blockedBecause = `Too long: ${length} of ${limit} characters.`;
  else if (pii.length > 0) blockedBecause = `A public reply must not contain personal data (${pii.map(p => p.kind).join(', ')}). Answer privately instead.`;
  return { length, limit, over: length > limit, pii, blockedBecause };
}

export function visibilityOf(mode: ComposeMode): Visibility | null {
  return mode === 'public' ? 'PUBLIC' : mode === 'private' ? 'PRIVATE' : null;
}

export const channelNames: Record<Channel, string> = {
  X: 'X',
  MASTODON: 'Mastodon',
  BLUESKY: 'Bluesky',
  WEBHOOK: 'Webhook',
  ASK_US: 'Ask us',
  REPLAY: 'Replay',
};
