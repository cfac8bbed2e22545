import { defineComponent, h, type PropType, type VNode } from 'vue';
import { RouterLink } from 'vue-router';
import { parseMarkdown, type Block, type Inline } from './markdown';

/**
 * Markdown from the graph (a reading, a question's prompt), rendered as elements and text nodes — no v-html, so an
 * author's text can never inject markup. Headings start at `headingLevel` (default 2: the page has its own h1).
 */
export default defineComponent({
  name: 'MarkdownText',
  props: {
    source: { type: String, required: true },
    headingLevel: { type: Number as PropType<number>, default: 2 },
  },
  setup(props) {
    return () => h('div', { class: 'markdown' }, parseMarkdown(props.source).map((block) => renderBlock(block, props.headingLevel)));
  },
});

function renderBlock(block: Block, headingLevel: number): VNode {
  switch (block.type) {
    case 'heading':
      return h(`h${Math.min(6, headingLevel + block.level - 1)}`, renderInlines(block.children));
    case 'paragraph':
      return h('p', renderInlines(block.children));
    case 'list':
      return h(block.ordered ? 'ol' : 'ul', block.items.map((item) => h('li', renderInlines(item))));
    case 'quote':
      return h('blockquote', [h('p', renderInlines(block.children))]);
    case 'code':
      return h('pre', [h('code', block.text)]);
    case 'rule':
      return h('hr');
    case 'table':
      return h('div', { class: 'markdown__table' }, [
        h('table', [
          h('thead', [h('tr', block.header.map((cell) => h('th', { scope: 'col' }, renderInlines(cell))))]),
          h('tbody', block.rows.map((row) => h('tr', row.map((cell) => h('td', renderInlines(cell)))))),
        ]),
      ]);
  }
}

function renderInlines(inlines: Inline[]): (VNode | string)[] {
  return inlines.map((inline) => {
    switch (inline.type) {
      case 'text':
        return inline.text;
      case 'code':
        return h('code', inline.text);
      case 'strong':
        return h('strong', renderInlines(inline.children));
      case 'em':
        return h('em', renderInlines(inline.children));
      case 'link':
        return inline.href.startsWith('/')
          ? h(RouterLink, { to: inline.href }, () => renderInlines(inline.children))
          : h('a', { href: inline.href, target: '_blank', rel: 'noopener noreferrer' }, renderInlines(inline.children));
    }
  });
}
