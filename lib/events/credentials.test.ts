import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCredential, isCredentialName, redactEventLine } from './credentials.js';

// Header names that carry credentials in the wild: every one must be caught.
const CREDENTIAL_HEADERS = [
  'Authorization',
  'Proxy-Authorization',
  'Authentication',
  'X-Forwarded-Authorization',
  'WWW-Authenticate',
  'Cookie',
  'Set-Cookie',
  'X-Api-Key',
  'Api-Key',
  'X-API-KEY',
  'X-Auth-Token',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
  'X-Csrf-Token',
  'X-XSRF-TOKEN',
  'X-Session-Id',
  'Private-Token',
  'X-Password',
  'X-Client-Secret',
  'X-Access-Token',
  'X-Goog-Api-Key',
  'X-Hub-Signature-256',
  'X-Jwt-Assertion',
  'X-Otp',
  'Sec-WebSocket-Key',
  'X-Credentials',
];

// Ordinary headers a browser or ab sends: every one must be kept.
const ORDINARY_HEADERS = [
  'Host',
  'User-Agent',
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Content-Type',
  'Content-Length',
  'Cache-Control',
  'Connection',
  'Keep-Alive',
  'Pragma',
  'Referer',
  'Origin',
  'DNT',
  'If-None-Match',
  'If-Modified-Since',
  'Upgrade-Insecure-Requests',
  'X-Forwarded-For',
  'X-Forwarded-Proto',
  'X-Request-Id',
  'X-Real-Ip',
  'Sec-Fetch-Mode',
  'Sec-Ch-Ua',
  'Via',
  'Date',
];

describe('Events > credentials', () => {
  for (const name of CREDENTIAL_HEADERS) {
    it(`catches ${name}`, () => assert.equal(isCredentialName(name), true));
  }
  for (const name of ORDINARY_HEADERS) {
    it(`keeps ${name}`, () => assert.equal(isCredential(name, 'some value'), false));
  }

  it('catches a credential by its value, whatever the header is called', () => {
    assert.equal(isCredential('X-Thing', 'Bearer eyJhbGciOi'), true, 'bearer');
    assert.equal(isCredential('X-Thing', 'basic c2VjcmV0'), true, 'basic');
    assert.equal(isCredential('X-Thing', 'a basic value'), false, 'the word alone');
  });

  it('redacts the credential fields of an event line for display', () => {
    const line = '{"event_type": "default", "Host": "h", "X-Api-Key": "SECRETKEY"}';
    assert.equal(redactEventLine(line), '{"event_type":"default","Host":"h","X-Api-Key":"[redacted]"}');
    const clean = '{"event_type": "default", "Host": "h"}';
    assert.equal(redactEventLine(clean), clean, 'a line without credentials is left as it was');
    assert.equal(redactEventLine('not json'), 'not json');
  });
});
