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
  type StoredDocument,
} from '../documents';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { currentDocument, isUniqueViolation, matches, type Collection } from './datastore';

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
   * NeDB holds every document in memory already, but `find` hands out a deep copy of each whole case (some 12 KB):
   * the sweep's largest cost. So the scan reads NeDB's own documents without copying them: the ids of every case
   * first, then batch by batch each case as it is now (one removed meanwhile is skipped, one changed is read as it is
   * now, which a sweep re-checks), tested against the query with NeDB's own matcher and cut down to its summary.
   * Validating the summary builds new objects, so nothing of NeDB's memory leaves here to be changed by a caller.
   */
  async *scanSummaries(query: CaseQuery): AsyncIterable<CaseSummary> {
    const filter = caseFilter(query);
    const ids = this.collection.getAllData().map((doc) => (doc as StoredDocument)._id);
    for (let start = 0; start < ids.length; start += SUMMARY_BATCH) {
      const batch: StoredDocument[] = [];
      for (const id of ids.slice(start, start + SUMMARY_BATCH)) {
        const doc = currentDocument(this.collection, id);
        if (doc && matches(doc, filter)) batch.push(doc);
      }
      for (const doc of batch) yield documentToCaseSummary(doc);
      // Other work (a DM, a button) runs between batches, as it did between the reads of a batch.
      await nextTurn();
    }
  }
}

function duplicate(next: Case): VaktpostError {
  return new VaktpostError('store.duplicate', `A case with id ${next.id} or number ${next.number} exists already.`, {
    caseId: next.id,
    number: next.number,
  });
}
