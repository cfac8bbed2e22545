import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import MarkdownText from './MarkdownText';
import { parseInline, parseMarkdown } from './markdown';

describe('Markdown from the graph', () => {
  it('reads headings, paragraphs and lists', () => {
    const blocks = parseMarkdown('# Anatomy\n\nMost emails share\na few tells:\n\n- **Urgency**: now\n- A `sender`\n');
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'list']);
    expect(blocks[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: 'Most emails share a few tells:' }] });
  });

  it('reads inline code, strong, emphasis and links', () => {
    expect(parseInline('Use `grep -i` **now**, *carefully*, see [docs](https://example.org)')).toEqual([
      { type: 'text', text: 'Use ' },
      { type: 'code', text: 'grep -i' },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'now' }] },
      { type: 'text', text: ', ' },
      { type: 'em', children: [{ type: 'text', text: 'carefully' }] },
      { type: 'text', text: ', see ' },
      { type: 'link', href: 'https://example.org', children: [{ type: 'text', text: 'docs' }] },
    ]);
  });

  it('drops links to script addresses but keeps their text', () => {
    expect(parseInline('[click](javascript:alert%281%29)')).toEqual([{ type: 'text', text: 'click' }]);
  });

  it('reads a table with code in its cells', () => {
    const [table] = parseMarkdown('| command | does |\n|---|---|\n| `pwd` | where am I? |\n| `ls -la` | list |');
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0][0]).toEqual([{ type: 'code', text: 'pwd' }]);
  });

  it('keeps fenced code as it is written', () => {
    expect(parseMarkdown('```\ngrep -i "x" | sort\n  uniq -c\n```')).toEqual([{ type: 'code', text: 'grep -i "x" | sort\n  uniq -c' }]);
  });

  it('renders HTML in the source as visible text, never as markup', () => {
    const wrapper = mount(MarkdownText, { props: { source: 'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>' } });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.text()).toContain('<img src=x onerror="alert(1)">');
  });

  it('starts headings below the page’s own heading', () => {
    const wrapper = mount(MarkdownText, { props: { source: '# Title\n\n## Part' } });
    expect(wrapper.find('h2').text()).toBe('Title');
    expect(wrapper.find('h3').text()).toBe('Part');
    expect(wrapper.find('h1').exists()).toBe(false);
  });
});
