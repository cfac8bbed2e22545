import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { CoursesDocument, SearchCatalogDocument } from '@gql';
import { mountScreen } from '../testSupport';
import CatalogPage from './CatalogPage.vue';

const course = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Course',
  id,
  title,
  summary: `About ${title}`,
  level: 'BEGINNER',
  estimatedMinutes: 75,
  ...extra,
});

const browse = {
  request: { query: CoursesDocument, variables: { first: 20, filter: { status: 'PUBLISHED' } } },
  result: {
    data: {
      courses: {
        __typename: 'CourseConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
        edges: [
          {
            __typename: 'CourseEdge',
            cursor: 'c1',
            node: course('course-linux', 'Linux Command Line for Defenders', {
              status: 'PUBLISHED',
              visibility: 'GLOBAL',
              publishedAt: '2026-01-05T09:00:00Z',
              author: { __typename: 'User', id: 'root', displayName: 'CyCube Team' },
            }),
          },
        ],
      },
    },
  },
};

function search(query: string, hits: { id: string; title: string; snippet: string }[]) {
  return {
    request: { query: SearchCatalogDocument, variables: { query, first: 20 } },
    result: {
      data: {
        searchCatalog: {
          __typename: 'SearchResultConnection',
          totalCount: hits.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: hits.map((hit) => ({
            __typename: 'SearchResultEdge',
            cursor: hit.id,
            node: {
              __typename: 'SearchHit',
              score: 1.5,
              highlights: [{ __typename: 'SearchHighlight', field: 'title', snippet: hit.snippet }],
              course: course(hit.id, hit.title),
            },
          })),
        },
      },
    },
  };
}

/** The debounce (and the mocked graph's answers) on a clock the test moves. */
function fakeTimers() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

async function elapse(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await flushPromises();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the catalog', () => {
  it('lists the published courses with their level and duration', async () => {
    const { wrapper } = await mountScreen(CatalogPage, { mocks: [browse] });

    expect(wrapper.get('h1').text()).toBe('Catalog');
    const card = wrapper.get('[data-testid="catalog-courses"] li');
    expect(card.get('a').text()).toBe('Linux Command Line for Defenders');
    expect(card.get('a').attributes('href')).toBe('/courses/course-linux');
    expect(card.text()).toContain('Level: Beginner');
    expect(card.text()).toContain('Duration: 1 h 15 min');
    expect(card.text()).toContain('by CyCube Team');
  });

  it('has a labelled search box', async () => {
    const { wrapper } = await mountScreen(CatalogPage, { mocks: [browse] });

    const input = wrapper.get('input[type="search"]');
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Search the catalog');
  });

  it('asks the graph once the user pauses typing, not on every key', async () => {
    const { wrapper, sent } = await mountScreen(CatalogPage, {
      mocks: [browse, search('phish', [{ id: 'course-phishing', title: 'Phishing Defense Fundamentals', snippet: '<em>Phishing</em> Defense &amp; Response' }])],
    });
    fakeTimers();
    const input = wrapper.get('input[type="search"]');

    await input.setValue('ph');
    await elapse(100);
    await input.setValue('phi');
    await elapse(100);
    await input.setValue('phish');
    await elapse(299);
    expect(sent.filter((operation) => operation.name === 'SearchCatalog')).toHaveLength(0);

    await elapse(1);
    await elapse(10);
    expect(sent.filter((operation) => operation.name === 'SearchCatalog')).toEqual([{ name: 'SearchCatalog', variables: { query: 'phish', first: 20 } }]);

    const results = wrapper.get('[data-testid="search-results"]');
    expect(results.get('a').text()).toBe('Phishing Defense Fundamentals');
    expect(results.get('mark').text()).toBe('Phishing');
    expect(results.text()).toContain('Phishing Defense & Response');
    expect(wrapper.get('[role="status"][data-testid="catalog-announcement"]').text()).toBe('1 course found');
  });

  it('says so when nothing matches', async () => {
    const { wrapper } = await mountScreen(CatalogPage, { mocks: [browse, search('ransomware', [])] });
    fakeTimers();

    await wrapper.get('input[type="search"]').setValue('ransomware');
    await elapse(300);
    await elapse(10);

    expect(wrapper.find('[data-testid="search-results"]').exists()).toBe(false);
    expect(wrapper.get('.empty').text()).toBe('No course matches “ransomware”. Try another word.');
  });

  it('renders a snippet’s markup as text: only the matched words are marked', async () => {
    const { wrapper } = await mountScreen(CatalogPage, {
      mocks: [browse, search('xss', [{ id: 'course-webapp', title: 'Web Application Attacks', snippet: '&lt;script&gt; and <em>XSS</em>' }])],
    });
    fakeTimers();

    await wrapper.get('input[type="search"]').setValue('xss');
    await elapse(300);
    await elapse(10);

    const snippet = wrapper.get('.snippet');
    expect(snippet.find('script').exists()).toBe(false);
    expect(snippet.text()).toBe('<script> and XSS');
    expect(snippet.get('mark').text()).toBe('XSS');
  });

  it('shows every course again when the search box is emptied', async () => {
    const { wrapper } = await mountScreen(CatalogPage, { mocks: [browse, search('linux', []), browse] });
    fakeTimers();

    await wrapper.get('input[type="search"]').setValue('linux');
    await elapse(310);
    await wrapper.get('input[type="search"]').setValue('');
    await elapse(310);

    expect(wrapper.get('h2').text()).toBe('All courses');
    expect(wrapper.find('[data-testid="catalog-courses"]').exists()).toBe(true);
  });
});
