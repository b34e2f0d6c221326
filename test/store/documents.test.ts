import { decodeKeys, encodeKeys } from '../../src/store/documents';

/**
 * Keys with `.`, `$` or `%` (step ids, adapters' payload keys) are escaped on the way into a store and back on the
 * way out (src/store/documents.ts). What a member would notice if the way back went wrong: an answer under another
 * step, or lost, or a value that looks like a query changed.
 */
describe('keys escaped in stored documents', () => {
  it('come back as they were at any depth, among keys that needed nothing, in their order', () => {
    const value = {
      plain: 'Torget',
      list: [1, 'två', null, { 'a.b': [{ $where: '{"$where": "1"}' }], keep: { deep: true } }],
      'where.place': 'Torget',
      nested: { ok: 1, '100%': ['a', 'b'], after: { x$y: '%2E stays text' } },
      last: 'sist',
    };
    const encoded = encodeKeys(value) as Record<string, unknown>;
    expect(Object.keys(encoded)).toEqual(['plain', 'list', 'where%2Eplace', 'nested', 'last']);
    expect(Object.keys(encoded.nested as object)).toEqual(['ok', '100%25', 'after']);
    const decoded = decodeKeys(encoded);
    expect(decoded).toEqual(value);
    expect(Object.keys(decoded as object)).toEqual(Object.keys(value));
    expect(Object.keys((decoded as typeof value).nested)).toEqual(['ok', '100%', 'after']);
  });

  it('leave a stored value without escapes as it is, values that look like escapes included', () => {
    const stored = { text: '%2E and %24 in a value', list: [{ a: 1 }, 'b'] };
    expect(decodeKeys(stored)).toEqual({ text: '%2E and %24 in a value', list: [{ a: 1 }, 'b'] });
  });

  it('leave keys whose value is undefined out, at any depth, and change nothing in what they were given', () => {
    const given = {
      a: 1,
      gone: undefined,
      nested: { keep: 'x', gone: undefined, 'a.b': 2 },
      list: [{ gone: undefined }],
    };
    const before = JSON.stringify(given);
    const encoded = encodeKeys(given) as Record<string, unknown>;
    expect(Object.keys(encoded)).toEqual(['a', 'nested', 'list']);
    expect(encoded.nested).toEqual({ keep: 'x', 'a%2Eb': 2 });
    expect(Object.keys((encoded.list as object[])[0] as object)).toEqual([]);
    expect(JSON.stringify(given)).toBe(before);
    expect(Object.keys(given.nested)).toEqual(['keep', 'gone', 'a.b']);
  });
});
