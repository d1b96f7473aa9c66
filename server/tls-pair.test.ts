import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type TestCertificate } from '../e2e/support/test-ca';
import { ConfigError, parseConfig } from './config';

let server: TestCertificate;
let other: TestCertificate;
beforeAll(() => {
  server = makeTestCertificate('kiosk.lan');
  other = makeTestCertificate('other.lan');
});

describe('TLS_CERT_FILE and TLS_KEY_FILE', () => {
  it('take a certificate and its private key', () => {
    const config = parseConfig({ TLS_CERT_FILE: server.certFile, TLS_KEY_FILE: server.keyFile });
    expect(config).toMatchObject({ TLS_CERT_FILE: server.certFile, TLS_KEY_FILE: server.keyFile });
  });

  it.each([
    ['swapped files', () => ({ cert: server.keyFile, key: server.certFile }), /^TLS_CERT_FILE holds no PEM/],
    [
      'a certificate as the key',
      () => ({ cert: server.certFile, key: server.caFile }),
      /^TLS_KEY_FILE holds no/,
    ],
    [
      "another certificate's key",
      () => ({ cert: server.certFile, key: other.keyFile }),
      /^TLS_KEY_FILE is not the private key of the certificate in TLS_CERT_FILE/,
    ],
    [
      'an encrypted key',
      () => {
        const key = join(server.certFile, '..', 'encrypted.key');
        writeFileSync(
          key,
          '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n',
        );
        return { cert: server.certFile, key };
      },
      /^TLS_KEY_FILE holds no unencrypted PEM private key/,
    ],
  ])('stop the start with a sentence naming the variable: %s', (_name, files, message) => {
    const { cert, key } = files();
    const parse = () => parseConfig({ TLS_CERT_FILE: cert, TLS_KEY_FILE: key });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(message);
  });
});
