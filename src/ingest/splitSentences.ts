/** An article as sentences, each with the 1-based line it stands on (articles put a paragraph a line). */
export interface Sentence {
  line: number;
  text: string;
}

/** Abbreviations that end in a full stop without ending the sentence. */
const ABBREV = /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|U\.S|a\.m|p\.m|e\.g|i\.e)\.$/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let start = 0;
    for (const m of line.matchAll(/[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g)) {
      const end = m.index + m[0].trimEnd().length;
      const piece = line.slice(start, end);
      if (ABBREV.test(piece.trimEnd())) continue;
      out.push({ line: i + 1, text: piece.trim() });
      start = m.index + m[0].length;
    }
    const rest = line.slice(start).trim();
    if (rest !== '') out.push({ line: i + 1, text: rest });
  });
  return out;
}
