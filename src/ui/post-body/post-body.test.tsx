// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PostBody } from './post-body';
import { imageAttachment, makeAttachment, makePost } from '../../../test/support/post-body';

afterEach(cleanup);

function show(body: string) {
  return render(<PostBody post={makePost(body)} />);
}

function body(container: HTMLElement): HTMLElement {
  const el = container.querySelector<HTMLElement>('.post-body');
  if (!el) throw new Error('no .post-body');
  return el;
}

describe('PostBody', () => {
  it('renders a div.post-body with dir=auto and paragraphs', () => {
    const { container } = show('First line\nsecond line\n\nNew paragraph');
    const root = body(container);
    expect(root).toHaveAttribute('dir', 'auto');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.querySelector('br')).not.toBeNull();
    expect(paragraphs[1]).toHaveTextContent('New paragraph');
  });

  it('lets Arabic and Hebrew paragraphs take their own direction', () => {
    const { container } = show('مرحبا بالعالم\n\nשלום עולם');
    for (const p of Array.from(body(container).querySelectorAll('p'))) expect(p).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('مرحبا بالعالم')).toBeInTheDocument();
  });

  it.each([
    ['b', 'B'],
    ['i', 'I'],
    ['u', 'U'],
    ['s', 'S'],
    ['sub', 'SUB'],
    ['sup', 'SUP'],
  ])('[%s] renders <%s>', (tag, element) => {
    show(`x [${tag}]styled[/${tag}] y`);
    expect(screen.getByText('styled').tagName).toBe(element);
  });

  it('[color] takes named colours and hex only', () => {
    show('[color=red]red[/color] [color=#00FF00]green[/color] [color=red;position:fixed]plain[/color]');
    // Handed to the stylesheet, which makes it readable on the theme (test/e2e/contrast.e2e.ts).
    expect(screen.getByText('red')).toHaveAttribute('style', '--author-color: red;');
    expect(screen.getByText('green')).toHaveAttribute('style', '--author-color: #00ff00;');
    expect(screen.getByText(/plain/).closest('[style]')).toBeNull();
  });

  it('[size] clamps to a fixed set of sizes', () => {
    show('[size=1]tiny[/size] [size=14pt]bigger[/size] [size=500px]capped[/size] [size=huge]plain[/size]');
    expect(screen.getByText('tiny')).toHaveClass('bb-size-1');
    expect(screen.getByText('bigger')).toHaveClass('bb-size-4');
    expect(screen.getByText('capped')).toHaveClass('bb-size-7');
    expect(screen.getByText(/plain/).closest('.bb-size')).toBeNull();
  });

  it('[font] takes only listed fonts', () => {
    show('[font=Georgia]serif[/font] [font="Comic Sans MS"]fun[/font] [font=url(x)]plain[/font]');
    expect(screen.getByText('serif').getAttribute('style')).toContain('Georgia');
    expect(screen.getByText('fun').getAttribute('style')).toContain('Comic Sans MS');
    expect(screen.getByText(/plain/).closest('[style]')).toBeNull();
  });

  it.each(['center', 'left', 'right', 'justify'])('[%s] aligns a block', (align) => {
    show(`[${align}]aligned[/${align}]`);
    expect(screen.getByText('aligned')).toHaveClass(`bb-align--${align}`);
  });

  it('[ltr] and [rtl] set the direction', () => {
    show('[rtl]right to left[/rtl][ltr]left to right[/ltr]');
    expect(screen.getByText('right to left')).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('left to right')).toHaveAttribute('dir', 'ltr');
  });

  it('[hr] and [br]', () => {
    const { container } = show('above[hr]below[br]next');
    expect(screen.getByRole('separator')).toBeInTheDocument();
    expect(body(container).querySelectorAll('br')).toHaveLength(1);
  });

  it('[me=Name] renders an action line', () => {
    show('[me=Bob]waves hello[/me]');
    expect(screen.getByText('* Bob waves hello')).toHaveClass('bb-me');
  });

  it('[nobbc] shows BBCode as text', () => {
    show('[nobbc][b]not bold[/b][/nobbc]');
    expect(screen.getByText('[b]not bold[/b]')).toBeInTheDocument();
  });

  it('[pre] keeps its formatting', () => {
    show('[pre]a   b[/pre]');
    expect(screen.getByText('a b', { normalizer: (s) => s.replace(/\s+/g, ' ') }).tagName).toBe('PRE');
  });

  describe('[code]', () => {
    it('shows code verbatim with its language and a copy button', async () => {
      const user = userEvent.setup();
      const { container } = show('[code=php]\necho "[b]hi[/b]";\n[/code]');
      const figure = container.querySelector('.bb-code') as HTMLElement;
      expect(within(figure).getByText('php')).toBeInTheDocument();
      expect(figure.querySelector('code')).toHaveTextContent('echo "[b]hi[/b]";');
      expect(figure.querySelector('b')).toBeNull();
      expect(figure.querySelector('pre')).toHaveAttribute('tabindex', '0');
      await user.click(within(figure).getByRole('button', { name: 'Copy code' }));
      expect(await navigator.clipboard.readText()).toBe('echo "[b]hi[/b]";');
      expect(within(figure).getByRole('status')).toHaveTextContent('Code copied');
    });

    it('labels code without a language as Code', () => {
      show('[code]x = 1[/code]');
      expect(screen.getByText('Code')).toHaveClass('bb-code__lang');
    });
  });

  describe('[quote]', () => {
    it('plain', () => {
      const { container } = show('[quote]quoted text[/quote]');
      const quote = container.querySelector('blockquote') as HTMLElement;
      expect(quote).toHaveTextContent('Quote');
      expect(within(quote).getByText('quoted text')).toBeInTheDocument();
    });

    it('with a name', () => {
      const { container } = show('[quote=Bob]hi[/quote]');
      expect(container.querySelector('.bb-quote__cite')).toHaveTextContent('Quote from: Bob');
      expect(within(container).queryByRole('link')).toBeNull();
    });

    it('with author, link and date links to the quoted post', () => {
      const { container } = show('[quote author=Dev Sunday link=msg=123 date=1700000000]hi[/quote]');
      const link = screen.getByRole('link', { name: /Quote from: Dev Sunday on/ });
      expect(link).toHaveAttribute('href', '/post/123');
      expect(container.querySelector('time')).toHaveAttribute('dateTime', '2023-11-14T22:13:20.000Z');
    });

    it('isolates the author’s name, so a right-to-left override in it stays inside it', () => {
      const { container } = show('[quote author=\u202Eecila date=1700000000]hi[/quote]');
      const cite = container.querySelector('cite') as HTMLElement;
      expect(cite).toHaveTextContent('\u202Eecila');
      // dir=auto gives it unicode-bidi: isolate (the browser test checks what is drawn).
      expect(cite).toHaveAttribute('dir', 'auto');
      expect(cite.nextSibling?.textContent).toBe(' on ');
    });

    it('with a topic link', () => {
      show('[quote author=Ann link=topic=12.msg34#msg34 date=1700000000]hi[/quote]');
      expect(screen.getByRole('link', { name: /Quote from: Ann/ })).toHaveAttribute('href', '/topic/12?post=34#msg34');
    });

    it('flattens quotes nested deeper than four, keeping their text', () => {
      const { container } = show(`${'[quote]'.repeat(7)}innermost${'[/quote]'.repeat(7)}`);
      expect(container.querySelectorAll('blockquote')).toHaveLength(4);
      expect(screen.getByText('innermost')).toBeInTheDocument();
    });
  });

  describe('lists', () => {
    it('[list] with [*] bullets', () => {
      show('[list]\n[*]one\n[*]two\n[/list]');
      const list = screen.getByRole('list');
      expect(list.tagName).toBe('UL');
      expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['one', 'two']);
    });

    it('[list type=decimal] with [li] items', () => {
      show('[list type=decimal][li]first[/li][li]second[/li][/list]');
      const list = screen.getByRole('list');
      expect(list.tagName).toBe('OL');
      expect(list).toHaveClass('bb-list--decimal');
      expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    });
  });

  it('[table] with header and data cells', () => {
    show('[table][tr][th]Name[/th][th]Age[/th][/tr][tr][td]Ann[/td][td]30[/td][/tr][/table]');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Name', 'Age']);
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ann', '30']);
  });

  describe('links', () => {
    it('[url=…] is an external link marked as user content', () => {
      show('[url=https://example.com/page]a page[/url]');
      const link = screen.getByRole('link', { name: 'a page' });
      expect(link).toHaveAttribute('href', 'https://example.com/page');
      expect(link).toHaveAttribute('rel', 'ugc nofollow noopener noreferrer');
      expect(link).not.toHaveAttribute('target');
    });

    it('[url]…[/url] uses its text as the address', () => {
      show('[url]http://example.com[/url]');
      expect(screen.getByRole('link', { name: 'http://example.com' })).toHaveAttribute('href', 'http://example.com/');
    });

    it('[iurl] and same-origin paths', () => {
      show('[iurl=/topic/5]topic five[/iurl]');
      const link = screen.getByRole('link', { name: 'topic five' });
      expect(link).toHaveAttribute('href', '/topic/5');
      expect(link).not.toHaveAttribute('rel');
    });

    it('[email]', () => {
      show('[email]ann@example.com[/email] and [email=bob@example.com]Bob[/email]');
      expect(screen.getByRole('link', { name: 'ann@example.com' })).toHaveAttribute('href', 'mailto:ann@example.com');
      expect(screen.getByRole('link', { name: 'Bob' })).toHaveAttribute('href', 'mailto:bob@example.com');
    });

    it.each([
      ['[url=mailto:ann@example.com?cc=eve@example.com&body=Send%20money]mail Ann[/url]', 'mailto:ann@example.com'],
      ['[url=mailto:ann@example.com#x?bcc=eve@example.com]mail Ann[/url]', 'mailto:ann@example.com'],
      ['[email=mailto:ann@example.com?subject=Hi&body=x]mail Ann[/email]', 'mailto:ann@example.com'],
      ['[email=?cc=eve@example.com]mail Ann[/email]', 'mailto:%3Fcc=eve@example.com'],
      ['[email=x#y@example.com]mail Ann[/email]', 'mailto:x%23y@example.com'],
    ])('links %s to the address alone, never to headers or a message body', (markup, href) => {
      show(markup);
      expect(screen.getByRole('link', { name: 'mail Ann' })).toHaveAttribute('href', href);
    });

    it.each([
      '[url=javascript:alert(1)]click me[/url]',
      '[url=//evil.example]click me[/url]',
      '[url=data:text/html,x]click me[/url]',
      '[url= javascript:alert(1)]click me[/url]',
    ])('%s renders as plain text', (markup) => {
      show(markup);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByText('click me')).toBeInTheDocument();
    });

    it('autolinks bare http(s) URLs', () => {
      show('Read https://example.com/docs, then reply.');
      expect(screen.getByRole('link', { name: 'https://example.com/docs' })).toHaveAttribute('rel', 'ugc nofollow noopener noreferrer');
    });
  });

  describe('[img]', () => {
    it('with width, height and alt', () => {
      show('[img width=320 height=200 alt=A cat]https://example.com/cat.png[/img]');
      const img = screen.getByRole('img', { name: 'A cat' });
      expect(img).toHaveAttribute('src', 'https://example.com/cat.png');
      expect(img).toHaveAttribute('width', '320');
      expect(img).toHaveAttribute('height', '200');
      expect(img).toHaveAttribute('loading', 'lazy');
    });

    it('loads an http:// image over https, the only way the page’s CSP lets images load', () => {
      show('[img alt=Old]http://example.com/old.png[/img] [img alt=Shouting]HTTP://example.com/LOUD.PNG[/img]');
      expect(screen.getByRole('img', { name: 'Old' })).toHaveAttribute('src', 'https://example.com/old.png');
      expect(screen.getByRole('img', { name: 'Shouting' })).toHaveAttribute('src', 'https://example.com/LOUD.PNG');
    });

    it('turns an image that fails to load into the broken-attachment card, linking to where it was', () => {
      show('Chart: [img alt=Sales chart]https://example.com/chart.png[/img]');
      fireEvent.error(screen.getByRole('img', { name: 'Sales chart' }));
      expect(screen.queryByRole('img')).toBeNull();
      const link = screen.getByRole('link', { name: 'Sales chart' });
      expect(link).toHaveAttribute('href', 'https://example.com/chart.png');
      expect(link.closest('.att--broken')).toHaveTextContent('This image could not be loaded');
    });

    it('names a failed image without alt text by its address', () => {
      show('[img]https://example.com/gone.png[/img]');
      fireEvent.error(screen.getByRole('img', { name: 'Image' }));
      expect(screen.getByRole('link', { name: 'https://example.com/gone.png' })).toBeInTheDocument();
    });

    it('refuses unsafe sources and shows the text instead', () => {
      show('[img]javascript:alert(1)[/img]');
      expect(screen.queryByRole('img')).toBeNull();
      expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
    });
  });

  describe('bidi controls in the text', () => {
    it('isolates an override left open to the end of its word, so the rest of the line keeps its order', () => {
      const { container } = show('invoice\u202Efdp.exe (looks like a PDF)\nnext line');
      const isolated = [...container.querySelectorAll('bdi')].map((el) => el.textContent);
      expect(isolated).toEqual(['\u202Efdp.exe']);
      expect(body(container)).toHaveTextContent('invoice\u202Efdp.exe (looks like a PDF)next line');
    });

    it('isolates an embedding up to its closing mark, words and all', () => {
      const { container } = show('say \u202Bשלום עולם\u202C then more');
      expect([...container.querySelectorAll('bdi')].map((el) => el.textContent)).toEqual(['\u202Bשלום עולם\u202C']);
    });

    it('leaves text without controls as plain text', () => {
      const { container } = show('שלום and hello');
      expect(container.querySelector('bdi')).toBeNull();
    });
  });

  describe('[youtube]', () => {
    it('makes no request until clicked, then embeds the privacy-enhanced player', async () => {
      const user = userEvent.setup();
      const { container } = show('[youtube]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/youtube]');
      expect(container.querySelector('iframe')).toBeNull();
      expect(container.querySelector('img')).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Play YouTube video' }));
      const frame = container.querySelector('iframe');
      expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
      expect(frame).toHaveAttribute('title', 'YouTube video player');
      expect(frame).toHaveFocus();
    });

    it('shows an invalid video as text', () => {
      show('[youtube]no-such-video-id[/youtube]');
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.getByText('no-such-video-id')).toBeInTheDocument();
    });
  });

  it('turns smiley codes into emoji with text alternatives', () => {
    show(":) ;) :D ;D >:( :( :o 8) ??? ::) :P :-[ :-X :-\\ :-* :'(");
    const names = screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'));
    expect(names).toEqual([
      'Smiley', 'Wink', 'Cheesy', 'Grin', 'Angry', 'Sad', 'Shocked', 'Cool', 'Huh?',
      'Roll Eyes', 'Tongue', 'Embarrassed', 'Lips Sealed', 'Undecided', 'Kiss', 'Cry',
    ]);
  });

  it('shows unknown and malformed tags as typed', () => {
    const { container } = show('[marquee]hi[/marquee] [b]open [/i]');
    expect(body(container)).toHaveTextContent('[marquee]hi[/marquee] [b]open [/i]');
  });

  it('shows raw HTML as text', () => {
    const { container } = show('<b onclick="x()">not bold</b>');
    expect(body(container).querySelector('b')).toBeNull();
    expect(body(container)).toHaveTextContent('<b onclick="x()">not bold</b>');
  });
});

