/**
 * What other modules may use of signatures: the workflow's signing step, the canonical content of a
 * report version, the signer interface and the server-key signer, verification of a detached CMS,
 * the demo CA, and storing an issued certificate (demo seed and test fixtures).
 */
export { type CmsSigner } from './signer.ts';
export { serverKeySigner, verifyDetached } from './crypto/cms.ts';
export { canonicalVersionContent, CONTENT_SCHEMA, type VersionContent } from './content.ts';
export { signTransitionIn, type SignedPdfMaker, type SignedStep, type TransitionSigningStep } from './service/sign-report.ts';
export { storeCertificate, type StoreCertificateInput } from './service/certificates.ts';
export { ensureDemoCa, issueCertificatesTo, type DemoHolder } from './demo-ca.ts';
export { signatureRoutes } from './routes.ts';
export { certificate, reportSignature, trustedCertificate } from './tables.ts';
