// Tests have no network, so the JSON-LD contexts the exports name are served from local copies.
// anno.jsonld is written from the term definitions of the Web Annotation Vocabulary (W3C Recommendation,
// 23 February 2017); the schema.org context is a small stand-in with the same @vocab and @id-typed url.
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteDocument } from 'jsonld/jsonld-spec';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/jsonld');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8'));

const schemaOrg = read('schema-org-context.json');
const CONTEXTS: Record<string, RemoteDocument['document']> = {
  'https://schema.org': schemaOrg,
  'https://schema.org/': schemaOrg,
  'http://schema.org': schemaOrg,
  'http://schema.org/': schemaOrg,
  'http://www.w3.org/ns/anno.jsonld': read('anno.jsonld'),
};

export async function localDocumentLoader(url: string): Promise<RemoteDocument> {
  const document = CONTEXTS[url];
  if (!document) throw new Error(`The tests have no network; no local copy of ${url}`);
  return { contextUrl: undefined, documentUrl: url, document };
}
