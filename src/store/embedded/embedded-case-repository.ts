import type { Case, CaseSummary } from '../../domain/case';
import { VaktpostError } from '../../domain/errors';
import type { CaseQuery, CaseRepository } from '../../ports/case-repository';
import {
  assertNextRevision,
  CASE_LIST_SORT,
  caseFilter,
  caseToDocument,
  documentToCase,
  documentToCaseSummary,
  SUMMARY_BATCH,
} from '../documents';
import { isUniqueViolation, type Collection } from './datastore';

/**
 * Cases in a NeDB file. NeDB runs one operation at a time per collection, so an update whose query carries the
 * expected revision is an atomic compare-and-set within this process (the embedded store serves one process).
 */
export class EmbeddedCaseRepository implements CaseRepository {
  constructor(private readonly collection: Collection) {}

  async create(next: Case): Promise<void> {
    try {
      await this.collection.insertAsync(caseToDocument(next));
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(next);
      throw error;
    }
  }

  async get(id: string): Promise<Case | null> {
    const doc = await this.collection.findOneAsync({ _id: id });
    return doc === null ? null : documentToCase(doc);
  }

  async getByNumber(number: string): Promise<Case | null> {
    const doc = await this.collection.findOneAsync({ number });
    return doc === null ? null : documentToCase(doc);
  }

  async update(next: Case, expectedRevision: number): Promise<boolean> {
    assertNextRevision(next.revision, expectedRevision, 'case');
    try {
      const { numAffected } = await this.collection.updateAsync(
        { _id: next.id, revision: expectedRevision },
        caseToDocument(next),
        {},
      );
      return numAffected === 1;
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(next);
      throw error;
    }
  }

  async list(query: CaseQuery): Promise<Case[]> {
    const docs = await this.collection.findAsync(caseFilter(query)).sort(CASE_LIST_SORT);
    return docs.map(documentToCase);
  }

  /**
   * NeDB holds every document in memory already, but `find` hands out deep copies: so the ids are read first (the
   * smallest projection NeDB offers), then the cases batch by batch through the `_id` index, each cut down to its
   * summary at once. (NeDB's own projection is slower than a plain copy: it validates and copies twice.) A case
   * removed between the two reads is skipped; one changed meanwhile is read as it is now, which a sweep re-checks.
   */
  async *scanSummaries(query: CaseQuery): AsyncIterable<CaseSummary> {
    const ids = (await this.collection.findAsync(caseFilter(query), { status: 1 })).map((doc) => doc._id);
    for (let start = 0; start < ids.length; start += SUMMARY_BATCH) {
      const batch = ids.slice(start, start + SUMMARY_BATCH);
      const docs = await this.collection.findAsync({ _id: { $in: batch } });
      for (const doc of docs) yield documentToCaseSummary(doc);
    }
  }
}

function duplicate(next: Case): VaktpostError {
  return new VaktpostError('store.duplicate', `A case with id ${next.id} or number ${next.number} exists already.`, {
    caseId: next.id,
    number: next.number,
  });
}
