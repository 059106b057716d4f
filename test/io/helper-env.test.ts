import { describe, expect, it } from 'vitest';
import { helperNodeEnv } from '../../src/io/system/helper-env.js';

describe('the environment of a node helper', () => {
  it('leaves out NODE_OPTIONS and NODE_EXTRA_CA_CERTS and keeps the rest, with what the caller adds', () => {
    const from = { PATH: '/usr/bin', LANG: 'ja_JP.UTF-8', NODE_OPTIONS: '--require /tmp/hook.js', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' };
    expect(helperNodeEnv({ UV_THREADPOOL_SIZE: '8' }, from)).toEqual({ PATH: '/usr/bin', LANG: 'ja_JP.UTF-8', UV_THREADPOOL_SIZE: '8' });
    // the caller's own environment is not changed
    expect(from.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });
});
