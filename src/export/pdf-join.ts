// PDFs printed in batches (slides-pdf.ts prints a large deck a few hundred slides at a time, so no browser
// call grows with the deck) joined into one, their tags included: Chromium's tagged PDF has a structure tree
// (StructTreeRoot → Document → the page's elements) and a parent tree that maps each page's StructParents
// key to its elements. Each batch numbers its keys from 0, so the pages and parent-tree entries of every
// later batch are copied with their keys shifted past the ones already used, and the batch's elements join
// the first batch's Document element. One copier per batch: a page and the elements that point at it (/Pg)
// stay one object in the result.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { loadPrinted, savePdf } from './pdf-finish.ts';

const STRUCT_TREE_ROOT = PDFName.of('StructTreeRoot');
const STRUCT_PARENTS = PDFName.of('StructParents');
const STRUCT_PARENT = PDFName.of('StructParent');
const PARENT_TREE = PDFName.of('ParentTree');
const PARENT_TREE_NEXT_KEY = PDFName.of('ParentTreeNextKey');
const NUMS = PDFName.of('Nums');
const K = PDFName.of('K');
const P = PDFName.of('P');
const ANNOTS = PDFName.of('Annots');

/**
 * The parts joined in order; one part is returned as it is. `pages`, when given, is how many pages to keep
 * of each part (its first ones): a print may end with an empty page the caller did not ask for.
 */
export async function joinPrintedPdfs(parts: readonly Uint8Array[], pages?: readonly number[]): Promise<Uint8Array> {
  if (parts.length === 1 && pages === undefined) return parts[0]!;
  return savePdf(await joinPrintedDocs(parts, pages));
}

/** joinPrintedPdfs, the result left loaded (for a caller that goes on with it in pdf-lib). */
export async function joinPrintedDocs(parts: readonly Uint8Array[], pages?: readonly number[]): Promise<PDFDocument> {
  const joiner = new PrintedPdfJoiner();
  for (const [index, bytes] of parts.entries()) await joiner.add(bytes, pages?.[index]);
  return joiner.document();
}

/**
 * Joins printed PDFs one at a time, as they come (a batch joined while the next ones print), in the order
 * added. Each part's bytes can be let go of once added.
 */
export class PrintedPdfJoiner {
  private base: PDFDocument | undefined;
  private baseTree: Structure | undefined;

  /** Appends the part's pages (its first `keep`, when given) and its tags. */
  async add(bytes: Uint8Array, keep?: number): Promise<void> {
    const kept = (count: number): number => Math.min(count, keep ?? count);
    if (this.base === undefined) {
      const base = await loadPrinted(bytes);
      while (base.getPageCount() > kept(base.getPageCount())) base.removePage(base.getPageCount() - 1);
      this.base = base;
      this.baseTree = structureOf(base);
      return;
    }
    const { base, baseTree } = this;
    const part = await loadPrinted(bytes);
    const partTree = structureOf(part);
    const shift = baseTree?.nextKey ?? 0;
    const copier = PDFObjectCopier.for(part.context, base.context);
    const partPages = part.getPages();
    for (const page of partPages.slice(0, kept(partPages.length))) {
      // By reference, so the elements' /Pg that point at this page are mapped to the same copy.
      const ref = copier.copy(page.ref) as PDFRef;
      const copied = base.context.lookup(ref, PDFDict);
      shiftKey(copied, STRUCT_PARENTS, shift);
      const annotations = copied.lookupMaybe(ANNOTS, PDFArray);
      for (let index = 0; index < (annotations?.size() ?? 0); index += 1) {
        const annotation = annotations!.lookupMaybe(index, PDFDict);
        if (annotation !== undefined) shiftKey(annotation, STRUCT_PARENT, shift);
      }
      base.addPage(PDFPage.of(copied as PDFPageLeaf, ref, base));
    }
    if (baseTree !== undefined && partTree !== undefined) {
      for (const element of kidsOf(partTree.document)) {
        // Cut from the batch's own Document first, or copying would bring its whole tree along unused.
        const source = element instanceof PDFRef ? part.context.lookup(element) : element;
        if (source instanceof PDFDict) source.delete(P);
        const copied = copier.copy(element);
        const dict = base.context.lookup(copied);
        if (dict instanceof PDFDict) dict.set(P, baseTree.documentRef);
        baseTree.kids.push(copied);
      }
      const nums = partTree.nums;
      for (let index = 0; index + 1 < nums.size(); index += 2) {
        const key = nums.lookup(index, PDFNumber).asNumber();
        baseTree.nums.push(PDFNumber.of(key + shift));
        baseTree.nums.push(copier.copy(nums.get(index + 1)));
      }
      baseTree.nextKey = shift + partTree.nextKey;
      baseTree.root.set(PARENT_TREE_NEXT_KEY, PDFNumber.of(baseTree.nextKey));
    }
  }

  /** The joined document (loaded); an error when nothing was added. */
  document(): PDFDocument {
    if (this.base === undefined) throw new Error('no PDF to join');
    return this.base;
  }
}

interface Structure {
  root: PDFDict;
  /** The one element under the root (Chromium's /Document), where every batch's elements go. */
  document: PDFDict;
  documentRef: PDFObject;
  /** The Document element's kids, as an array we can append to. */
  kids: PDFArray;
  /** The parent tree's flat number array: key, value, key, value… */
  nums: PDFArray;
  nextKey: number;
}

/** Chromium's structure tree, when the PDF has one of the shape it writes; undefined otherwise. */
function structureOf(doc: PDFDocument): Structure | undefined {
  const root = doc.catalog.lookupMaybe(STRUCT_TREE_ROOT, PDFDict);
  if (root === undefined) return undefined;
  const documentRef = root.get(K);
  const document = documentRef instanceof PDFArray ? undefined : doc.context.lookup(documentRef);
  if (!(document instanceof PDFDict) || documentRef === undefined) return undefined;
  const parentTree = root.lookupMaybe(PARENT_TREE, PDFDict);
  const nums = parentTree?.lookupMaybe(NUMS, PDFArray);
  if (nums === undefined) return undefined; // a parent tree split into Kids: not what Chromium writes
  const kids = kidsArray(doc.context, document);
  const next = root.lookupMaybe(PARENT_TREE_NEXT_KEY, PDFNumber)?.asNumber() ?? maxKey(nums) + 1;
  return { root, document, documentRef, kids, nums, nextKey: next };
}

/** The element's /K as an array (a single kid is wrapped, so later kids can be appended). */
function kidsArray(context: PDFContext, element: PDFDict): PDFArray {
  const kids = element.get(K);
  const resolved = kids instanceof PDFRef ? context.lookup(kids) : kids;
  if (resolved instanceof PDFArray) return resolved;
  const array = context.obj([]);
  if (kids !== undefined) array.push(kids);
  element.set(K, array);
  return array;
}

function kidsOf(element: PDFDict): PDFObject[] {
  const kids = element.get(K);
  const resolved = kids instanceof PDFRef ? element.context.lookup(kids) : kids;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return kids === undefined ? [] : [kids];
}

function maxKey(nums: PDFArray): number {
  let max = -1;
  for (let index = 0; index < nums.size(); index += 2) max = Math.max(max, nums.lookup(index, PDFNumber).asNumber());
  return max;
}

function shiftKey(dict: PDFDict, name: PDFName, shift: number): void {
  const value = dict.get(name);
  if (value instanceof PDFNumber) dict.set(name, PDFNumber.of(value.asNumber() + shift));
}
