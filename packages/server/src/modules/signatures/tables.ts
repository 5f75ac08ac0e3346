import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { report, reportEvent } from '../reports/tables.ts';
import { orgUnit } from '../units/tables.ts';
import { appUser } from '../users/tables.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * An imported certificate (chứng thư số) with its private key, of a person (a leader who approves)
 * or of a unit (used when the unit sends). The key is stored only encrypted (AES-256-GCM with the
 * key from configuration, `SIGNING_KEY_SECRET`); never in clear, never logged. Disabling keeps the
 * row: old signatures still name it.
 */
export const certificate = pgTable(
  'certificate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: text('owner_kind').notNull(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'restrict' }),
    /** The end-entity certificate, PEM. */
    certificatePem: text('certificate_pem').notNull(),
    /** Intermediates that came with it (PEM, concatenated; may be empty). */
    chainPem: text('chain_pem').notNull().default(''),
    subject: text('subject').notNull(),
    commonName: text('common_name').notNull(),
    issuer: text('issuer').notNull(),
    serialNumber: text('serial_number').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    fingerprintSha256: text('fingerprint_sha256').notNull(),
    /** PKCS#8 DER of the private key, encrypted: 12-byte IV ‖ 16-byte tag ‖ ciphertext. */
    encryptedKey: bytea('encrypted_key').notNull(),
    /** 'RSA' or 'EC'. */
    keyAlgorithm: text('key_algorithm').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    disabledBy: uuid('disabled_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('certificate_user_idx').on(t.userId),
    index('certificate_unit_idx').on(t.unitId),
    uniqueIndex('certificate_person_fingerprint_uq')
      .on(t.userId, t.fingerprintSha256)
      .where(sql`${t.ownerKind} = 'person'`),
    uniqueIndex('certificate_unit_fingerprint_uq')
      .on(t.unitId, t.fingerprintSha256)
      .where(sql`${t.ownerKind} = 'unit'`),
    check('certificate_owner_kind', sql`${t.ownerKind} in ('person', 'unit')`),
    check(
      'certificate_owner',
      sql`(${t.ownerKind} = 'person' and ${t.userId} is not null and ${t.unitId} is null) or (${t.ownerKind} = 'unit' and ${t.unitId} is not null and ${t.userId} is null)`,
    ),
  ],
);

/**
 * Trust anchors kept in the database: the demo province's own CA, made on first start. Roots from
 * configuration (`TRUSTED_CA_FILE`) are read from the file at start and never stored here. The demo
 * CA's key is kept (encrypted like any other) so that the demo seed can issue certificates.
 */
export const trustedCertificate = pgTable('trusted_certificate', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull().default('demo'),
  certificatePem: text('certificate_pem').notNull(),
  fingerprintSha256: text('fingerprint_sha256').notNull().unique(),
  encryptedKey: bytea('encrypted_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * A signature on a report version: CMS SignedData (DER, detached) over the canonical bytes of the
 * version's content. Rows are never deleted and never change but for `superseded_at`, set when a
 * return or send-back re-opens the version for editing (a trigger enforces it).
 */
export const reportSignature = pgTable(
  'report_signature',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => report.id, { onDelete: 'restrict' }),
    versionNo: integer('version_no').notNull(),
    role: text('role').notNull(),
    certificateId: uuid('certificate_id').references(() => certificate.id, { onDelete: 'restrict' }),
    /** The approve or send event this signature was made with. */
    eventId: uuid('event_id').references(() => reportEvent.id, { onDelete: 'restrict' }),
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    /** SHA-256 (hex) of the canonical bytes signed. */
    contentHash: text('content_hash').notNull(),
    cms: bytea('cms').notNull(),
    /** The PAdES-signed PDF made with this signature (a stored file, by its SHA-256). */
    pdfSha256: text('pdf_sha256'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('report_signature_version_idx').on(t.reportId, t.versionNo),
    check('report_signature_role', sql`${t.role} in ('leader', 'unit')`),
  ],
);
