/** One piece of a search hit's snippet: plain text, or a matched word the graph marked. */
export interface SnippetPart {
  text: string;
  matched: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A search highlight as the graph returns it — HTML-escaped text whose only markup is <em></em> around matched words —
 * split into text parts to render as text nodes (with the matches in <mark>), instead of trusting it as HTML.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let matched = false;
  for (const piece of snippet.split(/(<em>|<\/em>)/)) {
    if (piece === '<em>') matched = true;
    else if (piece === '</em>') matched = false;
    else if (piece) parts.push({ text: decodeEntities(piece), matched });
  }
  return parts;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
