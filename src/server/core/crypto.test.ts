import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './crypto.js';

describe('field encryption', () => {
  it('round-trips, uses a fresh IV each time, and detects tampering', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bohou-key-'));
    const c = FieldCipher.fromDataDir(dir);
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(c.decrypt(a)).toBe('11010519491231002X');
    const parts = a.split(':');
    parts[3] = Buffer.from('00000000000000000X').toString('base64url');
    expect(() => c.decrypt(parts.join(':'))).toThrow();
    // The same key is read back from DATA_DIR.
    expect(FieldCipher.fromDataDir(dir).decrypt(a)).toBe('11010519491231002X');
    expect((fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toString(8)).toBe('600');
  });
});
