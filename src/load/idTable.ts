/**
 * The ids a stream has seen, with the line each was first seen on: exact, and compact. A Map of a
 * million ids keeps a million strings and entries on the heap, which every full collection walks again
 * (most of a long stream's collector time); here the ids' characters and lines sit in typed arrays the
 * collector never looks inside, in an open-addressing hash table of entry numbers.
 */
export class IdTable {
  /**
   * the ids one after another, a byte per code unit (ids are ASCII: the format's pattern), or two for
   * an id with a unit above 0xff (its length then has WIDE set)
   */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /**
   * per entry: where its id starts in `bytes`, its length in code units (| WIDE), its hash and its
   * line; 32 bits each (past 4 GiB of ids or 4 billion lines a stream is refused rather than wrong)
   */
  private start = new Uint32Array(1 << 12);
  private length = new Uint32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
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
    let wide = false;
    for (let i = 0; i < id.length && !wide; i++) wide = id.charCodeAt(i) > 0xff;
    const size = wide ? 2 * id.length : id.length;
    if (this.used + size > this.bytes.length) {
      let n = this.bytes.length * 2;
      while (this.used + size > n) n *= 2;
      const bytes = new Uint8Array(n);
      bytes.set(this.bytes.subarray(0, this.used));
      this.bytes = bytes;
    }
    const at = this.used;
    if (at + size > 0xffffffff || line > 0xffffffff)
      throw new RangeError('more ids than a stream can hold (4 GiB of ids, or 4 billion lines)');
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (wide) {
        this.bytes[at + 2 * i] = c >>> 8;
        this.bytes[at + 2 * i + 1] = c & 0xff;
      } else this.bytes[at + i] = c;
    }
    this.start[e] = at;
    this.length[e] = wide ? (id.length | WIDE) >>> 0 : id.length;
    this.hashes[e] = h;
    this.lines[e] = line;
    this.used += size;
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
    const len = this.length[e]!;
    const from = this.start[e]!;
    if ((len & ~WIDE) >>> 0 !== id.length) return false;
    if (len === id.length) {
      for (let i = 0; i < id.length; i++) if (this.bytes[from + i] !== id.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < id.length; i++)
      if (((this.bytes[from + 2 * i]! << 8) | this.bytes[from + 2 * i + 1]!) !== id.charCodeAt(i)) return false;
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
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (k) => new Uint32Array(k));
    this.length = grow(this.length, (k) => new Uint32Array(k));
    this.hashes = grow(this.hashes, (k) => new Int32Array(k));
    this.lines = grow(this.lines, (k) => new Uint32Array(k));
  }
}

/** marks, in an entry's length, an id stored two bytes per code unit */
const WIDE = 0x80000000;

/** FNV-1a over the code units, mixed at the end so that the low bits (the slot) depend on every unit. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
