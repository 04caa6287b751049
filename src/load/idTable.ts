/**
 * The ids a stream has seen, with the line each was first seen on: exact, and compact. A Map of a
 * million ids keeps a million strings and entries on the heap, which every full collection walks again
 * (most of a long stream's collector time); here the ids' characters and lines sit in typed arrays the
 * collector never looks inside, in an open-addressing hash table of entry numbers.
 */
export class IdTable {
  /** the ids' UTF-16 code units, one after another */
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** per entry: where its id starts in `chars`, its length, its hash and its line */
  private start = new Float64Array(1 << 12);
  private length = new Uint32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private lines = new Float64Array(1 << 12);
  private count = 0;
  /** entry number + 1 per slot, 0 when empty; its size a power of two, at most half full */
  private slots = new Int32Array(1 << 13);

  get size(): number {
    return this.count;
  }

  /** the last id asked for and its hash: a check asks, then adds the same id */
  private lastId: string | undefined;
  private lastHash = 0;

  /** The line the id was first seen on, if seen. */
  get(id: string): number | undefined {
    const e = this.find(id, this.hash(id));
    return e < 0 ? undefined : this.lines[e];
  }

  /** Notes the id as seen on `line`, unless it was seen before (the first line stays). */
  add(id: string, line: number): void {
    const h = this.hash(id);
    if (this.find(id, h) >= 0) return;
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const e = this.count++;
    if (e >= this.lines.length) this.growEntries();
    if (this.used + id.length > this.chars.length) {
      let n = this.chars.length * 2;
      while (this.used + id.length > n) n *= 2;
      const chars = new Uint16Array(n);
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let i = 0; i < id.length; i++) this.chars[this.used + i] = id.charCodeAt(i);
    this.start[e] = this.used;
    this.length[e] = id.length;
    this.hashes[e] = h;
    this.lines[e] = line;
    this.used += id.length;
    this.place(e, h);
  }

  private hash(id: string): number {
    if (id !== this.lastId) {
      this.lastId = id;
      this.lastHash = hashOf(id);
    }
    return this.lastHash;
  }

  /** The entry holding the id, or -1. */
  private find(id: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]!;
      if (at === 0) return -1;
      const e = at - 1;
      if (this.hashes[e] === h && this.equals(e, id)) return e;
    }
  }

  private equals(e: number, id: string): boolean {
    if (this.length[e] !== id.length) return false;
    const from = this.start[e]!;
    for (let i = 0; i < id.length; i++) if (this.chars[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]!);
  }

  private growEntries(): void {
    const n = this.lines.length * 2;
    const grow = <T extends Float64Array | Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (k) => new Float64Array(k));
    this.length = grow(this.length, (k) => new Uint32Array(k));
    this.hashes = grow(this.hashes, (k) => new Int32Array(k));
    this.lines = grow(this.lines, (k) => new Float64Array(k));
  }
}

/** FNV-1a over the code units, mixed at the end so that the low bits (the slot) depend on every unit. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
