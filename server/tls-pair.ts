import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/**
 * Why TLS_CERT_FILE and TLS_KEY_FILE cannot serve HTTPS, as a sentence naming the variable to fix; null when they
 * can. Checked at start, so that swapped files, an encrypted key or the key of another certificate stop the server
 * with that sentence rather than with OpenSSL's words in a stack trace.
 */
export function tlsPairProblem(certFile: string, keyFile: string): string | null {
  const cert = readFileSync(certFile);
  const key = readFileSync(keyFile);
  try {
    new X509Certificate(cert);
  } catch {
    return `TLS_CERT_FILE holds no PEM certificate (got "${certFile}").`;
  }
  try {
    createPrivateKey(key);
  } catch {
    return `TLS_KEY_FILE holds no unencrypted PEM private key (got "${keyFile}").`;
  }
  try {
    createSecureContext({ cert, key });
  } catch {
    return `TLS_KEY_FILE is not the private key of the certificate in TLS_CERT_FILE (got "${keyFile}").`;
  }
  return null;
}
