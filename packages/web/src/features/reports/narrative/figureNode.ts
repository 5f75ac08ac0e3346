import { mergeAttributes, Node } from '@tiptap/react';
import { FIGURE_NODE } from './text.ts';
import type { FigureStore } from './figureStore.ts';

/**
 * Live figures in the narrative: a `figure` node is an inline atom holding only the quote's key;
 * what it shows is read from a FigureStore each time the forms' values change, so the text always
 * quotes the current figure of the table form, and the stored document never holds a stale number.
 */

export interface FigureOptions {
  store: FigureStore | null;
}

/** The `figure` inline atom: attrs {key}; shown as a chip with the live value. */
export const FigureNode = Node.create<FigureOptions>({
  name: FIGURE_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { store: null };
  },

  addAttributes() {
    return {
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-figure') ?? '',
        renderHTML: (attributes) => ({ 'data-figure': attributes.key as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-figure]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'nf-chip' }), `{{${node.attrs.key as string}}}`];
  },

  renderText({ node }) {
    const key = node.attrs.key as string;
    return this.options.store?.value(key) ?? '…';
  },

  addNodeView() {
    const store = this.options.store;
    return ({ node }) => {
      const dom = document.createElement('span');
      dom.className = 'nf-chip';
      dom.contentEditable = 'false';
      dom.setAttribute('data-figure', node.attrs.key as string);
      let key = node.attrs.key as string;
      const render = () => {
        const shown = store ? store.get(key) : { text: `{{${key}}}`, title: '', missing: true };
        if (dom.textContent !== shown.text) dom.textContent = shown.text;
        dom.title = shown.title;
        dom.classList.toggle('nf-chip-missing', shown.missing);
      };
      render();
      const unsubscribe = store?.subscribe(render);
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== FIGURE_NODE) return false;
          key = updated.attrs.key as string;
          dom.setAttribute('data-figure', key);
          render();
          return true;
        },
        ignoreMutation: () => true,
        destroy: () => unsubscribe?.(),
      };
    };
  },
});
