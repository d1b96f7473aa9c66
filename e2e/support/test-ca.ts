/**
 * A throw-away certificate authority and a server certificate it signed, made with the machine's `openssl` in a
 * temp folder, for serving the kiosk over HTTPS in a test. `spki` is the base64 SHA-256 of the server key's
 * SubjectPublicKeyInfo, which Chromium's `--ignore-certificate-errors-spki-list` takes to accept that certificate
 * as valid (a context that merely ignores certificate errors gets no service worker).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  caFile: string;
  spki: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

export function makeTestCertificate(hostname: string): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-test-ca-'));
  openssl(
    dir,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Kiosk test CA'].concat([
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
    ]),
  );
  openssl(
    dir,
    ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${hostname}`, '-keyout', 'server.key'].concat([
      '-out',
      'server.csr',
    ]),
  );
  writeFileSync(
    join(dir, 'san.ext'),
    `subjectAltName=DNS:${hostname},IP:127.0.0.1\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    dir,
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-days',
      '2',
      '-extfile',
      'san.ext',
      '-out',
      'server.crt',
    ]),
  );
  const publicKey = openssl(dir, ['x509', '-in', 'server.crt', '-pubkey', '-noout']);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: publicKey });
  const spki = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
  return {
    certFile: join(dir, 'server.crt'),
    keyFile: join(dir, 'server.key'),
    caFile: join(dir, 'ca.crt'),
    spki,
  };
}
