import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, errorFromResponse, type FetchLike, urlFor } from './api-client.js';

const SITTING = '6f1c2b1e-2f4e-4d7a-9a57-0c6c2f1d9e11';
const STUDENT = '0d7f6a3c-5b1e-4c2d-8e9f-1a2b3c4d5e6f';
const ME = {
  id: STUDENT,
  login: 'student01',
  fullName: 'Әлия Серікқызы',
  role: 'student',
  language: 'kk',
} as const;

interface Recorded {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('urlFor', () => {
  it('fills path parameters and appends defined query parameters', () => {
    expect(urlFor({ path: '/api/sittings/:sittingId/admissions' }, { sittingId: SITTING })).toBe(
      `/api/sittings/${SITTING}/admissions`,
    );
    expect(urlFor({ path: '/api/audit' }, {}, { limit: 20, skip: undefined })).toBe('/api/audit?limit=20');
  });
});

describe('errorFromResponse', () => {
  it('keeps the code and field errors of a contract error body', () => {
    const error = errorFromResponse(400, {
      error: {
        code: 'validation_failed',
        message: 'bad input',
        fields: [{ path: 'body.login', message: 'Required' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([{ path: 'body.login', message: 'Required' }]);
  });

  it('keeps what a route adds to its error body (a rejected bank file lists its lines)', () => {
    const error = errorFromResponse(400, {
      error: {
        code: 'validation_failed',
        message: 'nothing imported',
        lines: [{ line: 3, message: 'no answer' }],
      },
    });
    expect(error.details.lines).toEqual([{ line: 3, message: 'no answer' }]);
  });

  it('derives the code from the status when the body is not an error body', () => {
    expect(errorFromResponse(403, '<html>').code).toBe('forbidden');
    expect(errorFromResponse(502, undefined).code).toBe('internal');
    expect(errorFromResponse(418, { nope: true }).code).toBe('bad_response');
  });
});

describe('createApiClient', () => {
  it('sends JSON with same-origin credentials to the route path and returns the parsed response', async () => {
    const entry = {
      studentId: STUDENT,
      fullName: 'Әлия',
      iin: '000101500017',
      access: 'green',
      admittedAt: null,
    };
    const { fetch, calls } = fakeFetch(() => json(200, entry));
    const callApi = createApiClient({ fetch });

    const result = await callApi('setAdmission', {
      params: { sittingId: SITTING },
      body: { studentId: STUDENT, access: 'green' },
    });

    expect(result).toEqual(entry);
    const call = calls[0];
    if (!call) throw new Error('fetch was not called');
    expect(call.url).toBe(`/api/sittings/${SITTING}/admissions`);
    expect(call.init.method).toBe('POST');
    expect(call.init.credentials).toBe('same-origin');
    expect(call.init.body).toBe(JSON.stringify({ studentId: STUDENT, access: 'green' }));
    expect((call.init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('sends no body on GET', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, ME));
    await createApiClient({ fetch })('me');
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('throws an ApiError with the server code on a non-2xx answer', async () => {
    const { fetch } = fakeFetch(() =>
      json(401, { error: { code: 'unauthenticated', message: 'wrong login or password' } }),
    );
    const failure = createApiClient({ fetch })('login', { body: { login: 'x', password: 'y' } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('reports a network failure as code network', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createApiClient({ fetch })('me')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('rejects a 2xx answer outside the contract as bad_response', async () => {
    const { fetch } = fakeFetch(() => json(200, { id: 'not-a-uuid' }));
    await expect(createApiClient({ fetch })('me')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('accepts 204 as an empty object', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(createApiClient({ fetch })('logout', { body: {} })).resolves.toEqual({});
  });
});