describe('accessibility', () => {
  it('a post using every feature has no axe violations', async () => {
    const rich = [
      'Hello :) [b]bold[/b] [i]it[/i] [u]u[/u] [s]s[/s] H[sub]2[/sub]O x[sup]2[/sup]',
      '[color=red]red[/color] [size=5]big[/size] [font=Georgia]serif[/font]',
      '[center]centred[/center][rtl]שלום[/rtl][hr][me=Bob]waves[/me]',
      '[quote author=Ann link=msg=3 date=1700000000]q [quote]inner[/quote][/quote]',
      '[code=js]const a = 1;[/code][pre]pre  text[/pre]',
      '[list][*]a[*]b[/list][list type=decimal][li]1[/li][/list]',
      '[table][tr][th]h[/th][/tr][tr][td]c[/td][/tr][/table]',
      '[url=https://example.com]link[/url] [email]a@example.com[/email] https://example.org',
      '[img alt=Kitten]https://example.com/k.png[/img] [youtube]dQw4w9WgXcQ[/youtube]',
      '[attach id=1]photo-1.jpg[/attach] [attach id=404]gone.png[/attach]',
      '[attachment deleted by admin]',
    ].join('\n\n');
    const { container } = render(
      <main>
        <PostBody
          post={makePost(rich, [
            imageAttachment(1),
            imageAttachment(2),
            makeAttachment({ id: 3, name: 'a.pdf', url: '/a/3', sizeBytes: 10 }),
            makeAttachment({ id: 4, name: 'p.zip', state: 'pending' }),
          ])}
        />
      </main>,
    );
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
  });
});
