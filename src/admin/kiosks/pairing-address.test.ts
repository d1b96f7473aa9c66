import { describe, expect, it } from 'vitest';
import { localOnlyHost, pairingOrigin, pairingUrl } from './pairing-address';

describe('pairing address', () => {
  it.each([
    ['http://localhost:8080', 'localhost'],
    ['http://kiosk.localhost', 'kiosk.localhost'],
    ['http://127.0.0.1:8080', '127.0.0.1'],
    ['http://127.1.2.3', '127.1.2.3'],
    ['http://[::1]:8080', '[::1]'],
    ['http://0.0.0.0:8080', '0.0.0.0'],
    ['http://192.168.1.20:8080', null],
    ['https://kiosk.example.com', null],
    ['https://localhost.example.com', null],
  ])('%s → %s', (origin, expected) => {
    expect(localOnlyHost(origin)).toBe(expected);
  });

  it('prefers PUBLIC_URL to the console’s own address', () => {
    expect(pairingOrigin('https://kiosk.example.com', 'http://localhost:8080')).toBe(
      'https://kiosk.example.com',
    );
    expect(pairingOrigin(null, 'http://192.168.1.20:8080')).toBe('http://192.168.1.20:8080');
    expect(pairingUrl('https://kiosk.example.com', 'AB 12')).toBe('https://kiosk.example.com/#pair=AB%2012');
  });
});
