/**
 * Run by shallow-modify.test.ts as `node --allow-natives-syntax --import tsx`: updates documents in an embedded
 * collection with and without `$unset` and prints whether V8 keeps each stored document as a compact object.
 * `--shallow` installs shallow-modify.ts, which builds the result of such updates itself; without it NeDB is left as
 * it comes, to show what that is for.
 */
import Datastore from '@seald-io/nedb';
import { installShallowModify } from '../../src/store/embedded/shallow-modify';

// V8's own test of an object's layout; only parseable with --allow-natives-syntax, hence built at run time.
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: unknown) => boolean;

async function main(): Promise<void> {
  if (process.argv.includes('--shallow')) installShallowModify();
  const store = new Datastore<Record<string, unknown>>({ inMemoryOnly: true });
  await store.insertAsync([
    { _id: 'unset', status: 'pending', message: { text: 'hej' }, n: 1 },
    { _id: 'set', status: 'pending', message: { text: 'hej' }, n: 1 },
  ]);
  await store.updateAsync({ _id: 'unset' }, { $set: { status: 'sent' }, $unset: { message: true } }, {});
  await store.updateAsync({ _id: 'set' }, { $set: { status: 'sent' } }, {});
  const stored = new Map(store.getAllData().map((doc) => [doc._id as string, doc]));
  const unset = stored.get('unset');
  console.log(
    JSON.stringify({
      unsetCompact: hasFastProperties(unset),
      setCompact: hasFastProperties(stored.get('set')),
      unsetDoc: unset,
      found: await store.findOneAsync({ _id: 'unset', status: 'sent' }),
    }),
  );
}

void main();
