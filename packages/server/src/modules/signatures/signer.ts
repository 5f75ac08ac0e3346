/**
 * Who makes a signature. Everything that signs (a report version's canonical content, a PDF through
 * PAdES, later an exchange packet) asks a `CmsSigner` and never touches a key itself.
 *
 * The implementation in this product keeps the key on the server, encrypted at rest
 * (`serverKeySigner` in ./cms.ts). Other implementations plug in behind the same interface:
 * - a USB token through a client plugin: the browser receives the bytes to sign (or the DER of the
 *   signed attributes), the plugin signs with the token, and the server assembles and verifies the
 *   CMS before storing it;
 * - a remote signing service (ký số từ xa) called over HTTPS with the digest;
 * - an HSM through PKCS#11 (e.g. the `pkcs11js` binding), the key never leaving the module.
 * Each must return a CMS that `verifyDetached` accepts; nothing is stored otherwise.
 */
export interface CmsSigner {
  /** The signer's certificate, PEM. */
  readonly certificatePem: string;
  /** Intermediate certificates to include in the signature, PEM each. */
  readonly chainPem: readonly string[];
  /**
   * CMS SignedData (RFC 5652), DER, detached (no encapsulated content): SHA-256 digest; signed
   * attributes content-type, message-digest and signing-time; the signer's certificate and chain
   * included.
   */
  signDetached(content: Uint8Array, signingTime: Date): Promise<Uint8Array>;
}
