import { caseSummarySchema } from '../../src/domain/case';
import { policeNumberMissing } from '../../src/police/police-reminder';
import { POLICE_NUMBER_SEALED, statisticsOfReport } from '../../src/store/encrypted/encrypted-case-repository';
import { makeCase, makeReport } from '../support/fixtures';

const WEEK = 7 * 24 * 60 * 60_000;

describe('the missing police number, as the digest reads it from the clear fields of an encrypted case', () => {
  it('keeps only that a number is recorded, and so stops asking once there is one', () => {
    const withNumber = makeReport({ police: { status: 'reported', caseNumber: '5000-K123456-26' } });
    const clear = statisticsOfReport(withNumber);
    expect(clear.police).toEqual({ status: 'reported', caseNumber: POLICE_NUMBER_SEALED });
    expect(JSON.stringify(clear)).not.toContain('K123456');
    const c = makeCase({ report: clear, status: 'open' });
    const summary = caseSummarySchema.parse(c);
    expect(policeNumberMissing(summary, new Date(Date.parse(c.createdAt) + WEEK))).toBe(false);

    const wanted = caseSummarySchema.parse(
      makeCase({ report: statisticsOfReport(makeReport({ police: { status: 'wants_help' } })) }),
    );
    expect(policeNumberMissing(wanted, new Date(Date.parse(wanted.createdAt) + WEEK - 60_000))).toBe(false);
    expect(policeNumberMissing(wanted, new Date(Date.parse(wanted.createdAt) + WEEK))).toBe(true);
    const notWanted = caseSummarySchema.parse(
      makeCase({ report: makeReport({ police: { status: 'not_contacted' } }) }),
    );
    expect(policeNumberMissing(notWanted, new Date(Date.parse(notWanted.createdAt) + 2 * WEEK))).toBe(false);
  });

  it('keeps the hate-crime motive in clear beside the categories, for the statistics', () => {
    expect(statisticsOfReport(makeReport({ hateCrimeMotive: 'yes' })).hateCrimeMotive).toBe('yes');
  });
});
