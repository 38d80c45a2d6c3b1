import { describe, expect, it } from 'vitest';
import { checkDraft, countChars, countingOf, fillPlaceholders, findPii, ibanValid, luhn, withSignature } from './composer';

const limits = { publicLimit: 280, privateLimit: 10000 };

describe('the counter', () => {
  it('counts a public X reply as X does: links 23, emoji and CJK 2, Latin 1', () => {
    expect(countingOf('X', 'public')).toBe('x-weighted');
    expect(countChars('héllo', 'x-weighted')).toBe(5);
    expect(countChars('😀'.repeat(140), 'x-weighted')).toBe(280);
    expect(countChars('日本', 'x-weighted')).toBe(4);
    expect(countChars('see https://help.example.com/' + 'x'.repeat(100), 'x-weighted')).toBe(4 + 23);
  });

  it('counts Bluesky in graphemes and the other channels in code points', () => {
    expect(countingOf('BLUESKY', 'public')).toBe('graphemes');
    expect(countChars('👨‍👩‍👧 hi', 'graphemes')).toBe(4);
    expect(countingOf('X', 'private')).toBe('code-points');
    expect(countChars('😀é', 'code-points')).toBe(2);
  });

  it('blocks a public X reply over 280 characters, signature included', () => {
    const text = withSignature('x'.repeat(277), ' ^AL', true);
    expect(checkDraft(text, 'public', limits, 'X').blockedBecause).toMatch(/Too long: 281 of 280/);
    expect(checkDraft('x'.repeat(280), 'public', limits, 'X').blockedBecause).toBeNull();
    expect(checkDraft('😀'.repeat(141), 'public', limits, 'X').blockedBecause).toMatch(/Too long: 282 of 280/);
    expect(checkDraft('x'.repeat(281), 'private', limits, 'X').blockedBecause).toBeNull();
  });

  it('offers no public reply where the channel has none', () => {
    expect(checkDraft('hello', 'public', { publicLimit: null, privateLimit: 20000 }, 'ASK_US').blockedBecause)
      .toMatch(/no public reply/);
    expect(checkDraft('hello', 'private', { publicLimit: null, privateLimit: 20000 }, 'ASK_US').blockedBecause).toBeNull();
  });

  it('does not send an empty draft', () => {
    expect(checkDraft('   ', 'note', limits, 'X').blockedBecause).not.toBeNull();
  });
});

describe('the PII guard', () => {
  it('finds e-mail addresses, phone numbers, card numbers and IBANs', () => {
    expect(findPii('write to casey.doe@example.com').map(h => h.kind)).toEqual(['email address']);
    expect(findPii('call +44 20 7946 0958 today').map(h => h.kind)).toEqual(['phone number']);
    expect(findPii('card 4111 1111 1111 1111 ok').map(h => h.kind)).toEqual(['card number']);
    expect(findPii('IBAN GB82 WEST 1234 5698 7654 32').map(h => h.kind)).toEqual(['IBAN']);
  });

  it('leaves ordinary numbers alone', () => {
    expect(findPii('order 12345 shipped on 2024-05-01')).toEqual([]);
    expect(findPii('card 4111 1111 1111 1112')).toEqual([]);
  });

  it('blocks a public reply with personal data but not a private one', () => {
    expect(checkDraft('mail me at a@b.co', 'public', limits, 'X').blockedBecause).toMatch(/personal data/);
    expect(checkDraft('mail me at a@b.co', 'private', limits, 'X').blockedBecause).toBeNull();
  });

  it('checks Luhn and IBAN digits', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB83WEST12345698765432')).toBe(false);
  });
});

describe('canned responses', () => {
  it('fill their placeholders with plain text', () => {
    const body = 'Hi {{customer.name}}, {{agent.name}} here about {{ticket.reference}} ({{customer.handle}}).';
    expect(fillPlaceholders(body, { customerName: '<b>Casey</b>', customerHandle: '@casey', agentName: 'Ava', ticketReference: 'SW-1' }))
      .toBe('Hi <b>Casey</b>, Ava here about SW-1 (@casey).');
    expect(fillPlaceholders('Hi {{customer.name}}', { customerHandle: '@casey' })).toBe('Hi @casey');
    expect(fillPlaceholders('Hi {{customer.name}}', {})).toBe('Hi there');
  });
});
