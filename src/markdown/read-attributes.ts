// Parses the attribute list of `<!-- .slide: … -->` and `<!-- .element: … -->` comments.
// Accepts what reveal.js users write: key="value", key='value', key=value and bare names
// (data-auto-animate). Names are restricted to characters that are safe in an HTML attribute name, so
// whatever the author writes cannot break out of the tag; values are escaped when rendered.

/** One attribute: a name, then `=` and a double-quoted, single-quoted or unquoted value, or nothing at all. */
const ATTRIBUTE = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?![-A-Za-z0-9_:.])(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))|(?!\s*=))/y;
const SPACE = /\s+/y;

export interface ParsedAttributes {
  attributes: Record<string, string>;
  /** Text that could not be read as attributes (for a warning), or "" when all of it was understood. */
  rest: string;
}

export function parseAttributes(source: string): ParsedAttributes {
  // A null-prototype object: a key like "__proto__" is stored as data, never as a prototype.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  const rest: string[] = [];
  let at = 0;
  while (at < source.length) {
    SPACE.lastIndex = at;
    if (SPACE.test(source)) {
      at = SPACE.lastIndex;
      continue;
    }
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(source);
    if (match !== null) {
      const name = (match[1] ?? '').toLowerCase();
      const value = match[2] ?? match[3] ?? match[4] ?? '';
      attributes[name] = name === 'class' && name in attributes ? joinClasses(attributes[name], value) : value;
      at = ATTRIBUTE.lastIndex;
      continue;
    }
    // Skip one unreadable word (e.g. a stray quote or "=") and remember it for the warning.
    const end = source.slice(at).search(/\s/);
    const stop = end === -1 ? source.length : at + Math.max(end, 1);
    rest.push(source.slice(at, stop));
    at = stop;
  }
  return { attributes: { ...attributes }, rest: rest.join(' ') };
}

/** Adds classes to a class list, keeping each class once. */
export function joinClasses(existing: string | undefined, added: string): string {
  const classes = (existing ?? '').split(/\s+/).filter(Boolean);
  for (const name of added.split(/\s+/)) if (name !== '' && !classes.includes(name)) classes.push(name);
  return classes.join(' ');
}
