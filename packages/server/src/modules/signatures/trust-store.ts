import { readFileSync } from 'node:fs';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { type ParsedCertificate, parseCertificate, parseCertificates } from './crypto/certificate.ts';
import { type ParsedCrl, parseCrl, type TrustContext } from './crypto/trust.ts';
import * as q from './queries.ts';

/**
 * The trust anchors and revocation lists in force: the roots and intermediates of `TRUSTED_CA_FILE`
 * (e.g. the Government special-use CA), the demo province's CA kept in the database, and the CRLs
 * of `CRL_FILES`. Files are read once per process; a file that cannot be read stops the start.
 */

export interface TrustStore extends TrustContext {
  /** Where each anchor came from, by fingerprint. */
  sources: ReadonlyMap<string, 'config' | 'demo'>;
}

interface ConfiguredTrust {
  anchors: ParsedCertificate[];
  crls: ParsedCrl[];
}

const configured = new Map<string, ConfiguredTrust>();

export class TrustConfigError extends Error {}

/** The configured anchors and CRLs, read and parsed on first use (and at start, by the routes). */
export function configuredTrust(config: Pick<Config, 'trustedCaFile' | 'crlFiles'>): ConfiguredTrust {
  const key = JSON.stringify([config.trustedCaFile ?? null, config.crlFiles]);
  let found = configured.get(key);
  if (found) return found;
  const anchors: ParsedCertificate[] = [];
  if (config.trustedCaFile) {
    let text: string;
    try {
      text = readFileSync(config.trustedCaFile, 'utf8');
    } catch {
      throw new TrustConfigError(`TRUSTED_CA_FILE: không đọc được tệp "${config.trustedCaFile}".`);
    }
    try {
      anchors.push(...parseCertificates(text));
    } catch {
      throw new TrustConfigError(`TRUSTED_CA_FILE: tệp "${config.trustedCaFile}" có chứng thư hỏng (cần các khối PEM CERTIFICATE).`);
    }
    if (anchors.length === 0) throw new TrustConfigError(`TRUSTED_CA_FILE: tệp "${config.trustedCaFile}" không có chứng thư PEM nào.`);
  }
  const crls: ParsedCrl[] = [];
  for (const file of config.crlFiles) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new TrustConfigError(`CRL_FILES: không đọc được tệp "${file}".`);
    }
    try {
      crls.push(parseCrl(bytes, file));
    } catch {
      throw new TrustConfigError(`CRL_FILES: tệp "${file}" không phải danh sách thu hồi chứng thư (CRL, PEM hoặc DER).`);
    }
  }
  found = { anchors, crls };
  configured.set(key, found);
  return found;
}

const parsedRows = new Map<string, ParsedCertificate>();

function parsedAnchor(row: q.TrustedRow): ParsedCertificate {
  let parsed = parsedRows.get(row.fingerprintSha256);
  if (!parsed) {
    parsed = parseCertificate(row.certificatePem);
    parsedRows.set(row.fingerprintSha256, parsed);
  }
  return parsed;
}

export async function trustStore(db: Db, config: Pick<Config, 'trustedCaFile' | 'crlFiles'>): Promise<TrustStore> {
  const fromConfig = configuredTrust(config);
  const sources = new Map<string, 'config' | 'demo'>(fromConfig.anchors.map((a) => [a.fingerprint, 'config']));
  const anchors = [...fromConfig.anchors];
  for (const row of await q.trustedRows(db)) {
    const anchor = parsedAnchor(row);
    if (sources.has(anchor.fingerprint)) continue;
    sources.set(anchor.fingerprint, row.source === 'config' ? 'config' : 'demo');
    anchors.push(anchor);
  }
  return { anchors, crls: fromConfig.crls, sources };
}
