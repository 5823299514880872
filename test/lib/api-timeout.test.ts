import { describe, expect, it } from 'vitest';
import { parseApiTimeoutMs } from '../../src/lib/api/api-timeout';
import { apiTimeoutMs } from '../../src/lib/api/base-url';

describe('the API timeout a build sets (VITE_API_TIMEOUT_MS)', () => {
  it('is 15 s when unset, as in this build', () => {
    expect(parseApiTimeoutMs(undefined)).toBe(15_000);
    expect(parseApiTimeoutMs('')).toBe(15_000);
    expect(apiTimeoutMs).toBe(15_000);
  });

  it('takes a whole number of milliseconds up to 10 minutes', () => {
    expect(parseApiTimeoutMs('3000')).toBe(3000);
    expect(parseApiTimeoutMs('1')).toBe(1);
    expect(parseApiTimeoutMs('600000')).toBe(600_000);
  });

  it.each(['0', '3s', '1.5', '-1', ' 3000', '1e4', '600001', '9999999', 'Infinity'])('refuses %j, saying what it wants', (raw) => {
    expect(() => parseApiTimeoutMs(raw)).toThrow(`VITE_API_TIMEOUT_MS must be a whole number of milliseconds from 1 to 600000, not ${JSON.stringify(raw)}.`);
  });
});
