import { withEmailAccounts } from '../../src/directory/email-accounts';
import { directorySchema } from '../../src/directory/schema';

const data = directorySchema.parse({
  organisation: 'Testpartiet',
  people: [
    { id: 'kim', name: 'Kim', email: 'kim@example.org' },
    { id: 'pinned', name: 'Pinned', email: 'pinned@example.org', accounts: { slack: 'UPIN' } },
    { id: 'twin', name: 'Twin', email: 'twin@example.org' },
  ],
  districts: [{ id: 'norrby', name: 'Norrby', contacts: ['kim'] }],
  centralContact: 'kim',
});

describe('accounts from e-mail addresses', () => {
  it('fills only missing accounts, never overrides one written in the file, never gives one account to two people', () => {
    const found = new Map([
      ['KIM@example.org', 'U1'],
      ['pinned@example.org', 'UOTHER'],
      ['twin@example.org', 'UPIN'],
    ]);
    const { data: next, resolution } = withEmailAccounts(data, 'slack', found);
    expect(next.people.map((p) => [p.id, p.accounts.slack])).toEqual([
      ['kim', 'U1'],
      ['pinned', 'UPIN'],
      ['twin', undefined],
    ]);
    expect(resolution).toEqual({ platform: 'slack', found: ['kim'], notFound: ['twin'] });
    // The input is left as it was: a refused reload can keep using it.
    expect(data.people[0]?.accounts).toEqual({});
  });
});
