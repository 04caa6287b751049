/**
 * The ids a stream has seen, with the line each was first seen on: exact, and compact. A Map of a
 * million ids keeps a million strings and entries on the heap, which every full collection walks again
 * (most of a long stream's collector time); here the ids' characters and lines sit in typed arrays the
 * collector never looks inside, in an open-addressing hash table of entry numbers.
 *
 * The arrays grow by chunks, never by copying into one twice as large: a table that doubled held the
 * old and the new arrays at once, and most of its pages were empty, which is what a stream's peak
 * memory saw (40 MB for a million ids, now about 28).
 */
export class IdTable {
  /**
   * the ids one after another in chunks of CHUNK bytes (one larger for an id that needs it): each its
   * length in code units times two (plus one when stored two bytes per code unit, for an id with a unit
   * above 0xff) as a varint, then its units, a byte each (ids are ASCII: the format's pattern) or two
   */
  private readonly chunks: Uint8Array[] = [];
  /** where the next id goes in the last chunk */
  private used = CHUNK;
  /**
   * per entry, in chunks of ENTRIES: where its id starts (chunk number << 20 | offset), the line, and
   * the top eight bits of its hash (the slot is read from the low ones), so that a probe rarely reads an id that is not the one asked for
   */
  private readonly starts: Uint32Array[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly tags: Uint8Array[] = [];
  private count = 0;
  /** entry number + 1 per slot, 0 when empty; its size a power of two, at most half full */
  private slots = new Int32Array(1 << 13);

  get size(): number {
    return this.count;
  }

  /** the last id asked for and its hash: a check asks, then adds the same id */
  private lastId: string | undefined;
  private lastHash = 0;

  /** the last id get did not find, and how many entries there were then: add need not look for it again */
  private missedId: string | undefined;
  private missedAt = -1;
  /** where head() found an entry's bytes */
  private body: Uint8Array = new Uint8Array(0);
  private bodyAt = 0;

  /** The line the id was first seen on, if seen. */
  get(id: string): number | undefined {
    const e = this.find(id, this.hash(id));
    if (e >= 0) return this.lines[e >>> ENTRY_BITS]![e & ENTRY_MASK];
    this.missedId = id;
    this.missedAt = this.count;
    return undefined;
  }

  /** Notes the id as seen on `line`, unless it was seen before (the first line stays). */
  add(id: string, line: number): void {
    const h = this.hash(id);
    // not found by the get just before, with nothing added since: certainly absent
    if (!(id === this.missedId && this.missedAt === this.count) && this.find(id, h) >= 0) return;
    this.missedId = undefined;
    if (line > 0xffffffff) throw new RangeError('more lines than a stream can hold (4 billion)');
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    let wide = false;
    for (let i = 0; i < id.length && !wide; i++) wide = id.charCodeAt(i) > 0xff;
    const head = 2 * id.length + (wide ? 1 : 0);
    const size = varintSize(head) + (wide ? 2 * id.length : id.length);
    if (this.used + size > CHUNK) {
      if (this.chunks.length >= 1 << 12) throw new RangeError('more ids than a stream can hold (4 GiB of ids)');
      this.chunks.push(new Uint8Array(Math.max(CHUNK, size)));
      this.used = 0;
    }
    const bytes = this.chunks[this.chunks.length - 1]!;
    const start = ((this.chunks.length - 1) << 20) | this.used;
    let at = writeVarint(bytes, this.used, head);
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (wide) {
        bytes[at++] = c >>> 8;
        bytes[at++] = c & 0xff;
      } else bytes[at++] = c;
    }
    this.used = at;
    const e = this.count++;
    if ((e & ENTRY_MASK) === 0) {
      this.starts.push(new Uint32Array(ENTRIES));
      this.lines.push(new Uint32Array(ENTRIES));
      this.tags.push(new Uint8Array(ENTRIES));
    }
    const c = e >>> ENTRY_BITS;
    const k = e & ENTRY_MASK;
    this.starts[c]![k] = start >>> 0;
    this.lines[c]![k] = line;
    this.tags[c]![k] = h >>> 24;
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
    const tag = h >>> 24;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]!;
      if (at === 0) return -1;
      const e = at - 1;
      if (this.tags[e >>> ENTRY_BITS]![e & ENTRY_MASK] === tag && this.equals(e, id)) return e;
    }
  }

  /**
   * Entry e's head (its id's length times two, plus one when stored as two bytes a character), read from
   * the varint before its bytes; leaves the chunk and the offset of those bytes in `body` / `bodyAt`.
   */
  private head(e: number): number {
    const start = this.starts[e >>> ENTRY_BITS]![e & ENTRY_MASK]!;
    const bytes = this.chunks[start >>> 20]!;
    let at = start & 0xfffff;
    let head = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++]!;
      head += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    this.body = bytes;
    this.bodyAt = at;
    return head;
  }

  private equals(e: number, id: string): boolean {
    const head = this.head(e);
    const bytes = this.body;
    const at = this.bodyAt;
    if (Math.floor(head / 2) !== id.length) return false;
    if (head % 2 === 0) {
      for (let i = 0; i < id.length; i++) if (bytes[at + i] !== id.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < id.length; i++) if (((bytes[at + 2 * i]! << 8) | bytes[at + 2 * i + 1]!) !== id.charCodeAt(i)) return false;
    return true;
  }

  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  /** Lays the slots out again, twice as many: the hashes are worked out again from the stored ids. */
  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashAt(e));
  }

  /** hashOf of entry e's id, read from its bytes. */
  private hashAt(e: number): number {
    const head = this.head(e);
    const bytes = this.body;
    const at = this.bodyAt;
    const n = Math.floor(head / 2);
    let h = FNV_OFFSET;
    if (head % 2 === 0) for (let i = 0; i < n; i++) h = Math.imul(h ^ bytes[at + i]!, FNV_PRIME);
    else for (let i = 0; i < n; i++) h = Math.imul(h ^ ((bytes[at + 2 * i]! << 8) | bytes[at + 2 * i + 1]!), FNV_PRIME);
    return mix(h);
  }
}

/** bytes per chunk of ids (an offset within one takes 20 bits) */
const CHUNK = 1 << 20;
/** entries per chunk */
const ENTRY_BITS = 16;
const ENTRIES = 1 << ENTRY_BITS;
const ENTRY_MASK = ENTRIES - 1;

function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function writeVarint(bytes: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    bytes[at++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  bytes[at++] = v;
  return at;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the code units, mixed at the end so that the low bits (the slot) depend on every unit. */
function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
