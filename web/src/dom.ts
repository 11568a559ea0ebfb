/**
 * A tiny element builder. Text always goes through `textContent`, never `innerHTML`, so
 * names and quotes from the graph cannot inject markup.
 */
type Child = Node | string | null | undefined | false;

export interface ElementProps {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Arabic text, marked so the browser lays it out right-to-left and screen readers read it as Arabic. */
export function arabic<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className = 'ar'): HTMLElementTagNameMap[K] {
  return h(tag, { className, text, attrs: { dir: 'rtl', lang: 'ar' } });
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`explorer: #${id} is missing from the page or is not a ${type.name}`);
  return element;
}
