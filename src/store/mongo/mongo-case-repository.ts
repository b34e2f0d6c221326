import type { Case, CaseSummary } from '../../domain/case';
import { VaktpostError } from '../../domain/errors';
import type { CaseQuery, CaseRepository } from '../../ports/case-repository';
import {
  assertNextRevision,
  CASE_LIST_SORT,
  CASE_SUMMARY_PROJECTION,
  caseFilter,
  caseToDocument,
  documentToCase,
  documentToCaseSummary,
  SUMMARY_BATCH,
} from '../documents';
import { isDuplicateKeyError } from './connect';
import { asFilter, withoutId, type MongoCollection } from './types';

/**
 * Cases in MongoDB, `_id` = case id. An update is one `replaceOne` whose filter carries the expected revision, so of
 * two writers that read the same revision exactly one matches (MongoDB's single-document atomicity; no transaction).
 */
export class MongoCaseRepository implements CaseRepository {
  constructor(private readonly collection: MongoCollection) {}

  async create(next: Case): Promise<void> {
    try {
      await this.collection.insertOne(caseToDocument(next));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicate(next);
      throw error;
    }
  }

  async get(id: string): Promise<Case | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc === null ? null : documentToCase(doc);
  }

  async getByNumber(number: string): Promise<Case | null> {
    const doc = await this.collection.findOne({ number });
    return doc === null ? null : documentToCase(doc);
  }

  async update(next: Case, expectedRevision: number): Promise<boolean> {
    assertNextRevision(next.revision, expectedRevision, 'case');
    try {
      const result = await this.collection.replaceOne(
        { _id: next.id, revision: expectedRevision },
        withoutId(caseToDocument(next)),
      );
      return result.matchedCount === 1;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw duplicate(next);
      throw error;
    }
  }

  async list(query: CaseQuery): Promise<Case[]> {
    const docs = await this.collection
      .find(asFilter(caseFilter(query)))
      .sort(CASE_LIST_SORT)
      .toArray();
    return docs.map(documentToCase);
  }

  /** One cursor with the summary's projection; the driver fetches a batch at a time. */
  async *scanSummaries(query: CaseQuery): AsyncIterable<CaseSummary> {
    const cursor = this.collection
      .find(asFilter(caseFilter(query)), { projection: CASE_SUMMARY_PROJECTION })
      .batchSize(SUMMARY_BATCH);
    try {
      for await (const doc of cursor) yield documentToCaseSummary(doc);
    } finally {
      await cursor.close();
    }
  }
}

function duplicate(next: Case): VaktpostError {
  return new VaktpostError('store.duplicate', `A case with id ${next.id} or number ${next.number} exists already.`, {
    caseId: next.id,
    number: next.number,
  });
}
