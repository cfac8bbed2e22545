import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { VerifyCertificateDocument } from '@gql';
import { mountScreen, settle } from '../trainee/testSupport';
import VerifyCertificatePage from './VerifyCertificatePage.vue';
import { verdictOf } from './verdict';

// a code as assessment signs them: the certificate id, a dot, the signature
const CODE = '3f2b7c1e-8d4a-4c2b-9e1f-0a1b2c3d4e5f.q9X2mZ7rT4vB8nK1pL6sW3yH5cJ0dF2gA7eR9uI4oPk';

function verification(answer: Record<string, unknown>, code = CODE) {
  return {
    request: { query: VerifyCertificateDocument, variables: { code } },
    result: {
      data: {
        verifyCertificate: {
          __typename: 'CertificateVerification',
          authentic: true,
          holderName: 'Adam Trainee',
          courseTitle: 'Phishing Defense Fundamentals',
          issuedAt: '2026-02-10T12:00:00Z',
          issuer: 'CyCube',
          platformContent: true,
          revoked: false,
          revokedAt: null,
          ...answer,
        },
      },
    },
  };
}

describe('the public certificate check', () => {
  it('has a labelled field for the code and a Verify button', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, { props: {} });

    expect(wrapper.get('h1').text()).toBe('Verify a certificate');
    expect(wrapper.get('label[for="verification-code"]').text()).toBe('Verification code');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Verify');
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
  });

  it('puts the typed code in the address, so the check can be shared as a link', async () => {
    const { wrapper, router } = await mountScreen(VerifyCertificatePage, { props: {}, path: '/verify' });

    await wrapper.get('#verification-code').setValue(`  ${CODE} `);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe(`/verify/${CODE}`);
  });

  it('shows the holder, course, date and issuer of a valid certificate', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, { props: { code: CODE }, mocks: [verification({})] });

    const result = wrapper.get('[data-testid="verification-result"]');
    expect(result.get('h2').text()).toBe('Valid certificate');
    expect(result.text()).toContain('Adam Trainee');
    expect(result.text()).toContain('Phishing Defense Fundamentals');
    expect(result.text()).toContain('Feb 10, 2026');
    expect(result.text()).toContain('CyCube (a platform course)');
    expect((wrapper.get('#verification-code').element as HTMLInputElement).value).toBe(CODE);
  });

  it('names the organization that issued a certificate of its own course', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, {
      props: { code: CODE },
      mocks: [verification({ issuer: 'Acme Corp', platformContent: false, courseTitle: 'Acme Incident Response Playbook' })],
    });

    expect(wrapper.text()).toContain('Acme Corp (the organization’s own course)');
  });

  it('says clearly that a code is not a valid certificate', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, {
      props: { code: '3f2b7c1e-8d4a-4c2b-9e1f-0a1b2c3d4e5f.forgedforgedforgedforgedforgedforgedforgedf' },
      mocks: [
        verification(
          { authentic: false, holderName: null, courseTitle: null, issuedAt: null, issuer: null, platformContent: null, revoked: null },
          '3f2b7c1e-8d4a-4c2b-9e1f-0a1b2c3d4e5f.forgedforgedforgedforgedforgedforgedforgedf',
        ),
      ],
    });

    const result = wrapper.get('[data-testid="verification-result"]');
    expect(result.get('h2').text()).toBe('Not a valid certificate');
    expect(result.text()).toContain('does not belong to a certificate issued by CyCube');
    expect(result.text()).not.toContain('Valid certificate');
  });

  it('says when a genuine certificate was revoked', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, {
      props: { code: CODE },
      mocks: [verification({ revoked: true, revokedAt: '2026-02-20T08:00:00Z' })],
    });

    const result = wrapper.get('[data-testid="verification-result"]');
    expect(result.get('h2').text()).toBe('This certificate was revoked');
    expect(result.text()).toContain('was revoked on Feb 20, 2026');
  });

  it('shows the graph’s words for something that is not shaped like a code', async () => {
    const { wrapper } = await mountScreen(VerifyCertificatePage, {
      props: { code: 'hello' },
      mocks: [
        {
          request: { query: VerifyCertificateDocument, variables: { code: 'hello' } },
          result: { errors: [new GraphQLError('Not a verification code', { extensions: { code: 'BAD_USER_INPUT' } })] },
        },
      ],
    });

    const alert = wrapper.get('[role="alert"]');
    expect(alert.attributes('data-code')).toBe('BAD_USER_INPUT');
    expect(alert.text()).toContain('Not a verification code');
  });
});

describe('what a verification answer means', () => {
  it('is valid only when genuine and not revoked', () => {
    expect(verdictOf({ authentic: true, revoked: false })).toBe('valid');
    expect(verdictOf({ authentic: true, revoked: true })).toBe('revoked');
    expect(verdictOf({ authentic: false, revoked: null })).toBe('invalid');
    expect(verdictOf(null)).toBeNull();
  });
});
