import { describe, expect, it } from 'vitest';
import { CertificateDetailsDocument, MyCertificatesDocument } from '@gql';
import { mountScreen } from '../testSupport';
import CertificatePage from './CertificatePage.vue';
import CertificatesPage from './CertificatesPage.vue';

const CODE = '3f2b7c1e-8d4a-4c2b-9e1f-0a1b2c3d4e5f.q9X2mZ7rT4vB8nK1pL6sW3yH5cJ0dF2gA7eR9uI4oPk';

function mine(certificates: object[]) {
  return {
    request: { query: MyCertificatesDocument, variables: { first: 20 } },
    result: {
      data: {
        certificates: {
          __typename: 'CertificateConnection',
          totalCount: certificates.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: certificates.map((node) => ({ __typename: 'CertificateEdge', node })),
        },
      },
    },
  };
}

const certificate = {
  __typename: 'Certificate',
  id: 'cert-1',
  courseTitle: 'Phishing Defense Fundamentals',
  score: 90,
  issuedAt: '2026-02-10T12:00:00Z',
  verificationCode: CODE,
  revoked: false,
};

describe('the certificates page', () => {
  it('lists the trainee’s certificates, each opening its own page', async () => {
    const { wrapper } = await mountScreen(CertificatesPage, { mocks: [mine([certificate])] });

    const link = wrapper.get('[data-testid="certificates"] a');
    expect(link.text()).toBe('Phishing Defense Fundamentals');
    expect(link.attributes('href')).toBe('/certificates/cert-1');
    expect(wrapper.text()).toContain('Issued Feb 10, 2026');
    expect(wrapper.text()).toContain('Score 90 %');
  });

  it('says how to earn one when there are none', async () => {
    const { wrapper } = await mountScreen(CertificatesPage, { mocks: [mine([])] });

    expect(wrapper.get('.empty').text()).toContain('No certificates yet');
  });
});

describe('one certificate', () => {
  it('shows its verification code and links to the public verification page', async () => {
    const details = {
      request: { query: CertificateDetailsDocument, variables: { id: 'cert-1' } },
      result: {
        data: {
          certificate: {
            ...certificate,
            courseId: 'course-phishing',
            holderName: 'Adam Trainee',
            issuer: 'CyCube',
            platformContent: true,
            revokedAt: null,
          },
        },
      },
    };
    const { wrapper } = await mountScreen(CertificatePage, { props: { id: 'cert-1' }, mocks: [details] });

    expect(wrapper.get('h1').text()).toBe('Certificate: Phishing Defense Fundamentals');
    expect(wrapper.get('[data-testid="verification-code"]').text()).toBe(CODE);
    const verify = wrapper.findAll('a').find((link) => link.text() === 'Check it on the verification page');
    expect(verify?.attributes('href')).toBe(`/verify/${CODE}`);
  });

  it('answers someone else’s certificate as not found', async () => {
    const { wrapper } = await mountScreen(CertificatePage, {
      props: { id: 'cert-x' },
      mocks: [{ request: { query: CertificateDetailsDocument, variables: { id: 'cert-x' } }, result: { data: { certificate: null } } }],
    });

    expect(wrapper.get('[role="alert"]').attributes('data-code')).toBe('NOT_FOUND');
  });
});
