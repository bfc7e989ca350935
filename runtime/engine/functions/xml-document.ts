/**
 * A small XML parser for the xpath and from_xml functions: elements, attributes, text, CDATA (merged into the
 * surrounding text), comments, processing instructions and a DOCTYPE (skipped), the five named entities and
 * character references. Names are kept as written (no namespace resolution). Malformed input throws
 * XmlSyntaxError. Every node records its document order for XPath's node-set ordering.
 */

export type XmlNode = XmlDocument | XmlElement | XmlText | XmlAttribute | XmlComment;

interface NodeBase {
  parent: XmlDocument | XmlElement | null;
  order: number;
}

export interface XmlDocument extends NodeBase {
  readonly kind: "document";
  readonly children: XmlNode[];
}

export interface XmlElement extends NodeBase {
  readonly kind: "element";
  readonly name: string;
  readonly attributes: XmlAttribute[];
  readonly children: XmlNode[];
}

export interface XmlText extends NodeBase {
  readonly kind: "text";
  value: string;
}

export interface XmlAttribute extends NodeBase {
  readonly kind: "attribute";
  readonly name: string;
  readonly value: string;
}

export interface XmlComment extends NodeBase {
  readonly kind: "comment";
  readonly value: string;
}

export class XmlSyntaxError extends Error {}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*/y;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (match, body: string | undefined) => {
    if (body === undefined) throw new XmlSyntaxError("a bare '&' in text");
    if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    const named = NAMED_ENTITIES[body];
    if (named === undefined) throw new XmlSyntaxError(`the unknown entity ${match}`);
    return named;
  });
}

export function parseXml(text: string): XmlDocument {
  const document: XmlDocument = { kind: "document", children: [], parent: null, order: 0 };
  let order = 1;
  let i = 0;
  const stack: (XmlDocument | XmlElement)[] = [document];
  const top = () => stack[stack.length - 1] as XmlDocument | XmlElement;
  const fail = (what: string): never => {
    throw new XmlSyntaxError(`${what} at offset ${i}`);
  };
  const addText = (value: string) => {
    const parent = top();
    if (parent.kind === "document") {
      if (value.trim() !== "") fail("text outside the root element");
      return;
    }
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === "text") last.value += value;
    else parent.children.push({ kind: "text", value, parent, order: order++ });
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(text);
    if (match === null) return fail("a name was expected");
    i = NAME.lastIndex;
    return match[0];
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  let rootSeen = false;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      addText(decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt)));
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) fail("an unterminated comment");
      const parent = top();
      parent.children.push({ kind: "comment", value: text.slice(i + 4, end), parent, order: order++ });
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end < 0 || top().kind === "document") fail("a misplaced CDATA section");
      addText(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) fail("an unterminated processing instruction");
      i = end + 2;
    } else if (text.startsWith("<!DOCTYPE", i)) {
      const end = text.indexOf(">", i);
      if (end < 0 || text.slice(i, end).includes("[")) fail("an unsupported DOCTYPE");
      i = end + 1;
    } else if (text.startsWith("</", i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (text[i] !== ">") fail("'>' was expected");
      i++;
      const open = top();
      if (open.kind !== "element" || open.name !== name) fail(`the end tag </${name}> does not match`);
      stack.pop();
    } else {
      i++;
      const name = readName();
      const parent = top();
      if (parent.kind === "document") {
        if (rootSeen) fail("a second root element");
        rootSeen = true;
      }
      const element: XmlElement = { kind: "element", name, attributes: [], children: [], parent, order: order++ };
      parent.children.push(element);
      for (;;) {
        skipSpace();
        if (text.startsWith("/>", i)) {
          i += 2;
          break;
        }
        if (text[i] === ">") {
          i++;
          stack.push(element);
          break;
        }
        const attribute = readName();
        skipSpace();
        if (text[i] !== "=") fail("'=' was expected");
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") return fail("a quoted attribute value was expected");
        const end = text.indexOf(quote, i + 1);
        if (end < 0) fail("an unterminated attribute value");
        const value = decodeEntities(text.slice(i + 1, end));
        if (element.attributes.some((a) => a.name === attribute)) fail(`a repeated attribute ${attribute}`);
        element.attributes.push({ kind: "attribute", name: attribute, value, parent: element, order: order++ });
        i = end + 1;
      }
    }
  }
  if (stack.length !== 1 || !rootSeen) fail("the document ended early");
  return document;
}

/** XPath's string-value: a text, attribute or comment's text; an element's or document's descendant text. */
export function stringValue(node: XmlNode): string {
  switch (node.kind) {
    case "text":
    case "attribute":
    case "comment":
      return node.value;
    default:
      return node.children.map((c) => (c.kind === "comment" ? "" : stringValue(c))).join("");
  }
}
