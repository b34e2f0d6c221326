import { createRequire } from 'node:module';

/** The node of NeDB's index tree (`@seald-io/binary-search-tree`'s internal AVL tree) as far as this patch uses it. */
interface TreeNode {
  key?: unknown;
  data: unknown[];
  left: TreeNode | null;
  right: TreeNode | null;
  compareKeys(a: unknown, b: unknown): number;
  checkValueEquality(a: unknown, b: unknown): boolean;
  delete(key: unknown, value?: unknown): TreeNode | undefined;
}

interface AvlTreeModule {
  AVLTree: new (options: object) => { tree: TreeNode };
}

/** True for NeDB's comparison of indexed documents, by identity (`(a, b) => a === b` in its indexes.js); only then is `indexOf` the same. */
export const isIdentityEquality = (equal: (a: unknown, b: unknown) => boolean): boolean => {
  const a = {};
  return equal(a, a) && !equal(a, {}) && /^\(a, b\) => a === b$/.test(String(equal));
};

/** The tree's node holding `key`, or null. */
function nodeOf(root: TreeNode, key: unknown): TreeNode | null {
  let node: TreeNode | null = root;
  while (node) {
    const order = node.compareKeys(key, node.key);
    if (order === 0) return node;
    node = order < 0 ? node.left : node.right;
  }
  return null;
}

let installed = false;

/**
 * A plain index keeps every document with the same value in one array (`status: 'sent'`: every message the outbox
 * ever sent and still keeps; `caseId` absent: every reply). NeDB removes a document from such an array with a filter
 * that calls a function per element and builds a new array, on every update of every indexed document: the cost of a
 * write grew with what the store keeps, until it was the largest part of a busy outbox's writes. This removes the
 * document with `indexOf` and `splice` instead (a native search by identity, the same comparison NeDB makes, and no
 * new array). Changing the array in place is safe in NeDB 4: the one place that receives it (`_getCandidatesAsync`)
 * copies it before it awaits anything. Everything else (a key's last
 * document, an unknown key, another equality) goes through the original. Installed once per process; re-check on an
 * upgrade of `@seald-io/nedb` or `@seald-io/binary-search-tree` (`test/store/index-removal.test.ts`).
 */
export function installFastIndexRemoval(): void {
  if (installed) return;
  installed = true;
  const requireFromNedb = createRequire(require.resolve('@seald-io/nedb'));
  const { AVLTree } = requireFromNedb('@seald-io/binary-search-tree') as AvlTreeModule;
  const proto = Object.getPrototypeOf(new AVLTree({}).tree) as TreeNode;
  const original = proto.delete;
  const identity = new WeakMap<object, boolean>();
  proto.delete = function (this: TreeNode, key: unknown, value?: unknown): TreeNode | undefined {
    if (value === undefined || !Object.prototype.hasOwnProperty.call(this, 'key'))
      return original.call(this, key, value);
    let fast = identity.get(this.checkValueEquality);
    if (fast === undefined) {
      fast = isIdentityEquality(this.checkValueEquality);
      identity.set(this.checkValueEquality, fast);
    }
    if (!fast) return original.call(this, key, value);
    const node = nodeOf(this, key);
    if (!node || node.data.length <= 1) return original.call(this, key, value);
    const at = node.data.indexOf(value);
    if (at !== -1) node.data.splice(at, 1);
    return this;
  };
}
