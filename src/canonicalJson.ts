/**
 * JSON with object keys sorted, so that key order in a file does not change a hash. Byte for byte what
 * `JSON.stringify` with a replacer that rebuilds each object from its sorted entries gives (integer-like
 * keys first, in numeric order, as a rebuilt object lists them), written directly: the replacer made a
 * new object and an array of entries per object, most of a cold command's hashing time.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

const INDEX = /^(?:0|[1-9]\d*)$/;
const isIndex = (k: string) => INDEX.test(k) && Number(k) < 4294967295;

function write(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
    case 'number':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      const o = v as Record<string, unknown> & { toJSON?: unknown };
      if (typeof o.toJSON === 'function') return write((o.toJSON as (k: string) => unknown)(''));
      if (Array.isArray(o)) {
        let s = '[';
        for (let i = 0; i < o.length; i++) s += (i > 0 ? ',' : '') + (write(o[i]) ?? 'null');
        return s + ']';
      }
      const keys = Object.keys(o);
      // an object lists integer-like keys first, in numeric order: those stay, the rest are sorted
      let lead = 0;
      while (lead < keys.length && isIndex(keys[lead]!)) lead++;
      const rest = lead === 0 ? keys.sort() : keys.slice(lead).sort();
      let s = '{';
      let first = true;
      const put = (k: string) => {
        const w = write(o[k]);
        if (w === undefined) return;
        s += (first ? '' : ',') + JSON.stringify(k) + ':' + w;
        first = false;
      };
      for (let i = 0; i < lead; i++) put(keys[i]!);
      for (const k of rest) put(k);
      return s + '}';
    }
    case 'bigint':
      // JSON.stringify's own error
      return JSON.stringify(v);
    default:
      return undefined;
  }
}
