/**
 * The first `limit` items in `compare` order of everything added, in memory proportional to `limit`: items are
 * collected and, whenever twice the limit have piled up, sorted and cut back to the limit (amortised O(log limit) per
 * item). `total` counts everything added.
 */
export class BoundedList<T> {
  private kept: T[] = [];
  /** How many items were added in all. */
  total = 0;

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(item: T): void {
    this.total += 1;
    this.kept.push(item);
    if (this.kept.length >= 2 * this.limit) this.cut();
  }

  /** The first `limit` items, in order. */
  items(): T[] {
    this.cut();
    return [...this.kept];
  }

  private cut(): void {
    this.kept.sort(this.compare);
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }
}
